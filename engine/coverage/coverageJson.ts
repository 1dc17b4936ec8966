/**
 * The coverage map as plain JSON (`llct coverage --format json`): per provision its key, label, number, quote,
 * sources, confidence, status and the rules encoding it with the golden cases each way; then the lists.
 */
import type { Coverage } from './buildCoverage.ts';

export function coverageJson(c: Coverage) {
  const rules = new Map(c.rules.map((r) => [r.rule, r]));
  return {
    regulation: c.regulation,
    ruleset: c.ruleset,
    cases: c.cases,
    counts: c.counts,
    provisions: c.provisions.map((p) => {
      const { children: _children, ...provision } = p.provision;
      return {
        ...provision,
        parent: p.parent ?? null,
        children: p.children,
        status: p.status,
        tested: p.tested,
        rules: p.rules.map((id) => {
          const r = rules.get(id)!;
          return { id, confidence: r.confidence, passedIn: r.passedIn, failedIn: r.failedIn };
        }),
      };
    }),
    notEncoded: c.notEncoded,
    uncitedRules: c.uncitedRules,
    unknownCitations: c.unknownCitations,
    untestedRules: c.untestedRules,
    outOfScopeRules: c.outOfScopeRules,
  };
}
