/**
 * The effect of one ruleset version against another on the golden cases: the cases whose verdict (eligible or
 * not, and which rules fail) differs between the two, each with its before and after in words.
 */
import type { Ruleset } from '../../engine/documents/ruleset.ts';
import type { Verdict } from '../../engine/rules/buildVerdict.ts';
import { createChecker } from '../../engine/rules/createChecker.ts';
import { runGoldenCases, type GoldenResult } from '../../engine/rules/runGoldenCases.ts';
import { rulesetsByDate, type Catalogues } from './analyseRuleset.ts';
import type { Records } from './records.ts';

/** A case's outcome: its verdict (eligible, failed rule ids), or the diagnostic codes it ended in. */
export type CaseOutcome = { eligible: boolean; failures: string[] } | { codes: string[] };

export interface GoldenEffect {
  changed: Array<{ id: string; title: string; before: CaseOutcome; after: CaseOutcome }>;
}

function outcome(r: GoldenResult): CaseOutcome {
  if (!('eligible' in r.actual)) return { codes: 'diagnostics' in r.actual ? r.actual.diagnostics.map((d) => d.code) : [] };
  const v = r.actual as Verdict;
  return { eligible: v.eligible, failures: v.failures.map((f) => f.rule) };
}

export async function goldenEffect(records: Records, before: Ruleset, after: Ruleset, catalogues: Catalogues): Promise<GoldenEffect> {
  const golden = records.get(`golden:${after.id}`) ?? records.get(`golden:${before.id}`);
  if (golden?.type !== 'golden') return { changed: [] };
  const others = rulesetsByDate(records).filter((r) => r.id !== after.id && r.id !== before.id);
  const run = async (rs: Ruleset) => {
    const checker = createChecker({ rulesets: [rs, ...others], positions: catalogues.positions, institutions: catalogues.institutions });
    const r = await runGoldenCases(checker, golden.doc, 'cases.json');
    return r.ok ? new Map(r.report.results.map((x) => [x.id, x])) : new Map<string, GoldenResult>();
  };
  const [a, b] = await Promise.all([run(before), run(after)]);
  const changed: GoldenEffect['changed'] = [];
  for (const [id, rb] of b) {
    const ra = a.get(id);
    if (!ra) continue;
    const oa = outcome(ra);
    const ob = outcome(rb);
    if (JSON.stringify(oa) !== JSON.stringify(ob)) changed.push({ id, title: rb.title, before: oa, after: ob });
  }
  return { changed };
}
