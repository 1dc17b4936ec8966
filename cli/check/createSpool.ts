/**
 * A temporary file that collects text and gives it back in order, for outputs that cannot be written before the
 * end (JUnit counts its testcases in its first line; a table needs its column widths): memory stays bounded
 * whatever the input size. The file is removed by `dispose`, and on every other way out of the process: a normal
 * exit, an uncaught error, SIGINT (Ctrl-C), SIGTERM (a time-out) or SIGHUP — it holds cadres' verdicts.
 */
import { closeSync, createReadStream, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface Spool {
  append(text: string): void;
  /** The text appended, in chunks. Call once, after the last `append`. */
  chunks(): AsyncIterable<string>;
  dispose(): void;
}

/** Spool directories not yet disposed of, removed by `removeLiveSpools` whatever ends the process. */
const live = new Set<string>();
let hooked = false;

/** Removes every spool directory still present (synchronous: runs in `exit` and signal handlers). */
export function removeLiveSpools(): void {
  for (const dir of live) rmSync(dir, { recursive: true, force: true });
  live.clear();
}

const SIGNALS = { SIGINT: 2, SIGTERM: 15, SIGHUP: 1 } as const;

function hookExit(): void {
  if (hooked) return;
  hooked = true;
  process.once('exit', removeLiveSpools);
  for (const [signal, number] of Object.entries(SIGNALS)) {
    process.once(signal, () => {
      removeLiveSpools();
      // The conventional status of a process ended by a signal (130 for Ctrl-C).
      process.exit(128 + number);
    });
  }
}

export function createSpool(): Spool {
  hookExit();
  const dir = mkdtempSync(join(tmpdir(), 'llct-check-'));
  live.add(dir);
  const path = join(dir, 'spool.txt');
  let fd: number | undefined = openSync(path, 'w');
  let pending = '';
  const flush = () => {
    if (pending !== '' && fd !== undefined) { writeSync(fd, pending); pending = ''; }
  };
  return {
    append(text) {
      pending += text;
      if (pending.length >= 1 << 20) flush();
    },
    chunks() {
      flush();
      if (fd !== undefined) { closeSync(fd); fd = undefined; }
      return createReadStream(path, { encoding: 'utf8', highWaterMark: 1 << 20 });
    },
    dispose() {
      if (fd !== undefined) { try { closeSync(fd); } catch { /* already failed: the directory goes anyway */ } fd = undefined; }
      rmSync(dir, { recursive: true, force: true });
      live.delete(dir);
    },
  };
}
