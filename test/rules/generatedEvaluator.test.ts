import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { builtinDocuments } from '../../engine/builtin.ts';
import { CadreProfile } from '../../engine/documents/cadre.ts';
import type { Ruleset } from '../../engine/documents/ruleset.ts';
import { generateBuiltinCohort } from '../../engine/generate/generateBuiltinCohort.ts';
import { compileFastPlan } from '../../engine/rules/compile/compileFastPlan.ts';
import { createCompiledEvaluator, type MakeFunction } from '../../engine/rules/compile/createCompiledEvaluator.ts';
import { generateBitsSource } from '../../engine/rules/compile/generateBitsSource.ts';
import { createReferenceEvaluator } from '../../engine/rules/createReferenceEvaluator.ts';
import { deriveFacts, indexPositions, type Facts } from '../../engine/rules/facts.ts';
import { indexProvinces } from '../../engine/rules/provinces.ts';
import type { RuleOutcome } from '../../engine/rules/RuleEvaluator.ts';
import { LEVEL_MODES } from './differentialCadres.ts';
import { compiledOutcomes, factsArb, listRootArb, oneRuleRuleset, referenceOutcomes, rootArb, sameOutcome } from './differentialSupport.ts';

const SEED = 20261207;

/** `new Function`, counting the sources it made and the evaluations the generated code answered itself. */
function countingMaker() {
  const seen = { sources: [] as string[], answered: 0, declined: 0 };
  const makeFunction: MakeFunction = (names, body) => {
    seen.sources.push(body);
    const factory = new Function(...names, body) as (...args: unknown[]) => (f: unknown, at: number) => number;
    return ((...args: unknown[]) => {
      const bits = factory(...args);
      return (f: unknown, at: number) => {
        const b = bits(f, at);
        if (b === -1) seen.declined++; else seen.answered++;
        return b;
      };
    }) as never;
  };
  return { seen, makeFunction };
}

const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e));

const summary = async (evaluate: () => RuleOutcome[] | Promise<RuleOutcome[]>) => {
  try {
    return (await evaluate()).map((o) => `${o.rule.id}:${o.passed}`);
  } catch {
    return 'threw';
  }
};

