/**
 * Where a workspace document (a ruleset, a lifecycle, a plan) and a ruleset's saved versions stand: published under a
 * decision, or a draft — since the first edit after a publication opens the next revision (workspace/nextRevision.ts),
 * a draft that follows a publication names it. A ruleset saved by an earlier build may still be "edited since its
 * revision was published" (then a draft of the next revision). Loads no React.
 */
import { decisionOf, publishedEntry, type Decision, type Published } from '../../engine/documents/decision.ts';
import type { Ruleset } from '../../engine/documents/ruleset.ts';
import type { VerdictBasis } from '../../engine/overlays/verdictBasis.ts';
import { isPublishable, publicationMeta, revisionToPublish } from '../workspace/publication.ts';
import { recordsOfType, type RecordId, type Records } from '../workspace/records.ts';
import { toRuleset } from '../workspace/rulesetRecords.ts';

/** A published revision with its decision. */
export interface Publication { revision: number; entry: Published; decision: Decision }

/** The publication of a ruleset's current revision (of a saved snapshot, say); `undefined` for a draft. */
export function publicationOf(ruleset: Ruleset): Publication | undefined {
  const entry = publishedEntry(ruleset);
  const decision = decisionOf(ruleset, entry);
  return entry && decision ? { revision: entry.revision, entry, decision } : undefined;
}

/** The newest published revision of a document with its decision (`undefined` when none is). */
export function lastPublication(doc: Pick<Ruleset, 'revision' | 'decisions' | 'published'>): Publication | undefined {
  const entries = Array.isArray(doc.published) ? [...doc.published].sort((a, b) => b.revision - a.revision) : [];
  for (const entry of entries) {
    const decision = decisionOf(doc, entry);
    if (decision) return { revision: entry.revision, entry, decision };
  }
  return undefined;
}

export type RulesetStanding =
  | { status: 'published'; publication: Publication }
  | { status: 'edited'; publication: Publication; next: number }
  | { status: 'draft'; revision: number; last?: Publication };

/** The standing of a document's own fields: published when its revision is, else a draft (after `last`, if any). */
function standingOfFields(doc: Pick<Ruleset, 'revision' | 'decisions' | 'published'>): RulesetStanding {
  const revision = typeof doc.revision === 'number' ? doc.revision : 1;
  if ((doc.published !== undefined && !Array.isArray(doc.published)) || (doc.decisions !== undefined && !Array.isArray(doc.decisions))) return { status: 'draft', revision };
  const publication = publicationOf(doc as Ruleset);
  if (publication) return { status: 'published', publication };
  const last = lastPublication(doc);
  return { status: 'draft', revision, ...(last ? { last } : {}) };
}

/**
 * The standing of the workspace ruleset `rulesetId`. Its revision counts as edited since publication when a version
 * saved by publishing it holds other contents than the ruleset now (a document imported published, with no such
 * version, is taken at its word).
 */
export function rulesetStanding(records: Records, rulesetId: RecordId): RulesetStanding {
  const ruleset = toRuleset(records, rulesetId).ruleset;
  const publication = publicationOf(ruleset);
  if (!publication) return standingOfFields(ruleset);
  const saved = recordsOfType(records, 'version').filter((v) => v.ruleset === rulesetId && publicationOf(v.snapshot)?.revision === publication.revision);
  const now = JSON.stringify(ruleset);
  if (saved.length > 0 && !saved.some((v) => JSON.stringify(v.snapshot) === now)) {
    return { status: 'edited', publication, next: revisionToPublish(ruleset) };
  }
  return { status: 'published', publication };
}

/**
 * The standing of the document whose head record is `headId`: a ruleset's as `rulesetStanding`; a lifecycle's or a
 * plan's from its own fields (they have no saved versions). `undefined` when there is no such document.
 */
export function documentStanding(records: Records, headId: RecordId): RulesetStanding | undefined {
  const head = records.get(headId);
  if (!isPublishable(head)) return undefined;
  return head.type === 'ruleset' ? rulesetStanding(records, headId) : standingOfFields(publicationMeta(head));
}

/**
 * A verdict's basis as the workspace stands: a basis naming a published revision the ruleset has been edited since
 * names the next revision instead, as a draft ("bản 2 (bản nháp, chưa ban hành)"). Otherwise the basis as it is.
 */
export function basisAsStanding(basis: VerdictBasis, standing: RulesetStanding | undefined): VerdictBasis {
  if (standing?.status !== 'edited' || basis.published?.revision !== standing.publication.revision) return basis;
  const { published: _published, ...rest } = basis;
  return { ...rest, revision: standing.next };
}

/** The standing of each workspace ruleset the checker judges by (the built-in ones), by document id. */
export function standingsByDocument(records: Records): ReadonlyMap<string, RulesetStanding> {
  return new Map(recordsOfType(records, 'ruleset').filter((r) => r.origin === 'builtin').map((r) => [r.meta.id, rulesetStanding(records, r.id)]));
}
