/**
 * Version 2 → 3 for plans: a `plan` record holding the whole document (`{ id, type: 'plan', doc }`) becomes its head
 * record and one `plan-class` record per class, each quota an item with an id (see planRecords.ts). Ids are made from
 * the plan's record id (`plan-class:ha-noi-2024/1`, `quota:ha-noi-2024/2`), so reading the same stored workspace
 * twice gives the same records. A plan record whose document cannot be split (its classes not a list of objects…) is
 * left exactly as it was: the reader then sets it aside with its reasons. Pure; never throws.
 */
import { z } from 'zod/mini';
import { diagnostic, type Diagnostic } from '../../../engine/diagnostics/Diagnostic.ts';
import { describeSchemaIssues } from '../../../engine/diagnostics/describeSchemaIssues.ts';
import { isPlanShaped, recordsFromPlan } from '../planRecords.ts';
import { counterIds } from '../rulesetRecords.ts';
import type { RecordListStep } from './v2ToV3.ts';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export const planRecordsV3: RecordListStep = (records) => records.flatMap((r) => {
  if (!isObject(r) || r.type !== 'plan' || typeof r.id !== 'string' || r.id === '' || !isPlanShaped(r.doc)) return [r];
  if (Object.keys(r).some((k) => k !== 'id' && k !== 'type' && k !== 'doc')) return [r];
  const namespace = `${r.id.startsWith('plan:') ? r.id.slice('plan:'.length) : r.id}/`;
  return recordsFromPlan(r.doc, r.id, counterIds(namespace));
});

const Obj = z.record(z.string(), z.unknown());

/** What `isPlanShaped` asks of a version-2 plan's document, as a schema (for the reasons, in words). */
const StoredPlanShape = z.object({
  classes: z.optional(z.array(z.object({ serves: z.optional(z.array(Obj)) }))),
  parameters: z.optional(Obj),
  agencies: z.optional(z.array(Obj)),
});

/**
 * Why a version-2 plan record was left as it was (its document, `doc`, does not split into records), located in the
 * record as stored (`doc.classes`), worded for a person; empty for anything else.
 */
export function unsplitPlanProblems(raw: unknown): Diagnostic[] {
  if (!isObject(raw) || raw.type !== 'plan' || !Object.hasOwn(raw, 'doc') || Object.hasOwn(raw, 'meta')) return [];
  if (!isObject(raw.doc)) return [diagnostic('workspace/bad-document', 'error', ['doc'], { vi: 'Tài liệu kế hoạch không phải là một nhóm trường.', en: 'The plan document is not an object.' })];
  const parsed = describeSchemaIssues(StoredPlanShape, raw.doc);
  return parsed.success ? [] : parsed.issues.map((i) => diagnostic('workspace/bad-document', 'error', ['doc', ...i.path], { vi: i.vi, en: i.en }));
}
