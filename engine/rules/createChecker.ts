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
import { createCompiledEvaluator } from './compile/createCompiledEvaluator.ts';
import { deriveFacts, indexPositions, type FactContext, type Facts } from './facts.ts';
import { indexProvinces } from './provinces.ts';
import type { EvaluatorFactory, RuleEvaluator, RuleOutcome } from './RuleEvaluator.ts';
import { selectRuleset, type Selection } from './selectRuleset.ts';

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
}

export type CheckOutcome = { ok: true; verdict: Verdict } | { ok: false; diagnostics: Diagnostic[] };

export interface Checker {
  check(profile: CadreProfile, nomination: Nomination): Promise<CheckOutcome>;
  /**
   * Synchronous check, for XState guards and bulk runs. Needs a synchronous evaluator (the compiled one);
   * throws (a programming error) when the configured evaluator returns promises.
   */
  checkSync(profile: CadreProfile, nomination: Nomination): CheckOutcome;
  /** The ruleset that applies on a date (for headers and reports). */
  rulesetOn(on: string): Ruleset | undefined;
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

  function select(on: string): Selection<Ruleset> {
    if (forced) return forced;
    if (on === lastOn && lastSelection) return lastSelection;
    const s = selectRuleset(options.rulesets, on);
    // Only a found ruleset is remembered: each refusal gets its own diagnostic object.
    if (s.ok) { lastSelection = s; lastOn = on; }
    return s;
  }

  function prepare(profile: CadreProfile, nomination: Nomination): Prepared | { ok: false; diagnostics: Diagnostic[] } {
    const selection = select(nomination.on);
    if (!selection.ok) return { ok: false, diagnostics: [selection.diagnostic] };
    const ruleset = selection.ruleset;
    let evaluator = evaluators.get(ruleset);
    if (!evaluator) { evaluator = factory(ruleset); evaluators.set(ruleset, evaluator); }
    const { facts, notes } = deriveFacts(profile, nomination, ctx);
    return { ok: true, ruleset, evaluator, facts, notes };
  }

  function finish(p: Prepared, profile: CadreProfile, nomination: Nomination, outcomes: RuleOutcome[]): Verdict {
    return buildVerdict({
      id: profile.id, level: nomination.level, mode: nomination.mode, on: nomination.on, ruleset: p.ruleset, outcomes,
      messages: { facts: p.facts, year: Math.floor(p.facts.onOrdinal / 10000), positionName }, notes: p.notes,
      institutions: options.institutions, provinces: ctx.provinces,
    });
  }

  return {
    rulesetOn(on) {
      const s = forced ?? selectRuleset(options.rulesets, on);
      return s.ok ? s.ruleset : undefined;
    },
    async check(profile, nomination) {
      const p = prepare(profile, nomination);
      if (!p.ok) return p;
      return { ok: true, verdict: finish(p, profile, nomination, await p.evaluator.evaluate(p.facts, nomination.level, nomination.mode)) };
    },
    checkSync(profile, nomination) {
      const p = prepare(profile, nomination);
      if (!p.ok) return p;
      const outcomes = p.evaluator.evaluate(p.facts, nomination.level, nomination.mode);
      if (outcomes instanceof Promise) throw new Error('checkSync needs a synchronous rule evaluator');
      return { ok: true, verdict: finish(p, profile, nomination, outcomes) };
    },
  };
}

interface Prepared { ok: true; ruleset: Ruleset; evaluator: RuleEvaluator; facts: Facts; notes: string[] }
