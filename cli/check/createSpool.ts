/**
 * A temporary file that collects text and gives it back in order, for outputs that cannot be written before the
 * end (JUnit counts its testcases in its first line; a table needs its column widths): memory stays bounded
 * whatever the input size. The file is removed by `dispose`.
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

export function createSpool(): Spool {
  const dir = mkdtempSync(join(tmpdir(), 'llct-check-'));
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
      if (fd !== undefined) { closeSync(fd); fd = undefined; }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
