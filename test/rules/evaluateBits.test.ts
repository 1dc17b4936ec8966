import { describe, expect, it } from 'vitest';
import { builtinDocuments } from '../../engine/builtin.ts';
import { CadreProfile } from '../../engine/documents/cadre.ts';
import type { Ruleset } from '../../engine/documents/ruleset.ts';
import { generateBuiltinCohort } from '../../engine/generate/generateBuiltinCohort.ts';
import { createCompiledEvaluator, UndefinedFactError } from '../../engine/rules/compile/createCompiledEvaluator.ts';
import { createReferenceEvaluator } from '../../engine/rules/createReferenceEvaluator.ts';
import { deriveFacts, FACT_NAMES, indexPositions, readFactValues, type Facts } from '../../engine/rules/facts.ts';
import { createPatternTable } from '../../engine/rules/OutcomePattern.ts';
import { indexProvinces } from '../../engine/rules/provinces.ts';
import type { RuleOutcome } from '../../engine/rules/RuleEvaluator.ts';
import { LEVEL_MODES } from './differentialCadres.ts';
import { oneRuleRuleset } from './differentialSupport.ts';

const docs = builtinDocuments();
const ctx = { positions: indexPositions(docs.positions), provinces: indexProvinces(docs.institutions) };
const cohort = generateBuiltinCohort({ count: 200, seed: 'evaluate-bits' }).map((p) => CadreProfile.parse(p));
const bitsOf = (outcomes: RuleOutcome[]) => outcomes.reduce((bits, o, i) => (o.passed ? bits | (1 << i) : bits), 0);
const factsOf = (i: number, level: (typeof LEVEL_MODES)[number][0], mode: (typeof LEVEL_MODES)[number][1]) =>
  deriveFacts(cohort[i]!, { level, mode, on: '2024-03-01' }, ctx).facts;

describe('the compiled evaluator\'s outcomes as bits', () => {
  it('set bit i exactly when the i-th applicable rule passes, as json-rules-engine says, on both shipped rulesets', async () => {
    for (const ruleset of docs.rulesets) {
      const compiled = createCompiledEvaluator(ruleset);
      const reference = createReferenceEvaluator(ruleset);
      for (let i = 0; i < cohort.length; i++) {
        const [level, mode] = LEVEL_MODES[i % LEVEL_MODES.length]!;
        const facts = factsOf(i, level, mode);
        const expected = bitsOf(await reference.evaluate(facts, level, mode));
        expect(compiled.evaluateBits(facts, level, mode)).toBe(expected);
        expect(compiled.evaluatePattern(facts, level, mode).passed.map((p, k) => (p ? 1 << k : 0)).reduce((a, b) => a | b, 0)).toBe(expected);
      }
    }
  });

  it('agree with json-rules-engine when a fact has the wrong type or is missing (the general path decides)', async () => {
    const ruleset = docs.rulesets.find((r) => r.id === '57-qd-tw')!;
    const compiled = createCompiledEvaluator(ruleset);
    const reference = createReferenceEvaluator(ruleset);
    const facts = factsOf(0, 'intermediate', 'part-time');
    const odd: Array<Record<string, unknown>> = [
      { ...facts, yearsInGrade: {} }, { ...facts, age: '40' }, { ...facts, age: [41] }, { ...facts, positionRank: '2abc' },
      { ...facts, planning: 'commune-party-secretary' }, { ...facts, position: 7 }, { ...facts, province: undefined },
    ];
    for (const f of odd) {
      expect(compiled.evaluateBits(f as unknown as Facts, 'intermediate', 'part-time'))
        .toBe(bitsOf(await reference.evaluate(f as unknown as Facts, 'intermediate', 'part-time')));
    }
    const { age: _, ...withoutAge } = facts;
    await expect(reference.evaluate(withoutAge as Facts, 'intermediate', 'part-time')).rejects.toThrow('Undefined fact: age');
    expect(() => compiled.evaluateBits(withoutAge as Facts, 'intermediate', 'part-time')).toThrow(UndefinedFactError);
  });

  it('are refused, with a RangeError, for a level with more than 30 applicable rules', () => {
    const one = oneRuleRuleset({ all: [{ fact: 'age', operator: 'greaterThan', value: 1 }] });
    const many: Ruleset = { ...one, rules: Array.from({ length: 31 }, (_, i) => ({ ...one.rules[0]!, id: `r${i}` })) };
    const compiled = createCompiledEvaluator(many);
    const facts = factsOf(0, 'intermediate', 'full-time');
    expect(() => compiled.evaluateBits(facts, 'intermediate', 'full-time')).toThrow(RangeError);
    expect(compiled.evaluate(facts, 'intermediate', 'full-time').every((o) => o.passed === facts.age > 1)).toBe(true);
  });

  it('intern to the same pattern as the same outcomes given one by one', () => {
    const rules = docs.rulesets[0]!.rules.slice(0, 5);
    const table = createPatternTable(rules);
    expect(table.internBits(0b10110)).toBe(table.intern([false, true, true, false, true]));
    expect(table.internBits(0b10110).passed).toEqual([false, true, true, false, true]);
  });
});

describe('readFactValues', () => {
  it('lays the facts out in FACT_NAMES order', () => {
    const facts = Object.fromEntries(FACT_NAMES.map((name, k) => [name, `value ${k}`]));
    const out: unknown[] = [];
    readFactValues(facts, out);
    expect(out).toEqual(FACT_NAMES.map((_, k) => `value ${k}`));
  });
});
