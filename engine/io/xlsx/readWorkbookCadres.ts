/**
 * Reads cadre profiles from an .xlsx workbook's bytes, sheet by sheet (all visible sheets, or the one `sheet` names),
 * a batch of rows at a time: the sheet's XML is inflated and parsed in slices, so memory holds the file, the shared
 * strings and one batch, whatever the number of rows. Pure (no Node built-ins): the CLI and the page pass the bytes.
 *
 * In each sheet the heading row is the first row (of the first 50) naming at least three columns of the heading table
 * (cadreHeadings.ts: Vietnamese or English, with or without diacritics), so title rows above it are passed over. Below
 * it each row is one cadre; a row filling at most one known column (a section title such as "I. Khối Đảng", a note
 * or a signature under the list) is not a cadre and is reported as skipped, never silently. Cells merged down a
 * column give their value to every row they cover. Cell values become what `buildCadre` reads: dates (date cells,
 * serial numbers in a date column, DD/MM/YYYY text) as ISO, positions by catalogue name or code, `Xếp loại 2024`
 * columns as ratings of that year. Problems name the file, the sheet, the row Excel shows and the column.
 */
import type { Label } from '../../documents/enums.ts';
import type { PositionCatalogue } from '../../documents/catalogue.ts';
import { buildCadreFromValues } from '../buildCadre.ts';
import { CADRE_COLUMNS, type Column } from '../cadreColumns.ts';
import { foldHeading, headingOf, matchHeading } from '../cadreHeadings.ts';
import { createIdTracker, FORBIDDEN_KEYS, positionCodes, type CadreRow } from '../cadreRows.ts';
import { fileDiagnostic, rowDiagnostic, type RowContext, type RowDiagnostic } from '../rowDiagnostic.ts';
import { DEFAULT_WORKBOOK_LIMITS, openWorkbook, type OpenedWorkbook, type SheetInfo, type WorkbookLimits } from './openWorkbook.ts';
import { columnLetters, readMergedRanges, readSheetRows, serialToIso, type CellValue, type MergedRange, type SheetRow } from './readSheetRows.ts';
import { WorkbookProblem } from './WorkbookProblem.ts';

export interface ReadWorkbookOptions {
  /** File name used in every message. */
  file: string;
  /** One sheet, by name or 1-based number; every visible sheet when absent. */
  sheet?: string | number;
  /** Position catalogue: positions are read by name as well as code, and checked against it. */
  positions?: PositionCatalogue;
  limits?: WorkbookLimits;
  /** Rows per batch (default 1000). */
  batchRows?: number;
}

export interface WorkbookBatch {
  rows: CadreRow[];
  errors: RowDiagnostic[];
}

export interface WorkbookCadreReader {
  /** The batches, in sheet and row order. A workbook that cannot be read yields one batch holding its error. */
  batches(): Generator<WorkbookBatch>;
  /**
   * The names of the sheets `batches` reads (every visible sheet, or the one asked for), in order; empty when the
   * workbook cannot be opened or the sheet asked for is not there (`batches` then says why).
   */
  sheetNames(): string[];
  /** Data rows seen, and rows left out for errors (after `batches` ran). */
  readonly total: number;
  readonly invalid: number;
}

/** How many rows from the top of a sheet may hold its title before the heading row. */
const HEADING_SEARCH_ROWS = 50;
const MIN_HEADINGS = 3;
const REQUIRED = CADRE_COLUMNS.filter((c) => c.required);
const NOT_CADRE_HEADINGS = new Set(['stt', 'tt', 'so tt', 'so thu tu', 'ghi chu', 'note', 'notes', 'no']);

interface Layout {
  /** `byColumn[i]`: the sheet column holding `CADRE_COLUMNS[i]`, or -1. */
  byColumn: number[];
  /** Columns holding one year's rating. */
  ratingYears: { year: number; col: number }[];
  columns: Map<string, { letters: string; heading: string }>;
  headingRow: number;
  /** Every sheet column read (for "how many known cells does this row fill"). */
  used: number[];
}

type Problem = (code: string, severity: 'error' | 'warning', path: string, problem: Label, hint?: Label) => RowDiagnostic;

