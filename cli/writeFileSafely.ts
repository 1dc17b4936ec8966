/**
 * Writes a whole file without ever leaving it half written: the text goes to a temporary file beside it, which then
 * replaces the target in one rename. A target that is a directory, a missing folder or a full disk is an error
 * returned (the old file, if any, is left as it was).
 */
import { rename, rm, stat, writeFile } from 'node:fs/promises';

export async function writeFileSafely(path: string, text: string): Promise<{ ok: true } | { ok: false; error: NodeJS.ErrnoException }> {
  const temporary = `${path}.${process.pid}.tmp`;
  try {
    const existing = await stat(path).catch(() => undefined);
    if (existing?.isDirectory()) return { ok: false, error: Object.assign(new Error(`EISDIR: ${path}`), { code: 'EISDIR', path }) };
    await writeFile(temporary, text, 'utf8');
    await rename(temporary, path);
    return { ok: true };
  } catch (e) {
    await rm(temporary, { force: true }).catch(() => undefined);
    return { ok: false, error: e as NodeJS.ErrnoException };
  }
}
