/**
 * The nomination a cadre row is checked with: the row's own `nomination.*` fields win over the defaults the user
 * chose (CLI flags, the editor's form). A field missing from both is a diagnostic naming the row and the field,
 * with how to give it in the caller's terms. Pure.
 */
import type { Nomination } from '../documents/cadre.ts';
import type { Label } from '../documents/enums.ts';
import type { CadreRow } from './cadreRows.ts';
import { profileProblems } from '../rules/profileProblems.ts';
import { rowDiagnostic, type RowContext, type RowDiagnostic } from './rowDiagnostic.ts';

export type NominationField = 'level' | 'mode' | 'on';
export type NominationDefaults = Partial<Pick<Nomination, NominationField>>;

const WHAT: Record<NominationField, Label> = {
  level: { vi: 'cấp học', en: 'training level' },
  mode: { vi: 'hình thức học', en: 'study mode' },
  on: { vi: 'ngày cử đi học', en: 'nomination date' },
};

/**
 * `otherwise(field)` says where else the field can be given: `{ vi: 'dùng --level', en: 'pass --level' }`; the
 * message reads "chưa có cấp học: ghi cột nomination.level hoặc dùng --level".
 */
export function nominationForRow(row: CadreRow, defaults: NominationDefaults, ctx: RowContext, otherwise: (field: NominationField) => Label):
  { ok: true; nomination: Nomination } | { ok: false; errors: RowDiagnostic[] } {
  const own = row.nomination ?? {};
  const merged = { level: own.level ?? defaults.level, mode: own.mode ?? defaults.mode, on: own.on ?? defaults.on };
  const errors: RowDiagnostic[] = [];
  for (const field of ['level', 'mode', 'on'] as const) {
    if (merged[field] !== undefined) continue;
    const how = otherwise(field);
    errors.push(rowDiagnostic(ctx, 'nomination/missing', 'error', `nomination.${field}`,
      { vi: `chưa có ${WHAT[field].vi}: ghi cột nomination.${field} hoặc ${how.vi}`, en: `no ${WHAT[field].en}: fill nomination.${field} or ${how.en}` }));
  }
  if (errors.length > 0) return { ok: false, errors };
  const nomination: Nomination = { level: merged.level!, mode: merged.mode!, on: merged.on! };
  if (own.onRequest !== undefined) nomination.onRequest = own.onRequest;
  if (own.specialDecision !== undefined) nomination.specialDecision = own.specialDecision;
  // Impossible or ambiguous data on this date is an error on the row, never a verdict.
  const problems = profileProblems(row.profile, nomination.on);
  if (problems.length > 0) return { ok: false, errors: problems.map((d) => rowDiagnostic(ctx, d.code, 'error', d.path, { vi: d.message, en: d.messageEn })) };
  return { ok: true, nomination };
}
