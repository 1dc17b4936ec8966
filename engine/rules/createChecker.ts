/**
 * The eligibility check of one cadre for one nomination: select the regulation in force on the nomination date,
 * derive facts, evaluate the rules, build the verdict. Evaluation goes through an `EvaluatorFactory`: the compiled
 * evaluator by default, `createReferenceEvaluator` (json-rules-engine, asynchronous) for comparison.
 */
import type { Diagnostic } from '../diagnostics/Diagnostic.ts';
import type { CadreProfile, Nomination } from '../documents/cadre.ts';
import type { InstitutionCatalogue, PositionCatalogue } from '../documents/catalogue.ts';
import type { Ruleset } from '../documents/ruleset.ts';
import { buildVerdict, type Verdict } from './buildVerdict.ts';
import { screenVerdict, toScreening, type Screening } from './screenVerdict.ts';
import { createCompiledEvaluator } from './compile/createCompiledEvaluator.ts';
import { deriveFacts, indexPositions, type DerivedFacts, type FactContext } from './facts.ts';
import { indexProvinces } from './provinces.ts';
import { createOutcomeInterner, type OutcomePattern } from './OutcomePattern.ts';
import type { EvaluatorFactory, RuleEvaluator } from './RuleEvaluator.ts';
import { selectRuleset, type Selection } from './selectRuleset.ts';
import { noRuleForLevel } from './noRuleForLevel.ts';
import { outOfScopeScreening, outOfScopeVerdict, regulatesLevel } from './outOfScope.ts';
import { checkSpecialDecision } from './specialDecision.ts';
import type { Overlay } from '../documents/overlay.ts';
import { createOverlayResolver } from '../overlays/createOverlayResolver.ts';
import { hasRevisionFields, verdictBasis, type VerdictBasis } from '../overlays/verdictBasis.ts';
import { resolveProvince } from './provinces.ts';

/**
 * The rulesets and catalogues are read as they are when first used and must not be changed in place afterwards:
 * a checker for an edited ruleset is a new checker.
 */
export interface CheckerOptions {
  rulesets: readonly Ruleset[];
  positions: PositionCatalogue;
  institutions: InstitutionCatalogue;
  evaluator?: EvaluatorFactory;
  /**
   * What-if comparisons ("350-QĐ/TW applied to the 2024 plan"): apply the one ruleset in `rulesets` to every
   * nomination, whatever its date. Without it, the regulation in force on the nomination date applies.
   */
  regardlessOfDate?: boolean;
  /**
   * Provincial or agency overlays (`llct/ruleset-overlay`): for each nomination, those extending the ruleset in
   * force, covering the cadre's workplace (province as it stands on the date, agency) and in force on the date are
   * layered over it (`resolveOverlays`) before evaluation. Checked documents (see `validateOverlay`).
   */
  overlays?: readonly Overlay[];
}

export type CheckOutcome = { ok: true; verdict: Verdict } | { ok: false; diagnostics: Diagnostic[] };
/** A screening (shared, frozen) or why the nomination cannot be judged: what `checkSync` says, without the texts. */
export type ScreenOutcome = Screening | { ok: false; diagnostics: Diagnostic[] };

export interface Checker {
  check(profile: CadreProfile, nomination: Nomination): Promise<CheckOutcome>;
  /**
   * Synchronous check, for XState guards and bulk runs. Needs a synchronous evaluator (one with `evaluatePattern`,
   * as the compiled one has); throws (a programming error) with json-rules-engine's.
   */
  checkSync(profile: CadreProfile, nomination: Nomination): CheckOutcome;
  /**
   * `checkSync` reduced to eligibility, failed rules and institution, for bulk screening (the simulation): no
   * messages are built, and the result is shared by every cadre with the same outcome.
   */
  screenSync(profile: CadreProfile, nomination: Nomination): ScreenOutcome;
  /** The ruleset that applies on a date (for headers and reports). */
  rulesetOn(on: string): Ruleset | undefined;
  /**
   * The ruleset that judges this cadre's nomination: `rulesetOn`'s, with the overlays that apply to the cadre's
   * workplace on the date layered over it (the rules a verdict's ids name, an overlay's added rules included).
   */
  rulesetFor(profile: CadreProfile, nomination: Nomination): Ruleset | undefined;
}

