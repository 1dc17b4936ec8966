/**
 * Version 2 → 3 for lifecycles: a version-2 lifecycle record (`{ id, type: 'lifecycle', doc, openRevision? }`) becomes
 * its lifecycle, state and transition records (lifecycleRecords.ts), ids made from the record id
 * (`state:class-default/3`, `transition:class-default/4`), and its canvas layout, keyed by state *names* in version 2,
 * is re-keyed by state record ids (a position of a state the document does not have is dropped: no canvas showed it).
 * A lifecycle whose document cannot be split is left exactly as it was, and so is its layout: the reader sets the
 * lifecycle aside with its reasons. Pure; never throws.
 */
import { z } from 'zod/mini';
import { diagnostic, type Diagnostic } from '../../../engine/diagnostics/Diagnostic.ts';
import { describeSchemaIssues } from '../../../engine/diagnostics/describeSchemaIssues.ts';
import { recordsFromLifecycle } from '../lifecycleRecords.ts';
import type { StateRecord } from '../records.ts';
import { counterIds } from '../rulesetRecords.ts';
import type { RecordListStep } from './v2ToV3.ts';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const V2_KEYS = new Set(['id', 'type', 'doc', 'openRevision']);

/** See the module comment; runs after `layoutOwner` (layouts name their document `owner`). */
export const lifecycleRecordsV3: RecordListStep = (records) => {
  const stateIds = new Map<string, Map<string, string>>();
  const out: unknown[] = [];
  for (const r of records) {
    if (!isObject(r) || r.type !== 'lifecycle' || typeof r.id !== 'string' || !Object.hasOwn(r, 'doc') || !Object.keys(r).every((k) => V2_KEYS.has(k))) {
      out.push(r);
      continue;
    }
    const namespace = `${r.id.startsWith('lifecycle:') ? r.id.slice('lifecycle:'.length) : r.id}/`;
    const split = recordsFromLifecycle(r.doc, r.id, counterIds(namespace), typeof r.openRevision === 'number' ? r.openRevision : undefined);
    if (!split || (Object.hasOwn(r, 'openRevision') && typeof r.openRevision !== 'number')) {
      out.push(r);
      continue;
    }
    stateIds.set(r.id, new Map(split.filter((x): x is StateRecord => x.type === 'state').map((s) => [s.name, s.id])));
    out.push(...split);
  }
  return out.map((r) => {
    if (!isObject(r) || r.type !== 'layout' || typeof r.owner !== 'string' || !isObject(r.positions)) return r;
    const byName = stateIds.get(r.owner);
    if (!byName) return r;
    const positions: Record<string, unknown> = {};
    for (const [name, at] of Object.entries(r.positions)) {
      const id = byName.get(name);
      if (id !== undefined) positions[id] = at;
    }
    return { ...r, positions };
  });
};

const Obj = z.record(z.string(), z.unknown());
/** What a version-2 lifecycle document had to be for the migration to split it (see `lifecycleShapeProblem`). */
const V2DocumentShape = z.object({
  states: z.record(z.string(), z.object({ on: z.optional(z.record(z.string(), z.array(Obj).check(z.minLength(1)))) })),
});

/**
 * Why a version-2 lifecycle record was left as it was (its document could not be split), located in the record
 * (`doc.states`) and worded for a person; undefined for any other value.
 */
export function v2LifecycleProblems(raw: unknown): Diagnostic[] | undefined {
  if (!isObject(raw) || raw.type !== 'lifecycle' || !Object.hasOwn(raw, 'doc') || Object.hasOwn(raw, 'meta')) return undefined;
  const inner = describeSchemaIssues(V2DocumentShape, raw.doc);
  return inner.success ? undefined : inner.issues.map((i) => diagnostic('workspace/bad-document', 'error', ['doc', ...i.path], { vi: i.vi, en: i.en }));
}
