/**
 * Opens an .xlsx workbook from its bytes: refuses what is not one (another format, an old .xls, an encrypted or
 * macro-enabled workbook) with a `WorkbookProblem`, and reads the small parts every sheet needs: the sheets' names and
 * parts, which cell styles are dates, the 1904 date system, and the shared strings (bounded: `maxSharedChars`).
 * Pure.
 */
import { attribute, decodeXml, stringItemText } from './xmlText.ts';
import { DEFAULT_ZIP_LIMITS, ENCRYPTED_HINT, inflateEntry, looksLikeZip, readEntryText, readZipDirectory, type ZipEntry, type ZipLimits } from './readZip.ts';
import { WorkbookProblem } from './WorkbookProblem.ts';

export interface WorkbookLimits extends ZipLimits {
  /** Most characters of shared strings held (all of them together). */
  maxSharedChars: number;
  /** Most characters of one row's XML (a row longer than this is not a list row). */
  maxRowChars: number;
}

export const DEFAULT_WORKBOOK_LIMITS: WorkbookLimits = { ...DEFAULT_ZIP_LIMITS, maxSharedChars: 128 * 1024 * 1024, maxRowChars: 4 * 1024 * 1024 };

export interface SheetInfo {
  name: string;
  /** 1-based position among the workbook's sheets. */
  index: number;
  hidden: boolean;
  entry: ZipEntry;
}

export interface OpenedWorkbook {
  bytes: Uint8Array;
  sheets: SheetInfo[];
  sharedStrings: readonly string[];
  /** `dateStyles[s]`: cells of style index `s` hold dates. */
  dateStyles: readonly boolean[];
  date1904: boolean;
  entries: ReadonlyMap<string, ZipEntry>;
  limits: WorkbookLimits;
}

const SMALL_PART_CHARS = 16 * 1024 * 1024;
/** Excel holds at most this many characters in a cell. */
const MAX_CELL_CHARS = 32_767;

const SAVE_AS_XLSX = { vi: 'Mở tệp bằng Excel và lưu lại: Tệp › Lưu thành › Sổ làm việc Excel (*.xlsx).', en: 'Open it in Excel and save it again: File › Save As › Excel Workbook (*.xlsx).' };

/** An OLE compound file (old .xls, or an encrypted .xlsx wrapped in one). */
function isOle(bytes: Uint8Array): boolean {
  return bytes.length >= 8 && bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0;
}

/** Whether `needle` (ASCII) appears in `bytes` as UTF-16LE, as OLE directory names are stored. */
function hasUtf16Name(bytes: Uint8Array, needle: string): boolean {
  const first = needle.charCodeAt(0);
  for (let i = 0; i + needle.length * 2 <= bytes.length; i++) {
    if (bytes[i] !== first || bytes[i + 1] !== 0) continue;
    let j = 1;
    while (j < needle.length && bytes[i + 2 * j] === needle.charCodeAt(j) && bytes[i + 2 * j + 1] === 0) j++;
    if (j === needle.length) return true;
  }
  return false;
}

function partPath(base: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = base.split('/').slice(0, -1);
  for (const p of target.split('/')) {
    if (p === '..') parts.pop();
    else if (p !== '.') parts.push(p);
  }
  return parts.join('/');
}

function relationships(bytes: Uint8Array, entries: ReadonlyMap<string, ZipEntry>, path: string, limits: ZipLimits): Map<string, { type: string; target: string }> {
  const out = new Map<string, { type: string; target: string }>();
  const entry = entries.get(path);
  if (!entry) return out;
  for (const m of readEntryText(bytes, entry, SMALL_PART_CHARS, limits).matchAll(/<Relationship\b([^>]*)>/g)) {
    const id = attribute(m[1]!, 'Id');
    const target = attribute(m[1]!, 'Target');
    if (id !== undefined && target !== undefined) out.set(id, { type: attribute(m[1]!, 'Type') ?? '', target });
  }
  return out;
}

const BUILTIN_DATE_FORMATS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

