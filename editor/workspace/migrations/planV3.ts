/**
 * Version 2 → 3 for plans: a `plan` record holding the whole document (`{ id, type: 'plan', doc }`) becomes its head
 * record and one `plan-class` record per class, each quota an item with an id (see planRecords.ts). Ids are made from
 * the plan's record id (`plan-class:ha-noi-2024/1`, `quota:ha-noi-2024/2`), so reading the same stored workspace
 * twice gives the same records. A plan record whose document cannot be split (its classes not a list of objects…) is
 * left exactly as it was: the reader then sets it aside with its reasons. Pure; never throws.
 */
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