export function createWorkbookCadreReader(bytes: Uint8Array, options: ReadWorkbookOptions): WorkbookCadreReader {
  const { file } = options;
  const positions = positionCodes(options.positions);
  const byName = new Map<string, string>();
  for (const p of options.positions?.positions ?? []) {
    for (const name of [p.name.vi, p.name.en]) {
      const folded = foldHeading(name);
      byName.set(folded, p.code);
      // "Trưởng phòng" for "Trưởng phòng và tương đương", as lists write it.
      const short = folded.replace(/ (va tuong duong|and equivalent)$/, '');
      if (short !== folded && !byName.has(short)) byName.set(short, p.code);
    }
  }
  const ids = createIdTracker();
  const batchRows = options.batchRows ?? 1000;
  let total = 0;
  let invalid = 0;

  const toPosition = (text: string) => (positions?.has(text.trim()) ? text.trim() : byName.get(foldHeading(text)) ?? text);

  function sheetProblem(sheet: SheetInfo): Problem {
    return (code, severity, path, problem, hint) => ({
      ...fileDiagnostic(file, code, severity, path,
        { vi: `trang tính "${sheet.name}": ${problem.vi}`, en: `sheet "${sheet.name}": ${problem.en}` }, undefined, hint),
      sheet: sheet.name,
    });
  }

  function readHeading(row: SheetRow, sheet: SheetInfo, errors: RowDiagnostic[]): Layout | undefined {
    const problem = sheetProblem(sheet);
    const byColumn = CADRE_COLUMNS.map(() => -1);
    const ratingYears: { year: number; col: number }[] = [];
    const columns = new Map<string, { letters: string; heading: string }>();
    const used: number[] = [];
    let fatal = false;
    row.cells.forEach((value, col) => {
      const heading = cellText(value).trim();
      if (heading === '') return;
      const at = `${columnLetters(col)}${row.row}`;
      if (heading.split('.').some((part) => FORBIDDEN_KEYS.has(part.trim()))) {
        errors.push(problem('cadre/forbidden-key', 'error', heading,
          { vi: `ô ${at}: tiêu đề "${heading}" là tên bị cấm (__proto__, constructor, prototype); cột bị bỏ qua`, en: `cell ${at}: the heading "${heading}" is a forbidden name (__proto__, constructor, prototype); the column is ignored` }));
        return;
      }
      const match = matchHeading(heading);
      if (!match) {
        if (!NOT_CADRE_HEADINGS.has(foldHeading(heading))) {
          errors.push(problem('cadre/unknown-column', 'warning', heading,
            { vi: `ô ${at}: cột "${heading}" không thuộc hồ sơ cán bộ và bị bỏ qua`, en: `cell ${at}: the column "${heading}" is not a cadre profile field and is ignored` }));
        }
        return;
      }
      if (match.kind === 'rating-year') {
        const twin = ratingYears.find((r) => r.year === match.year);
        if (twin) {
          fatal = true;
          errors.push(problem('xlsx/duplicate-heading', 'error', 'ratings',
            { vi: `hai cột cùng là xếp loại năm ${match.year}: ${columnLetters(twin.col)}${row.row} và ${at}; không đọc trang tính này`, en: `two columns are both the rating of ${match.year}: ${columnLetters(twin.col)}${row.row} and ${at}; the sheet is not read` },
            { vi: 'Xoá hoặc đổi tên một trong hai cột.', en: 'Delete or rename one of the two columns.' }));
          return;
        }
        ratingYears.push({ year: match.year, col });
        if (!columns.has('ratings')) columns.set('ratings', { letters: columnLetters(col), heading });
        used.push(col);
        return;
      }
      const i = CADRE_COLUMNS.indexOf(match.column);
      const twin = byColumn[i]!;
      if (twin >= 0) {
        fatal = true;
        errors.push(problem('xlsx/duplicate-heading', 'error', match.column.name,
          { vi: `hai cột cùng nghĩa "${match.column.name}": ${columnLetters(twin)}${row.row} "${columns.get(match.column.name)?.heading}" và ${at} "${heading}"; không đọc trang tính này`, en: `two columns mean the same field "${match.column.name}": ${columnLetters(twin)}${row.row} "${columns.get(match.column.name)?.heading}" and ${at} "${heading}"; the sheet is not read` },
          { vi: 'Xoá hoặc đổi tên một trong hai cột.', en: 'Delete or rename one of the two columns.' }));
        return;
      }
      byColumn[i] = col;
      columns.set(match.column.name, { letters: columnLetters(col), heading });
      used.push(col);
    });
    const missing = REQUIRED.filter((c) => byColumn[CADRE_COLUMNS.indexOf(c)]! < 0);
    if (missing.length > 0) {
      fatal = true;
      errors.push(problem('xlsx/missing-columns', 'error', '',
        { vi: `hàng tiêu đề (hàng ${row.row}) thiếu cột bắt buộc ${missing.map((c) => `"${headingText(c)}"`).join(', ')}; không đọc trang tính này`, en: `the heading row (row ${row.row}) lacks the required column${missing.length > 1 ? 's' : ''} ${missing.map((c) => `"${headingText(c, 'en')}"`).join(', ')}; the sheet is not read` },
        { vi: 'Thêm cột còn thiếu, hoặc dùng mẫu: llct template --format xlsx --out mau.xlsx', en: 'Add the missing column, or start from the template: llct template --format xlsx --out template.xlsx' }));
    }
    return fatal ? undefined : { byColumn, ratingYears, columns, headingRow: row.row, used };
  }

  function rawValues(row: SheetRow, layout: Layout, fill: (col: number) => CellValue | undefined, ctx: RowContext, errors: RowDiagnostic[]): unknown[] | undefined {
    const raw = new Array<unknown>(CADRE_COLUMNS.length);
    let bad = false;
    const value = (col: number) => row.cells[col] ?? fill(col);
    const check = (v: CellValue | undefined, field: string): v is Exclude<CellValue, { problem: string }> | undefined => {
      if (v === undefined || typeof v !== 'object' || !('problem' in v)) return true;
      bad = true;
      errors.push(rowDiagnostic(ctx, v.problem === 'formula' ? 'xlsx/formula-no-value' : 'xlsx/error-cell', 'error', field,
        v.problem === 'formula'
          ? { vi: `ô có công thức ${v.text} chưa được tính (tệp không lưu giá trị)`, en: `the cell holds the formula ${v.text}, never computed (the file keeps no value)` }
          : { vi: `ô báo lỗi ${v.text}`, en: `the cell shows the error ${v.text}` },
        v.problem === 'formula'
          ? { vi: 'Mở tệp bằng Excel và lưu lại (để Excel tính công thức), hoặc thay công thức bằng giá trị.', en: 'Open the file in Excel and save it again (Excel then computes the formula), or replace the formula with its value.' }
          : { vi: 'Sửa công thức của ô, hoặc gõ giá trị.', en: "Fix the cell's formula, or type the value." }));
      return false;
    };
    for (let i = 0; i < CADRE_COLUMNS.length; i++) {
      const col = layout.byColumn[i]!;
      if (col < 0) continue;
      const column = CADRE_COLUMNS[i]!;
      const v = value(col);
      if (!check(v, column.name)) continue;
      raw[i] = toRaw(v, column);
    }
    const ratingsAt = CADRE_COLUMNS.findIndex((c) => c.name === 'ratings');
    const items: string[] = typeof raw[ratingsAt] === 'string' && raw[ratingsAt] !== '' ? [raw[ratingsAt] as string] : [];
    for (const { year, col } of layout.ratingYears) {
      const v = value(col);
      if (!check(v, 'ratings')) continue;
      const text = v === undefined ? '' : cellText(v).trim();
      if (text !== '') items.push(`${year}:${text}`);
    }
    if (items.length > 0) raw[ratingsAt] = items.join(';');
    return bad ? undefined : raw;
  }

  function toRaw(v: Exclude<CellValue, { problem: string }> | undefined, column: Column): unknown {
    if (v === undefined) return undefined;
    const spec = column.spec.type;
    if (typeof v === 'object') return v.date;
    if (typeof v === 'number') {
      if (spec === 'date') return serialToIso(v, book!.date1904) ?? String(v);
      if (spec === 'boolean') return v === 1 ? true : v === 0 ? false : String(v);
      return Number.isInteger(v) ? String(v) : String(v);
    }
    if (typeof v === 'boolean') return spec === 'boolean' ? v : String(v);
    if (spec === 'position') return toPosition(v);
    if (spec === 'positions') return v.split(/[;|]/).map((p) => toPosition(p)).join(';');
    return v;
  }

  let book: OpenedWorkbook | undefined;

  function* readSheet(sheet: SheetInfo, named: boolean): Generator<WorkbookBatch> {
    const wb = book!;
    let batch: WorkbookBatch = { rows: [], errors: [] };
    let layout: Layout | undefined;
    let merged: MergedRange[] | undefined;
    let seen = 0;
    let tabular = false;
    const problem = sheetProblem(sheet);
    for (const row of readSheetRows(wb, sheet)) {
      if (!layout) {
        seen++;
        if (row.cells.reduce<number>((n, v) => n + (cellText(v).trim() === '' ? 0 : 1), 0) >= MIN_HEADINGS) tabular = true;
        const known = row.cells.reduce<number>((n, v) => n + (matchHeading(cellText(v)) ? 1 : 0), 0);
        if (known >= MIN_HEADINGS || (known > 0 && row.cells.some((v) => FORBIDDEN_KEYS.has(cellText(v).trim())))) {
          layout = readHeading(row, sheet, batch.errors);
          if (!layout) { yield batch; return; }
          merged = readMergedRanges(wb, sheet).filter((m) => m.bottom > layout!.headingRow && m.bottom > m.top);
          continue;
        }
        if (seen >= HEADING_SEARCH_ROWS) break;
        continue;
      }
      for (const m of merged!) {
        const top = row.cells[m.left];
        if (m.top === row.row && top !== undefined) mergedTops.set(`${m.top}:${m.left}`, top);
      }
      const fill = (col: number): CellValue | undefined => {
        for (const m of merged!) {
          if (col >= m.left && col <= m.right && row.row >= m.top && row.row <= m.bottom && (m.top !== row.row || m.left !== col)) return mergedValue(m);
        }
        return undefined;
      };
      const filled = layout.used.reduce<number>((n, col) => {
        const v = row.cells[col] ?? fill(col);
        return n + (v === undefined || cellText(v).trim() === '' ? 0 : 1);
      }, 0);
      if (filled <= 1) {
        const text = row.cells.map((v) => cellText(v)).filter((t) => t.trim() !== '').join(' ').slice(0, 60);
        if (text === '') continue;
        batch.errors.push({ ...rowDiagnostic({ file, row: row.row, sheet: sheet.name }, 'xlsx/not-a-cadre-row', 'warning', '',
          { vi: `hàng không điền quá một cột của danh sách ("${text}"): coi là tiêu đề mục hoặc ghi chú, không phải cán bộ; bỏ qua`, en: `the row fills at most one column of the list ("${text}"): read as a section title or a note, not a cadre; skipped` }) });
        continue;
      }
      total++;
      const idCol = layout.byColumn[0]!;
      const idValue = idCol >= 0 ? row.cells[idCol] ?? fill(idCol) : undefined;
      const rawId = idValue !== undefined ? cellText(idValue).trim() : '';
      const ctx: RowContext = { file, row: row.row, sheet: sheet.name, columns: layout.columns, ...(rawId ? { id: rawId } : {}) };
      const raw = rawValues(row, layout, fill, ctx, batch.errors);
      const dup = ids.check(rawId, ctx);
      if (dup) batch.errors.push(dup);
      if (!raw || dup) { invalid++; continue; }
      const built = buildCadreFromValues(raw, ctx, positions);
      batch.errors.push(...built.diagnostics);
      if (!built.profile) { invalid++; continue; }
      batch.rows.push({ row: row.row, sheet: sheet.name, profile: built.profile, ...(built.nomination ? { nomination: built.nomination } : {}) });
      if (batch.rows.length >= batchRows) { yield batch; batch = { rows: [], errors: [] }; }
    }
    if (!layout && named) {
      batch.errors.push(problem('xlsx/no-heading-row', 'error', '',
        { vi: `không tìm thấy hàng tiêu đề trong ${HEADING_SEARCH_ROWS} hàng đầu (cần ít nhất ${MIN_HEADINGS} cột như "Mã cán bộ", "Họ và tên", "Ngày sinh")`, en: `no heading row in the first ${HEADING_SEARCH_ROWS} rows (at least ${MIN_HEADINGS} columns such as "Mã cán bộ", "Họ và tên", "Ngày sinh" are needed)` },
        { vi: 'Dùng mẫu: llct template --format xlsx --out mau.xlsx', en: 'Start from the template: llct template --format xlsx --out template.xlsx' }));
    } else if (!layout && tabular) {
      // A sheet of prose (the template's instructions) is no list and goes unsaid; a table without known headings is said.
      batch.errors.push(problem('xlsx/sheet-skipped', 'warning', '',
        { vi: 'không có hàng tiêu đề danh sách cán bộ; bỏ qua trang tính này', en: 'no cadre-list heading row; the sheet is skipped' }));
    }
    yield batch;

    function mergedValue(m: MergedRange): CellValue | undefined {
      return mergedTops.get(`${m.top}:${m.left}`);
    }
  }

  // The top-left values of merged ranges, remembered as their rows pass.
  const mergedTops = new Map<string, CellValue>();

  return {
    sheetNames() {
      try {
        book ??= openWorkbook(bytes, options.limits ?? DEFAULT_WORKBOOK_LIMITS);
      } catch (e) {
        if (!(e instanceof WorkbookProblem)) throw e;
        return [];
      }
      const chosen = pickSheets(book.sheets, options.sheet);
      return chosen.ok ? chosen.sheets.map((s) => s.name) : [];
    },
    *batches() {
      try {
        book ??= openWorkbook(bytes, options.limits ?? DEFAULT_WORKBOOK_LIMITS);
      } catch (e) {
        if (!(e instanceof WorkbookProblem)) throw e;
        yield { rows: [], errors: [fileDiagnostic(file, e.code, 'error', '', e.problem, undefined, e.hint)] };
        return;
      }
      const chosen = pickSheets(book.sheets, options.sheet);
      if (!chosen.ok) { yield { rows: [], errors: [fileDiagnostic(file, 'xlsx/no-such-sheet', 'error', '', chosen.problem, undefined, chosen.hint)] }; return; }
      let any = false;
      for (const sheet of chosen.sheets) {
        try {
          for (const batch of readSheet(sheet, options.sheet !== undefined)) {
            if (batch.rows.length > 0) any = true;
            yield batch;
          }
        } catch (e) {
          if (!(e instanceof WorkbookProblem)) throw e;
          yield { rows: [], errors: [{ ...fileDiagnostic(file, e.code, 'error', '', e.problem, undefined, e.hint), sheet: sheet.name }] };
          return;
        }
      }
      if (!any && total === 0) {
        yield { rows: [], errors: [fileDiagnostic(file, 'xlsx/no-cadres', 'error', '',
          { vi: 'sổ tính không có danh sách cán bộ nào đọc được', en: 'the workbook holds no readable cadre list' },
          undefined, { vi: 'Dùng mẫu: llct template --format xlsx --out mau.xlsx', en: 'Start from the template: llct template --format xlsx --out template.xlsx' })] };
      }
    },
    get total() { return total; },
    get invalid() { return invalid; },
  };
}

