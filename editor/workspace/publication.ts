/**
 * The publication fields of a workspace document's head record — a ruleset, a lifecycle or a plan — and the revision
 * publishing it would make. Small and schema-free: the store reads it on every change (nextRevision.ts), so it loads
 * with the page's first script; the publish command itself (commands/publishCommands.ts) loads with the views.
 */
import type { Ruleset } from '../../engine/documents/ruleset.ts';
import type { LifecycleRecord, PlanRecord, RulesetRecord } from './records.ts';

/** The head record of a document that can be published. */
export type PublishableRecord = RulesetRecord | LifecycleRecord | PlanRecord;

/** True for the head record of a ruleset, a lifecycle or a plan. */
export const isPublishable = (r: { type: string } | undefined): r is PublishableRecord => r?.type === 'ruleset' || r?.type === 'lifecycle' || r?.type === 'plan';

/** The publication fields of a head record's metadata, as written (an invalid document's are checked when publishing). */
export const publicationMeta = (head: PublishableRecord): Pick<Ruleset, 'id' | 'revision' | 'decisions' | 'published'> => head.meta as Ruleset;

/** The revision publishing `meta` would publish: its own while a draft, the next one once it is published. */
export function revisionToPublish(meta: Pick<Ruleset, 'revision' | 'published'>): number {
  const current = meta.revision ?? 1;
  const published = meta.published ?? [];
  if (!published.some((p) => p.revision === current)) return current;
  return Math.max(current, ...published.map((p) => p.revision)) + 1;
}
