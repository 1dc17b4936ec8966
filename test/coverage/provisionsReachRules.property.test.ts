/**
 * Every rule is reachable from exactly the provisions it cites: in the coverage map of each shipped ruleset, and of
 * the shipped rulesets with their citations redrawn at random (seeded), the provisions listing a rule are the
 * outline keys the rule cites — no more, no fewer — and every other key it cites is reported as unknown.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { builtinDocuments, builtinOutlines } from '../../engine/builtin.ts';
import { buildCoverage, type Coverage } from '../../engine/coverage/buildCoverage.ts';
import { flattenProvisions } from '../../engine/documents/regulationOutline.ts';
import type { Ruleset } from '../../engine/documents/ruleset.ts';

function reachedFrom(c: Coverage, rule: string): string[] {
  return c.provisions.filter((p) => p.rules.includes(rule)).map((p) => p.provision.key).sort();
}

function checkReachability(ruleset: Ruleset, c: Coverage, known: ReadonlySet<string>) {
  for (const r of ruleset.rules) {
    const inScope = (ruleset.regulation.levels ?? ['elementary', 'intermediate', 'advanced']).includes(r.level);
    const cited = [...new Set(r.provisions ?? [])];
    expect(reachedFrom(c, r.id), r.id).toEqual(inScope ? cited.filter((k) => known.has(k)).sort() : []);
    expect(c.unknownCitations.filter((u) => u.rule === r.id).map((u) => u.key).sort(), r.id).toEqual(cited.filter((k) => !known.has(k)).sort());
  }
}

const pairs = builtinDocuments().rulesets.map((ruleset) => ({ ruleset, outline: builtinOutlines().find((o) => o.ruleset === ruleset.id)! }));

describe('provisions reach rules', () => {
  it.each(pairs.map((p) => [p.ruleset.id, p] as const))('every rule of %s is reachable from exactly the provisions it cites, each of them in the outline', (_id, { ruleset, outline }) => {
    const known = new Set(flattenProvisions(outline).map((f) => f.provision.key));
    const c = buildCoverage({ ruleset, outline, golden: [] });
    expect(c.unknownCitations).toEqual([]);
    checkReachability(ruleset, c, known);
    // The shipped maps cite something for every rule of a regulated level. 350's sơ cấp rules are 57's, kept unused
    // (350 regulates no sơ cấp): with `regulation.levels` set they are out of scope, and they cite nothing either way.
    expect(c.uncitedRules.filter((id) => !id.startsWith('sc350-'))).toEqual([]);
  });

  it('holds for citations redrawn at random, unknown keys and repeats included (seeded)', () => {
    for (const { ruleset, outline } of pairs) {
      const keys = flattenProvisions(outline).map((f) => f.provision.key);
      const known = new Set(keys);
      const citation = fc.array(fc.oneof(fc.constantFrom(...keys), fc.constantFrom('x.unknown', 'tc.subjects.nowhere')), { maxLength: 4 });
      fc.assert(fc.property(fc.array(citation, { minLength: ruleset.rules.length, maxLength: ruleset.rules.length }), (drawn) => {
        const edited: Ruleset = { ...ruleset, rules: ruleset.rules.map((r, i) => ({ ...r, provisions: drawn[i]! })) };
        const c = buildCoverage({ ruleset: edited, outline, golden: [] });
        checkReachability(edited, c, known);
      }), { seed: 350_57, numRuns: 60 });
    }
  });
});
