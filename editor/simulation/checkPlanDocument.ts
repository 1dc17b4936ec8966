/**
 * The diagnostics of a plan record's document as the table shows them: a cell whose text is not a number or a date is
 * reported on that cell, then the document is loaded (`llct/plan` schema) and validated (`validatePlan`, the checks
 * `llct simulate` makes). Every message about a class names its row and field ("Dòng 3 · Sĩ số tối đa: …"). Pure;
 * never throws on a bad document. `plan` is the loaded plan when there is no error (warnings allowed).
 *
 * `checkPlanRecords` checks a workspace plan and places each diagnostic on its class record and quota (a document
 * path `classes.3.minSize` is only how the checks say it): the tables find a cell's diagnostics by those ids.
 */
import { builtinDocuments } from '../shipped/builtin.ts';
import { diagnostic, hasErrors, type Diagnostic } from '../../engine/diagnostics/Diagnostic.ts';
import { validatePlan } from '../../engine/diagnostics/validatePlan.ts';
import { parseIsoDate } from '../../engine/documents/dates.ts';
import type { Label } from '../../engine/documents/enums.ts';
import { loadDocument } from '../../engine/documents/loadDocument.ts';
import { PLAN_KIND, type Plan } from '../../engine/documents/plan.ts';
import type { Lifecycle } from '../../engine/documents/lifecycle.ts';
import type { Ruleset } from '../../engine/documents/ruleset.ts';
import { placeOfPath, type BuiltPlan, type PlanPlace } from '../workspace/planRecords.ts';
import type { RecordId } from '../workspace/records.ts';

export interface PlanCheck { plan: Plan | undefined; diagnostics: Diagnostic[] }

/** Column names for messages (the table's headers say the same). */
export const PLAN_FIELD_LABELS: Record<string, Label> = {
  id: { vi: 'Mã lớp', en: 'Class id' },
  name: { vi: 'Tên lớp', en: 'Class name' },
  level: { vi: 'Trình độ', en: 'Level' },
  mode: { vi: 'Hình thức', en: 'Mode' },
  institution: { vi: 'Cơ sở đào tạo', en: 'Institution' },
  minSize: { vi: 'Sĩ số tối thiểu', en: 'Minimum size' },
  maxSize: { vi: 'Sĩ số tối đa', en: 'Maximum size' },
  opensOn: { vi: 'Ngày khai giảng', en: 'Opening date' },
  durationMonths: { vi: 'Thời gian học (tháng)', en: 'Duration (months)' },
  serves: { vi: 'Chỉ tiêu', en: 'Quotas' },
  quota: { vi: 'Số chỉ tiêu', en: 'Seats' },
  agency: { vi: 'Đơn vị', en: 'Agency' },
};

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const docs = builtinDocuments();

/** "Dòng 3 · Sĩ số tối đa" / "Row 3 · Maximum size" for a path into `classes`, or undefined elsewhere. */
export function cellName(segments: readonly (string | number)[]): Label | undefined {
  if (segments[0] !== 'classes' || typeof segments[1] !== 'number') return undefined;
  const row = segments[1] + 1;
  const quota = segments[2] === 'serves' && typeof segments[3] === 'number' ? segments[3] + 1 : undefined;
  const key = String(segments[quota === undefined ? 2 : 4] ?? '');
  const field = PLAN_FIELD_LABELS[key];
  const vi = [`Dòng ${row}`, quota !== undefined ? `chỉ tiêu ${quota}` : undefined, field?.vi].filter(Boolean).join(' · ');
  const en = [`Row ${row}`, quota !== undefined ? `quota ${quota}` : undefined, field?.en].filter(Boolean).join(' · ');
  return { vi, en };
}

function named(d: Diagnostic): Diagnostic {
  const name = cellName(d.segments);
  return name ? { ...d, message: `${name.vi}: ${d.message}`, messageEn: `${name.en}: ${d.messageEn}` } : d;
}

