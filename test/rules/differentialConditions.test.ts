import fc from 'fast-check';
import { Almanac } from 'json-rules-engine';
import { describe, expect, it } from 'vitest';
import type { Ruleset } from '../../engine/documents/ruleset.ts';
import { compilePath, isSimplePath } from '../../engine/rules/compile/compilePath.ts';
import { createCompiledEvaluator } from '../../engine/rules/compile/createCompiledEvaluator.ts';
import { createReferenceEvaluator } from '../../engine/rules/createReferenceEvaluator.ts';
import type { Facts } from '../../engine/rules/facts.ts';
import type { RuleOutcome } from '../../engine/rules/RuleEvaluator.ts';
import {
  compiledOutcomes, factsArb, listRootArb, oneRuleRuleset, referenceOutcomes, rootArb, sameOutcome, valueArb,
} from './differentialSupport.ts';

/**
 * Seed of the runs below. Counterexamples found while building the compiled evaluator are pinned as named tests in
 * compiledEvaluator.test.ts (the rule value copied by json-rules-engine's `clone`, the engine state after a throw).
 */
const SEED = 20240301;

describe('the compiled evaluator against json-rules-engine on random rules', () => {
  it('agrees on random rule trees over random, badly typed facts, missing facts and errors included', async () => {
    const tally = { cases: 0, threw: 0, passed: 0 };
    await fc.assert(fc.asyncProperty(rootArb, fc.array(factsArb, { minLength: 1, maxLength: 5 }), async (root, factsList) => {
      const reference = await referenceOutcomes(root, factsList);
      const compiled = compiledOutcomes(root, factsList);
      reference.forEach((r, i) => {
        tally.cases++;
        if (r.threw) tally.threw++;
        else if (r.passed) tally.passed++;
        if (!sameOutcome(r, compiled[i]!)) expect({ facts: i, compiled: compiled[i] }).toEqual({ facts: i, compiled: r });
      });
    }), { seed: SEED, numRuns: 10_000 });
    // Enough of each outcome for the comparison to mean something.
    expect(tally.cases).toBeGreaterThan(25_000);
    expect(tally.passed / tally.cases).toBeGreaterThan(0.2);
    expect((tally.cases - tally.passed - tally.threw) / tally.cases).toBeGreaterThan(0.2);
    expect(tally.threw / tally.cases).toBeGreaterThan(0.1);
  });

  it('agrees with the reference facade on random rulesets: rules in order, modes, duplicate ids', async () => {
    const ruleArb = fc.record({
      id: fc.constantFrom('r1', 'r2', 'r3', 'r4'),
      modes: fc.option(fc.constantFrom<Array<'full-time' | 'part-time'>>(['full-time'], ['part-time'], ['full-time', 'part-time']), { nil: undefined }),
      conditions: listRootArb,
    });
    let cases = 0;
    await fc.assert(fc.asyncProperty(
      fc.array(ruleArb, { minLength: 1, maxLength: 4 }), factsArb, fc.constantFrom('full-time' as const, 'part-time' as const),
      async (rules, facts, mode) => {
        const base = oneRuleRuleset({ all: [] });
        const ruleset: Ruleset = {
          ...base,
          rules: rules.map((r) => ({ ...base.rules[0]!, id: r.id, conditions: r.conditions as never, ...(r.modes ? { modes: r.modes } : {}) })),
        };
        const run = async (evaluate: () => RuleOutcome[] | Promise<RuleOutcome[]>) => {
          try {
            return (await evaluate()).map((o) => `${o.rule.id}:${o.passed}`);
          } catch {
            return 'threw';
          }
        };
        // A fresh reference per run on its own copy: json-rules-engine rewrites leaf priorities in place.
        const reference = createReferenceEvaluator(structuredClone(ruleset));
        const compiled = createCompiledEvaluator(ruleset);
        const f = facts as Facts;
        expect(await run(() => compiled.evaluate(f, 'intermediate', mode))).toEqual(await run(() => reference.evaluate(f, 'intermediate', mode)));
        cases++;
      },
    ), { seed: SEED + 1, numRuns: 3000 });
    expect(cases).toBe(3000);
  });

  it('resolves simple JSON paths exactly as the jsonpath-plus resolver json-rules-engine uses', () => {
    const library = (new Almanac() as unknown as { pathResolver: (v: unknown, p: string) => unknown }).pathResolver;
    const stepArb = fc.oneof(
      fc.constantFrom('a', 'b', 'x', 'length', 'toString', '_z', 'constructor').map((k) => `.${k}`),
      fc.nat(3).map((i) => `[${i}]`),
    );
    const pathArb = fc.array(stepArb, { minLength: 1, maxLength: 4 }).map((steps) => `$${steps.join('')}`);
    const objectArb = fc.oneof(fc.array(valueArb, { maxLength: 4 }), fc.dictionary(fc.constantFrom('a', 'b', 'x', '0', 'length'), valueArb, { maxKeys: 4 }));
    fc.assert(fc.property(objectArb, pathArb, (value, path) => {
      expect(isSimplePath(path)).toBe(true);
      expect(Object.is(compilePath(path)(value as object), library(value, path))).toBe(true);
    }), { seed: SEED + 2, numRuns: 3000 });
  });

  it('resolves every other path (descent, wildcards, filters, slices, quoted names, no `$`) as json-rules-engine\'s own resolver does', () => {
    const library = (new Almanac() as unknown as { pathResolver: (v: unknown, p: string) => unknown }).pathResolver;
    const paths = ['$..a', '$.*', '$.a[*]', "$['a']", '$.a[0:2]', 'a', 'a.b', '$', '$[?(@.a)]', '$.a[-1:]', '$..[0]', '$.a..b'];
    const objectArb = fc.oneof(fc.array(valueArb, { maxLength: 4 }), fc.dictionary(fc.constantFrom('a', 'b', 'x', '0'), valueArb, { maxKeys: 4 }));
    const outcome = (resolve: () => unknown) => {
      try { return { value: resolve() }; } catch (e) { return { error: (e as Error).message }; }
    };
    let compared = 0;
    fc.assert(fc.property(objectArb, fc.constantFrom(...paths), (value, path) => {
      expect(isSimplePath(path)).toBe(false);
      expect(outcome(() => compilePath(path)(value as object))).toEqual(outcome(() => library(value, path)));
      compared++;
    }), { seed: SEED + 3, numRuns: 2000 });
    expect(compared).toBe(2000);
  });
});
