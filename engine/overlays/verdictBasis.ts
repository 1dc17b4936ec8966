/**
 * What a verdict was judged under, when there is more to say than the regulation's code: the ruleset's revision and
 * the decision it was published under, and the overlays layered over it ("350-qd-tw, bản 3 — theo 10-QĐ/TU ngày
 * 28/11/2025"), or that the revision is a draft. Absent from verdicts of a ruleset that records no revision and no
 * published list, judged without overlays: the output of the shipped rulesets is unchanged.
 */
import { decisionOf, decisionText, publishedEntry, ILLUSTRATIVE_MARK } from '../documents/decision.ts';
import type { RuleLayer, Ruleset } from '../documents/ruleset.ts';
import type { AppliedOverlay } from './resolveOverlays.ts';

export interface VerdictBasis {
  /** The base ruleset's id. */
  ruleset: string;
  /** Its revision (absent: the document records none). */
  revision?: number;
  /** The published entry of that revision and its decision; absent when the revision is a draft. */
  published?: { revision: number; on: string; decision: string; number: string; signedOn: string; illustrative?: true };
  /** The overlays layered over the base, in order. */
  overlays: AppliedOverlay[];
}

/** Whether a ruleset records a revision or published revisions (its verdicts then say which, or that it is a draft). */
export function hasRevisionFields(ruleset: Pick<Ruleset, 'revision' | 'published'>): boolean {
  return ruleset.revision !== undefined || ruleset.published !== undefined;
}

/** The basis of verdicts judged by `ruleset` (the base) with `overlays` applied; `undefined` when there is nothing to add. */
export function verdictBasis(ruleset: Ruleset, overlays: readonly AppliedOverlay[]): VerdictBasis | undefined {
  const entry = publishedEntry(ruleset);
  const decision = decisionOf(ruleset, entry);
  if (!hasRevisionFields(ruleset) && overlays.length === 0) return undefined;
  return {
    ruleset: ruleset.id,
    ...(ruleset.revision !== undefined ? { revision: ruleset.revision } : {}),
    ...(entry && decision ? { published: {
      revision: entry.revision, on: entry.on, decision: decision.id, number: decision.number, signedOn: decision.signedOn,
      ...(decision.illustrative ? { illustrative: true as const } : {}),
    } } : {}),
    overlays: [...overlays],
  };
}

/**
 * The basis in words: "350-qd-tw, bản 3 — theo 350-QĐ/TW ngày 29/08/2025; lớp phủ lao-cai-minh-hoa (minh họa) — theo
 * 10-QĐ/TU ngày 28/11/2025 (minh họa)". A draft revision says so.
 */
export function basisText(b: VerdictBasis, lang: 'vi' | 'en'): string {
  const vi = lang === 'vi';
  const head = b.revision !== undefined ? `${b.ruleset}, ${vi ? 'bản' : 'revision'} ${b.revision}` : b.ruleset;
  const base = b.published
    ? `${head} — ${vi ? 'theo' : 'under'} ${decisionText({ number: b.published.number, signedOn: b.published.signedOn, ...(b.published.illustrative ? { illustrative: true as const } : {}) }, lang)}`
    : b.revision !== undefined ? `${head} (${vi ? 'bản nháp, chưa ban hành' : 'draft, not published'})` : head;
  const layers = b.overlays.map((o) => {
    const mark = o.illustrative ? ` (${ILLUSTRATIVE_MARK[lang]})` : '';
    const under = o.decisions.map((d) => decisionText(d, lang)).join(', ');
    const none = o.changes === 0 ? (vi ? ', chưa có thay đổi nào áp dụng' : ', no change in force yet') : '';
    return `${vi ? 'lớp phủ' : 'overlay'} ${o.id}${mark} — ${vi ? 'theo' : 'under'} ${under}${none}`;
  });
  return [base, ...layers].join('; ');
}

/**
 * Where a failure's rule comes from, in words, when an overlay made it: "lớp phủ lao-cai-… (minh họa) — 10-QĐ/TU,
 * đổi ngưỡng". `undefined` for a base rule (the regulation's code already says it).
 */
export function layerText(layer: RuleLayer | undefined, lang: 'vi' | 'en'): string | undefined {
  if (!layer || layer.kind !== 'overlay') return undefined;
  const vi = lang === 'vi';
  const what = layer.change === 'add' ? (vi ? 'thêm mới' : 'added') : layer.change === 'replace' ? (vi ? 'thay thế' : 'replaced') : layer.change === 'threshold' ? (vi ? 'đổi ngưỡng' : 'threshold changed') : undefined;
  const mark = layer.illustrative ? ` (${ILLUSTRATIVE_MARK[lang]})` : '';
  return `${vi ? 'lớp phủ' : 'overlay'} ${layer.id}${mark}${layer.decision ? ` — ${layer.decision}` : ''}${what ? `, ${what}` : ''}`;
}
