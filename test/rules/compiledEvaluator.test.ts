import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Engine } from 'json-rules-engine';
import { describe, expect, it } from 'vitest';
import type { Ruleset } from '../../engine/documents/ruleset.ts';
import { compileConditions } from '../../engine/rules/compile/compileConditions.ts';
import { createCompiledEvaluator, UndefinedFactError } from '../../engine/rules/compile/createCompiledEvaluator.ts';
import { createOperatorTable } from '../../engine/rules/compile/operatorTable.ts';
import { createReferenceEvaluator } from '../../engine/rules/createReferenceEvaluator.ts';
import type { Facts } from '../../engine/rules/facts.ts';
import type { RuleOutcome } from '../../engine/rules/RuleEvaluator.ts';
import { compiledOutcomes, oneRuleRuleset, referenceOutcomes, type Outcome } from './differentialSupport.ts';

/** Runs one rule through json-rules-engine and the compiled evaluator; both must give `expected`. */
async function both(conditions: unknown, facts: object): Promise<Outcome> {
  const [reference] = await referenceOutcomes(conditions, [facts]);
  const [compiled] = compiledOutcomes(conditions, [facts]);
  if (reference!.threw) expect(compiled!.threw, `compiled ${JSON.stringify(compiled)}`).toBe(true);
  else expect(compiled).toEqual(reference);
  return reference!;
}
const passes = async (conditions: unknown, facts: object) => {
  const o = await both(conditions, facts);
  if (o.threw) throw new Error(`threw: ${o.message}`);
  return o.passed;
};
const throws = async (conditions: unknown, facts: object) => (await both(conditions, facts)).threw;
const leaf = (operator: string, value: unknown, extra: object = {}) => ({ all: [{ fact: 'x', operator, value, ...extra }] });

describe('the compiled evaluator copies json-rules-engine operator semantics', () => {
  it('compares a numeric string with a number by JS coercion, so "50" is greater than 40', async () => {
    expect(await passes(leaf('greaterThan', 40), { x: '50' })).toBe(true);
    expect(await passes(leaf('lessThan', 6), { x: [5] })).toBe(true);
  });

  it('lets "40abc" through the number validator, then compares it as NaN', async () => {
    expect(await passes(leaf('greaterThanInclusive', 40), { x: '40abc' })).toBe(false);
    expect(await passes(leaf('not:lessThan', 40), { x: '40abc' })).toBe(true);
  });

  it('fails a numeric comparison whose fact parseFloat cannot read, even when coercion would pass', async () => {
    // null < 1 and '' < 1 are true in JS; the number validator rejects both first.
    expect(await passes(leaf('lessThan', 1), { x: null })).toBe(false);
    expect(await passes(leaf('lessThan', 1), { x: '' })).toBe(false);
    expect(await passes(leaf('greaterThan', 0), { x: true })).toBe(false);
    expect(await passes(leaf('lessThan', 1), { x: Number.NaN })).toBe(false);
  });

  it('matches substrings when the value of in is a string, coercing the fact', async () => {
    expect(await passes(leaf('in', 'abc'), { x: 'b' })).toBe(true);
    expect(await passes(leaf('in', 'annulled'), { x: null })).toBe(true);
    expect(await passes(leaf('notIn', 'abc'), { x: 'ac' })).toBe(true);
  });

  it('uses strict equality for equal and for in over an array', async () => {
    expect(await passes(leaf('equal', 5), { x: '5' })).toBe(false);
    expect(await passes(leaf('in', [1, 2, 3]), { x: '2' })).toBe(false);
    expect(await passes(leaf('in', [0, 1, 2, 3, 4, 5]), { x: -0 })).toBe(true);
    expect(await passes(leaf('in', [1, 2, 3, 4, 5, 6, 7]), { x: Number.NaN })).toBe(false);
  });

  it('throws when in is given a value without indexOf', async () => {
    expect(await throws(leaf('in', 5), { x: 5 })).toBe(true);
    expect(await throws(leaf('notIn', null), { x: 5 })).toBe(true);
  });

  it('is false for contains on a fact that is not an array, even a string containing the value', async () => {
    expect(await passes(leaf('contains', 'b'), { x: 'abc' })).toBe(false);
    expect(await passes(leaf('doesNotContain', 'b'), { x: 'abc' })).toBe(false);
    expect(await passes(leaf('contains', 'b'), { x: ['a', 'b'] })).toBe(true);
  });

  it('applies decorators outside in: someFact needs an array fact, not: has no validator of its own', async () => {
    expect(await passes(leaf('someFact:in', ['b']), { x: ['a', 'b'] })).toBe(true);
    expect(await passes(leaf('someFact:in', ['b']), { x: 'b' })).toBe(false);
    expect(await passes(leaf('everyFact:greaterThan', 1), { x: [] })).toBe(true);
    expect(await passes(leaf('not:lessThan', 5), { x: 'abc' })).toBe(true);
    expect(await passes(leaf('swap:contains', ['a', 'b']), { x: 'b' })).toBe(true);
    expect(await passes(leaf('not:someValue:equal', [1, 2]), { x: 3 })).toBe(true);
    expect(await throws(leaf('everyValue:equal', 'ab'), { x: 'a' })).toBe(true);
    expect(await throws(leaf('someFacts:equal', 1), { x: 1 })).toBe(true);
  });

  it('runs our custom operators with the functions the reference engine registers', async () => {
    expect(await passes(leaf('intersects', ['a', 'z']), { x: ['z'] })).toBe(true);
    expect(await passes(leaf('intersects', ['a']), { x: 'a' })).toBe(false);
    expect(await passes(leaf('not:intersects', 'a'), { x: ['a'] })).toBe(true);
  });
});

