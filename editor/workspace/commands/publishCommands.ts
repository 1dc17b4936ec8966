/**
 * Publishing (ban hành) a workspace document — a ruleset, a lifecycle or a plan — under a decision: one command, hence
 * one undo step, that adds the decision to the document's `decisions` when it is new and a `published` entry for the
 * revision being published. A ruleset also gets a named version whose snapshot is the ruleset as published (what its
 * versions panel lists and compares); lifecycles and plans have no versions list: the publication is recorded in the
 * document only.
 *
 * The revision published is the document's current `revision` (absent counts as 1) while it is a draft; when that
 * revision is already published, the next one (one more than any revision the document names), since a revision is
 * published once (engine/documents/decision.ts). The `revision` is then written out explicitly, so the checker's
 * verdicts name it. The first edit after a publication opens the next revision (workspace/nextRevision.ts).
 *
 * A lifecycle's open revision (`openRevision`, where the editor records state renames) is closed by publishing: the
 * revision is published as it stands, renames and all, and a rename after it opens the next revision.
 */
import { z } from 'zod/mini';
import { checkDecisionFields, DECISION_FIELDS, DecisionSchema, type Decision, type Published } from '../../../engine/documents/decision.ts';
import { IsoDate } from '../../../engine/documents/cadre.ts';
import type { Command } from '../createWorkspaceStore.ts';
import { isPublishable, publicationMeta, revisionToPublish } from '../publication.ts';
import type { RecordId, Records, RulesetRecord } from '../records.ts';
import { toRuleset } from '../rulesetRecords.ts';
import { freeId, isRefusal, refuse, type Refusal } from './kit.ts';

/** What to publish under: a new decision record, or the id of one the ruleset already carries. */
export type PublishUnder = { decision: Decision } | { decisionId: string };

export interface PublishInput {
  under: PublishUnder;
  /** The day of publishing (ISO), the page's local date: not before the decision was signed. */
  on: string;
  /** The version's name in the versions panel (a ruleset's; lifecycles and plans save no version and ignore it). */
  name: string;
  note?: string;
}

const PublishedFields = z.object({ revision: z.optional(z.int().check(z.gte(1))), ...DECISION_FIELDS }).check(z.superRefine(checkDecisionFields));

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

const NOT_PUBLISHABLE = refuse('Không tìm thấy bộ quy tắc, quy trình hay kế hoạch này.', 'No such ruleset, lifecycle or plan.');

/**
 * Publishes the document whose head record is `headId` (a ruleset, a lifecycle or a plan) under a decision (see the
 * module comment); refuses with the reason when it cannot.
 */
export function publishDocument(headId: RecordId, input: PublishInput): Command {
  return {
    type: 'version/publish',
    label: { vi: 'Ban hành phiên bản', en: 'Publish version' },
    run(records, ctx) {
      const found = records.get(headId);
      if (!isPublishable(found)) return NOT_PUBLISHABLE;
      if (!IsoDate.safeParse(input.on).success) return refuse(`Ngày ban hành "${input.on}" không phải một ngày có thật.`, `The publishing date "${input.on}" is not a real date.`);
      const name = input.name.trim();
      if (!name && found.type === 'ruleset') return refuse('Hãy đặt tên cho phiên bản.', 'Give the version a name.');
      const current = publicationMeta(found);
      const decisions = current.decisions ?? [];
      if (!Array.isArray(decisions) || (current.published !== undefined && !Array.isArray(current.published))) {
        return refuse('Trường decisions/published của tài liệu không đúng dạng: hãy sửa tệp trước khi ban hành.', 'The document\'s decisions/published fields are malformed: fix the file before publishing.');
      }
      const chosen = chooseDecision(decisions, input.under);
      if (isRefusal(chosen)) return chosen;
      const revision = revisionToPublish(current);
      const entry: Published = { revision, on: input.on, decision: chosen.decision.id, ...(input.note?.trim() ? { note: input.note.trim() } : {}) };
      const meta = {
        ...found.meta, revision,
        decisions: chosen.isNew ? [...decisions, chosen.decision] : decisions,
        published: [...(current.published ?? []), entry],
      };
      const checked = PublishedFields.safeParse(meta);
      if (!checked.success) return refusalOfIssue(checked.error.issues[0]!);
      if (found.type === 'lifecycle') {
        // Publishing closes the open revision: a later rename opens the next one (module comment).
        const { openRevision: _closed, ...rest } = found;
        return { put: [{ ...rest, meta }] };
      }
      if (found.type === 'plan') return { put: [{ ...found, meta }] };
      const head: RulesetRecord = { ...found, meta: meta as RulesetRecord['meta'] };
      const snapshot = toRuleset(new Map(records).set(headId, head) as Records, headId).ruleset;
      return { put: [head, { id: ctx.ids('version'), type: 'version', ruleset: headId, name, savedAt: ctx.now(), snapshot }] };
    },
  };
}

/** Publishes the ruleset `rulesetId` under a decision: `publishDocument` for a ruleset (with its published version). */
export const publishRuleset = (rulesetId: RecordId, input: PublishInput): Command => publishDocument(rulesetId, input);

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
