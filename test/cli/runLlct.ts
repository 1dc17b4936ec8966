/** Runs the real `llct` binary (bin/llct.mjs) as CI does, in a given working directory. */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root. */
export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BIN = join(ROOT, 'bin', 'llct.mjs');

export interface Run { code: number | null; stdout: string; stderr: string }

/** Runs `llct args…` in `cwd`; resolves with the exit code (null when killed) and both outputs, never rejects. */
export function runLlct(cwd: string, args: readonly string[], maxBuffer = 20 * 1024 * 1024): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', maxBuffer }, (err, stdout, stderr) => {
      resolve({ code: err ? (typeof err.code === 'number' ? err.code : null) : 0, stdout, stderr });
    });
  });
}