function headingText(c: Column, lang: 'vi' | 'en' = 'vi'): string {
  return `${headingOf(c, lang)} (${c.name})`;
}

/** A cell as text (dates as ISO, numbers as JavaScript writes them). */
export function cellText(v: CellValue | undefined): string {
  if (v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'object') return 'date' in v ? v.date : v.text;
  return String(v);
}

function pickSheets(sheets: readonly SheetInfo[], wanted: string | number | undefined):
  { ok: true; sheets: SheetInfo[] } | { ok: false; problem: Label; hint: Label } {
  if (wanted === undefined) return { ok: true, sheets: sheets.filter((s) => !s.hidden) };
  const found = typeof wanted === 'number' ? sheets.find((s) => s.index === wanted) : sheets.find((s) => s.name === wanted) ?? sheets.find((s) => foldHeading(s.name) === foldHeading(wanted));
  if (found) return { ok: true, sheets: [found] };
  const names = sheets.map((s) => `${s.index}. "${s.name}"`).join(', ');
  return { ok: false, problem: { vi: `không có trang tính ${typeof wanted === 'number' ? `số ${wanted}` : `"${wanted}"`}`, en: `there is no sheet ${typeof wanted === 'number' ? `number ${wanted}` : `"${wanted}"`}` },
    hint: { vi: `Các trang tính: ${names}.`, en: `The sheets: ${names}.` } };
}
