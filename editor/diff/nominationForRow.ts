/**
 * A row's nomination in the comparison view: the row's own `nomination.*` fields win over the defaults chosen on
 * the page (as `llct diff` does with its flags). Pure.
 */
import type { Nomination } from '../../engine/documents/cadre.ts';
import type { CadreRow } from '../../engine/io/cadreRows.ts';
import { rowDiagnostic, type RowContext, type RowDiagnostic } from '../../engine/io/rowDiagnostic.ts';

export type NominationDefaults = Partial<Pick<Nomination, 'level' | 'mode' | 'on'>>;

const WHAT = {
  level: { vi: 'cấp học', en: 'training level' },
  mode: { vi: 'hình thức học', en: 'study mode' },
  on: { vi: 'ngày cử đi học', en: 'nomination date' },
} as const;

/** The nomination to check `row` with, or one diagnostic per missing field naming the row and the field. */
export function nominationForRow(row: CadreRow, defaults: NominationDefaults, ctx: RowContext):
  { ok: true; nomination: Nomination } | { ok: false; errors: RowDiagnostic[] } {
  const own = row.nomination ?? {};
  const level = own.level ?? defaults.level;
  const mode = own.mode ?? defaults.mode;
  const on = own.on ?? defaults.on;
  if (level === undefined || mode === undefined || on === undefined) {
    const missing = (['level', 'mode', 'on'] as const).filter((k) => ({ level, mode, on })[k] === undefined);
    return {
      ok: false,
      errors: missing.map((k) => rowDiagnostic(ctx, 'nomination/missing', 'error', `nomination.${k}`,
        `chưa có ${WHAT[k].vi}: ghi cột nomination.${k} hoặc chọn ở phần "Cử đi học mặc định"`,
        `no ${WHAT[k].en}: fill nomination.${k} or choose it under "Default nomination"`)),
    };
  }
  const nomination: Nomination = { level, mode, on };
  if (own.onRequest !== undefined) nomination.onRequest = own.onRequest;
  return { ok: true, nomination };
}