/** Whether a number format code shows a date (a day, month or year part outside quotes and brackets). */
export function isDateFormat(code: string): boolean {
  const bare = code.replace(/"[^"]*"|\[[^\]]*\]|\\./g, '').split(';')[0]!;
  return /[dy]/i.test(bare) || (/m/i.test(bare) && !/[hs]/i.test(bare));
}

function readStyles(text: string): boolean[] {
  const custom = new Map<number, string>();
  for (const m of text.matchAll(/<numFmt\b([^>]*)\/?>/g)) {
    const id = Number(attribute(m[1]!, 'numFmtId'));
    const code = attribute(m[1]!, 'formatCode');
    if (Number.isInteger(id) && code !== undefined) custom.set(id, code);
  }
  const xfs = /<cellXfs\b[^>]*>([\s\S]*?)<\/cellXfs>/.exec(text)?.[1] ?? '';
  const out: boolean[] = [];
  for (const m of xfs.matchAll(/<xf\b([^>]*?)\/?>/g)) {
    const id = Number(attribute(m[1]!, 'numFmtId') ?? '0');
    const code = custom.get(id);
    out.push(code !== undefined ? isDateFormat(code) : BUILTIN_DATE_FORMATS.has(id));
  }
  return out;
}

function readSharedStrings(bytes: Uint8Array, entry: ZipEntry, limits: WorkbookLimits): string[] {
  const strings: string[] = [];
  const decoder = new TextDecoder();
  let buffer = '';
  let chars = 0;
  const tooLarge = () => new WorkbookProblem('xlsx/too-large', {
    vi: `bảng chuỗi dùng chung (xl/sharedStrings.xml) dài quá ${limits.maxSharedChars} ký tự; dừng đọc`,
    en: `the shared strings (xl/sharedStrings.xml) are longer than ${limits.maxSharedChars} characters; reading stopped`,
  });
  for (const chunk of inflateEntry(bytes, entry, limits)) {
    buffer += decoder.decode(chunk, { stream: true });
    let from = 0;
    for (;;) {
      const open = buffer.indexOf('<si', from);
      if (open < 0) { from = Math.max(from, buffer.length - 3); break; }
      const gt = buffer.indexOf('>', open);
      if (gt < 0) break;
      if (buffer[gt - 1] === '/') { strings.push(''); from = gt + 1; continue; }
      const close = buffer.indexOf('</si>', gt);
      if (close < 0) {
        if (buffer.length - open > limits.maxRowChars) throw tooLarge();
        break;
      }
      const text = stringItemText(buffer.slice(gt + 1, close));
      if (text.length > MAX_CELL_CHARS) {
        throw new WorkbookProblem('xlsx/too-large', {
          vi: `chuỗi dùng chung thứ ${strings.length + 1} dài ${text.length} ký tự, quá giới hạn ${MAX_CELL_CHARS} ký tự một ô của Excel; dừng đọc`,
          en: `shared string ${strings.length + 1} is ${text.length} characters long, beyond Excel's ${MAX_CELL_CHARS} characters per cell; reading stopped`,
        });
      }
      chars += text.length;
      if (chars > limits.maxSharedChars) throw tooLarge();
      strings.push(text);
      from = close + 5;
    }
    buffer = buffer.slice(from);
  }
  return strings;
}

