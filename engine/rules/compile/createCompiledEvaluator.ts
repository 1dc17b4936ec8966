/**
 * The compiled rule evaluator: the ruleset's json-rules-engine conditions turned into plain closures once (no
 * `eval`, no `new Function`: rulesets come from users and the editor runs under a strict Content-Security-Policy),
 * then evaluated synchronously. It returns exactly what `createReferenceEvaluator` (json-rules-engine 7.3.1) returns —
 * the same rules, in the same order, with the same pass/fail — and throws whenever the reference rejects (missing
 * fact, invalid structure, unknown operator, an operator applied to a value it cannot take), so `createChecker` gives
 * identical verdicts with either. The differential tests in test/rules/ hold it to that.
 *
 * Contract on the inputs, which is what `deriveFacts` and the ruleset schema produce:
 * - `facts` is a plain data object: its own enumerable properties are the facts (no getters, functions or
 *   json-rules-engine `Fact` instances as values). An object with another prototype is copied (`{ ...facts }`)
 *   first, as the reference copies it.
 * - the ruleset is JSON data and is not changed after the evaluator is created (conditions are compiled on first use
 *   of each level and mode; rebuild the evaluator after editing).
 *
 * A missing fact: the reference engine runs with `allowUndefinedFacts: false`, so it rejects with
 * "Undefined fact: x" whenever a condition naming a fact that the facts object lacks is evaluated — and it evaluates
 * every condition of a rule (see compileConditions.ts), so in practice whenever any applicable rule names it. The
 * compiled evaluator throws `UndefinedFactError` in exactly those cases; it never treats a missing fact as undefined.
 *
 * Rules of a level and mode that the fast path takes (compileFastPlan.ts: the operators the shipped rulesets use,
 * literal values) are evaluated by it whenever the facts allow, with the outcomes as bits; everything else, and any
 * facts it does not take, by the closures.
 *
 * Given `options.makeFunction` (a face that may run generated code: the CLI, the bench), each fast plan is also written
 * out as JavaScript source (generateBitsSource.ts: no ruleset text in the code, values in a constants array) and
 * made into a function by it; the same bits, without the interpreter. Without it (the page, under a strict
 * Content-Security-Policy) the interpreter and the closures run, as before. The results are the same either way.
 *
 * Two corners of the reference facade are copied too: an applicable rule reported passed when any applicable rule
 * with the same id passed (it matches results by name), and a rule with an empty id never reported passed.
 */
import { MODES, TRAINING_LEVELS, type Mode, type TrainingLevel } from '../../documents/enums.ts';
import type { Rule, Ruleset } from '../../documents/ruleset.ts';
import type { Facts } from '../facts.ts';
import { createPatternTable, MAX_BIT_RULES, type OutcomePattern, type PatternTable } from '../OutcomePattern.ts';
import { applicableRules, type RuleOutcome, type SyncRuleEvaluator } from '../RuleEvaluator.ts';
import { compileConditions } from './compileConditions.ts';
import { compileFastPlan, NOT_FAST, runFastPlan, type FastPlan } from './compileFastPlan.ts';
import type { FactBag, Run } from './compileLeaf.ts';
import { makeBitsFunction, type GeneratedBits, type MakeFunction } from './generateBitsSource.ts';
import { createOperatorTable } from './operatorTable.ts';

export { UndefinedFactError } from './compileLeaf.ts';
export type { MakeFunction } from './generateBitsSource.ts';

/** Options of `createCompiledEvaluator`. */
export interface CompiledEvaluatorOptions {
  /**
   * Makes functions from generated source (`(names, body) => new Function(...names, body)`). Only a face allowed to
   * run generated code passes it; without it no source is generated.
   */
  makeFunction?: MakeFunction;
}

interface Plan {
  rules: Rule[];
  runs: Run[];
  patterns: PatternTable;
  /** Set when building the reference engine for this level and mode would throw: every evaluation throws it. */
  error?: unknown;
  /** For rules sharing an id (or with an empty one): the indexes whose results decide each rule, else null. */
  sameId: number[][] | null;
  /** The fast path, when the rules allow it, with its scratch values. */
  fast?: FastPlan;
  values?: unknown[];
}

