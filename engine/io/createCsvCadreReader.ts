/**
 * Reads cadre profiles from CSV text fed in chunks: the first record is the header (the contract's dotted field
 * names, see `cadreColumns.ts`), each later record one cadre. Pure; `readCadresFromText` uses it for whole files.
 *
 * Reading is two steps, which a caller may run apart (the CLI scans on one thread and builds on others):
 * `createCsvCadreScanner` reads the header and does everything that spans rows or needs the raw record (row and
 * line numbers, quoting problems, extra cells, duplicate ids); `buildCsvCadre` turns one scanned record into a
 * validated profile. `createCsvCadreReader` runs both.
 */
import { closest } from '../diagnostics/Diagnostic.ts';
import { buildCadreFromValues, type BuiltCadre } from './buildCadre.ts';
import { CADRE_COLUMNS, COLUMN_BY_NAME, type Column } from './cadreColumns.ts';
import { createIdTracker, FORBIDDEN_KEYS, positionCodes, type CadreRow, type ReadCadresOptions } from './cadreRows.ts';
import { createCsvParser, MAX_RECORD_CHARS, type CsvRecord } from './parseCsv.ts';
import { fileDiagnostic, rowDiagnostic, type RowContext, type RowDiagnostic } from './rowDiagnostic.ts';

export interface CadreBatch {
  rows: CadreRow[];
  errors: RowDiagnostic[];
}

export interface CsvCadreReader {
  push(chunk: string): CadreBatch;
  end(): CadreBatch;
  /** Data rows seen so far, and how many were left out for errors. */
  readonly total: number;
  readonly invalid: number;
}

/**
 * Where each contract column sits in a record: `layout[i]` is the record field index of `CADRE_COLUMNS[i]`, or -1
 * when the header does not have it. Plain numbers, so it can be sent to a worker thread.
 */
export type CsvLayout = readonly number[];

/** A record that passed the scan, waiting to be built. */
export interface ScannedRecord {
  /** File, row, line and the raw id, for messages. */
  ctx: RowContext & { line: number };
  fields: string[];
}

export interface CsvScanBatch {
  /** Records to build, in file order. */
  records: ScannedRecord[];
  /** Problems found by the scan (header, quoting, extra cells, duplicate ids), in file order. */
  errors: RowDiagnostic[];
}

export interface CsvCadreScanner {
  push(chunk: string): CsvScanBatch;
  end(): CsvScanBatch;
  /** The column layout once the header is read. */
  readonly layout: CsvLayout | undefined;
  /**
   * True once a line too long to be CSV was met (`csv/line-too-long`, a file-level error): later input is ignored and
   * the caller should stop reading.
   */
  readonly stopped: boolean;
  /** Data rows seen so far, and how many the scan itself left out for errors. */
  readonly total: number;
  readonly invalid: number;
}

const REQUIRED_NAMES = CADRE_COLUMNS.filter((c) => c.required).map((c) => c.name).join(', ');
const LOWER_NAMES = new Map(CADRE_COLUMNS.map((c) => [c.name.toLowerCase(), c]));

