/**
 * Entry point of `llct` (bin/llct.mjs imports it): the only module that touches `process` state. Commands write
 * through the context and return their exit code; this sets `process.exitCode` and lets Node flush and exit.
 */
import { runCli } from './runCli.ts';

/** Writes to a stream, ignoring a closed pipe (`llct check … | head`). */
function writer(stream: NodeJS.WriteStream): (text: string) => void {
  stream.on('error', (e: NodeJS.ErrnoException) => { if (e.code !== 'EPIPE') throw e; });
  return (text) => { stream.write(text); };
}

process.exitCode = await runCli(process.argv.slice(2), {
  out: writer(process.stdout), err: writer(process.stderr), errIsTTY: process.stderr.isTTY === true, cwd: process.cwd(),
});
