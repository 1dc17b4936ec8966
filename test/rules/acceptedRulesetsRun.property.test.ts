/**
 * Whatever `validateRuleset` accepts, both evaluators check without throwing: rulesets mutated at random (fact
 * names that are also object properties, decorated operators, paths, values of every shape, fact references) are
 * either refused by the validator or run on real profiles with the compiled evaluator and json-rules-engine.
 * Seeded: the same cases every run.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { builtinCatalogues, builtinDocuments } from '../../engine/builtin.ts';
import { hasErrors } from '../../engine/diagnostics/Diagnostic.ts';
import { validateRuleset } from '../../engine/diagnostics/validateRuleset.ts';
import { loadDocument } from '../../engine/documents/loadDocument.ts';
import { RULESET_KIND } from '../../engine/documents/ruleset.ts';
import { readCadresFromText } from '../../engine/io/readCadres.ts';
import { createCompiledEvaluator } from '../../engine/rules/compile/createCompiledEvaluator.ts';
import { createChecker } from '../../engine/rules/createChecker.ts';
import { createReferenceEvaluator } from '../../engine/rules/createReferenceEvaluator.ts';
import { createRng } from '../../engine/generate/createRng.ts';
import { TRAINING_LEVELS } from '../../engine/documents/enums.ts';

const NAMES = ['constructor', 'toString', '__proto__', 'hasOwnProperty', 'valueOf', 'age', 'planning', 'partyStatus', 'position', 'province', '', '$'];
const OPERATORS = ['equal', 'in', 'notIn', 'contains', 'intersects', 'lessThan', 'not:in', 'swap:in', 'swap:notIn', 'someFact:in', 'everyFact:equal',
  'someValue:equal', 'everyValue:in', 'not:swap:contains', 'someValue:in', 'swap:someValue:in', 'constructor', 'doesNotContain'];
const PATHS = [undefined, '$', '$.', '$..', '$[0]', '$.length', '$.constructor', '$.__proto__', 'foo', '$[', '$.a.b.c', '$..[[', '$[?(@.x)]', '$.*', '', 123];
const VALUES = [1, '1', 'a', [], ['a'], [1, 'x'], [['a']], null, true, { fact: 'age' }, { fact: 'constructor' }, { fact: 'age', path: '$[' },
  { fact: 'planning', path: '$.length' }, { fact: 'planning' }, { fact: 'province' }, {}, { a: 1 }, 1e308];

interface Leaf { fact?: unknown; operator?: unknown; path?: unknown; value?: unknown; params?: unknown }
const leaves = (c: Record<string, unknown>, out: Leaf[] = []): Leaf[] => {
  for (const k of ['all', 'any'] as const) if (Array.isArray(c[k])) { for (const x of c[k] as Record<string, unknown>[]) leaves(x, out); return out; }
  if (c.not) return leaves(c.not as Record<string, unknown>, out);
  out.push(c as Leaf);
  return out;
};

describe('a ruleset the validator accepts', () => {
  it('runs on both evaluators without an error, whatever its names, operators, paths and values', async () => {
    const base = JSON.parse(readFileSync('rulesets/57-qd-tw.json', 'utf8')) as { rules: { conditions: Record<string, unknown> }[] };
    const docs = builtinDocuments();
    const cadres = readCadresFromText(readFileSync('fixtures/cadres/hanoi-2024-central-agencies.json', 'utf8'), { file: 'x', positions: docs.positions })
      .rows.filter((_, i) => i % 21 === 0);
    const rng = createRng(20261203);
    const pick = <T>(a: readonly T[]): T => a[Math.floor(rng.next() * a.length)]!;
    let accepted = 0;
    let refused = 0;
    const thrown: string[] = [];
    for (let n = 0; n < 160; n++) {
      const raw = structuredClone(base);
      for (let k = 0; k < 3; k++) {
        const leaf = pick(leaves(pick(raw.rules).conditions));
        const what = Math.floor(rng.next() * 5);
        if (what === 0) leaf.fact = pick(NAMES);
        else if (what === 1) leaf.operator = pick(OPERATORS);
        else if (what === 2) { const p = pick(PATHS); if (p === undefined) delete leaf.path; else leaf.path = p; }
        else if (what === 3) leaf.value = structuredClone(pick(VALUES));
        else leaf.params = { x: 1 };
      }
      if (hasErrors(validateRuleset(raw, { ...builtinCatalogues(), file: 'x' }))) { refused++; continue; }
      const loaded = loadDocument(RULESET_KIND, raw);
      if (!loaded.ok) { refused++; continue; }
      accepted++;
      for (const evaluator of [createCompiledEvaluator, createReferenceEvaluator]) {
        const checker = createChecker({ ...docs, rulesets: [loaded.value], regardlessOfDate: true, evaluator });
        for (const c of cadres) {
          for (const level of TRAINING_LEVELS) {
            try {
              await checker.check(c.profile, { level, mode: 'part-time', on: '2024-03-01' });
            } catch (e) {
              thrown.push(`${n}: ${String(e)} ${JSON.stringify(raw.rules.flatMap((r) => leaves(r.conditions)).filter((l) => typeof l.operator === 'string' && l.operator.includes(':')))}`);
            }
          }
        }
      }
    }
    expect(thrown).toEqual([]);
    // Both outcomes are exercised: the generator is not so wild that everything is refused, nor so tame that nothing is.
    expect(accepted).toBeGreaterThan(20);
    expect(refused).toBeGreaterThan(20);
  }, 120_000);
});
