/**
 * A nomination's recorded special decision (trường hợp đặc biệt) on the two sides of a comparison. The decision names
 * a rule of one regulation (`tc350-part-time-age`); the other side may have no such rule, or not let it be waived
 * (57-QĐ/TW lets no rule be waived). Such a side cannot use the decision: it is judged **without** it, and says so —
 * never a silent waive, never an error that drops the row. Only when neither side can use it is the record a fault of
 * the row (each side then refuses it, as `llct check` does). Pure.
 */
import type { Diagnostic } from '../../diagnostics/Diagnostic.ts';
import type { Nomination, SpecialDecision } from '../../documents/cadre.ts';
import { formatDate } from '../../documents/dates.ts';
import type { Confidence, Label } from '../../documents/enums.ts';
import type { Ruleset } from '../../documents/ruleset.ts';
import type { Verdict } from '../buildVerdict.ts';
import { checkSpecialDecision, waivableRules } from '../specialDecision.ts';
import { citationIn } from '../../documents/ruleset.ts';

/**
 * What a side did with the decision: `applied` — the rule it waives failed and was waived (an eligible verdict is
 * then "eligible by special decision"); `not-needed` — the rule was met anyway; `not-applicable` — this side's
 * ruleset cannot use it and judged the cadre without it (`reason` says why).
 */
export type DecisionUse = 'applied' | 'not-needed' | 'not-applicable';
export const DECISION_USES: readonly DecisionUse[] = ['applied', 'not-needed', 'not-applicable'];

export interface SideDecision extends SpecialDecision {
  use: DecisionUse;
  /** The waived rule on this side: citation, confidence and title (absent when not applicable). */
  rule?: { citation: string; confidence: Confidence; title: Label };
  /** Why this side cannot use the decision (absent unless `not-applicable`); `code` is the diagnostic `llct check` gives. */
  reason?: { code: string; text: Label };
}

/** The nomination each side checks, and the decision a side had to set aside (with why). */
export interface SideNominations {
  a: Nomination;
  b: Nomination;
  /** Present for a side that cannot use the row's decision while the other side can. */
  setAside: { a?: Diagnostic; b?: Diagnostic };
}

/**
 * Splits a nomination for the two sides: a side whose ruleset refuses the decision (`checkSpecialDecision`) while
 * the other side's accepts it gets the nomination without the decision. `rulesetA`/`rulesetB` are the rulesets that
 * apply to each side's nomination (undefined: no regulation for the date — that side refuses anyway).
 */
export function splitSpecialDecision(
  a: Nomination, b: Nomination, rulesetA: Ruleset | undefined, rulesetB: Ruleset | undefined,
): SideNominations {
  if (!a.specialDecision && !b.specialDecision) return { a, b, setAside: {} };
  const refusedA = rulesetA ? checkSpecialDecision(rulesetA, a) : undefined;
  const refusedB = rulesetB ? checkSpecialDecision(rulesetB, b) : undefined;
  const usableA = rulesetA !== undefined && refusedA === undefined;
  const usableB = rulesetB !== undefined && refusedB === undefined;
  if (refusedA && usableB) return { a: without(a), b, setAside: { a: refusedA } };
  if (refusedB && usableA) return { a, b: without(b), setAside: { b: refusedB } };
  return { a, b, setAside: {} };
}

function without(n: Nomination): Nomination {
  const { specialDecision: _dropped, ...rest } = n;
  return rest;
}

/** The decision as a side used it: from the verdict when the side used it, or set aside with the reason. */
export function sideDecisionOf(
  verdict: Pick<Verdict, 'specialDecision' | 'regulation'>, record: SpecialDecision | undefined, setAside: Diagnostic | undefined, ruleset: Ruleset | undefined,
): SideDecision | undefined {
  const sd = verdict.specialDecision;
  if (sd) {
    const { waives, decidedBy, number, on } = sd;
    return {
      waives, decidedBy, number, on, use: sd.applied ? 'applied' : 'not-needed',
      rule: { citation: sd.citation, confidence: sd.confidence, title: sd.title },
    };
  }
  if (!record || !setAside) return undefined;
  const { waives, decidedBy, number, on } = record;
  return { waives, decidedBy, number, on, use: 'not-applicable', reason: { code: setAside.code, text: notApplicableText(setAside, record, verdict.regulation, ruleset) } };
}

/** Why a side cannot use the decision, in words fit for a comparison (no "did you mean": the record is not wrong). */
function notApplicableText(d: Diagnostic, record: SpecialDecision, code: string, ruleset: Ruleset | undefined): Label {
  if (d.code !== 'nomination/special-decision-unknown-rule' && d.code !== 'nomination/special-decision-not-waivable') {
    return { vi: d.message, en: d.messageEn };
  }
  const waivable = ruleset ? waivableRules(ruleset) : [];
  if (waivable.length === 0) {
    return {
      vi: `${code} không có quy tắc nào được miễn bằng quyết định đặc biệt`,
      en: `${code} has no rule a special decision may waive`,
    };
  }
  return {
    vi: `${code} không cho miễn quy tắc ${record.waives} (chỉ miễn được: ${waivable.join(', ')})`,
    en: `${code} does not let rule ${record.waives} be waived (only: ${waivable.join(', ')})`,
  };
}

/** "quyết định đặc biệt số 1234-QĐ/TU ngày 20/09/2025 của …" / "special decision no. … of …, …". */
export function decisionName(sd: SpecialDecision): Label {
  return {
    vi: `quyết định đặc biệt số ${sd.number} ngày ${formatDate(sd.on)} của ${sd.decidedBy}`,
    en: `special decision no. ${sd.number} of ${formatDate(sd.on)}, ${sd.decidedBy}`,
  };
}

/**
 * One side's use of the decision in words: waived, not needed, or not applicable and why. `named`: name the decision
 * (number, date, decider) in the sentence; false where the record is already written beside it.
 */
export function sideDecisionText(sd: SideDecision, named = true): Label {
  const name = named ? decisionName(sd) : { vi: 'quyết định', en: 'the decision' };
  const cited = sd.rule ? ` (${sd.rule.citation})` : '';
  const citedEn = sd.rule ? ` (${citationIn(sd.rule.citation, 'en')})` : '';
  switch (sd.use) {
    case 'applied':
      return named
        ? { vi: `miễn quy tắc ${sd.waives}${cited} theo ${name.vi}`, en: `rule ${sd.waives}${citedEn} waived by ${name.en}` }
        : { vi: `miễn quy tắc ${sd.waives}${cited}`, en: `rule ${sd.waives}${citedEn} waived` };
    case 'not-needed':
      return { vi: `${name.vi} miễn quy tắc ${sd.waives}${cited}, nhưng không cần dùng: quy tắc đã đạt`, en: `${name.en} waives rule ${sd.waives}${citedEn}, but it was not needed: the rule is met` };
    case 'not-applicable': {
      const why = sd.reason?.text ?? { vi: '', en: '' };
      return { vi: `${name.vi} không áp dụng được, xét không có quyết định: ${why.vi}`, en: `${name.en} does not apply, judged without it: ${why.en}` };
    }
  }
}

/** The text with its first letter in capitals (a sentence standing alone). */
export function capitalised(text: string): string {
  return text.charAt(0).toLocaleUpperCase('vi') + text.slice(1);
}