describe('the generated evaluator against the closures and json-rules-engine', () => {
  it('agrees on random rule trees over random, badly typed and missing facts, the generated code deciding a good share of them', async () => {
    const { seen, makeFunction } = countingMaker();
    let cases = 0;
    await fc.assert(fc.asyncProperty(rootArb, fc.array(factsArb, { minLength: 1, maxLength: 5 }), async (root, factsList) => {
      const reference = await referenceOutcomes(root, factsList);
      const closures = compiledOutcomes(root, factsList);
      const generated = compiledOutcomes(root, factsList, { makeFunction });
      reference.forEach((r, i) => {
        cases++;
        expect(generated[i]).toEqual(closures[i]);
        if (!sameOutcome(r, generated[i]!)) expect({ facts: i, generated: generated[i] }).toEqual({ facts: i, generated: r });
      });
    }), { seed: SEED, numRuns: 4000 });
    expect(cases).toBeGreaterThan(10_000);
    // The comparison means something only if the generated code decided a good share of the cases itself.
    expect(seen.answered).toBeGreaterThan(1500);
    expect(seen.declined).toBeGreaterThan(500);
  });

  it('agrees with the reference facade on random rulesets of several rules, in every level and mode', async () => {
    const ruleArb = fc.record({
      id: fc.constantFrom('r1', 'r2', 'r3', 'r4', 'r5'),
      level: fc.constantFrom('elementary' as const, 'intermediate' as const, 'advanced' as const),
      modes: fc.option(fc.constantFrom<Array<'full-time' | 'part-time'>>(['full-time'], ['part-time'], ['full-time', 'part-time']), { nil: undefined }),
      conditions: listRootArb,
    });
    const { seen, makeFunction } = countingMaker();
    await fc.assert(fc.asyncProperty(fc.array(ruleArb, { minLength: 1, maxLength: 6 }), factsArb, async (rules, facts) => {
      const base = oneRuleRuleset({ all: [] });
      const ruleset: Ruleset = {
        ...base,
        rules: rules.map((r) => ({ ...base.rules[0]!, id: r.id, level: r.level, conditions: r.conditions as never, ...(r.modes ? { modes: r.modes } : {}) })),
      };
      const reference = createReferenceEvaluator(structuredClone(ruleset));
      const closures = createCompiledEvaluator(ruleset);
      const generated = createCompiledEvaluator(ruleset, { makeFunction });
      for (const [level, mode] of LEVEL_MODES) {
        const f = facts as Facts;
        const expected = await summary(() => reference.evaluate(f, level, mode));
        expect(await summary(() => generated.evaluate(f, level, mode))).toEqual(expected);
        expect(await summary(() => closures.evaluate(f, level, mode))).toEqual(expected);
        const bits = (e: typeof closures) => { try { return e.evaluateBits(f, level, mode); } catch (err) { return messageOf(err); } };
        expect(bits(generated)).toEqual(bits(closures));
      }
    }), { seed: SEED + 1, numRuns: 1500 });
    expect(seen.answered).toBeGreaterThan(500);
  });

  it('gives the bits of the closures and json-rules-engine on both shipped rulesets, wrong types and missing facts included', async () => {
    const docs = builtinDocuments();
    const ctx = { positions: indexPositions(docs.positions), provinces: indexProvinces(docs.institutions) };
    const cohort = generateBuiltinCohort({ count: 300, seed: 'generated-evaluator' }).map((p) => CadreProfile.parse(p));
    const bitsOf = (outcomes: RuleOutcome[]) => outcomes.reduce((bits, o, i) => (o.passed ? bits | (1 << i) : bits), 0);
    for (const ruleset of docs.rulesets) {
      const { seen, makeFunction } = countingMaker();
      const generated = createCompiledEvaluator(ruleset, { makeFunction });
      const closures = createCompiledEvaluator(ruleset);
      const reference = createReferenceEvaluator(ruleset);
      for (let i = 0; i < cohort.length; i++) {
        const [level, mode] = LEVEL_MODES[i % LEVEL_MODES.length]!;
        const facts = deriveFacts(cohort[i]!, { level, mode, on: ruleset.id === '57-qd-tw' ? '2024-03-01' : '2026-03-01' }, ctx).facts;
        const variants: Array<Record<string, unknown>> = [facts as unknown as Record<string, unknown>, { ...facts, age: '40' }, { ...facts, positionRank: { valueOf: () => 3 } }, { ...facts, position: 7 }];
        for (const f of variants) {
          const expected = bitsOf(await reference.evaluate(f as unknown as Facts, level, mode));
          expect(generated.evaluateBits(f as unknown as Facts, level, mode)).toBe(expected);
          expect(closures.evaluateBits(f as unknown as Facts, level, mode)).toBe(expected);
          expect(generated.evaluatePattern(f as unknown as Facts, level, mode).passed).toEqual(closures.evaluatePattern(f as unknown as Facts, level, mode).passed);
        }
        const { age: _, ...withoutAge } = facts;
        const missing = (e: typeof closures) => { try { return e.evaluateBits(withoutAge as Facts, level, mode); } catch (err) { return messageOf(err); } };
        expect(missing(generated)).toEqual(missing(closures));
      }
      expect(seen.sources).toHaveLength(1);
      expect(seen.answered).toBeGreaterThan(cohort.length * 2);
    }
  });
});

/** Strings a hostile ruleset might use to break out of generated source. */
const HOSTILE = [
  '"; globalThis.__llctInjected = 1; "', "'; globalThis.__llctInjected = 1; '", '`${globalThis.__llctInjected = 1}`',
  '\\', '\\"', '*/ globalThis.__llctInjected = 1; /*', '// \n globalThis.__llctInjected = 1;', '\u2028globalThis.__llctInjected = 1;\u2029',
  '</script><script>globalThis.__llctInjected = 1</script>', '__proto__', 'constructor', 'toString', 'k0', 'v0', 'f', 'K', 'X', 'N',
  `x${'y'.repeat(100_000)}`, '\0', '\uD800', 'Hà Nội',
];

/** Names every plain object inherits: a plan reading them is left to the closures (their own-property checks). */
const INHERITED_NAMES = ['__proto__', 'constructor', 'toString'];
const NAMES = HOSTILE.filter((n) => !INHERITED_NAMES.includes(n));

/**
 * Intermediate rules over `names` (generated when `depth` allows), and one advanced rule over inherited names (never
 * generated).
 */
