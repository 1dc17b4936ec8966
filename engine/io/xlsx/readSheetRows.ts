/**
 * The rows of one worksheet, read a slice of its XML at a time (memory bounded by the longest row, not the sheet),
 * with each cell's value as Excel shows it: shared and inline strings, numbers, booleans, dates (a number in a date
 * style, or an ISO `t="d"` cell) as ISO `YYYY-MM-DD`, a formula's cached value. Pure.
 */
import type { OpenedWorkbook, SheetInfo } from './openWorkbook.ts';
import { inflateEntry } from './readZip.ts';
import { attribute, decodeXml, stringItemText } from './xmlText.ts';
import { WorkbookProblem } from './WorkbookProblem.ts';

/** A cell's value; `problem` for a cell that holds no usable value (an error such as `#N/A`, a formula never computed). */
export type CellValue = string | number | boolean | { date: string } | { problem: 'error' | 'formula'; text: string };

export interface SheetRow {
  /** The row number Excel shows (1-based). */
  row: number;
  /** Values by 0-based column; holes are empty cells. */
  cells: CellValue[];
}

/** A range of merged cells, 0-based inclusive columns and 1-based rows. */
export interface MergedRange { top: number; left: number; bottom: number; right: number }

/** 0-based column of a cell reference's letters (`A1` → 0, `AB7` → 27); -1 when there are none. */
export function columnIndex(ref: string): number {
  let n = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c >= 65 && c <= 90) n = n * 26 + (c - 64);
    else if (c >= 97 && c <= 122) n = n * 26 + (c - 96);
    else break;
  }
  return i === 0 ? -1 : n - 1;
}

/** The letters of a 0-based column (0 → `A`, 27 → `AB`). */
export function columnLetters(index: number): string {
  let s = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

const DAY_MS = 86_400_000;

/**
 * The ISO day of an Excel serial date: days since 1899-12-30 (1900 system, whose day 60 is Excel's non-existent
 * 29 February 1900 — serials below 61 are one day off against the calendar and are read as Excel shows them) or since
 * 1904-01-01. The time of day is dropped; `undefined` outside 1900–2200.
 */
export function serialToIso(serial: number, date1904: boolean): string | undefined {
  // Beyond 2200 (serial 110,000 or so) and below 0 no day is read; the bound also keeps Date in range.
  if (!Number.isFinite(serial) || serial < 0 || serial > 200_000) return undefined;
  const day = Math.floor(serial);
  const base = date1904 ? Date.UTC(1904, 0, 1) : day < 61 ? Date.UTC(1899, 11, 31) : Date.UTC(1899, 11, 30);
  const d = new Date(base + day * DAY_MS);
  const y = d.getUTCFullYear();
  if (y < 1900 || y > 2200) return undefined;
  return `${String(y).padStart(4, '0')}-${String(d.getUTCMonth() + 1).padStart(2, '0')}-${String(d.getUTCDate()).padStart(2, '0')}`;
}

const CELL = /<(?:\w+:)?c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?c>)/g;
const VALUE = /<(?:\w+:)?v\b[^>]*>([\s\S]*?)<\/(?:\w+:)?v>/;
const FORMULA = /<(?:\w+:)?f\b[^>]*(?:\/>|>([\s\S]*?)<\/(?:\w+:)?f>)/;
const INLINE = /<(?:\w+:)?is\b[^>]*>([\s\S]*?)<\/(?:\w+:)?is>/;

function cellValue(attrs: string, inner: string | undefined, book: OpenedWorkbook): CellValue | undefined {
  if (inner === undefined) return undefined;
  const type = attribute(attrs, 't') ?? 'n';
  if (type === 'inlineStr') {
    const is = INLINE.exec(inner);
    return is ? stringItemText(is[1]!) : undefined;
  }
  const v = VALUE.exec(inner);
  if (!v) {
    const f = FORMULA.exec(inner);
    return f ? { problem: 'formula', text: `=${decodeXml(f[1] ?? '')}` } : undefined;
  }
  const raw = decodeXml(v[1]!);
  switch (type) {
    case 's': return book.sharedStrings[Number(raw)] ?? '';
    case 'str': return raw;
    case 'b': return raw.trim() === '1' || raw.trim() === 'true';
    case 'e': return { problem: 'error', text: raw };
    case 'd': return { date: raw.slice(0, 10) };
    default: {
      const n = Number(raw);
      if (raw.trim() === '' || !Number.isFinite(n)) return raw;
      const style = Number(attribute(attrs, 's') ?? '0');
      if (book.dateStyles[style]) {
        const iso = serialToIso(n, book.date1904);
        if (iso !== undefined) return { date: iso };
      }
      return n;
    }
  }
}

