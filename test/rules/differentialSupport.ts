/**
 * Shared by the differential tests and `npm run bench`: random json-rules-engine condition trees and badly typed
 * facts (fast-check arbitraries), and the two sides to compare — json-rules-engine 7.3.1 run directly on a one-rule
 * engine (the oracle), and the compiled evaluator.
 */
import fc from 'fast-check';
import { Engine, Operator } from 'json-rules-engine';
import type { Ruleset } from '../../engine/documents/ruleset.ts';
import { createCompiledEvaluator, type CompiledEvaluatorOptions } from '../../engine/rules/compile/createCompiledEvaluator.ts';
import type { Facts } from '../../engine/rules/facts.ts';
import { CUSTOM_OPERATORS } from '../../engine/rules/operators.ts';

export type Outcome = { threw: false; passed: boolean } | { threw: true; message: string };

const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e));

/**
 * json-rules-engine itself, on a fresh engine holding only this rule, with the reference engine's options. A fresh
 * engine per run: after a run that rejects, json-rules-engine 7.3.1 marks the engine FINISHED one tick late, and a
 * run started in between skips every rule (resolves with no results at all).
 */
export async function referenceOutcomes(conditions: unknown, factsList: readonly object[]): Promise<Outcome[]> {
  const out: Outcome[] = [];
  for (const facts of factsList) {
    try {
      const engine = new Engine([], { allowUndefinedFacts: false });
      for (const op of CUSTOM_OPERATORS) engine.addOperator(new Operator(op.name, op.evaluate, op.validateFactValue));
      // The library rewrites leaf priorities in place: give it its own copy.
      engine.addRule({ name: 'r', conditions: structuredClone(conditions) as never, event: { type: 'r' } });
      const { results } = await engine.run({ ...facts });
      out.push({ threw: false, passed: results.some((r) => r.name === 'r') });
    } catch (e) {
      out.push({ threw: true, message: messageOf(e) });
    }
  }
  return out;
}

/** A ruleset holding one rule, for the compiled evaluator. */
export function oneRuleRuleset(conditions: unknown): Ruleset {
  return {
    schema: 'llct/ruleset', version: 1, id: 'differential',
    regulation: { code: 'TEST', title: 'test', signedOn: '2022-01-01', effectiveFrom: '2022-01-01', effectiveConfidence: 'assumed', sources: [] },
    subjectGroups: {} as Ruleset['subjectGroups'],
    rules: [{
      id: 'r', level: 'intermediate', kind: 'standard', title: { vi: 'r', en: 'r' }, citation: { article: 1 },
      confidence: 'assumed', source: 'test', conditions: conditions as Ruleset['rules'][number]['conditions'],
      message: { vi: 'r', en: 'r' },
    }],
  };
}

/** The compiled evaluator's outcomes: with the closures, or with generated code when `options.makeFunction` is given. */
export function compiledOutcomes(conditions: unknown, factsList: readonly object[], options: CompiledEvaluatorOptions = {}): Outcome[] {
  const evaluator = createCompiledEvaluator(oneRuleRuleset(conditions), options);
  return factsList.map((facts) => {
    try {
      const outcomes = evaluator.evaluate(facts as Facts, 'intermediate', 'full-time') as { passed: boolean }[];
      return { threw: false, passed: outcomes[0]!.passed };
    } catch (e) {
      return { threw: true, message: messageOf(e) };
    }
  });
}

/** Same pass/fail, or both throw (which of several errors surfaces first is not part of the contract). */
export function sameOutcome(a: Outcome, b: Outcome): boolean {
  return a.threw ? b.threw : !b.threw && a.passed === b.passed;
}

// ---------------------------------------------------------------------------------------------------------------
// Facts: a small pool of names, every type a fact value could have by mistake, sometimes one fact missing.

export const FACT_NAMES = ['a', 'b', 'n', 's', 'list', 'obj', 'u', 'constructor'] as const;

const KEYS = ['a', 'b', '0', 'length', 'x', 'toString'] as const;

const scalar = fc.oneof(
  fc.integer({ min: -3, max: 60 }),
  fc.constantFrom(0, -0, 33, 40, 50, 1.5, Number.NaN, Number.POSITIVE_INFINITY, -1e21),
  fc.double(),
  fc.constantFrom('50', '40', '40abc', '', ' 12', '1e3', 'abc', 'b', 'a', 'ab', 'null', 'NaN', 'Infinity', '-0', '0x10', 'full', 'Hà Nội'),
  fc.string({ maxLength: 3 }),
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
);

export const valueArb: fc.Arbitrary<unknown> = fc.letrec<{ v: unknown }>((tie) => ({
  v: fc.oneof(
    { maxDepth: 3, depthSize: 'small' },
    { arbitrary: scalar, weight: 6 },
    { arbitrary: fc.array(tie('v'), { maxLength: 4 }), weight: 2 },
    { arbitrary: fc.dictionary(fc.constantFrom(...KEYS), tie('v'), { maxKeys: 3, noNullPrototype: true }), weight: 2 },
  ),
})).v;

/** Facts objects: all names present (values of any type), one sometimes deleted, sometimes an odd prototype. */
export const factsArb: fc.Arbitrary<object> = fc.tuple(
  fc.tuple(...FACT_NAMES.map(() => valueArb)),
  fc.option(fc.constantFrom(...FACT_NAMES), { freq: 12 }),
  fc.constantFrom('plain', 'plain', 'plain', 'plain', 'null-prototype', 'inherits-a'),
).map(([values, missing, shape]) => {
  const own: Record<string, unknown> = {};
  FACT_NAMES.forEach((name, i) => { if (name !== missing) own[name] = values[i]; });
  if (shape === 'plain') return own;
  const proto = shape === 'null-prototype' ? null : { a: 'inherited' };
  return Object.assign(Object.create(proto) as object, own);
});

