/**
 * Replaces `{ "param": "minClassSize" }` references in a guard's or action's parameters by the document parameter's
 * value. A parameter given by level and mode takes the cell of the class's level and mode.
 */
import { LABELS, type Mode, type TrainingLevel } from '../documents/enums.ts';
import { isParamRef, type Lifecycle } from '../documents/lifecycle.ts';
import { reason, type Reason } from './types.ts';

export interface LevelMode { level: TrainingLevel | null; mode: Mode | null }

export type ParamValue = { ok: true; value: number } | { ok: false; reason: Reason };

export function parameterValue(doc: Lifecycle, name: string, on: LevelMode): ParamValue {
  const p = doc.parameters[name];
  if (!p) {
    return { ok: false, reason: reason('lifecycle/unknown-parameter', { vi: `Quy trình không có tham số "${name}".`, en: `The lifecycle has no parameter "${name}".` }) };
  }
  if (typeof p.value === 'number') return { ok: true, value: p.value };
  if (on.level === null || on.mode === null) {
    return { ok: false, reason: reason('lifecycle/parameter-needs-level',
      { vi: `Tham số "${name}" phụ thuộc cấp học và hình thức học, nhưng lớp chưa có cấp học/hình thức (APPROVE ghi nhận chúng).`, en: `Parameter "${name}" depends on the level and mode, which the class does not have yet (APPROVE sets them).` }) };
  }
  const value = p.value[on.level]?.[on.mode];
  if (value === undefined) {
    return { ok: false, reason: reason('lifecycle/parameter-missing-cell',
      { vi: `Tham số "${name}" không có giá trị cho ${LABELS.theoryLevel[on.level].vi}, ${LABELS.mode[on.mode].vi}.`, en: `Parameter "${name}" has no value for ${LABELS.theoryLevel[on.level].en}, ${LABELS.mode[on.mode].en}.` }) };
  }
  return { ok: true, value };
}

export type ResolvedParams =
  | { ok: true; params: Record<string, unknown>; refs: Record<string, string> }
  | { ok: false; reason: Reason };

/** Resolves the top-level `{ param }` references of `raw` (other values pass through unchanged). */
export function resolveParams(raw: Record<string, unknown> | undefined, doc: Lifecycle, on: LevelMode): ResolvedParams {
  const params: Record<string, unknown> = {};
  const refs: Record<string, string> = {};
  for (const [key, value] of Object.entries(raw ?? {})) {
    if (!isParamRef(value)) { params[key] = value; continue; }
    const v = parameterValue(doc, value.param, on);
    if (!v.ok) return v;
    params[key] = v.value;
    refs[key] = value.param;
  }
  return { ok: true, params, refs };
}

/** "30 (minClassSize)" when the number came from a document parameter, else "30". */
export function describeNumber(value: number, ref: string | undefined): string {
  return ref ? `${value} (${ref})` : String(value);
}