function parseRow(text: string, fallbackRow: number, book: OpenedWorkbook): SheetRow {
  const gt = text.indexOf('>');
  const head = text.slice(4, gt);
  const row = Number(attribute(head, 'r') ?? fallbackRow) || fallbackRow;
  const cells: CellValue[] = [];
  if (text[gt - 1] === '/') return { row, cells };
  let next = 0;
  for (const m of text.slice(gt + 1).matchAll(CELL)) {
    const ref = attribute(m[1]!, 'r');
    const col = ref !== undefined ? columnIndex(ref) : next;
    next = (col < 0 ? next : col) + 1;
    const value = cellValue(m[1]!, m[2], book);
    if (value !== undefined && col >= 0 && col < 16384) cells[col] = value;
  }
  return { row, cells };
}

function* sheetText(book: OpenedWorkbook, sheet: SheetInfo): Generator<string> {
  const decoder = new TextDecoder();
  for (const chunk of inflateEntry(book.bytes, sheet.entry, book.limits)) yield decoder.decode(chunk, { stream: true });
  yield decoder.decode();
}

/** The sheet's merged ranges (`<mergeCells>`, written after the rows: a pass of its own over the sheet's XML). */
export function readMergedRanges(book: OpenedWorkbook, sheet: SheetInfo): MergedRange[] {
  const out: MergedRange[] = [];
  let buffer = '';
  for (const text of sheetText(book, sheet)) {
    buffer += text;
    let from = 0;
    for (;;) {
      const at = buffer.indexOf('<mergeCell ', from);
      if (at < 0) { from = Math.max(from, buffer.length - 16); break; }
      const end = buffer.indexOf('>', at);
      if (end < 0) { from = at; break; }
      const ref = attribute(buffer.slice(at + 10, end), 'ref');
      const m = ref ? /^([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?$/i.exec(ref) : null;
      if (m) out.push({ left: columnIndex(m[1]!), top: Number(m[2]), right: columnIndex(m[3] ?? m[1]!), bottom: Number(m[4] ?? m[2]) });
      from = end + 1;
    }
    buffer = buffer.slice(from);
  }
  return out;
}

/** The non-empty rows of `sheet`, in order (see the module). A row longer than the limit stops with a `WorkbookProblem`. */
export function* readSheetRows(book: OpenedWorkbook, sheet: SheetInfo): Generator<SheetRow> {
  let buffer = '';
  let last = 0;
  let inData = false;
  for (const text of sheetText(book, sheet)) {
    buffer += text;
    let from = 0;
    if (!inData) {
      const at = buffer.search(/<(?:\w+:)?sheetData\b/);
      if (at < 0) { buffer = buffer.slice(Math.max(0, buffer.length - 32)); continue; }
      const gt = buffer.indexOf('>', at);
      if (gt < 0) { buffer = buffer.slice(at); continue; }
      inData = true;
      from = gt + 1;
    }
    const endAt = buffer.indexOf('sheetData>', from);
    for (;;) {
      const open = buffer.indexOf('<row', from);
      if (endAt >= 0 && (open < 0 || endAt < open)) return;
      if (open < 0) { from = Math.max(from, buffer.length - 16); break; }
      const gt = buffer.indexOf('>', open);
      if (gt < 0) { from = open; break; }
      let close: number;
      if (buffer[gt - 1] === '/') close = gt + 1;
      else {
        const c = buffer.indexOf('</row>', gt);
        if (c < 0) { from = open; break; }
        close = c + 6;
      }
      const row = parseRow(buffer.slice(open, close), last + 1, book);
      last = row.row;
      from = close;
      if (row.cells.length > 0) yield row;
    }
    buffer = buffer.slice(from);
    if (buffer.length > book.limits.maxRowChars) {
      throw new WorkbookProblem('xlsx/row-too-long', {
        vi: `trang tính "${sheet.name}": một hàng sau hàng ${last} dài quá ${book.limits.maxRowChars} ký tự XML; dừng đọc`,
        en: `sheet "${sheet.name}": a row after row ${last} is longer than ${book.limits.maxRowChars} characters of XML; reading stopped`,
      });
    }
  }
}