describe('the compiled evaluator copies json-rules-engine structure semantics', () => {
  it('passes an empty all and an empty any, so not of an empty any fails', async () => {
    expect(await passes({ all: [] }, {})).toBe(true);
    expect(await passes({ any: [] }, {})).toBe(true);
    expect(await passes({ not: { any: [] } }, {})).toBe(false);
    expect(await passes({ all: [{ any: [] }, { not: { all: [] } }] }, {})).toBe(false);
  });

  it('takes any before all before not when a node has several', async () => {
    expect(await passes({ any: [], all: [{ fact: 'x', operator: 'equal', value: 2 }] }, { x: 1 })).toBe(true);
  });

  it('throws for a missing fact even when a sibling already decided the result', async () => {
    const conditions = { any: [{ fact: 'x', operator: 'equal', value: 1 }, { fact: 'missing', operator: 'equal', value: 1 }] };
    expect(await throws(conditions, { x: 1 })).toBe(true);
    expect(() => createCompiledEvaluator(oneRuleRuleset(conditions)).evaluate({ x: 1 } as unknown as Facts, 'intermediate', 'full-time'))
      .toThrow(UndefinedFactError);
  });

  it('treats a fact supplied as undefined as present, and a fact named like an Object method as missing', async () => {
    expect(await passes(leaf('equal', undefined), { x: undefined })).toBe(true);
    expect(await throws({ all: [{ fact: 'constructor', operator: 'notEqual', value: 1 }] }, { x: 1 })).toBe(true);
    expect(await passes({ all: [{ fact: 'constructor', operator: 'equal', value: 1 }] }, { constructor: 1 })).toBe(true);
  });

  it('reads only own properties of the facts object, as the reference copies it', async () => {
    const inherited = Object.assign(Object.create({ x: 1 }) as object, { y: 2 });
    expect(await throws(leaf('equal', 1), inherited)).toBe(true);
    expect(await passes(leaf('equal', 1), Object.assign(Object.create(null) as object, { x: 1 }))).toBe(true);
  });

  it('stops at the first priority group that decides the result, and only there', async () => {
    const decided = { all: [{ fact: 'x', operator: 'equal', value: 1, priority: 2 }, { fact: 'missing', operator: 'equal', value: 1 }] };
    expect(await passes(decided, { x: 2 })).toBe(false);
    expect(await throws(decided, { x: 1 })).toBe(true);
    const lowFirst = { any: [{ fact: 'missing', operator: 'equal', value: 1, priority: 1 }, { all: [], priority: 5 }] };
    expect(await passes(lowFirst, {})).toBe(true);
  });

  it('orders priority groups like the library, with raw leaf priorities and failing ones', async () => {
    const raw = { any: [{ fact: 'x', operator: 'equal', value: 1, priority: '3' }, { fact: 'missing', operator: 'equal', value: 1, priority: 2.5 }] };
    expect(await passes(raw, { x: 1 })).toBe(true);
    const nonsense = { all: [{ fact: 'x', operator: 'equal', value: 1, priority: 'toString' }, { fact: 'x', operator: 'equal', value: 1 }] };
    expect(await throws(nonsense, { x: 1 })).toBe(true);
  });

  it('counts a non-boolean result as passing alone at the root, but only `=== true` inside a list or a nested node', async () => {
    // Our operators all return booleans; a custom one returning its value shows the rule the library applies.
    const echo = (_fact: unknown, value: unknown) => value;
    const reference = async (conditions: unknown) => {
      const engine = new Engine([], { allowUndefinedFacts: false });
      engine.addOperator('echo', echo as never);
      engine.addRule({ name: 'r', conditions: conditions as never, event: { type: 'r' } });
      return (await engine.run({ x: 1 })).results.length === 1;
    };
    const compiled = (conditions: unknown) => {
      const ops = createOperatorTable();
      ops.set('echo', echo);
      return !!compileConditions(conditions, ops)({ x: 1 });
    };
    const yes = { fact: 'x', operator: 'echo', value: 'yes' };
    const cases: Array<[unknown, boolean]> = [
      [{ all: [yes] }, true],
      [{ all: [{ any: [yes] }] }, false],
      [{ any: [yes, { all: [] }] }, true],
      [{ all: [yes, { all: [] }] }, false],
      [{ not: yes }, false],
    ];
    for (const [conditions, expected] of cases) {
      expect(await reference(conditions), JSON.stringify(conditions)).toBe(expected);
      expect(compiled(conditions), JSON.stringify(conditions)).toBe(expected);
    }
  });

  it('resolves simple JSON paths and leaves non-object facts untouched', async () => {
    expect(await passes(leaf('equal', 3, { path: '$.a.b[1]' }), { x: { a: { b: [2, 3] } } })).toBe(true);
    expect(await passes(leaf('equal', 'abc', { path: '$.length' }), { x: 'abc' })).toBe(true);
    expect(await passes(leaf('equal', 3, { path: '$.s.length' }), { x: { s: 'abc' } })).toBe(true);
    expect(await passes(leaf('equal', 3, { path: '$.length' }), { x: [1, 2, 3] })).toBe(true);
    expect(await passes(leaf('equal', undefined, { path: '$.a.c' }), { x: { a: { b: 1 } } })).toBe(true);
    expect(await passes(leaf('equal', 2, { path: '$..b' }), { x: { a: { b: 2 } } })).toBe(false);
    expect(await passes(leaf('equal', 2, { path: "$['a']" }), { x: { a: 2 } })).toBe(true);
  });

  it('compares a fact with another fact at a path, ignoring params of value facts', async () => {
    const conditions = { all: [{ fact: 'x', operator: 'lessThan', value: { fact: 'y', path: '$.max', params: { any: 1 } }, params: { p: 1 } }] };
    expect(await passes(conditions, { x: 3, y: { max: 5 } })).toBe(true);
    expect(await passes(conditions, { x: 6, y: { max: 5 } })).toBe(false);
    expect(await throws(conditions, { x: 3 })).toBe(true);
  });

  it('compares against the library per-run copy of the rule value, which drops keys shadowing Object methods', async () => {
    // Regression pinned from differential seed 1: `{ toString: false }` cannot be coerced, its copy `{}` can.
    expect(await passes({ all: [{ fact: 'x', operator: 'swap:lessThan', value: { toString: false } }] }, { x: null })).toBe(false);
    expect(await passes(leaf('equal', undefined, { path: '$.toString' }), { x: 1 })).toBe(false);
  });

  it('throws for a condition reference, since the reference engine registers no named conditions', async () => {
    expect(await throws({ condition: 'adult' }, { x: 1 })).toBe(true);
    expect(await throws({ all: [{ fact: 'x', operator: 'equal', value: 1 }, { condition: 'adult' }] }, { x: 1 })).toBe(true);
    const [compiled] = compiledOutcomes({ not: { condition: 'adult' } }, [{}]);
    expect(compiled).toEqual({ threw: true, message: 'No condition adult exists' });
  });

  it('rejects the structures the library rejects, with its messages', async () => {
    const message = async (conditions: unknown) => {
      const o = await both(conditions, { x: 1 });
      return o.threw ? o.message : 'no error';
    };
    expect(await message({ all: { fact: 'x', operator: 'equal', value: 1 } })).toBe('"all" must be an array');
    expect(await message({ not: [] })).toBe('"not" cannot be an array');
    expect(await message({ fact: 'x', operator: 'equal', value: 1 })).toMatch(/root must contain/);
    expect(await message({ all: [{ fact: 'x', operator: 'equal' }] })).toBe('Condition: constructor "value" property required');
    expect(await message({ all: [null] })).toBe('Condition: constructor options required');
    expect(await message(null)).toMatch(/reading 'any'/);
  });
});

