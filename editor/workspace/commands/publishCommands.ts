/**
 * Publishing (ban hành) a workspace ruleset under a decision: one command, hence one undo step, that adds the decision
 * to the ruleset's `decisions` when it is new, a `published` entry for the revision being published, and a named
 * version whose snapshot is the ruleset as published (what the versions panel lists and compares).
 *
 * The revision published is the document's current `revision` (absent counts as 1) while it is a draft; when that
 * revision is already published, the next one (one more than any revision the document names), since a revision is
 * published once (engine/documents/decision.ts). The `revision` is then written out explicitly, so the checker's
 * verdicts name it.
 */
import { z } from 'zod/mini';
import { checkDecisionFields, DECISION_FIELDS, DecisionSchema, type Decision, type Published } from '../../../engine/documents/decision.ts';
import { IsoDate } from '../../../engine/documents/cadre.ts';
import type { Ruleset } from '../../../engine/documents/ruleset.ts';
import type { Command } from '../createWorkspaceStore.ts';
import type { RecordId, Records, RulesetRecord } from '../records.ts';
import { toRuleset } from '../rulesetRecords.ts';
import { freeId, isRefusal, recordOr, refuse, type Refusal } from './kit.ts';
import { RULESET_NOT_FOUND } from './rulesetCommands.ts';

/** What to publish under: a new decision record, or the id of one the ruleset already carries. */
export type PublishUnder = { decision: Decision } | { decisionId: string };

export interface PublishInput {
  under: PublishUnder;
  /** The day of publishing (ISO), the page's local date: not before the decision was signed. */
  on: string;
  /** The version's name in the versions panel. */
  name: string;
  note?: string;
}

const PublishedFields = z.object({ revision: z.optional(z.int().check(z.gte(1))), ...DECISION_FIELDS }).check(z.superRefine(checkDecisionFields));

/** The revision publishing `meta` would publish: its own while a draft, the next one once it is published. */
export function revisionToPublish(meta: Pick<Ruleset, 'revision' | 'published'>): number {
  const current = meta.revision ?? 1;
  const published = meta.published ?? [];
  if (!published.some((p) => p.revision === current)) return current;
  return Math.max(current, ...published.map((p) => p.revision)) + 1;
}

/**
 * A kebab-case decision id made from its number: `10-QĐ/TU` → `10-qd-tu` (diacritics dropped, Đ as d, every other
 * run of signs a hyphen).
 */
export function decisionIdOf(number: string): string {
  return number.replace(/[Đđ]/g, 'd').normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || 'van-ban';
}

const refusalOfIssue = (issue: z.core.$ZodIssue): Refusal => {
  const en = (issue as { params?: { en?: unknown } }).params?.en;
  const at = issue.path.join('.');
  return refuse(`${at}: ${issue.message}`, `${at}: ${typeof en === 'string' ? en : issue.message}`);
};

/** Publishes the ruleset `rulesetId` under a decision (see the module comment); refuses with the reason when it cannot. */
export function publishRuleset(rulesetId: RecordId, input: PublishInput): Command {
  return {
    type: 'version/publish',
    label: { vi: 'Ban hành phiên bản', en: 'Publish version' },
    run(records, ctx) {
      const rs = recordOr(records, rulesetId, 'ruleset', RULESET_NOT_FOUND);
      if (isRefusal(rs)) return rs;
      if (!IsoDate.safeParse(input.on).success) return refuse(`Ngày ban hành "${input.on}" không phải một ngày có thật.`, `The publishing date "${input.on}" is not a real date.`);
      const name = input.name.trim();
      if (!name) return refuse('Hãy đặt tên cho phiên bản.', 'Give the version a name.');
      const decisions = rs.meta.decisions ?? [];
      const chosen = chooseDecision(decisions, input.under);
      if (isRefusal(chosen)) return chosen;
      const revision = revisionToPublish(rs.meta);
      const entry: Published = { revision, on: input.on, decision: chosen.decision.id, ...(input.note?.trim() ? { note: input.note.trim() } : {}) };
      const meta = {
        ...rs.meta, revision,
        decisions: chosen.isNew ? [...decisions, chosen.decision] : decisions,
        published: [...(rs.meta.published ?? []), entry],
      };
      const checked = PublishedFields.safeParse(meta);
      if (!checked.success) return refusalOfIssue(checked.error.issues[0]!);
      const head: RulesetRecord = { ...rs, meta };
      const snapshot = toRuleset(new Map(records).set(rulesetId, head) as Records, rulesetId).ruleset;
      return { put: [head, { id: ctx.ids('version'), type: 'version', ruleset: rulesetId, name, savedAt: ctx.now(), snapshot }] };
    },
  };
}

/** The decision to publish under, and whether it is new to the document; or why it cannot be. */
function chooseDecision(decisions: readonly Decision[], under: PublishUnder): { decision: Decision; isNew: boolean } | Refusal {
  if ('decisionId' in under) {
    const known = decisions.find((d) => d.id === under.decisionId);
    return known ? { decision: known, isNew: false } : refuse(`Tài liệu không có văn bản "${under.decisionId}".`, `The document has no act "${under.decisionId}".`);
  }
  const parsed = DecisionSchema.safeParse(under.decision);
  if (!parsed.success) return refusalOfIssue(parsed.error.issues[0]!);
  const same = decisions.find((d) => d.number === parsed.data.number);
  if (same) {
    return refuse(`Văn bản ${same.number} đã có trong tài liệu: hãy chọn nó thay vì nhập lại.`, `The act ${same.number} is already in the document: pick it instead of entering it again.`);
  }
  const id = freeId(parsed.data.id, (x) => decisions.some((d) => d.id === x));
  return { decision: { ...parsed.data, id }, isNew: true };
}