export function createCsvCadreScanner(options: Pick<ReadCadresOptions, 'file'>): CsvCadreScanner {
  const { file } = options;
  const parser = createCsvParser();
  const ids = createIdTracker();
  let layout: number[] | undefined;
  let width = 0;
  let idIndex = -1;
  let headerNames: string[] = [];
  let total = 0;
  let invalid = 0;
  let sawAnything = false;
  let stopped = false;

  function readHeader(rec: CsvRecord, errors: RowDiagnostic[]): void {
    const header: (Column | undefined)[] = [];
    headerNames = rec.fields.map((f) => f.trim());
    const seen = new Set<string>();
    for (const name of headerNames) {
      const column = COLUMN_BY_NAME.get(name) ?? LOWER_NAMES.get(name.toLowerCase());
      if (name.split('.').some((part) => FORBIDDEN_KEYS.has(part))) {
        errors.push(fileDiagnostic(file, 'cadre/forbidden-key', 'error', name,
          { vi: `cột "${name}" có tên bị cấm (__proto__, constructor, prototype); cột bị bỏ qua`, en: `column "${name}" has a forbidden name (__proto__, constructor, prototype); the column is ignored` }, { line: rec.line }));
        header.push(undefined);
      } else if (!column) {
        if (name !== '') {
          const guess = closest(name, CADRE_COLUMNS.map((c) => c.name));
          errors.push(fileDiagnostic(file, 'cadre/unknown-column', 'warning', name,
            { vi: `cột "${name}" không thuộc hồ sơ cán bộ và bị bỏ qua${guess ? `. Có phải "${guess}"?` : ''}`, en: `column "${name}" is not a cadre profile field and is ignored${guess ? `. Did you mean "${guess}"?` : ''}` },
            { line: rec.line }));
        }
        header.push(undefined);
      } else if (seen.has(column.name)) {
        errors.push(fileDiagnostic(file, 'cadre/duplicate-column', 'warning', name,
          { vi: `cột "${name}" xuất hiện hai lần; chỉ đọc cột đầu tiên`, en: `column "${name}" appears twice; only the first is read` }, { line: rec.line }));
        header.push(undefined);
      } else {
        seen.add(column.name);
        header.push(column);
      }
    }
    width = header.length;
    layout = CADRE_COLUMNS.map((c) => header.indexOf(c));
    idIndex = header.findIndex((c) => c?.name === 'id');
    // Without a required column every row would fail the same way (four errors a row on a 200,000-row file): the
    // file is refused once, here, and the reading stops.
    const missing = CADRE_COLUMNS.filter((c) => c.required && !header.includes(c)).map((c) => c.name);
    if (missing.length > 0) {
      stopped = true;
      const looksJson = /^\s*[[{]/.test(rec.fields[0] ?? '');
      errors.push(fileDiagnostic(file, 'csv/missing-columns', 'error', '',
        { vi: `dòng tiêu đề thiếu cột bắt buộc ${missing.map((m) => `"${m}"`).join(', ')}; dừng đọc`, en: `the header line lacks the required column${missing.length > 1 ? 's' : ''} ${missing.map((m) => `"${m}"`).join(', ')}; reading stopped` },
        { line: rec.line },
        looksJson
          ? { vi: 'Tệp có vẻ là JSON: đặt tên tệp có đuôi .json (hoặc .jsonl cho JSON lines).', en: 'The file looks like JSON: give it a .json name (or .jsonl for JSON lines).' }
          : { vi: `Dòng đầu tiên phải là tên các trường, ít nhất: ${REQUIRED_NAMES}.`, en: `The first line must name the fields, at least: ${REQUIRED_NAMES}.` }));
    }
  }

  function readRow(rec: CsvRecord, batch: CsvScanBatch): void {
    total++;
    const rawId = idIndex >= 0 ? rec.fields[idIndex]?.trim() : undefined;
    const ctx: RowContext & { line: number } = rawId ? { file, row: total, line: rec.line, id: rawId } : { file, row: total, line: rec.line };
    let fatal: RowDiagnostic[] | undefined;
    if (rec.problems) {
      for (const p of rec.problems) {
        const field = headerNames[p.field] ?? `#${p.field + 1}`;
        if (p.code === 'csv/unterminated-quote') {
          (fatal ??= []).push(rowDiagnostic(ctx, p.code, 'error', field,
            { vi: 'dấu ngoặc kép mở nhưng không đóng; hàng không đọc được', en: 'a quote is opened but never closed; the row cannot be read' },
            { vi: 'Đóng dấu " của ô này, hoặc nhân đôi dấu " nằm trong nội dung ("").', en: 'Close this cell\'s quote, or double any " inside the text ("").' }));
        } else {
          batch.errors.push(rowDiagnostic(ctx, p.code, 'warning', field,
            { vi: 'có ký tự sau dấu ngoặc kép đóng; đã giữ nguyên', en: 'text follows a closing quote; kept as is' }));
        }
      }
    }
    if (rec.fields.length > width && rec.fields.slice(width).some((f) => f.trim() !== '')) {
      batch.errors.push(rowDiagnostic(ctx, 'csv/extra-cells', 'warning', '',
        { vi: `hàng có ${rec.fields.length} ô, nhiều hơn ${width} cột của dòng tiêu đề; các ô thừa bị bỏ qua`, en: `the row has ${rec.fields.length} cells, more than the header's ${width} columns; extra cells are ignored` },
        { vi: 'Ô chứa dấu phân cách cần đặt trong dấu ngoặc kép.', en: 'Put a cell that contains the separator in double quotes.' }));
    }
    const dup = ids.check(rawId, ctx);
    if (fatal || dup) {
      if (fatal) batch.errors.push(...fatal);
      if (dup) batch.errors.push(dup);
      invalid++;
      return;
    }
    batch.records.push({ ctx, fields: rec.fields });
  }

  function consume(records: CsvRecord[], final: boolean): CsvScanBatch {
    const batch: CsvScanBatch = { records: [], errors: [] };
    if (stopped) return batch;
    for (const rec of records) {
      sawAnything = true;
      if (rec.problems?.some((p) => p.code === 'csv/line-too-long')) {
        // Binary data, a device or a file that lost its line breaks: nothing after it can be trusted to be rows, and
        // a line without end would be read for ever. The file is refused here (exit 2) and the reading stops.
        stopped = true;
        batch.errors.push(fileDiagnostic(file, 'csv/line-too-long', 'error', '',
          { vi: `dòng dài quá ${MAX_RECORD_CHARS} ký tự mà chưa xuống dòng: đây không phải tệp CSV; dừng đọc`, en: `the line is longer than ${MAX_RECORD_CHARS} characters without a line break: this is not a CSV file; reading stopped` },
          { line: rec.line },
          { vi: 'Tệp có vẻ là dữ liệu nhị phân hoặc đã mất ký tự xuống dòng; mỗi cán bộ phải nằm trên một dòng.', en: 'The file looks like binary data or has lost its line breaks; each cadre must be on a line of its own.' }));
        return batch;
      }
      if (!layout) {
        readHeader(rec, batch.errors);
        if (stopped) return batch;
      } else readRow(rec, batch);
    }
    if (final && !sawAnything) {
      const names = `${CADRE_COLUMNS.slice(0, 4).map((c) => c.name).join(',')},…`;
      batch.errors.push(fileDiagnostic(file, 'csv/empty', 'error', '', { vi: 'tệp rỗng: không có dòng tiêu đề', en: 'the file is empty: no header line' },
        undefined, { vi: `Dòng đầu tiên phải là tên các trường: ${names}`, en: `The first line must name the fields: ${names}` }));
    }
    return batch;
  }

  return {
    push: (chunk) => (stopped ? { records: [], errors: [] } : consume(parser.push(chunk), false)),
    end: () => (stopped ? { records: [], errors: [] } : consume(parser.end(), true)),
    get stopped() { return stopped; },
    get layout() { return layout; },
    get total() { return total; },
    get invalid() { return invalid; },
  };
}

/** Builds one scanned record into a validated profile (`positions`: the catalogue's codes, see `buildCadre`). */
export function buildCsvCadre(fields: readonly string[], layout: CsvLayout, ctx: RowContext, positions?: ReadonlySet<string>): BuiltCadre {
  const raw = new Array<unknown>(layout.length);
  for (let i = 0; i < layout.length; i++) {
    const at = layout[i]!;
    // A short row leaves its last cells empty; a column the header lacks is absent.
    raw[i] = at < 0 ? undefined : (fields[at] ?? '');
  }
  return buildCadreFromValues(raw, ctx, positions);
}

export function createCsvCadreReader(options: Omit<ReadCadresOptions, 'format'>): CsvCadreReader {
  const scanner = createCsvCadreScanner(options);
  const positions = positionCodes(options.positions);
  let invalid = 0;

  function build(scanned: CsvScanBatch): CadreBatch {
    const batch: CadreBatch = { rows: [], errors: scanned.errors };
    // Scan problems and build problems of one row stay together, in file order.
    const byRow = scanned.errors.length > 0 ? scanned.errors.slice() : undefined;
    let next = 0;
    const out: RowDiagnostic[] = [];
    for (const { ctx, fields } of scanned.records) {
      if (byRow) while (next < byRow.length && (byRow[next]!.row ?? 0) <= ctx.row) out.push(byRow[next++]!);
      const built = buildCsvCadre(fields, scanner.layout!, ctx, positions);
      out.push(...built.diagnostics);
      if (!built.profile) { invalid++; continue; }
      batch.rows.push({
        row: ctx.row, line: ctx.line, profile: built.profile, ...(built.nomination ? { nomination: built.nomination } : {}),
      });
    }
    if (byRow) while (next < byRow.length) out.push(byRow[next++]!);
    batch.errors = out;
    return batch;
  }

  return {
    push: (chunk) => build(scanner.push(chunk)),
    end: () => build(scanner.end()),
    get total() { return scanner.total; },
    get invalid() { return scanner.invalid + invalid; },
  };
}
