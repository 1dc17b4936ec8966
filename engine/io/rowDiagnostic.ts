/**
 * Diagnostics about input files, whose messages name the file, the row and the field in both languages, so they
 * read the same in the CLI's text output, in its JSON and in the editor.
 */
import { hintFields, locate, type Diagnostic, type Severity } from '../diagnostics/Diagnostic.ts';
import type { Label } from '../documents/enums.ts';

/** A diagnostic about a row of an input file; `line` is the 1-based physical line where it helps (CSV, JSON). */
export type RowDiagnostic = Diagnostic & { line?: number; column?: number; id?: string };

export interface RowContext {
  file: string;
  /** 1-based data row (CSV: the line after the header is row 1; JSON: array index + 1). */
  row: number;
  line?: number;
  /** The row's cadre id, when it could be read: helps find the row in a spreadsheet. */
  id?: string;
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
  const fieldVi = field === '' ? 'cả hàng' : `trường "${field}"`;
  const fieldEn = field === '' ? 'whole row' : `field "${field}"`;
  const d: RowDiagnostic = {
    code, severity, ...locate(field),
    message: `${ctx.file}, hàng ${ctx.row}${where.vi}${id}, ${fieldVi}: ${problem.vi}`,
    messageEn: `${ctx.file}, row ${ctx.row}${where.en}${id}, ${fieldEn}: ${problem.en}`,
    file: ctx.file, row: ctx.row,
    ...hintFields(hint),
  };
  if (ctx.line !== undefined) d.line = ctx.line;
  if (ctx.id) d.id = ctx.id;
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
