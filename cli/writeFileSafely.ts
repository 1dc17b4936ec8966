/**
 * Writes a whole file (`--out`, `--save`) without ever leaving it half written, and without ever replacing what is
 * not a regular file:
 * - a new path or a regular file: the text goes to a temporary file beside it, which then replaces the target in one
 *   rename (the old file, if any, is left as it was on an error);
 * - a symbolic link: the same, at the file it points to (the link stays a link);
 * - a device (`/dev/null`, `/dev/stdout`), a FIFO or a socket: written in place, as a shell's `>` would — a rename
 *   over it would replace the node by a regular file (as root, `--out /dev/null` would destroy the system's node);
 * - a directory: refused (EISDIR), nothing written.
 * Errors (a missing folder, a full disk, no reader…) are returned, never thrown.
 */
import { lstat, realpath, rename, rm, stat, writeFile } from 'node:fs/promises';

export type WriteOutcome = { ok: true } | { ok: false; error: NodeJS.ErrnoException };

export async function writeFileSafely(path: string, text: string | Uint8Array): Promise<WriteOutcome> {
  let target = path;
  let temporary: string | undefined;
  try {
    const existing = await stat(path).catch((e: NodeJS.ErrnoException) => {
      if (e.code === 'ENOENT') return undefined;
      throw e;
    });
    if (!existing && (await lstat(path).catch(() => undefined))?.isSymbolicLink()) {
      // A link to a file not yet there: create that file through the link, not a file in the link's place.
      await writeFile(path, text, 'utf8');
      return { ok: true };
    }
    if (existing?.isDirectory()) return { ok: false, error: Object.assign(new Error(`EISDIR: ${path}`), { code: 'EISDIR', path }) };
    if (existing && !existing.isFile()) {
      await writeFile(path, text, 'utf8');
      return { ok: true };
    }
    // A link is followed: the file it names is replaced, the link itself kept.
    if (existing) target = await realpath(path);
    temporary = `${target}.${process.pid}.tmp`;
    await writeFile(temporary, text, 'utf8');
    await rename(temporary, target);
    return { ok: true };
  } catch (e) {
    if (temporary !== undefined) await rm(temporary, { force: true }).catch(() => undefined);
    return { ok: false, error: e as NodeJS.ErrnoException };
  }
}
