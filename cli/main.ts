/**
 * Entry point of `llct` (bin/llct.mjs imports it): the only module that touches `process` state. Commands write
 * through the context and return their exit code; this sets `process.exitCode` and lets Node flush and exit.
 */
import { runCli } from './runCli.ts';
import { describeWriteError } from './writeErrors.ts';

const lang = process.argv.includes('--lang=en') || process.argv[process.argv.indexOf('--lang') + 1] === 'en' ? 'en' : 'vi';
let writeFailed = false;

/**
 * Writes to a stream, ignoring a closed pipe (`llct check … | head`). Any other write error (a full disk, an I/O
 * error) is reported once on stderr, later writes are dropped and the exit code becomes 2 (a file error), never a
 * stack trace or exit 1 (which CI reads as "some rows invalid").
 */
function writer(stream: NodeJS.WriteStream, name: string): (text: string) => void {
  let failed = false;
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE' || failed) return;
    failed = true;
    writeFailed = true;
    if (stream !== process.stderr) process.stderr.write(`${describeWriteError(name, e, lang)}\n`);
  });
  return (text) => { if (!failed) stream.write(text); };
}

const code = await runCli(process.argv.slice(2), {
  out: writer(process.stdout, 'stdout'), err: writer(process.stderr, 'stderr'), errIsTTY: process.stderr.isTTY === true, cwd: process.cwd(),
});
process.exitCode = code;
// A write error may surface only when the last output is flushed: the exit code says so then too.
process.once('beforeExit', () => { if (writeFailed && process.exitCode !== 3) process.exitCode = 2; });
if (writeFailed && code !== 3) process.exitCode = 2;
