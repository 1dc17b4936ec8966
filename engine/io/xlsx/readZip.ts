/**
 * The zip container of a workbook, read from bytes already in memory: the central directory lists the parts, and a
 * part is inflated a slice at a time, so a sheet's XML never has to be held whole. Inflation is bounded: a part
 * stops with a `WorkbookProblem` once its output passes `maxPartBytes`, or passes `maxRatio` times its compressed
 * size (and 16 MB), so a zip bomb costs at most that much work. Pure (fflate's synchronous inflater).
 */
import { Inflate } from 'fflate';
import { WorkbookProblem } from './WorkbookProblem.ts';

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  /** Offset of the local file header. */
  offset: number;
  encrypted: boolean;
}

export interface ZipLimits {
  /** Most bytes one part may inflate to. */
  maxPartBytes: number;
  /** Most bytes out per compressed byte (beyond the first 16 MB). */
  maxRatio: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = { maxPartBytes: 2 * 1024 * 1024 * 1024, maxRatio: 250 };

const SLICE = 16 * 1024;
const RATIO_FLOOR = 16 * 1024 * 1024;

const u16 = (b: Uint8Array, at: number) => b[at]! | (b[at + 1]! << 8);
const u32 = (b: Uint8Array, at: number) => (b[at]! | (b[at + 1]! << 8) | (b[at + 2]! << 16) | (b[at + 3]! << 24)) >>> 0;

/** True when the bytes start as a zip archive does (`PK\3\4`, or an empty archive's `PK\5\6`). */
export function looksLikeZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 3 || bytes[2] === 5) && (bytes[3] === 4 || bytes[3] === 6);
}

/** The parts of a zip archive by name; a `WorkbookProblem` when the bytes are not a readable zip. */
export function readZipDirectory(bytes: Uint8Array): Map<string, ZipEntry> {
  let end = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65535); i--) {
    if (bytes[i] === 0x50 && bytes[i + 1] === 0x4b && bytes[i + 2] === 5 && bytes[i + 3] === 6) { end = i; break; }
  }
  if (end < 0) throw new WorkbookProblem('xlsx/not-zip', { vi: 'tệp không phải là một sổ tính .xlsx (không đọc được cấu trúc zip)', en: 'the file is not an .xlsx workbook (its zip structure cannot be read)' });
  const count = u16(bytes, end + 10);
  let at = u32(bytes, end + 16);
  const entries = new Map<string, ZipEntry>();
  const decoder = new TextDecoder();
  for (let n = 0; n < count; n++) {
    if (at + 46 > bytes.length || u32(bytes, at) !== 0x02014b50) {
      throw new WorkbookProblem('xlsx/not-zip', { vi: 'cấu trúc zip của tệp bị hỏng', en: 'the zip structure of the file is damaged' });
    }
    const flags = u16(bytes, at + 8);
    const nameLength = u16(bytes, at + 28);
    const extra = u16(bytes, at + 30);
    const comment = u16(bytes, at + 32);
    const name = decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength));
    entries.set(name, {
      name, method: u16(bytes, at + 10), compressedSize: u32(bytes, at + 20), uncompressedSize: u32(bytes, at + 24),
      offset: u32(bytes, at + 42), encrypted: (flags & 1) === 1,
    });
    at += 46 + nameLength + extra + comment;
  }
  return entries;
}

/**
 * The inflated bytes of `entry`, a piece at a time (within the limits; see the module). Lazy: a caller that stops
 * iterating stops the inflation.
 */
export function* inflateEntry(bytes: Uint8Array, entry: ZipEntry, limits: ZipLimits = DEFAULT_ZIP_LIMITS): Generator<Uint8Array> {
  const at = entry.offset;
  if (at + 30 > bytes.length || u32(bytes, at) !== 0x04034b50) {
    throw new WorkbookProblem('xlsx/not-zip', { vi: `phần ${entry.name} của tệp zip bị hỏng`, en: `the part ${entry.name} of the zip is damaged` });
  }
  if (entry.encrypted) {
    throw new WorkbookProblem('xlsx/encrypted', { vi: 'sổ tính được mã hoá bằng mật khẩu', en: 'the workbook is encrypted with a password' }, ENCRYPTED_HINT);
  }
  const start = at + 30 + u16(bytes, at + 26) + u16(bytes, at + 28);
  const data = bytes.subarray(start, Math.min(bytes.length, start + entry.compressedSize));
  const cap = Math.min(limits.maxPartBytes, Math.max(RATIO_FLOOR, data.length * limits.maxRatio));
  let out = 0;
  const check = (n: number) => {
    out += n;
    if (out > cap) {
      throw new WorkbookProblem('xlsx/too-large', {
        vi: `phần ${entry.name} giải nén ra hơn ${Math.round(cap / 1048576)} MB (từ ${Math.max(1, Math.round(data.length / 1024))} KB nén): có thể là "bom zip"; dừng đọc`,
        en: `the part ${entry.name} inflates to more than ${Math.round(cap / 1048576)} MB (from ${Math.max(1, Math.round(data.length / 1024))} KB compressed): possibly a zip bomb; reading stopped`,
      });
    }
  };
  if (entry.method === 0) {
    for (let i = 0; i < data.length; i += SLICE) {
      const chunk = data.subarray(i, Math.min(data.length, i + SLICE));
      check(chunk.length);
      yield chunk;
    }
    return;
  }
  if (entry.method !== 8) {
    throw new WorkbookProblem('xlsx/unsupported', { vi: `phần ${entry.name} nén theo cách ${entry.method}, không đọc được`, en: `the part ${entry.name} uses compression method ${entry.method}, which cannot be read` });
  }
  let pending: Uint8Array[] = [];
  const inflater = new Inflate((chunk) => { check(chunk.length); pending.push(chunk); });
  for (let i = 0; i < data.length || i === 0; i += SLICE) {
    try {
      inflater.push(data.subarray(i, Math.min(data.length, i + SLICE)), i + SLICE >= data.length);
    } catch (e) {
      if (e instanceof WorkbookProblem) throw e;
      throw new WorkbookProblem('xlsx/not-zip', { vi: `phần ${entry.name} của tệp zip bị hỏng (không giải nén được)`, en: `the part ${entry.name} of the zip is damaged (it does not inflate)` });
    }
    const ready = pending;
    pending = [];
    yield* ready;
  }
}

/** What to do with a workbook protected by a password. */
export const ENCRYPTED_HINT = {
  vi: 'Mở bằng Excel, bỏ mật khẩu (Tệp › Thông tin › Bảo vệ sổ làm việc › Mã hoá bằng mật khẩu, để trống) rồi lưu lại dạng .xlsx.',
  en: 'Open it in Excel, remove the password (File › Info › Protect Workbook › Encrypt with Password, left empty) and save it again as .xlsx.',
};

/** A whole part as text (for the small parts: workbook, relationships, styles), within `maxChars`. */
export function readEntryText(bytes: Uint8Array, entry: ZipEntry, maxChars: number, limits?: ZipLimits): string {
  const decoder = new TextDecoder();
  const parts: string[] = [];
  let length = 0;
  for (const chunk of inflateEntry(bytes, entry, limits)) {
    const t = decoder.decode(chunk, { stream: true });
    length += t.length;
    if (length > maxChars) {
      throw new WorkbookProblem('xlsx/too-large', { vi: `phần ${entry.name} dài quá ${maxChars} ký tự`, en: `the part ${entry.name} is longer than ${maxChars} characters` });
    }
    parts.push(t);
  }
  parts.push(decoder.decode());
  return parts.join('');
}
