/**
 * Where a workspace ruleset and its saved versions stand: published under a decision, a draft, or edited since its
 * revision was published (then a draft of the next revision). Loads no React.
 */
import { decisionOf, publishedEntry, type Decision, type Published } from '../../engine/documents/decision.ts';
import type { Ruleset } from '../../engine/documents/ruleset.ts';
import type { VerdictBasis } from '../../engine/overlays/verdictBasis.ts';
import { revisionToPublish } from '../workspace/commands/publishCommands.ts';
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

export type RulesetStanding =
  | { status: 'published'; publication: Publication }
  | { status: 'edited'; publication: Publication; next: number }
  | { status: 'draft'; revision: number };

/**
 * The standing of the workspace ruleset `rulesetId`. Its revision counts as edited since publication when a version
 * saved by publishing it holds other contents than the ruleset now (a document imported published, with no such
 * version, is taken at its word).
 */
export function rulesetStanding(records: Records, rulesetId: RecordId): RulesetStanding {
  const ruleset = toRuleset(records, rulesetId).ruleset;
  const publication = publicationOf(ruleset);
  if (!publication) return { status: 'draft', revision: ruleset.revision ?? 1 };
  const saved = recordsOfType(records, 'version').filter((v) => v.ruleset === rulesetId && publicationOf(v.snapshot)?.revision === publication.revision);
  const now = JSON.stringify(ruleset);
  if (saved.length > 0 && !saved.some((v) => JSON.stringify(v.snapshot) === now)) {
    return { status: 'edited', publication, next: revisionToPublish(ruleset) };
  }
  return { status: 'published', publication };
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
