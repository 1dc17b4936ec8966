/**
 * What-if: two scenarios (two rulesets, two plans or two cohorts) run on the same seeds, compared run by run. Each KPI
 * gets its value on both sides and the per-run difference B − A as p5 / p50 / p95 (common random numbers: run i uses
 * the same seed on both sides, so the interval is the effect's, not the noise's). The cadres whose outcome changes
 * are those of the sample run (run 0) on either side: each is checked under both sides' rules for the same
 * nomination, and the gains and losses are grouped by the rule behind them. Pure.
 */
import type { Label } from '../documents/enums.ts';
import { KPIS, type SimulationResult, type Stats } from './buildSimulationResult.ts';
import type { Nominee } from './nominate.ts';
import type { Scenario } from './prepareScenario.ts';
import type { RunFigures } from './runFigures.ts';
import { allNominees, type RunResult } from './simulateRun.ts';
import { statsOf, valuesOf } from './summarizeRuns.ts';

export interface Side { scenario: Scenario; figures: readonly RunFigures[]; sample: RunResult; result: SimulationResult }

export interface CadreChange {
  id: string;
  agency: string;
  class: string;
  on: string;
  change: 'gained' | 'lost' | 'outcome';
  a: { eligible: boolean | null; failures: string[]; outcome: string | null };
  b: { eligible: boolean | null; failures: string[]; outcome: string | null };
}

export interface ScenarioComparison {
  schema: 'llct/simulation-comparison';
  version: 1;
  a: string;
  b: string;
  runs: number;
  kpis: Array<{ name: string; label: Label; a: Stats; b: Stats; delta: Stats }>;
  byRule: Array<{ rule: string; citation: string; side: 'a' | 'b'; lost: number; gained: number }>;
  changes: CadreChange[];
  summary: { compared: number; gained: number; lost: number; outcomeChanged: number };
}

const toStats = (values: number[]): Stats => {
  const s = statsOf(values);
  const n = (x: number) => (Number.isNaN(x) ? null : x);
  return { p5: n(s.p5), p50: n(s.p50), p95: n(s.p95), mean: n(s.mean), runs: s.runs };
};

export function compareScenarios(a: Side, b: Side): ScenarioComparison {
  const runs = Math.min(a.figures.length, b.figures.length);
  const kpis = KPIS.map((k) => {
    const va = valuesOf(a.figures.slice(0, runs), k.name);
    const vb = valuesOf(b.figures.slice(0, runs), k.name);
    // Rounded to 1/1000: a difference of shares (capacity use) must not print as -3.8000000000000007.
    return { ...k, a: toStats(va), b: toStats(vb), delta: toStats(va.map((x, i) => Math.round((vb[i]! - x) * 1000) / 1000)) };
  });

  const citations = new Map<string, string>();
  for (const r of [...a.result.screening.byRule, ...b.result.screening.byRule]) citations.set(r.rule, r.citation);
  const seen = new Map<string, { a?: Nominee; b?: Nominee }>();
  for (const n of allNominees(a.sample)) seen.set(a.scenario.cadres[n.cadre]!.id, { a: n });
  for (const n of allNominees(b.sample)) { const id = b.scenario.cadres[n.cadre]!.id; seen.set(id, { ...seen.get(id), b: n }); }

  const indexes = new Map<Side, Map<string, number>>();
  const indexIn = (side: Side, id: string) => {
    let m = indexes.get(side);
    if (!m) { m = new Map(side.scenario.cadres.map((p, i) => [p.id, i])); indexes.set(side, m); }
    return m.get(id);
  };
  const changes: CadreChange[] = [];
  const tally = new Map<string, { side: 'a' | 'b'; lost: number; gained: number }>();
  const bump = (rule: string, side: 'a' | 'b', what: 'lost' | 'gained') => {
    const t = tally.get(`${side}:${rule}`) ?? { side, lost: 0, gained: 0 };
    t[what]++;
    tally.set(`${side}:${rule}`, t);
  };
  for (const [id, pair] of seen) {
    const base = (pair.a ?? pair.b)!;
    const home = pair.a ? a.scenario : b.scenario;
    const cls = home.classes[base.cls]!.plan;
    const nomination = { level: cls.level, mode: cls.mode, on: base.on };
    const verdictIn = (side: Side, n: Nominee | undefined) => {
      if (n?.screening) return n.screening;
      const i = indexIn(side, id);
      const o = i === undefined ? undefined : side.scenario.screen(i, nomination);
      return o?.ok ? o : undefined;
    };
    const va = verdictIn(a, pair.a);
    const vb = verdictIn(b, pair.b);
    const ea = va ? va.eligible : null;
    const eb = vb ? vb.eligible : null;
    const fa = va ? [...va.failures] : [];
    const fb = vb ? [...vb.failures] : [];
    const oa = pair.a?.outcome ?? null;
    const ob = pair.b?.outcome ?? null;
    let change: CadreChange['change'] | undefined;
    if (ea === true && eb === false) { change = 'lost'; for (const r of fb) bump(r, 'b', 'lost'); }
    else if (ea === false && eb === true) { change = 'gained'; for (const r of fa) bump(r, 'a', 'gained'); }
    else if (oa !== ob) change = 'outcome';
    if (!change) continue;
    changes.push({ id, agency: home.plan.agencies[base.agency]!.id, class: cls.id, on: base.on, change, a: { eligible: ea, failures: fa, outcome: oa }, b: { eligible: eb, failures: fb, outcome: ob } });
  }
  changes.sort((x, y) => (x.change < y.change ? -1 : x.change > y.change ? 1 : x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
  const byRule = [...tally].map(([key, t]) => ({ rule: key.slice(2), citation: citations.get(key.slice(2)) ?? '', side: t.side, lost: t.lost, gained: t.gained }))
    .sort((x, y) => (y.lost + y.gained) - (x.lost + x.gained) || (x.rule < y.rule ? -1 : 1));
  return {
    schema: 'llct/simulation-comparison', version: 1, a: a.result.scenario, b: b.result.scenario, runs, kpis, byRule, changes,
    summary: { compared: seen.size, gained: changes.filter((c) => c.change === 'gained').length, lost: changes.filter((c) => c.change === 'lost').length, outcomeChanged: changes.filter((c) => c.change === 'outcome').length },
  };
}
