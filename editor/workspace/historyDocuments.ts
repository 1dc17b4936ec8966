/**
 * Which document a history step touches. A document is named by the record id of its head: a ruleset
 * (`ruleset:57-qd-tw`, which also owns its rules, conditions, canvas layout, golden cases and versions), a lifecycle
 * (`lifecycle:class-default`, with its states, transitions and layout), a plan (`plan:ha-noi-2024`, with its classes), an overlay (`overlay:…`) or the sample cadres (`cadres:samples`).
 * Views show documents; undo in a view acts only on the steps of the documents it shows.
 */
import type { Diff } from './createHistory.ts';
import type { RecordId, Records, WorkspaceRecord } from './records.ts';

/** Record id of the head record of a document. */
export type DocumentId = RecordId;

/** Looks a record up (the workspace before or after a step, or several of them). */
export type RecordLookup = (id: RecordId) => WorkspaceRecord | undefined;

/** The document a record belongs to; for a condition whose rule cannot be found, the rule's id. */
export function documentOf(record: WorkspaceRecord, lookup: RecordLookup): DocumentId {
  switch (record.type) {
    case 'ruleset': case 'lifecycle': case 'plan': case 'cadres': case 'overlay': return record.id;
    case 'rule': case 'version': return record.ruleset;
    case 'layout': return record.owner;
    case 'plan-class': return record.plan;
    case 'cond': {
      const rule = lookup(record.rule);
      return rule?.type === 'rule' ? rule.ruleset : record.rule;
    }
    case 'golden': return `ruleset:${record.doc.ruleset}`;
    case 'state': case 'transition': return record.lifecycle;
  }
}

/** A lookup over several sources, the first that has the record wins. */
export function lookupIn(...sources: ReadonlyArray<Records | Diff>): RecordLookup {
  return (id) => {
    for (const s of sources) {
      const hit = s.get(id);
      if (hit === undefined) continue;
      if (Array.isArray(hit)) {
        const [before, after] = hit as readonly [WorkspaceRecord | undefined, WorkspaceRecord | undefined];
        const r = after ?? before;
        if (r) return r;
      } else return hit as WorkspaceRecord;
    }
    return undefined;
  };
}

/** The documents a diff touches, sorted, each once. `lookup` finds records the diff does not hold (a condition's rule). */
export function documentsOfDiff(diff: Diff, lookup: RecordLookup): DocumentId[] {
  const out = new Set<DocumentId>();
  const find = lookupIn(diff);
  const both: RecordLookup = (id) => find(id) ?? lookup(id);
  for (const [, [before, after]] of diff) {
    const r = after ?? before;
    if (r) out.add(documentOf(r, both));
  }
  return [...out].sort();
}