/** The compiled evaluator: the `SyncRuleEvaluator` contract, plus the outcomes as bits. */
export interface CompiledEvaluator extends SyncRuleEvaluator {
  /**
   * The outcomes as bits: bit i is set when the i-th applicable rule (ruleset order) passed. For levels and modes
   * with at most `MAX_BIT_RULES` applicable rules; throws a RangeError for more, and whatever `evaluate` throws.
   */
  evaluateBits(facts: Facts, level: TrainingLevel, mode: Mode): number;
}

export function createCompiledEvaluator(ruleset: Ruleset, options: CompiledEvaluatorOptions = {}): CompiledEvaluator {
  const { makeFunction } = options;
  const ops = createOperatorTable();
  const compiled = new Map<Rule, { run: Run } | { error: unknown }>();
  const plans = new Map<string, Map<string, Plan>>();

  function compileRule(rule: Rule) {
    let c = compiled.get(rule);
    if (!c) {
      try {
        c = { run: compileConditions(rule.conditions, ops) };
      } catch (error) {
        c = { error };
      }
      compiled.set(rule, c);
    }
    return c;
  }

  function build(level: TrainingLevel, mode: Mode): Plan {
    const rules = applicableRules(ruleset, level, mode);
    const runs: Run[] = [];
    for (const rule of rules) {
      const c = compileRule(rule);
      // The reference adds the rules in order and stops at the first that does not construct.
      if ('error' in c) return { rules, runs: [], patterns: createPatternTable(rules), error: c.error, sameId: null };
      runs.push(c.run);
    }
    const plan: Plan = { rules, runs, patterns: createPatternTable(rules), sameId: sameIdGroups(rules) };
    const fast = compileFastPlan(rules.map((r) => r.conditions), rules.map((r) => r.id));
    if (fast) {
      plan.fast = fast;
      plan.values = new Array<unknown>(fast.names.length).fill(null);
    }
    return plan;
  }

  /** Plans of the known levels and modes by position (a cohort mixes them row by row); others in `plans`. */
  const byIndex: Array<Plan | undefined> = new Array<Plan | undefined>(TRAINING_LEVELS.length * MODES.length).fill(undefined);

  /**
   * With `makeFunction`: the fast plans of every known level and mode as one generated function (built on the first
   * evaluation that can use it; `null` until then, `undefined` when there is none).
   */
  let generated: GeneratedBits | null | undefined = makeFunction ? null : undefined;

  function generate(): GeneratedBits | undefined {
    const fastPlans: Array<FastPlan | undefined> = [];
    for (const level of TRAINING_LEVELS) {
      for (const mode of MODES) {
        let plan: Plan | undefined;
        // A level whose plan cannot be built throws when it is evaluated, as without generation.
        try { plan = planFor(level, mode); } catch { plan = undefined; }
        fastPlans[planIndex(level, mode)] = plan && plan.error === undefined && plan.rules.length <= MAX_BIT_RULES ? plan.fast : undefined;
      }
    }
    return makeBitsFunction(fastPlans, makeFunction!);
  }

  function planFor(level: TrainingLevel, mode: Mode): Plan {
    const at = planIndex(level, mode);
    if (at >= 0) {
      const known = byIndex[at];
      if (known !== undefined) return known;
    }
    let byMode = plans.get(level);
    if (!byMode) { byMode = new Map(); plans.set(level, byMode); }
    let plan = byMode.get(mode);
    if (!plan) { plan = build(level, mode); byMode.set(mode, plan); }
    if (at >= 0) byIndex[at] = plan;
    return plan;
  }

  /** Per-rule results of the last `evaluatePattern` (reused: evaluation is synchronous and never re-entered). */
  let scratch = new Uint8Array(32);

  /** The facts as the rules read them: a plain object (an object of another prototype is copied, as the reference does). */
  function bagOf(facts: Facts): FactBag {
    const bag = facts as unknown as FactBag;
    const proto: unknown = Object.getPrototypeOf(bag);
    return proto === Object.prototype || proto === null ? bag : { ...bag };
  }

  function planOf(level: TrainingLevel, mode: Mode): Plan {
    const plan = planFor(level, mode);
    if (plan.error !== undefined) throw plan.error;
    return plan;
  }

  /** Rules sharing an id are reported passed when any of them passed (the reference matches results by name). */
  function settleSameIds(groups: number[][], passed: { [i: number]: boolean | number }, n: number) {
    const own = Array.from({ length: n }, (_, i) => !!passed[i]);
    groups.forEach((group, i) => { passed[i] = group.some((j) => own[j]) ? 1 : 0; });
  }

  /** The closures' outcomes in `scratch` (the general path). */
  function runAll(plan: Plan, bag: FactBag): Uint8Array {
    const { runs } = plan;
    const n = runs.length;
    if (scratch.length < n) scratch = new Uint8Array(n);
    const passed = scratch;
    for (let i = 0; i < n; i++) passed[i] = runs[i]!(bag) ? 1 : 0;
    if (plan.sameId) settleSameIds(plan.sameId, passed, n);
    return passed;
  }

  /**
   * Bits of a plan of at most `MAX_BIT_RULES` rules (at position `at`, -1 for an unknown level or mode): the generated
   * function or the fast path when it takes the facts, else the closures.
   */
  function bitsOf(plan: Plan, bag: FactBag, at: number): number {
    if (generated === null) generated = generate();
    if (generated !== undefined && at >= 0) {
      const bits = generated(bag, at);
      if (bits !== NOT_FAST) return bits;
    }
    if (plan.fast) {
      const bits = runFastPlan(plan.fast, bag, plan.values!);
      if (bits !== NOT_FAST) return bits;
    }
    const passed = runAll(plan, bag);
    let bits = 0;
    for (let i = 0; i < plan.runs.length; i++) if (passed[i]) bits |= 1 << i;
    return bits;
  }

  return {
    evaluate(facts, level, mode) {
      const plan = planOf(level, mode);
      const { rules } = plan;
      const bag = bagOf(facts);
      const n = rules.length;
      const out = new Array<RuleOutcome>(n);
      if (n <= MAX_BIT_RULES) {
        const bits = bitsOf(plan, bag, planIndex(level, mode));
        for (let i = 0; i < n; i++) out[i] = { rule: rules[i]!, passed: (bits & (1 << i)) !== 0 };
        return out;
      }
      const passed = runAll(plan, bag);
      for (let i = 0; i < n; i++) out[i] = { rule: rules[i]!, passed: passed[i] === 1 };
      return out;
    },
    evaluatePattern(facts, level, mode): OutcomePattern {
      const plan = planOf(level, mode);
      const bag = bagOf(facts);
      if (plan.rules.length <= MAX_BIT_RULES) return plan.patterns.internBits(bitsOf(plan, bag, planIndex(level, mode)));
      return plan.patterns.intern(runAll(plan, bag));
    },
    evaluateBits(facts, level, mode) {
      const at = planIndex(level, mode);
      if (generated && at >= 0) {
        // Straight to the generated function: a plan it covers has been built without error and fits the bits.
        const proto: unknown = Object.getPrototypeOf(facts);
        if (proto === Object.prototype || proto === null) {
          const bits = generated(facts as unknown as FactBag, at);
          if (bits !== NOT_FAST) return bits;
        }
      }
      const plan = planOf(level, mode);
      if (plan.rules.length > MAX_BIT_RULES) throw new RangeError(`outcomes as bits need at most ${MAX_BIT_RULES} applicable rules, ${level}/${mode} has ${plan.rules.length}`);
      return bitsOf(plan, bagOf(facts), at);
    },
  };
}

/** Position of a known level and mode among the plans (level-major, as `TRAINING_LEVELS` × `MODES`), else -1. */
function planIndex(level: TrainingLevel, mode: Mode): number {
  const l = level === 'elementary' ? 0 : level === 'intermediate' ? 1 : level === 'advanced' ? 2 : -1;
  const m = mode === 'full-time' ? 0 : mode === 'part-time' ? 1 : -1;
  return l < 0 || m < 0 ? -1 : l * 2 + m;
}

function sameIdGroups(rules: Rule[]): number[][] | null {
  const byId = new Map<string, number[]>();
  rules.forEach((r, i) => {
    const list = byId.get(r.id);
    if (list) list.push(i);
    else byId.set(r.id, [i]);
  });
  if (byId.size === rules.length && !byId.has('')) return null;
  return rules.map((r) => (r.id ? byId.get(r.id)! : []));
}
