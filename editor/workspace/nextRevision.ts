/**
 * The first edit after a publication opens the next revision. The store runs every applied change through
 * `withNextRevisions` (createWorkspaceStore.ts), so no command has to know: when a change edits a ruleset, a lifecycle
 * or a plan whose current `revision` is published, and leaves that revision as it was, the same change also raises
 * the document's `revision` to the next one (one more than any revision the document names). The edited document is
 * then a draft of revision n + 1 whose `decisions` and `published` list stay as they were, which is what an export
 * writes; undoing the step gives back the published document byte for byte, since the raise is part of the step.
 *
 * An edit is a change of the plain document the head rebuilds to (what `llct` reads): moving a node on a canvas,
 * saving a version or editing golden cases is not. A change that sets the revision itself (publishing, a rename that
 * opens a lifecycle revision, typing a revision) is left as it is. For a lifecycle, the revision opened is also its
 * open revision (`openRevision`), so state renames made after it are recorded in that same revision.
 */
import { publishedEntry } from '../../engine/documents/decision.ts';
import { isPublishable, publicationMeta, revisionToPublish, type PublishableRecord } from './publication.ts';
import type { Change } from './createWorkspaceStore.ts';
import { documentOf, lookupIn } from './historyDocuments.ts';
import { toLifecycle } from './lifecycleRecords.ts';
import { toPlan } from './planRecords.ts';
import type { RecordId, Records, RecordType, WorkspaceRecord } from './records.ts';
import { toRuleset } from './rulesetRecords.ts';

/** Record types that are part of a document's contents (not its layout, versions, golden cases or samples). */
const CONTENT_TYPES: ReadonlySet<RecordType> = new Set(['ruleset', 'rule', 'cond', 'lifecycle', 'state', 'transition', 'plan', 'plan-class']);

/** The current revision of a head, when it is published (absent counts as 1); `undefined` for a draft. */
function publishedRevision(head: PublishableRecord): number | undefined {
  const meta = publicationMeta(head);
  if (meta.revision !== undefined && typeof meta.revision !== 'number') return undefined;
  if (meta.published !== undefined && !Array.isArray(meta.published)) return undefined;
  return publishedEntry(meta)?.revision;
}

/** The plain document `headId` rebuilds to, as text. */
function documentText(records: Records, head: PublishableRecord): string {
  if (head.type === 'ruleset') return JSON.stringify(toRuleset(records, head.id).ruleset);
  if (head.type === 'lifecycle') return JSON.stringify(toLifecycle(records, head.id).doc);
  return JSON.stringify(toPlan(records, head.id).plan);
}

/** `head` (as the change leaves it) with its revision raised to the next one. */
function raised(head: PublishableRecord): PublishableRecord {
  const next = revisionToPublish(publicationMeta(head));
  if (head.type === 'lifecycle') return { ...head, meta: { ...head.meta, revision: next }, openRevision: next };
  if (head.type === 'plan') return { ...head, meta: { ...head.meta, revision: next } };
  return { ...head, meta: { ...head.meta, revision: next } };
}

/**
 * `change` as applied to `records`, plus the raise of the revision of every published document it edits (see the
 * module comment). The change itself when it edits none: most changes are returned as they are, unread.
 */
export function withNextRevisions(records: Records, change: Change): Change {
  const touched = [...(change.put ?? []), ...(change.remove ?? []).map((id) => records.get(id)).filter((r): r is WorkspaceRecord => r !== undefined)];
  const put = new Map((change.put ?? []).map((r) => [r.id, r]));
  const lookup = lookupIn(put, records);
  const heads = new Set<RecordId>();
  for (const r of touched) if (CONTENT_TYPES.has(r.type)) heads.add(documentOf(r, lookup));
  let after: Map<RecordId, WorkspaceRecord> | undefined;
  const raises: PublishableRecord[] = [];
  for (const id of heads) {
    const before = records.get(id);
    if (!isPublishable(before) || (change.remove ?? []).includes(id)) continue;
    const revision = publishedRevision(before);
    if (revision === undefined) continue;
    const now = put.get(id) ?? before;
    if (!isPublishable(now) || now.type !== before.type || publishedRevision(now) !== revision || (publicationMeta(now).revision ?? 1) !== (publicationMeta(before).revision ?? 1)) continue;
    if (!after) {
      after = new Map(records);
      for (const rid of change.remove ?? []) after.delete(rid);
      for (const r of change.put ?? []) after.set(r.id, r);
    }
    if (documentText(records, before) === documentText(after, now)) continue;
    raises.push(raised(now));
  }
  if (raises.length === 0) return change;
  for (const r of raises) put.set(r.id, r);
  return { ...change, put: [...put.values()] };
}
