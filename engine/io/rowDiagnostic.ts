/**
 * Diagnostics about input files, whose messages name the file, the row and the field in both languages, so they
 * read the same in the CLI's text output, in its JSON and in the editor.
 */
import { hintFields, locate, type Diagnostic, type Severity } from '../diagnostics/Diagnostic.ts';
import type { Label } from '../documents/enums.ts';

/** A diagnostic about a row of an input file; `line` is the 1-based physical line where it helps (CSV, JSON). */
export type RowDiagnostic = Diagnostic & { line?: number; column?: number; id?: string; sheet?: string; cell?: string };

export interface RowContext {
  file: string;
  /** 1-based data row (CSV: the line after the header is row 1; JSON: array index + 1). */
  row: number;
  line?: number;
  /** The row's cadre id, when it could be read: helps find the row in a spreadsheet. */
  id?: string;
  /** A workbook's sheet: messages then say "sheet S, row R" with R the row number the spreadsheet shows. */
  sheet?: string;
  /** A workbook's column letters and heading by field name, named after the field in messages (`cột D "Ngày sinh"`). */
  columns?: ReadonlyMap<string, { letters: string; heading: string }>;
}

/**
 * A problem with one field of one row. `field` is the dotted field name (`party.status`), `''` for the whole row;
 * `hint` (both languages) becomes `hint`/`hintEn`.
 */
export function rowDiagnostic(
  ctx: RowContext, code: string, severity: Severity, field: string, problem: Label, hint?: Label,
): RowDiagnostic {
  const where = ctx.line !== undefined && ctx.line !== ctx.row ? { vi: ` (dòng ${ctx.line})`, en: ` (line ${ctx.line})` } : { vi: '', en: '' };
  const id = ctx.id ? ` [${ctx.id}]` : '';
  const cell = ctx.columns?.get(field.split(/[.[]/)[0] === 'ratings' ? 'ratings' : field);
  const fieldVi = field === '' ? 'cả hàng' : `trường "${field}"${cell ? ` (cột ${cell.letters} "${cell.heading}")` : ''}`;
  const fieldEn = field === '' ? 'whole row' : `field "${field}"${cell ? ` (column ${cell.letters} "${cell.heading}")` : ''}`;
  const sheet = ctx.sheet !== undefined ? { vi: `, trang tính "${ctx.sheet}"`, en: `, sheet "${ctx.sheet}"` } : { vi: '', en: '' };
  const d: RowDiagnostic = {
    code, severity, ...locate(field),
    message: `${ctx.file}${sheet.vi}, hàng ${ctx.row}${where.vi}${id}, ${fieldVi}: ${problem.vi}`,
    messageEn: `${ctx.file}${sheet.en}, row ${ctx.row}${where.en}${id}, ${fieldEn}: ${problem.en}`,
    file: ctx.file, row: ctx.row,
    ...hintFields(hint),
  };
  if (ctx.line !== undefined) d.line = ctx.line;
  if (ctx.id) d.id = ctx.id;
  if (ctx.sheet !== undefined) d.sheet = ctx.sheet;
  if (cell) d.cell = `${cell.letters}${ctx.row}`;
  return d;
}

/** A problem with the file as a whole (syntax, header); `path` names the column or location when there is one. */
export function fileDiagnostic(
  file: string, code: string, severity: Severity, path: string, problem: Label,
  at?: { line: number; column?: number }, hint?: Label,
): RowDiagnostic {
  const where = at ? { vi: `, dòng ${at.line}${at.column !== undefined ? ` cột ${at.column}` : ''}`, en: `, line ${at.line}${at.column !== undefined ? ` column ${at.column}` : ''}` } : { vi: '', en: '' };
  const d: RowDiagnostic = {
    code, severity, ...locate(path), message: `${file}${where.vi}: ${problem.vi}`, messageEn: `${file}${where.en}: ${problem.en}`, file,
    ...hintFields(hint),
  };
  if (at) { d.line = at.line; if (at.column !== undefined) d.column = at.column; }
  return d;
}
