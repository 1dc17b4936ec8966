/**
 * Reads cadre profiles from CSV text fed in chunks: the first record is the header (the contract's dotted field
 * names, see `cadreColumns.ts`), each later record one cadre. Pure; `readCadresFromText` uses it for whole files.
 */
import { closest } from '../diagnostics/Diagnostic.ts';
import { buildCadre } from './buildCadre.ts';
import { CADRE_COLUMNS, COLUMN_BY_NAME, type Column } from './cadreColumns.ts';
import { createIdTracker, FORBIDDEN_KEYS, positionCodes, type CadreRow, type ReadCadresOptions } from './cadreRows.ts';
import { createCsvParser, type CsvRecord } from './parseCsv.ts';
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

const LOWER_NAMES = new Map(CADRE_COLUMNS.map((c) => [c.name.toLowerCase(), c]));

export function createCsvCadreReader(options: Omit<ReadCadresOptions, 'format'>): CsvCadreReader {
  const { file } = options;
  const parser = createCsvParser();
  const positions = positionCodes(options.positions);
  const ids = createIdTracker();
  /** Column index → column, once the header is read; `undefined` entries are ignored columns. */
  let header: (Column | undefined)[] | undefined;
  let headerNames: string[] = [];
  let total = 0;
  let invalid = 0;
  let sawAnything = false;

  function readHeader(rec: CsvRecord, errors: RowDiagnostic[]): void {
    header = [];
    headerNames = rec.fields.map((f) => f.trim());
    const seen = new Set<string>();
    for (const name of headerNames) {
      const column = COLUMN_BY_NAME.get(name) ?? LOWER_NAMES.get(name.toLowerCase());
      if (name.split('.').some((part) => FORBIDDEN_KEYS.has(part))) {
        errors.push(fileDiagnostic(file, 'cadre/forbidden-key', 'error', name,
          `cột "${name}" có tên bị cấm (__proto__, constructor, prototype); cột bị bỏ qua`,
          `column "${name}" has a forbidden name (__proto__, constructor, prototype); the column is ignored`, { line: rec.line }));
        header.push(undefined);
      } else if (!column) {
        if (name !== '') {
          const guess = closest(name, CADRE_COLUMNS.map((c) => c.name));
          errors.push(fileDiagnostic(file, 'cadre/unknown-column', 'warning', name,
            `cột "${name}" không thuộc hồ sơ cán bộ và bị bỏ qua${guess ? `. Có phải "${guess}"?` : ''}`,
            `column "${name}" is not a cadre profile field and is ignored${guess ? `. Did you mean "${guess}"?` : ''}`,
            { line: rec.line }));
        }
        header.push(undefined);
      } else if (seen.has(column.name)) {
        errors.push(fileDiagnostic(file, 'cadre/duplicate-column', 'warning', name,
          `cột "${name}" xuất hiện hai lần; chỉ đọc cột đầu tiên`, `column "${name}" appears twice; only the first is read`, { line: rec.line }));
        header.push(undefined);
      } else {
        seen.add(column.name);
        header.push(column);
      }
    }
  }

  function readRow(rec: CsvRecord, cols: (Column | undefined)[], batch: CadreBatch): void {
    total++;
    const idIndex = cols.findIndex((c) => c?.name === 'id');
    const rawId = idIndex >= 0 ? rec.fields[idIndex]?.trim() : undefined;
    const ctx: RowContext = { file, row: total, line: rec.line, ...(rawId ? { id: rawId } : {}) };
    const fatal: RowDiagnostic[] = [];
    for (const p of rec.problems ?? []) {
      const field = headerNames[p.field] ?? `#${p.field + 1}`;
      if (p.code === 'csv/unterminated-quote') {
        fatal.push(rowDiagnostic(ctx, p.code, 'error', field,
          'dấu ngoặc kép mở nhưng không đóng; hàng không đọc được',
          'a quote is opened but never closed; the row cannot be read',
          'Đóng dấu " của ô này, hoặc nhân đôi dấu " nằm trong nội dung ("").'));
      } else {
        batch.errors.push(rowDiagnostic(ctx, p.code, 'warning', field,
          'có ký tự sau dấu ngoặc kép đóng; đã giữ nguyên', 'text follows a closing quote; kept as is'));
      }
    }
    if (rec.fields.length > cols.length && rec.fields.slice(cols.length).some((f) => f.trim() !== '')) {
      batch.errors.push(rowDiagnostic(ctx, 'csv/extra-cells', 'warning', '',
        `hàng có ${rec.fields.length} ô, nhiều hơn ${cols.length} cột của dòng tiêu đề; các ô thừa bị bỏ qua`,
        `the row has ${rec.fields.length} cells, more than the header's ${cols.length} columns; extra cells are ignored`,
        'Ô chứa dấu phân cách cần đặt trong dấu ngoặc kép.'));
    }
    const dup = ids.check(rawId, ctx);
    if (fatal.length > 0 || dup) {
      batch.errors.push(...fatal, ...(dup ? [dup] : []));
      invalid++;
      return;
    }
    const byColumn = new Map<Column, string>();
    cols.forEach((c, i) => { if (c) byColumn.set(c, rec.fields[i] ?? ''); });
    const built = buildCadre((c) => byColumn.get(c), ctx, positions);
    batch.errors.push(...built.diagnostics);
    if (!built.profile) { invalid++; return; }
    batch.rows.push({
      row: ctx.row, line: rec.line, profile: built.profile, ...(built.nomination ? { nomination: built.nomination } : {}),
    });
  }

  function consume(records: CsvRecord[], final: boolean): CadreBatch {
    const batch: CadreBatch = { rows: [], errors: [] };
    for (const rec of records) {
      sawAnything = true;
      if (!header) readHeader(rec, batch.errors);
      else readRow(rec, header, batch);
    }
    if (final && !sawAnything) {
      batch.errors.push(fileDiagnostic(file, 'csv/empty', 'error', '', 'tệp rỗng: không có dòng tiêu đề', 'the file is empty: no header line',
        undefined, `Dòng đầu tiên phải là tên các trường: ${CADRE_COLUMNS.slice(0, 4).map((c) => c.name).join(',')},…`));
    }
    return batch;
  }

  return {
    push: (chunk) => consume(parser.push(chunk), false),
    end: () => consume(parser.end(), true),
    get total() { return total; },
    get invalid() { return invalid; },
  };
}