describe('the compiled evaluator as a RuleEvaluator', () => {
  const rule = (id: string, conditions: unknown, modes?: Array<'full-time' | 'part-time'>) => ({
    ...oneRuleRuleset(conditions).rules[0]!, id, ...(modes ? { modes } : {}),
  });
  const ruleset = (rules: Ruleset['rules']): Ruleset => ({ ...oneRuleRuleset({ all: [] }), rules });
  const facts = { x: 1 } as unknown as Facts;
  const summary = (o: RuleOutcome[]) => o.map((r) => `${r.rule.id}:${r.passed}`);

  it('returns the applicable rules in ruleset order, synchronously, like the reference', async () => {
    const rs = ruleset([
      rule('a', { all: [{ fact: 'x', operator: 'equal', value: 1 }] }),
      rule('b', { all: [{ fact: 'x', operator: 'equal', value: 2 }] }, ['part-time']),
      rule('c', { not: { fact: 'x', operator: 'equal', value: 2 } }),
    ]);
    const compiled = createCompiledEvaluator(rs).evaluate(facts, 'intermediate', 'full-time');
    expect(compiled).not.toBeInstanceOf(Promise);
    expect(summary(compiled as RuleOutcome[])).toEqual(['a:true', 'c:true']);
    expect(compiled).toEqual(await createReferenceEvaluator(rs).evaluate(facts, 'intermediate', 'full-time'));
  });

  it('reports a rule passed when another applicable rule with the same id passed, as the reference facade does', async () => {
    const rs = ruleset([rule('a', { all: [{ fact: 'x', operator: 'equal', value: 1 }] }), rule('a', { any: [{ fact: 'x', operator: 'equal', value: 2 }] })]);
    const compiled = createCompiledEvaluator(rs).evaluate(facts, 'intermediate', 'full-time') as RuleOutcome[];
    expect(summary(compiled)).toEqual(['a:true', 'a:true']);
    expect(compiled).toEqual(await createReferenceEvaluator(rs).evaluate(facts, 'intermediate', 'full-time'));
  });

  it('rejects every evaluation of a level and mode whose rules do not build, and only of that one', async () => {
    const rs = ruleset([rule('a', { all: [] }), rule('b', { all: [{ fact: 'x' }] }, ['part-time'])]);
    const compiled = createCompiledEvaluator(rs);
    const reference = createReferenceEvaluator(rs);
    for (let i = 0; i < 2; i++) {
      expect(() => compiled.evaluate(facts, 'intermediate', 'part-time')).toThrow('Condition: constructor "operator" property required');
      await expect(reference.evaluate(facts, 'intermediate', 'part-time')).rejects.toThrow('Condition: constructor "operator" property required');
    }
    expect(summary(compiled.evaluate(facts, 'intermediate', 'full-time') as RuleOutcome[])).toEqual(['a:true']);
  });

  it('gives the right answer right after an evaluation that threw (json-rules-engine can skip rules then)', () => {
    const compiled = createCompiledEvaluator(ruleset([rule('a', { all: [{ fact: 'x', operator: 'equal', value: 1 }] })]));
    expect(() => compiled.evaluate({} as Facts, 'intermediate', 'full-time')).toThrow('Undefined fact: x');
    expect(summary(compiled.evaluate(facts, 'intermediate', 'full-time') as RuleOutcome[])).toEqual(['a:true']);
  });
});

