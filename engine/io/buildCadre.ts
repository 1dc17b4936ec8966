/**
 * Builds and validates one cadre profile from raw values looked up by column (a CSV row or a JSON object). Objects
 * are built only from the column table's own keys, so no input key is ever assigned onto an object. Pure.
 */
import { formatPath } from '../diagnostics/Diagnostic.ts';
import { CadreProfile, type Nomination } from '../documents/cadre.ts';
import { CADRE_COLUMNS, type Column } from './cadreColumns.ts';
import { coerceField } from './coerceField.ts';
import { rowDiagnostic, type RowContext, type RowDiagnostic } from './rowDiagnostic.ts';

export interface BuiltCadre {
  /** Present when the row has no error. */
  profile?: CadreProfile;
  nomination?: Partial<Nomination>;
  diagnostics: RowDiagnostic[];
}

/**
 * `get` returns the raw value of a column (`undefined` when absent). `positions` holds the catalogue's codes:
 * `position` and `planning` must be among them when it is given.
 */
export function buildCadre(get: (column: Column) => unknown, ctx: RowContext, positions?: ReadonlySet<string>): BuiltCadre {
  const diagnostics: RowDiagnostic[] = [];
  const reported = new Set<string>();
  const out: Record<string, unknown> = {};
  for (const column of CADRE_COLUMNS) {
    const raw = get(column);
    const r = coerceField(column, raw, positions);
    for (const issue of r.issues) {
      diagnostics.push(rowDiagnostic(ctx, issue.code, 'error', column.name, issue.vi, issue.en, issue.hint));
      reported.add(column.name);
    }
    if (r.issues.length > 0) continue;
    if (r.value === undefined) {
      if (column.required) {
        diagnostics.push(rowDiagnostic(ctx, 'cadre/missing-field', 'error', column.name,
          'thiếu trường bắt buộc', 'required field is missing', `Điền "${column.name}" cho hàng này.`));
        reported.add(column.name);
      }
      continue;
    }
    setPath(out, column.path, r.value);
  }
  const parsed = CadreProfile.safeParse(out);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = formatPath(issue.path);
      if ([...reported].some((f) => field === f || field.startsWith(`${f}.`) || field.startsWith(`${f}[`))) continue;
      diagnostics.push(rowDiagnostic(ctx, 'cadre/schema', 'error', field, `giá trị không hợp lệ: ${issue.message}`, `invalid value: ${issue.message}`));
    }
  }
  if (diagnostics.some((d) => d.severity === 'error') || !parsed.success) return { diagnostics };
  const profile = parsed.data;
  const nomination = profile.nomination;
  return nomination && Object.keys(nomination).length > 0 ? { profile, nomination, diagnostics } : { profile, diagnostics };
}

/** Sets a value at a path of keys taken from the column table (never from input). */
function setPath(target: Record<string, unknown>, path: readonly string[], value: unknown): void {
  let cur = target;
  for (let i = 0; i < path.length - 1; i++) {
    const key = path[i]!;
    let next = cur[key];
    if (typeof next !== 'object' || next === null) { next = {}; cur[key] = next; }
    cur = next as Record<string, unknown>;
  }
  cur[path[path.length - 1]!] = value;
}