export function createChecker(options: CheckerOptions): Checker {
  if (options.regardlessOfDate && options.rulesets.length !== 1) {
    throw new Error(`regardlessOfDate applies one ruleset; ${options.rulesets.length} were given`);
  }
  const factory = options.evaluator ?? createCompiledEvaluator;
  const forced: Selection<Ruleset> | undefined = options.regardlessOfDate ? { ok: true, ruleset: options.rulesets[0]! } : undefined;
  const evaluators = new Map<Ruleset, RuleEvaluator>();
  const positions = indexPositions(options.positions);
  const ctx: FactContext = { positions, provinces: indexProvinces(options.institutions) };
  const names = new Map(options.positions.positions.map((p) => [p.code, p.name]));
  const positionName = (code: string) => names.get(code);
  // A cohort is usually checked for one date: remember the last selection.
  let lastOn: string | undefined;
  let lastSelection: Selection<Ruleset> | undefined;
  const resolver = options.overlays && options.overlays.length > 0 ? createOverlayResolver(options.overlays) : undefined;
  /** The selection handed out for each effective ruleset, with its basis: built once, not per cadre. */
  const judged = new Map<Ruleset, Selection<Ruleset> & { basis?: VerdictBasis | undefined }>();
  // Only a revision, a published list or an overlay gives a verdict a basis: without them the selection is used as is.
  const withBasis = resolver !== undefined || options.rulesets.some(hasRevisionFields);

  /**
   * The ruleset that judges this cadre: the selected one, or the effective ruleset of the overlays that apply to
   * the cadre's workplace on the date, with what the verdict says it was judged under.
   */
  function effective(selection: Selection<Ruleset>, profile: CadreProfile, on: string): Selection<Ruleset> & { basis?: VerdictBasis | undefined } {
    if (!selection.ok || !withBasis) return selection;
    const base = selection.ruleset;
    let ruleset = base;
    let applied: Parameters<typeof verdictBasis>[1] = [];
    if (resolver) {
      const named = profile.workplace.province;
      const province = named ? resolveProvince(ctx.provinces, named, on)?.province.name ?? named : null;
      ({ ruleset, applied } = resolver(base, on, { province, agency: profile.workplace.agency ?? null }));
    }
    let hit = judged.get(ruleset);
    if (!hit) judged.set(ruleset, (hit = { ok: true, ruleset, basis: verdictBasis(base, applied) }));
    return hit;
  }

  function select(on: string): Selection<Ruleset> {
    if (forced) return forced;
    if (on === lastOn && lastSelection) return lastSelection;
    const s = selectRuleset(options.rulesets, on);
    // Only a found ruleset is remembered: each refusal gets its own diagnostic object.
    if (s.ok) { lastSelection = s; lastOn = on; }
    return s;
  }

  // An asynchronous evaluator's outcomes become shared patterns too (see OutcomePattern.ts).
  const outcomes = createOutcomeInterner();
  let lastRuleset: Ruleset | undefined;
  let lastEvaluator: RuleEvaluator | undefined;

  function evaluatorFor(ruleset: Ruleset): RuleEvaluator {
    if (ruleset === lastRuleset) return lastEvaluator!;
    let evaluator = evaluators.get(ruleset);
    if (!evaluator) { evaluator = factory(ruleset); evaluators.set(ruleset, evaluator); }
    lastRuleset = ruleset;
    lastEvaluator = evaluator;
    return evaluator;
  }

  function verdictOf(ruleset: Ruleset, profile: CadreProfile, nomination: Nomination, derived: DerivedFacts, pattern: OutcomePattern, basis: VerdictBasis | undefined): Verdict {
    return buildVerdict({
      id: profile.id, level: nomination.level, mode: nomination.mode, on: nomination.on, ruleset, pattern,
      facts: derived.facts, notes: derived.notes, positionName, institutions: options.institutions, provinces: ctx.provinces,
      specialDecision: nomination.specialDecision, basis,
    });
  }

  function checkSync(profile: CadreProfile, nomination: Nomination): CheckOutcome {
    const selection = effective(select(nomination.on), profile, nomination.on);
    if (!selection.ok) return { ok: false, diagnostics: [selection.diagnostic] };
    if (!regulatesLevel(selection.ruleset, nomination.level)) return { ok: true, verdict: outOfScopeVerdict(selection.ruleset, profile.id, nomination) };
    const refused = noRuleForLevel(selection.ruleset, nomination.level) ?? checkSpecialDecision(selection.ruleset, nomination);
    if (refused) return { ok: false, diagnostics: [refused] };
    const evaluator = evaluatorFor(selection.ruleset);
    if (!evaluator.evaluatePattern) throw new Error('checkSync needs a synchronous rule evaluator');
    const derived = deriveFacts(profile, nomination, ctx);
    const pattern = evaluator.evaluatePattern(derived.facts, nomination.level, nomination.mode);
    return { ok: true, verdict: verdictOf(selection.ruleset, profile, nomination, derived, pattern, selection.basis) };
  }

  return {
    rulesetOn(on) {
      const s = forced ?? selectRuleset(options.rulesets, on);
      return s.ok ? s.ruleset : undefined;
    },
    rulesetFor(profile, nomination) {
      const s = effective(select(nomination.on), profile, nomination.on);
      return s.ok ? s.ruleset : undefined;
    },
    async check(profile, nomination) {
      const selection = effective(select(nomination.on), profile, nomination.on);
      if (!selection.ok) return { ok: false, diagnostics: [selection.diagnostic] };
      if (!regulatesLevel(selection.ruleset, nomination.level)) return { ok: true, verdict: outOfScopeVerdict(selection.ruleset, profile.id, nomination) };
      const refused = noRuleForLevel(selection.ruleset, nomination.level) ?? checkSpecialDecision(selection.ruleset, nomination);
      if (refused) return { ok: false, diagnostics: [refused] };
      const evaluator = evaluatorFor(selection.ruleset);
      const derived = deriveFacts(profile, nomination, ctx);
      const pattern = evaluator.evaluatePattern
        ? evaluator.evaluatePattern(derived.facts, nomination.level, nomination.mode)
        : outcomes.intern(await evaluator.evaluate(derived.facts, nomination.level, nomination.mode));
      return { ok: true, verdict: verdictOf(selection.ruleset, profile, nomination, derived, pattern, selection.basis) };
    },
    checkSync,
    screenSync(profile, nomination) {
      if (nomination.specialDecision) {
        // A waiver changes the failures: the whole verdict decides.
        const o = checkSync(profile, nomination);
        return o.ok ? toScreening(o.verdict) : o;
      }
      const selection = effective(select(nomination.on), profile, nomination.on);
      if (!selection.ok) return { ok: false, diagnostics: [selection.diagnostic] };
      if (!regulatesLevel(selection.ruleset, nomination.level)) return outOfScopeScreening(selection.ruleset, nomination.level);
      const refused = noRuleForLevel(selection.ruleset, nomination.level);
      if (refused) return { ok: false, diagnostics: [refused] };
      const evaluator = evaluatorFor(selection.ruleset);
      if (!evaluator.evaluatePattern) throw new Error('screenSync needs a synchronous rule evaluator');
      const derived = deriveFacts(profile, nomination, ctx);
      const pattern = evaluator.evaluatePattern(derived.facts, nomination.level, nomination.mode);
      return screenVerdict({ ruleset: selection.ruleset, level: nomination.level, pattern, facts: derived.facts, institutions: options.institutions, provinces: ctx.provinces });
    },
  };
}