describe('the compiled evaluator under a strict Content-Security-Policy', () => {
  it('checks cadres against the real rulesets, and resolves library paths, with code generation from strings disabled', () => {
    const script = `
      const { createBuiltinChecker } = await import('./engine/builtin.ts');
      const { CadreProfile } = await import('./engine/documents/cadre.ts');
      const { createCompiledEvaluator } = await import('./engine/rules/compile/createCompiledEvaluator.ts');
      const { oneRuleRuleset } = await import('./test/rules/differentialSupport.ts');
      let blocked = false;
      try { eval('1'); } catch { blocked = true; }
      const checker = createBuiltinChecker({ evaluator: createCompiledEvaluator });
      const profile = CadreProfile.parse({ id: 'A', sex: 'male', birthDate: '1980-05-05', education: 'university',
        party: { status: 'full' }, workplace: { tier: 'province', province: 'Thái Bình', sector: 'state' },
        position: 'head-of-division', planning: ['deputy-director'] });
      const verdicts = ['2024-03-01', '2026-03-01'].map((on) => checker.checkSync(profile, { level: 'advanced', mode: 'part-time', on }));
      const filter = createCompiledEvaluator(oneRuleRuleset({ all: [{ fact: 'x', path: '$[?(@.a > 1)].a', operator: 'equal', value: 5 }] }))
        .evaluate({ x: [{ a: 5 }] }, 'intermediate', 'full-time')[0].passed;
      console.log(JSON.stringify({ blocked, regulations: verdicts.map((v) => v.ok && v.verdict.regulation), filter }));`;
    const root = fileURLToPath(new URL('../../', import.meta.url));
    const out = execFileSync(process.execPath, ['--disallow-code-generation-from-strings', '--import', 'tsx', '--input-type=module', '-e', script], { cwd: root, encoding: 'utf8' });
    expect(JSON.parse(out)).toEqual({ blocked: true, regulations: ['57-QĐ/TW', '350-QĐ/TW'], filter: false });
  });

  it('never builds code from strings', () => {
    const dir = fileURLToPath(new URL('../../engine/rules/compile/', import.meta.url));
    const files = readdirSync(dir).filter((f) => f.endsWith('.ts'));
    expect(files.length).toBeGreaterThanOrEqual(5);
    for (const f of files) {
      const code = readFileSync(dir + f, 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
      expect(code, f).not.toMatch(/\beval\s*\(|new\s+Function\b|\bFunction\s*\(/);
    }
  });
});
