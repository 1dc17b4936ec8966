/**
 * The cohort diff: one cohort of cadres checked on two sides, cadre by cadre, with a running summary of who gains,
 * who loses and which rules are behind it. Pure; the accumulator keeps counts (per change kind, per rule), never
 * the verdicts, so a cohort of millions is compared in bounded memory.
 */
import type { CadreProfile, Nomination } from '../../documents/cadre.ts';
import { LABELS, type Label } from '../../documents/enums.ts';
import type { Ruleset } from '../../documents/ruleset.ts';
import type { Checker, CheckOutcome } from '../createChecker.ts';
import { CHANGE_KINDS, diffOutcomes, type CadreDiff, type ChangeKind, type DecisionContext, type SideResult } from './diffVerdicts.ts';
import { splitSpecialDecision, type DecisionUse } from './sideDecision.ts';
import { outOfScopeRuleId } from '../outOfScope.ts';

export interface DiffSide {
  checker: Checker;
  /** How the side is named to people ("57-QĐ/TW", "350-QĐ/TW (áp dụng giả định)"). */
  label: Label;
  /** Overrides every nomination's date on this side (ISO), including a row's own date: "the same cohort, a year later". */
  on?: string;
}

export interface RuleCount {
  /** Cadres that fail the rule. */
  count: number;
  citation: string;
  /** The rule's title in its ruleset, when the ruleset is known. */
  title?: Label;
}

/**
 * Per side: cadres checked, eligible or not, and cadres the side refused (no regulation for the date…).
 * `outOfScope` counts the nominations at a level the side's regulation does not regulate (sơ cấp under 350-QĐ/TW):
 * not eligible, but counted apart from `ineligible`.
 */
export interface SideCounts { eligible: number; ineligible: number; outOfScope: number; invalid: number }

/** Per side: how many rows' special decisions were applied, not needed, or could not be used (judged without). */
export type DecisionUseCounts = Record<DecisionUse, number>;

/** The rows that record a special decision, what each side did with it, and the changes resting on it alone. */
export interface DecisionSummary {
  recorded: number;
  a: DecisionUseCounts;
  b: DecisionUseCounts;
  /** `gained` / `lost` cadres whose change rests on the decision alone (`CadreDiff.byDecision`). */
  gained: number;
  lost: number;
}

export interface DiffSummary {
  /** Cadres compared; the change counts add up to it. */
  total: number;
  changes: Record<ChangeKind, number>;
  institutionChanged: number;
  reasonsChanged: number;
  a: SideCounts;
  b: SideCounts;
  specialDecisions: DecisionSummary;
  /** Rule id → cadres failing it, most frequent first. */
  byRule: {
    /** Every failure on side A (subject failures included). */
    a: Record<string, RuleCount>;
    b: Record<string, RuleCount>;
    /** The B rules that `lost` cadres fail: why they lose (a loss resting on a special decision alone is not counted here). */
    lost: Record<string, RuleCount>;
    /** The A rules that `gained` cadres failed and no longer do: why they gain (a gain resting on a special decision alone is not). */
    gained: Record<string, RuleCount>;
  };
}

export interface CohortDiff {
  /** Compares one cadre (synchronous: the sides' checkers need a synchronous evaluator, as the compiled one is). */
  add(profile: CadreProfile, nomination: Nomination): CadreDiff;
  /** The same with any evaluator (the reference one is asynchronous); counted once both checks are done. */
  addAsync(profile: CadreProfile, nomination: Nomination): Promise<CadreDiff>;
  /** The counts so far (a fresh object each call). */
  summary(): DiffSummary;
}

type Tally = Map<string, RuleCount>;

