/**
 * Workspace version 2 → 3, record by record. Version 2 kept lifecycles and plans as opaque JSON documents (their
 * states, transitions and classes addressed by name or by place in a list) and named a layout's document `ruleset`
 * even when it was a lifecycle's. Version 3 holds them as typed records with stable ids, like rulesets, and names the
 * layout's document `owner`.
 *
 * The migration runs on the raw stored records, before they are read part by part (readWorkspace.ts): each step takes
 * the list and gives the new list, and leaves a record it cannot make sense of exactly as it was, so that the reader
 * sets that one part aside with its reasons instead of refusing the workspace. Pure; never throws on bad input.
 */
import { lifecycleRecordsV3 } from './lifecycleV3.ts';
import { planRecordsV3 } from './planV3.ts';

/** One step of the migration over the raw record list. */
export type RecordListStep = (records: readonly unknown[]) => unknown[];

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A layout record's `ruleset` (the document whose canvas it lays out, a ruleset or a lifecycle) becomes `owner`. */
export const layoutOwner: RecordListStep = (records) => records.map((r) => {
  if (!isObject(r) || r.type !== 'layout' || !Object.hasOwn(r, 'ruleset') || Object.hasOwn(r, 'owner')) return r;
  const { ruleset, ...rest } = r;
  return { ...rest, owner: ruleset };
});

/** The steps, in order. Lifecycles and plans add theirs (`lifecycleRecordsV3`, `planRecordsV3`). */
const STEPS: readonly RecordListStep[] = [layoutOwner,
  lifecycleRecordsV3,
  planRecordsV3,
];

/** Version-2 records → version-3 records (see the module comment). */
export function migrateRecordsV2toV3(records: readonly unknown[]): unknown[] {
  return STEPS.reduce<unknown[]>((list, step) => step(list), [...records]);
}