/** Opens the workbook in `bytes` (see the module). */
export function openWorkbook(bytes: Uint8Array, limits: WorkbookLimits = DEFAULT_WORKBOOK_LIMITS): OpenedWorkbook {
  if (isOle(bytes)) {
    if (hasUtf16Name(bytes, 'EncryptionInfo') || hasUtf16Name(bytes, 'EncryptedPackage')) {
      throw new WorkbookProblem('xlsx/encrypted', { vi: 'sổ tính được bảo vệ bằng mật khẩu (mã hoá), không đọc được', en: 'the workbook is protected with a password (encrypted) and cannot be read' }, ENCRYPTED_HINT);
    }
    throw new WorkbookProblem('xlsx/old-format', { vi: 'đây là sổ tính Excel 97–2003 (.xls, định dạng nhị phân cũ), không đọc được', en: 'this is an Excel 97–2003 workbook (.xls, the old binary format), which cannot be read' }, SAVE_AS_XLSX);
  }
  if (!looksLikeZip(bytes)) {
    throw new WorkbookProblem('xlsx/not-zip', { vi: 'tệp không phải là sổ tính .xlsx (không phải tệp zip)', en: 'the file is not an .xlsx workbook (it is not a zip file)' },
      { vi: 'Đưa tệp .xlsx do Excel hoặc LibreOffice lưu; tệp CSV thì đặt đuôi .csv.', en: 'Give an .xlsx file saved by Excel or LibreOffice; a CSV file needs a .csv name.' });
  }
  const entries = readZipDirectory(bytes);
  if (entries.has('xl/vbaProject.bin') || [...entries.keys()].some((n) => /vbaProject\.bin$/i.test(n))) {
    throw new WorkbookProblem('xlsx/macros', { vi: 'sổ tính có macro (.xlsm); không đọc sổ tính chứa macro', en: 'the workbook contains macros (.xlsm); workbooks with macros are not read' },
      { vi: 'Lưu lại thành sổ tính không có macro: Tệp › Lưu thành › Sổ làm việc Excel (*.xlsx).', en: 'Save it without macros: File › Save As › Excel Workbook (*.xlsx).' });
  }
  const root = relationships(bytes, entries, '_rels/.rels', limits);
  const officeDocument = [...root.values()].find((r) => r.type.endsWith('/officeDocument'));
  const workbookPath = officeDocument ? partPath('', officeDocument.target) : 'xl/workbook.xml';
  const workbookEntry = entries.get(workbookPath);
  if (!workbookEntry) {
    throw new WorkbookProblem('xlsx/not-workbook', { vi: 'tệp zip này không phải là sổ tính Excel (thiếu xl/workbook.xml)', en: 'this zip file is not an Excel workbook (xl/workbook.xml is missing)' },
      { vi: 'Tệp .docx, .ods hay .zip không phải sổ tính .xlsx.', en: 'A .docx, .ods or .zip file is not an .xlsx workbook.' });
  }
  const workbook = readEntryText(bytes, workbookEntry, SMALL_PART_CHARS, limits);
  const relsPath = workbookPath.replace(/([^/]*)$/, '_rels/$1.rels');
  const rels = relationships(bytes, entries, relsPath, limits);
  const sheets: SheetInfo[] = [];
  for (const m of workbook.matchAll(/<(?:\w+:)?sheet\b([^>]*?)\/?>/g)) {
    const attrs = m[1]!;
    const rid = /\br:id\s*=\s*"([^"]*)"/.exec(attrs)?.[1] ?? /\b\w+:id\s*=\s*"([^"]*)"/.exec(attrs)?.[1];
    const rel = rid !== undefined ? rels.get(decodeXml(rid)) : undefined;
    const entry = rel ? entries.get(partPath(workbookPath, rel.target)) : undefined;
    if (!entry) continue;
    const state = attribute(attrs, 'state');
    sheets.push({ name: attribute(attrs, 'name') ?? `#${sheets.length + 1}`, index: sheets.length + 1, hidden: state === 'hidden' || state === 'veryHidden', entry });
  }
  if (sheets.length === 0) {
    throw new WorkbookProblem('xlsx/no-sheet', { vi: 'sổ tính không có trang tính nào', en: 'the workbook has no worksheet' });
  }
  const date1904 = /<(?:\w+:)?workbookPr\b[^>]*\bdate1904\s*=\s*"(?:1|true)"/.test(workbook);
  const relList = [...rels.values()];
  const stylesRel = relList.find((r) => r.type.endsWith('/styles'));
  const stylesEntry = entries.get(stylesRel ? partPath(workbookPath, stylesRel.target) : 'xl/styles.xml');
  const dateStyles = stylesEntry ? readStyles(readEntryText(bytes, stylesEntry, SMALL_PART_CHARS, limits)) : [];
  const sstRel = relList.find((r) => r.type.endsWith('/sharedStrings'));
  const sstEntry = entries.get(sstRel ? partPath(workbookPath, sstRel.target) : 'xl/sharedStrings.xml');
  const sharedStrings = sstEntry ? readSharedStrings(bytes, sstEntry, limits) : [];
  return { bytes, sheets, sharedStrings, dateStyles, date1904, entries, limits };
}