function hostileRuleset(names: readonly string[], values: readonly unknown[], depth: number): Ruleset {
  const leaves = names.flatMap((fact, i) => [
    { fact, operator: 'equal', value: values[i % values.length] },
    { fact, operator: 'in', value: values },
    { fact, operator: 'notIn', value: [values[i % values.length], values[(i + 1) % values.length]] },
    { fact, operator: 'greaterThanInclusive', value: values[(i + 2) % values.length] },
  ]);
  let deep: unknown = { fact: names[0], operator: 'notEqual', value: values[0] };
  for (let d = 0; d < depth; d++) deep = d % 2 === 0 ? { all: [deep, { fact: names[1], operator: 'lessThan', value: d }] } : { any: [deep] };
  const base = oneRuleRuleset({ all: [] });
  return {
    ...base,
    rules: [
      { ...base.rules[0]!, id: 'any', conditions: { any: leaves } as never },
      { ...base.rules[0]!, id: 'all', conditions: { all: leaves.slice(0, 8) } as never },
      { ...base.rules[0]!, id: 'deep', conditions: { all: [deep] } as never },
      { ...base.rules[0]!, id: 'inherited', level: 'advanced', conditions: { any: INHERITED_NAMES.map((fact, i) => ({ fact, operator: 'equal', value: values[i] })) } as never },
    ],
  };
}

