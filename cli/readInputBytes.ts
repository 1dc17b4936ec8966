/**
 * Reading a binary input whole (a workbook): a file, or `-` / a pipe, refused beyond `maxBytes` and when it is a
 * directory or a device. Workbooks are zip files, whose directory is at the end: they cannot be read front to back.
 */
import { open } from 'node:fs/promises';
import { diagnostic, type Diagnostic } from '../engine/diagnostics/Diagnostic.ts';
import { unreadableFile } from './readFiles.ts';

/** Workbooks larger than this (compressed) are refused: 256 MB of .xlsx is some 5 million rows. */
export const MAX_WORKBOOK_BYTES = 256 * 1024 * 1024;

const tooLarge = (file: string, maxBytes: number): Diagnostic => ({
  ...diagnostic('file/too-large', 'error', '', { vi: `${file}: sổ tính lớn hơn ${Math.round(maxBytes / 1048576)} MB`, en: `${file}: the workbook is larger than ${Math.round(maxBytes / 1048576)} MB` },
    { vi: 'Tách danh sách thành nhiều tệp, hoặc lưu thành CSV UTF-8 (được đọc dần, không giới hạn cỡ).', en: 'Split the list into several files, or save it as CSV UTF-8 (read a batch at a time, whatever its size).' }),
  file,
});

/** The bytes of `path` (`file`: the name messages use; `-` reads standard input). */
export async function readInputBytes(path: string, file: string, maxBytes = MAX_WORKBOOK_BYTES): Promise<{ ok: true; bytes: Uint8Array } | { ok: false; diagnostic: Diagnostic }> {
  if (file === '-' || path === '/dev/stdin') {
    const parts: Buffer[] = [];
    let length = 0;
    for await (const chunk of process.stdin as AsyncIterable<Buffer>) {
      length += chunk.length;
      if (length > maxBytes) return { ok: false, diagnostic: tooLarge(file, maxBytes) };
      parts.push(chunk);
    }
    return { ok: true, bytes: new Uint8Array(Buffer.concat(parts)) };
  }
  let handle;
  try {
    handle = await open(path, 'r');
  } catch (e) {
    return { ok: false, diagnostic: unreadableFile(file, e) };
  }
  try {
    const st = await handle.stat();
    if (st.isDirectory()) return { ok: false, diagnostic: unreadableFile(file, Object.assign(new Error('EISDIR'), { code: 'EISDIR' })) };
    if (!st.isFile()) {
      return { ok: false, diagnostic: { ...diagnostic('file/device', 'error', '', { vi: `${file}: sổ tính phải là một tệp thường`, en: `${file}: a workbook must be a regular file` }), file } };
    }
    if (st.size > maxBytes) return { ok: false, diagnostic: tooLarge(file, maxBytes) };
    return { ok: true, bytes: new Uint8Array(await handle.readFile()) };
  } catch (e) {
    return { ok: false, diagnostic: unreadableFile(file, e) };
  } finally {
    await handle.close();
  }
}

/** Whether a cadre file is a workbook: by `--input-format xlsx`, else by its extension. */
export function isWorkbookInput(file: string, format: string | undefined): boolean {
  if (format !== undefined) return format === 'xlsx';
  return /\.(xlsx|xlsm|xltx|xltm|xls)$/i.test(file);
}
