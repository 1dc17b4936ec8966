/**
 * Errors of the file system seen while writing (stdout, `--out`, `--save`, a temporary file): a full disk, no
 * permission, a directory where a file was expected. They are the user's environment, not a bug: a message naming
 * the target and exit 2, never exit 3.
 */
import type { Lang } from './parseArgs.ts';

/** Error codes of node:fs that describe the environment rather than a bug. */
const ENVIRONMENT_CODES = new Set(['ENOSPC', 'EDQUOT', 'EIO', 'EFBIG', 'EROFS', 'EACCES', 'EPERM', 'EISDIR', 'ENOENT', 'ENOTDIR', 'EMFILE', 'ENFILE', 'EBADF', 'ENXIO', 'ETXTBSY']);

/** Whether `e` is an error of the environment (see ENVIRONMENT_CODES). */
export function isEnvironmentError(e: unknown): e is NodeJS.ErrnoException {
  return e instanceof Error && typeof (e as NodeJS.ErrnoException).code === 'string' && ENVIRONMENT_CODES.has((e as NodeJS.ErrnoException).code!);
}

/** "stdout: cannot write (the disk is full, ENOSPC)" in the chosen language. */
export function describeWriteError(target: string, e: unknown, lang: Lang): string {
  const code = (e as NodeJS.ErrnoException).code ?? '';
  const [vi, en] = code === 'ENOSPC' || code === 'EDQUOT' ? ['đĩa đầy', 'the disk is full']
    : code === 'EISDIR' ? ['đây là thư mục, không phải tệp', 'is a directory, not a file']
      : code === 'EACCES' || code === 'EPERM' ? ['không có quyền ghi', 'permission denied']
        : code === 'ENOENT' || code === 'ENOTDIR' ? ['thư mục chứa không tồn tại', 'the folder does not exist']
          : code === 'EROFS' ? ['hệ thống tệp chỉ đọc', 'read-only file system']
            : ['lỗi vào/ra', 'input/output error'];
  return lang === 'en'
    ? `error: ${target}: cannot write (${en}, ${code || String(e)})`
    : `lỗi: ${target}: không ghi được (${vi}, ${code || String(e)})`;
}