describe('the generated evaluator on hostile rulesets', () => {
  const values: unknown[] = [...HOSTILE, 0, -1.5, 1e21, Number.NaN, true, null];
  const facts: Array<Record<string, unknown>> = [
    Object.fromEntries(HOSTILE.map((n, i) => [n, HOSTILE[(i + 1) % HOSTILE.length]])),
    Object.fromEntries(HOSTILE.map((n, i) => [n, i])),
    Object.fromEntries(HOSTILE.map((n) => [n, n])),
    Object.fromEntries(HOSTILE.map((n, i) => [n, i % 2 === 0 ? null : '5'])),
  ];

  for (const depth of [3, 40, 300]) {
    it(`runs no injected code and agrees with the closures and json-rules-engine (nesting ${depth})`, async () => {
      const ruleset = hostileRuleset(NAMES, values, depth);
      const { seen, makeFunction } = countingMaker();
      const generated = createCompiledEvaluator(ruleset, { makeFunction });
      const closures = createCompiledEvaluator(ruleset);
      const reference = createReferenceEvaluator(structuredClone(ruleset));
      for (const f of facts) {
        for (const [level, mode] of LEVEL_MODES) {
          const expected = await summary(() => reference.evaluate(f as unknown as Facts, level, mode));
          expect(await summary(() => generated.evaluate(f as unknown as Facts, level, mode))).toEqual(expected);
          expect(await summary(() => closures.evaluate(f as unknown as Facts, level, mode))).toEqual(expected);
        }
      }
      expect((globalThis as Record<string, unknown>).__llctInjected).toBeUndefined();
      expect(seen.sources).toHaveLength(1);
      // The intermediate rules are in the fast subset, and generated unless nested too deep to be worth writing out.
      // (position 2 is intermediate full-time).
      expect(seen.sources[0]!.includes('case 2:')).toBe(depth <= 40);
      // Elementary (no rules) answers for 4 facts × 2 modes; intermediate as many again when generated.
      expect(seen.answered).toBe(depth <= 40 ? 16 : 8);
      expect(seen.declined).toBeGreaterThan(0);
      for (const text of HOSTILE.filter((h) => h.length > 2)) expect(seen.sources[0]!.includes(text), text).toBe(false);
    });
  }

  it('writes the same source for a ruleset and its copy with every name and string replaced by a harmless one', () => {
    const plain = NAMES.map((_, i) => `name${i}`);
    const plainValues = values.map((v, i) => (typeof v === 'string' ? `value${i}` : v));
    const sourceOf = (r: Ruleset) => {
      const rules = r.rules.filter((x) => x.level === 'intermediate');
      const plan = compileFastPlan(rules.map((x) => x.conditions), rules.map((x) => x.id));
      expect(plan).toBeDefined();
      return generateBitsSource([plan]);
    };
    const hostile = sourceOf(hostileRuleset(NAMES, values, 12));
    const harmless = sourceOf(hostileRuleset(plain, plainValues, 12));
    expect(hostile.body).toBe(harmless.body);
    expect(hostile.constants).toContain(HOSTILE[0]);
  });

  it('writes only its own tokens, whatever the names and values (random unicode included)', () => {
    const ALLOWED = new Set(['use', 'strict', 'const', 'return', 'function', 'generatedBits', 'f', 'at', 'switch', 'case', 'let', 'b',
      'if', 'typeof', 'undefined', 'null', 'number', 'object', 'symbol', 'true', 'false', 'K', 'N', 'X', 'Array', 'isArray', 'has', 'e']);
    const STRINGS = new Set(['"use strict"', '"number"', '"object"', '"symbol"', '"function"']);
    const text = fc.string({ unit: 'binary', maxLength: 12 });
    const primitive = fc.oneof(text, fc.double(), fc.boolean(), fc.constant(null));
    const leafArb = fc.oneof(
      fc.record({ fact: text, operator: fc.constantFrom('equal', 'notEqual', 'lessThan', 'greaterThanInclusive'), value: primitive }),
      fc.record({ fact: text, operator: fc.constantFrom('in', 'notIn', 'intersects'), value: fc.array(primitive, { maxLength: 9 }) }),
    );
    let generated = 0;
    fc.assert(fc.property(fc.array(fc.array(leafArb, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 4 }), (rules) => {
      const plan = compileFastPlan(rules.map((leaves, i) => (i % 2 === 0 ? { all: leaves } : { any: leaves })), rules.map((_, i) => `r${i}`));
      if (!plan) return;
      const { body } = generateBitsSource([plan]);
      generated++;
      const strings = body.match(/"[^"]*"/g) ?? [];
      for (const s of strings) expect(STRINGS.has(s), s).toBe(true);
      const code = body.replace(/"[^"]*"/g, '');
      expect(code).toMatch(/^[\w\s.,;:=!&|?<>()[\]{}+-]*$/);
      for (const word of code.match(/[A-Za-z_][A-Za-z0-9_]*/g) ?? []) {
        if (!/^[kv]\d+$/.test(word)) expect(ALLOWED.has(word), word).toBe(true);
      }
    }), { seed: SEED + 2, numRuns: 1000 });
    expect(generated).toBeGreaterThan(500);
  });

  it('falls back to the closures, with the same results, when the face cannot make functions (a Content-Security-Policy)', () => {
    const ruleset = hostileRuleset(NAMES, values, 3);
    const refusing: MakeFunction = () => { throw new EvalError('Code generation from strings disallowed for this context'); };
    const closures = createCompiledEvaluator(ruleset);
    const generated = createCompiledEvaluator(ruleset, { makeFunction: refusing });
    for (const f of facts) {
      for (const [level, mode] of LEVEL_MODES) {
        const run = (e: typeof closures) => { try { return e.evaluateBits(f as unknown as Facts, level, mode); } catch (err) { return messageOf(err); } };
        expect(run(generated)).toEqual(run(closures));
      }
    }
  });

  it('checks cadres under --disallow-code-generation-from-strings when given new Function as its maker', () => {
    const script = `
      const { createBuiltinChecker } = await import('./engine/builtin.ts');
      const { CadreProfile } = await import('./engine/documents/cadre.ts');
      const { createCompiledEvaluator } = await import('./engine/rules/compile/createCompiledEvaluator.ts');
      const makeFunction = (names, body) => new Function(...names, body);
      const checker = createBuiltinChecker({ evaluator: (r) => createCompiledEvaluator(r, { makeFunction }) });
      const profile = CadreProfile.parse({ id: 'A', sex: 'male', birthDate: '1980-05-05', education: 'university',
        party: { status: 'full' }, workplace: { tier: 'province', province: 'Thái Bình', sector: 'state' },
        position: 'head-of-division', planning: ['deputy-director'] });
      const verdicts = ['2024-03-01', '2026-03-01'].map((on) => checker.checkSync(profile, { level: 'advanced', mode: 'part-time', on }));
      console.log(JSON.stringify(verdicts.map((v) => v.ok && [v.verdict.regulation, v.verdict.eligible])));`;
    const root = fileURLToPath(new URL('../../', import.meta.url));
    const run = (flags: string[]) => JSON.parse(execFileSync(process.execPath, [...flags, '--import', 'tsx', '--input-type=module', '-e', script], { cwd: root, encoding: 'utf8' })) as unknown;
    const blocked = run(['--disallow-code-generation-from-strings']);
    expect(blocked).toEqual(run([]));
    expect(blocked).toEqual([['57-QĐ/TW', expect.any(Boolean)], ['350-QĐ/TW', expect.any(Boolean)]]);
  });
});
