/**
 * How one cadre's eligibility changes between two sides of a comparison (57-QĐ/TW vs 350-QĐ/TW, a user's edited
 * ruleset vs the shipped one, two nomination dates). Pure.
 *
 * "Same reason" across two regulations: rule ids cannot be compared (each ruleset names its own rules,
 * `tc-party-member` vs `tc350-party-member`), nor whole citations (they start with the regulation's code). A failure
 * is the same reason on both sides when it sits at the same place in the text (article, clause, point — the
 * regulation code left out) and states the same thing about the cadre (the same Vietnamese message, which names the
 * cadre's value and the requirement). So "not a Party member" under 57 and under 350 is the same reason; "too young
 * for part-time: women from 33" and "… women from 28" are not (the requirement changed). The failure "in no subject
 * group" is one reason whichever groups the regulation lists: it is compared by its kind and place only, since its
 * message quotes the regulation's own group title.
 */
import type { Diagnostic } from '../../diagnostics/Diagnostic.ts';
import type { Label } from '../../documents/enums.ts';
import type { Failure } from '../buildVerdict.ts';
import type { CheckOutcome } from '../createChecker.ts';
import type { Ruleset } from '../../documents/ruleset.ts';
import type { SpecialDecision } from '../../documents/cadre.ts';
import { sideDecisionOf, type SideDecision } from './sideDecision.ts';

/** `gained`: ineligible on A, eligible on B; `lost`: the reverse; `invalid`: either side refused to check. */
export type ChangeKind = 'gained' | 'lost' | 'still-eligible' | 'still-ineligible' | 'invalid';
export const CHANGE_KINDS: readonly ChangeKind[] = ['gained', 'lost', 'still-eligible', 'still-ineligible', 'invalid'];

export interface FailureSummary {
  rule: string;
  /** `subject`: in no subject group; `standard`: a standard not met. */
  kind: Failure['kind'];
  citation: string;
  /** As `Failure.citationEn` (the out-of-scope reason only). */
  citationEn?: string;
  message: string;
  messageEn: string;
  /** How sure the project is of the rule (as `Failure.confidence`). */
  confidence: Failure['confidence'];
}

/** The institution a side names; JSON outputs write its `name` as `name` and `nameEn`. */
export interface InstitutionSummary { id: string; name: Label }

/** One side of a cadre's comparison, compact: what a person reads, not the verdict's bookkeeping. */
export type SideResult =
  | {
    ok: true;
    /** Regulation code (`57-QĐ/TW`) and ruleset id that applied. */
    regulation: string;
    ruleset: string;
    /** The nomination date this side checked (ISO). */
    on: string;
    eligible: boolean;
    /** As `Verdict.outOfScope`. */
    outOfScope?: true;
    failures: FailureSummary[];
    institution: InstitutionSummary | null;
    /** The row's recorded special decision as this side used it (see sideDecision.ts); absent when none is recorded. */
    specialDecision?: SideDecision;
  }
  | { ok: false; diagnostics: Diagnostic[] };

export interface CadreDiff {
  id: string;
  change: ChangeKind;
  /** The training institution differs (a school on one side and none on the other counts); false when invalid. */
  institutionChanged: boolean;
  /** Only for `still-ineligible`: the reasons differ (see the module comment for what "same reason" means). */
  reasonsChanged: boolean;
  a: SideResult;
  b: SideResult;
  /**
   * Set when the change of eligibility rests on the row's special decision alone: the side named is eligible by
   * special decision (the decision waived its only failure), the other side is not eligible. Set the decision aside
   * and neither side is eligible. Only on `gained` (side `b`) and `lost` (side `a`).
   */
  byDecision?: 'a' | 'b';
}

/** What a side's summary needs to show the row's special decision: the record, and why a side set it aside. */
export interface DecisionContext {
  record: SpecialDecision;
  setAside?: { a?: Diagnostic | undefined; b?: Diagnostic | undefined };
  rulesets?: { a?: Ruleset | undefined; b?: Ruleset | undefined };
}