function cellProblems(doc: Json): Diagnostic[] {
  const out: Diagnostic[] = [];
  const notNumber = (at: (string | number)[], v: unknown) => {
    if (typeof v === 'number' || v === undefined) return;
    out.push(diagnostic('plan/cell-not-number', 'error', at, { vi: `"${String(v)}" không phải là số.`, en: `"${String(v)}" is not a number.` },
      { vi: 'Nhập một số, ví dụ 70.', en: 'Type a number, e.g. 70.' }));
  };
  const classes = Array.isArray(doc.classes) ? doc.classes : [];
  classes.forEach((c, i) => {
    if (!isObject(c)) return;
    for (const f of ['minSize', 'maxSize', 'durationMonths']) notNumber(['classes', i, f], c[f]);
    if (typeof c.opensOn === 'string' && !parseIsoDate(c.opensOn)) {
      out.push(diagnostic('plan/cell-not-date', 'error', ['classes', i, 'opensOn'], { vi: `"${c.opensOn}" không phải là một ngày có thật dạng DD/MM/YYYY.`, en: `"${c.opensOn}" is not a real date in the form DD/MM/YYYY.` }, { vi: 'Ví dụ 16/05/2024.', en: 'For example 16/05/2024.' }));
    }
    if (Array.isArray(c.serves)) c.serves.forEach((q, j) => { if (isObject(q)) notNumber(['classes', i, 'serves', j, 'quota'], q.quota); });
  });
  if (isObject(doc.parameters)) {
    for (const [name, p] of Object.entries(doc.parameters)) if (isObject(p)) notNumber(['parameters', name, 'value'], p.value);
  }
  return out;
}

const startsWith = (segments: readonly (string | number)[], prefix: readonly (string | number)[]) => prefix.every((s, i) => segments[i] === s);

/** Loads and validates a plan document (see the module comment). `rulesetIds`: the ids a plan's `ruleset` may name. */
export function checkPlanDocument(doc: Json, rulesetIds: readonly string[], classLifecycle?: Lifecycle, rulesets?: readonly Ruleset[]): PlanCheck {
  const cells = cellProblems(doc);
  const loaded = loadDocument(PLAN_KIND, doc);
  const rest = loaded.ok
    ? validatePlan(loaded.value, { institutions: docs.institutions, rulesetIds, ...(classLifecycle ? { classLifecycle } : {}), ...(rulesets ? { rulesets } : {}) })
    : loaded.diagnostics.filter((d) => !cells.some((c) => startsWith(d.segments, c.segments)));
  const diagnostics = [...cells, ...rest].map(named);
  return { plan: loaded.ok && !hasErrors(diagnostics) ? loaded.value : undefined, diagnostics };
}

/** The diagnostics located at or under a path (a cell, a row, a parameter). */
export function diagnosticsAt(diagnostics: readonly Diagnostic[], prefix: readonly (string | number)[], exact = false): Diagnostic[] {
  return diagnostics.filter((d) => (exact ? d.segments.length === prefix.length && startsWith(d.segments, prefix) : startsWith(d.segments, prefix)));
}

/** A diagnostic of a workspace plan, with the class (and quota) it is on when it is about one. */
export type PlanDiagnostic = Diagnostic & { place?: PlanPlace };

export interface PlanRecordsCheck { plan: Plan | undefined; diagnostics: PlanDiagnostic[] }

/** Checks a workspace plan (as `toPlan` rebuilds it from its records) and places its diagnostics (see the module comment). */
export function checkPlanRecords(built: BuiltPlan, rulesetIds: readonly string[], classLifecycle?: Lifecycle, rulesets?: readonly Ruleset[]): PlanRecordsCheck {
  const checked = checkPlanDocument(built.plan, rulesetIds, classLifecycle, rulesets);
  return {
    plan: checked.plan,
    diagnostics: checked.diagnostics.map((d) => {
      const place = placeOfPath(built, d.segments);
      return place ? { ...d, place } : d;
    }),
  };
}

const fieldMatches = (field: readonly (string | number)[], want: readonly (string | number)[] | undefined, exact: boolean) =>
  want === undefined || (exact ? field.length === want.length && startsWith(field, want) : startsWith(field, want));

/**
 * The diagnostics on a class: all of them (its quotas' included) without `field`; with it, those on that field of
 * the class itself (`['minSize']`, `['serves']`), at or under it, or exactly on it when `exact`.
 */
export function diagnosticsOnClass(diagnostics: readonly PlanDiagnostic[], classId: RecordId, field?: readonly (string | number)[], exact = false): PlanDiagnostic[] {
  return diagnostics.filter((d) => d.place?.classId === classId && (field === undefined || (d.place.quotaId === undefined && fieldMatches(d.place.field, field, exact))));
}

/** The diagnostics on a quota (by its id), or on one of its fields (`['quota']`, `['agency']`). */
export function diagnosticsOnQuota(diagnostics: readonly PlanDiagnostic[], quotaId: RecordId, field?: readonly (string | number)[]): PlanDiagnostic[] {
  return diagnostics.filter((d) => d.place?.quotaId === quotaId && fieldMatches(d.place.field, field, false));
}