// ---------------------------------------------------------------------------------------------------------------
// Conditions: every operator and decorator, literal and fact-reference values, paths, priorities, and now and then
// a structure json-rules-engine rejects.

const BASES = ['equal', 'notEqual', 'in', 'notIn', 'contains', 'doesNotContain', 'lessThan', 'lessThanInclusive',
  'greaterThan', 'greaterThanInclusive', 'intersects'] as const;
const DECORATORS = ['someFact', 'someValue', 'everyFact', 'everyValue', 'swap', 'not'] as const;

const operatorArb = fc.oneof(
  { arbitrary: fc.constantFrom(...BASES), weight: 16 },
  {
    arbitrary: fc.tuple(fc.array(fc.constantFrom(...DECORATORS), { minLength: 1, maxLength: 2 }), fc.constantFrom(...BASES))
      .map(([ds, base]) => [...ds, base].join(':')),
    weight: 4,
  },
  { arbitrary: fc.constantFrom('bogus', 'some:equal', ':equal', 'equal:', 'not:', '', 'notnot:equal'), weight: 1 },
);

const PATHS = ['$.a', '$.a.b', '$.a[0]', '$[0]', '$[1].a', '$.length', '$.a.length', '$.x', '$.b.x.a', '$.toString',
  '$..a', '$.*', '$.a[*]', "$['a']", '$.a[0:2]', 'a', 'a.b', '$', '$[?(@.a)]', '$.a[-1:]', ''] as const;
const pathArb = fc.constantFrom(...PATHS);

const factNameArb = fc.oneof(
  { arbitrary: fc.constantFrom(...FACT_NAMES), weight: 40 },
  { arbitrary: fc.constantFrom('missing', 'toString', '__proto__', 'hasOwnProperty'), weight: 1 },
);

const priorityArb = fc.constantFrom<unknown>(1, 2, 3, '2', 0, -1, 2.5, 'x', '10');

const factRefArb = fc.record(
  { fact: factNameArb, path: pathArb, params: fc.constant({ p: 1 }) },
  { requiredKeys: ['fact'] },
);

const ruleValueArb = fc.oneof(
  { arbitrary: valueArb, weight: 3 },
  { arbitrary: fc.array(scalar, { maxLength: 7 }), weight: 5 },
  { arbitrary: fc.constantFrom('abc', 'full-time', 'Hà Nội', 'nul', ''), weight: 3 },
  { arbitrary: factRefArb, weight: 1 },
);

const leafArb = fc.record(
  { fact: factNameArb, operator: operatorArb, value: ruleValueArb, path: pathArb, params: fc.constant({ p: 1 }), priority: priorityArb },
  { requiredKeys: ['fact', 'operator', 'value'] },
);

/**
 * Structures the library rejects. No nested condition reference here: the library throws for it synchronously in
 * the middle of building a `Promise.all`, which leaves a sibling's rejection unhandled (it would crash the run); see
 * the compiled-evaluator tests for nested references.
 */
const brokenArb = fc.constantFrom<unknown>(
  { fact: 'a', operator: 'equal' },
  { operator: 'equal', value: 1 },
  { fact: 'a', value: 1 },
  { all: { fact: 'a', operator: 'equal', value: 1 } },
  { not: [{ fact: 'a', operator: 'equal', value: 1 }] },
  null,
  { any: [], all: [{ fact: 'missing', operator: 'equal', value: 1 }] },
);

export const conditionArb: fc.Arbitrary<unknown> = fc.letrec<{ node: unknown; list: unknown[] }>((tie) => ({
  node: fc.oneof(
    { maxDepth: 4, depthSize: 'small' },
    { arbitrary: leafArb, weight: 40 },
    { arbitrary: fc.record({ all: tie('list'), priority: priorityArb }, { requiredKeys: ['all'] }), weight: 3 },
    { arbitrary: fc.record({ any: tie('list'), priority: priorityArb }, { requiredKeys: ['any'] }), weight: 3 },
    { arbitrary: fc.record({ not: tie('node') }), weight: 2 },
    { arbitrary: brokenArb, weight: 1 },
  ),
  list: fc.array(tie('node'), { maxLength: 4 }),
})).node;

/** A root `all`, `any` or `not`: what a schema-valid ruleset holds. */
export const listRootArb: fc.Arbitrary<unknown> = fc.oneof(
  { arbitrary: fc.record({ all: fc.array(conditionArb, { maxLength: 5 }) }), weight: 8 },
  { arbitrary: fc.record({ any: fc.array(conditionArb, { maxLength: 5 }) }), weight: 8 },
  { arbitrary: fc.record({ not: conditionArb }), weight: 3 },
);

/**
 * A rule's root: mostly all/any/not, sometimes a root the library rejects or cannot run. (Only for one-rule engines:
 * a condition reference or a null root throws synchronously, which orphans another rule's rejection.)
 */
export const rootArb: fc.Arbitrary<unknown> = fc.oneof(
  { arbitrary: listRootArb, weight: 19 },
  { arbitrary: fc.constantFrom<unknown>({ condition: 'named' }, { fact: 'a', operator: 'equal', value: 1 }, null, 'all'), weight: 1 },
);