/** The compact form of one side's outcome. */
export function summariseOutcome(outcome: CheckOutcome, decision?: DecisionContext, side: 'a' | 'b' = 'a'): SideResult {
  if (!outcome.ok) return { ok: false, diagnostics: outcome.diagnostics };
  const v = outcome.verdict;
  const failures = new Array<FailureSummary>(v.failures.length);
  for (let i = 0; i < failures.length; i++) {
    const f = v.failures[i]!;
    failures[i] = { rule: f.rule, kind: f.kind, citation: f.citation, message: f.message, messageEn: f.messageEn, confidence: f.confidence, ...(f.citationEn ? { citationEn: f.citationEn } : {}) };
  }
  const inst = v.institution;
  const result: SideResult = {
    ok: true, regulation: v.regulation, ruleset: v.ruleset, on: v.on, eligible: v.eligible, failures,
    institution: inst ? { id: inst.id, name: inst.name } : null,
  };
  if (v.outOfScope && result.ok) result.outOfScope = true;
  const sd = sideDecisionOf(v, decision?.record, decision?.setAside?.[side], decision?.rulesets?.[side]);
  if (sd) result.specialDecision = sd;
  return result;
}

/** The side whose eligibility alone rests on the special decision (see `CadreDiff.byDecision`). */
function byDecisionOf(change: ChangeKind, a: SideResult, b: SideResult): 'a' | 'b' | undefined {
  const applied = (s: SideResult) => s.ok && s.eligible && s.specialDecision?.use === 'applied';
  if (change === 'gained' && applied(b)) return 'b';
  if (change === 'lost' && applied(a)) return 'a';
  return undefined;
}

/**
 * The change between two outcomes of the same cadre. `id` defaults to the verdicts' id. `decision`: the row's
 * recorded special decision, and the side that set it aside (`splitSpecialDecision`), so each side can say so.
 */
export function diffOutcomes(a: CheckOutcome, b: CheckOutcome, id?: string, decision?: DecisionContext): CadreDiff {
  const sa = summariseOutcome(a, decision, 'a');
  const sb = summariseOutcome(b, decision, 'b');
  const cadre = id ?? (a.ok ? a.verdict.id : b.ok ? b.verdict.id : '');
  if (!a.ok || !b.ok) return { id: cadre, change: 'invalid', institutionChanged: false, reasonsChanged: false, a: sa, b: sb };
  const va = a.verdict;
  const vb = b.verdict;
  const change: ChangeKind = va.eligible
    ? (vb.eligible ? 'still-eligible' : 'lost')
    : (vb.eligible ? 'gained' : 'still-ineligible');
  const diff: CadreDiff = {
    id: cadre,
    change,
    institutionChanged: (va.institution?.id ?? null) !== (vb.institution?.id ?? null),
    reasonsChanged: change === 'still-ineligible' && !sameReasons(va, vb),
    a: sa,
    b: sb,
  };
  const by = byDecisionOf(change, sa, sb);
  if (by) diff.byDecision = by;
  return diff;
}

/** What a failure's reason is read from. */
export type Reason = Pick<Failure, 'kind' | 'citation' | 'message'>;
/** A verdict or a side summary: its regulation code and its failures. */
export interface Reasons<F extends Reason> { regulation: string; failures: readonly F[] }

/** Whether two verdicts fail for the same reasons, in any order (see the module comment). */
export function sameReasons(a: Reasons<Reason>, b: Reasons<Reason>): boolean {
  if (a.failures.length !== b.failures.length) return false;
  const keys = a.failures.map((f) => reasonKey(f, a.regulation)).sort();
  const other = b.failures.map((f) => reasonKey(f, b.regulation)).sort();
  return keys.every((k, i) => k === other[i]);
}

/** The failures of side `to` whose reason is not among side `from`'s (all of them when `from` is eligible). */
export function newFailures<F extends Reason>(from: Reasons<Reason>, to: Reasons<F>): F[] {
  const before = new Set(from.failures.map((f) => reasonKey(f, from.regulation)));
  return to.failures.filter((f) => !before.has(reasonKey(f, to.regulation)));
}

/** What identifies a failure's reason across regulations: kind, place in the text, and (for standards) message. */
export function reasonKey(f: Reason, regulation: string): string {
  const place = f.citation.startsWith(regulation) ? f.citation.slice(regulation.length).trim() : f.citation;
  return f.kind === 'subject' ? `subject\u0000${place}` : `standard\u0000${place}\u0000${f.message}`;
}