export function createCohortDiff(sides: { a: DiffSide; b: DiffSide }): CohortDiff {
  const { a, b } = sides;
  const changes = Object.fromEntries(CHANGE_KINDS.map((k) => [k, 0])) as Record<ChangeKind, number>;
  const counts = { a: { eligible: 0, ineligible: 0, outOfScope: 0, invalid: 0 }, b: { eligible: 0, ineligible: 0, outOfScope: 0, invalid: 0 } };
  const tallies = { a: new Map() as Tally, b: new Map() as Tally, lost: new Map() as Tally, gained: new Map() as Tally };
  let total = 0;
  let institutionChanged = 0;
  let reasonsChanged = 0;
  const uses = (): DecisionUseCounts => ({ applied: 0, 'not-needed': 0, 'not-applicable': 0 });
  const decisions: DecisionSummary = { recorded: 0, a: uses(), b: uses(), gained: 0, lost: 0 };

  const on = (side: DiffSide, n: Nomination): Nomination => (side.on === undefined || side.on === n.on ? n : { ...n, on: side.on });

  function tallySide(outcome: CheckOutcome, side: DiffSide, sideCounts: SideCounts, tally: Tally, extra?: Tally): void {
    if (!outcome.ok) { sideCounts.invalid++; return; }
    const v = outcome.verdict;
    if (v.eligible) { sideCounts.eligible++; return; }
    if (v.outOfScope) sideCounts.outOfScope++;
    else sideCounts.ineligible++;
    for (const f of v.failures) {
      count(tally, f.rule, f.citation, side, v.on, v.ruleset);
      if (extra) count(extra, f.rule, f.citation, side, v.on, v.ruleset);
    }
  }

  function record(oa: CheckOutcome, ob: CheckOutcome, profile: CadreProfile, decision: DecisionContext | undefined): CadreDiff {
    const diff = diffOutcomes(oa, ob, profile.id, decision);
    total++;
    changes[diff.change]++;
    if (diff.institutionChanged) institutionChanged++;
    if (diff.reasonsChanged) reasonsChanged++;
    if (decision) countDecision(diff);
    tallySide(oa, a, counts.a, tallies.a, diff.change === 'gained' && !diff.byDecision ? tallies.gained : undefined);
    tallySide(ob, b, counts.b, tallies.b, diff.change === 'lost' && !diff.byDecision ? tallies.lost : undefined);
    return diff;
  }

  function countDecision(diff: CadreDiff): void {
    decisions.recorded++;
    const use = (s: SideResult, c: DecisionUseCounts) => { if (s.ok && s.specialDecision) c[s.specialDecision.use]++; };
    use(diff.a, decisions.a);
    use(diff.b, decisions.b);
    if (diff.byDecision === 'b') decisions.gained++;
    if (diff.byDecision === 'a') decisions.lost++;
  }

  /** Each side's nomination: its own date, and the row's special decision set aside where that side cannot use it. */
  function prepare(nomination: Nomination) {
    const na = on(a, nomination);
    const nb = on(b, nomination);
    if (!nomination.specialDecision) return { na, nb, decision: undefined };
    const ra = a.checker.rulesetOn(na.on);
    const rb = b.checker.rulesetOn(nb.on);
    const split = splitSpecialDecision(na, nb, ra, rb);
    const decision: DecisionContext = { record: nomination.specialDecision, setAside: split.setAside, rulesets: { a: ra, b: rb } };
    return { na: split.a, nb: split.b, decision };
  }

  return {
    add(profile, nomination) {
      const { na, nb, decision } = prepare(nomination);
      return record(a.checker.checkSync(profile, na), b.checker.checkSync(profile, nb), profile, decision);
    },
    async addAsync(profile, nomination) {
      const { na, nb, decision } = prepare(nomination);
      const [oa, ob] = await Promise.all([a.checker.check(profile, na), b.checker.check(profile, nb)]);
      return record(oa, ob, profile, decision);
    },
    summary() {
      return {
        total,
        changes: { ...changes },
        institutionChanged,
        reasonsChanged,
        a: { ...counts.a },
        b: { ...counts.b },
        specialDecisions: { ...decisions, a: { ...decisions.a }, b: { ...decisions.b } },
        byRule: { a: sorted(tallies.a), b: sorted(tallies.b), lost: sorted(tallies.lost), gained: sorted(tallies.gained) },
      };
    },
  };
}

function count(tally: Tally, rule: string, citation: string, side: DiffSide, on: string, rulesetId: string): void {
  const found = tally.get(rule);
  if (found) { found.count++; return; }
  const title = ruleTitle(side.checker.rulesetOn(on), rulesetId, rule);
  tally.set(rule, title ? { count: 1, citation, title } : { count: 1, citation });
}

/** The title of a rule of the ruleset that checked the verdict; the subject failure is named for its level. */
function ruleTitle(ruleset: Ruleset | undefined, rulesetId: string, rule: string): Label | undefined {
  if (!ruleset || ruleset.id !== rulesetId) return undefined;
  const found = ruleset.rules.find((r) => r.id === rule);
  if (found) return { vi: found.title.vi, en: found.title.en };
  for (const level of ['elementary', 'intermediate', 'advanced'] as const) {
    const l = LABELS.theoryLevel[level];
    if (rule === `${ruleset.id}-${level}-subject`) {
      return { vi: `Không thuộc nhóm đối tượng nào được cử học ${l.vi}`, en: `In no subject group for ${l.en} training` };
    }
    if (rule === outOfScopeRuleId(ruleset.id, level)) {
      const code = ruleset.regulation.code;
      return { vi: `${l.vi[0]!.toUpperCase()}${l.vi.slice(1)} không thuộc phạm vi ${code}`, en: `${l.en[0]!.toUpperCase()}${l.en.slice(1)} is outside the scope of ${code}` };
    }
  }
  return undefined;
}

function sorted(tally: Tally): Record<string, RuleCount> {
  const entries = [...tally].sort((x, y) => y[1].count - x[1].count || (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0));
  return Object.fromEntries(entries.map(([k, v]) => [k, { ...v }]));
}
