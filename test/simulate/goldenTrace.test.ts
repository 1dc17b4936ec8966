/**
 * The Hà Nội 2024 plan at a fixed seed, stored as a golden trace (fixtures/simulations/) and compared byte for byte:
 * every class's timeline with its reasons and every candidate's outcome in run 0. Regenerate deliberately with
 * `UPDATE_GOLDEN=1 npx vitest run test/simulate/goldenTrace.test.ts` and review the diff. The trace is also checked
 * against the plan's facts (not only against itself), and the compiled lifecycle against the XState machine on the
 * article's 210 cadres. The plan is calibrated (`llct simulate --calibrate`): its 200 runs hold the article's 210.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CadreProfile } from '../../engine/documents/cadre.ts';
import { sampleNominees } from '../../engine/simulate/buildSimulationResult.ts';
import { runRange } from '../../engine/simulate/runMonteCarlo.ts';
import { simulateRun } from '../../engine/simulate/simulateRun.ts';
import { statsOf } from '../../engine/simulate/summarizeRuns.ts';
import type { Scenario } from '../../engine/simulate/prepareScenario.ts';
import { hanoiPlan, scenario, spec } from './simulateKit.ts';

const GOLDEN = 'fixtures/simulations/ha-noi-2024.seed-2024.trace.json';
const SEED = 2024;

function trace(sc: Scenario): string {
  const r = simulateRun(sc, 0, SEED);
  const classes = r.classes.map((c) => JSON.stringify(c));
  const nominees = sampleNominees(sc, r).map((n) => JSON.stringify(n));
  return `{"plan":"${sc.plan.id}","seed":${SEED},"run":0,"runSeed":${r.seed},\n"classes":[\n${classes.join(',\n')}\n],\n"nominees":[\n${nominees.join(',\n')}\n]}\n`;
}

describe('the Hà Nội 2024 plan at seed 2024', () => {
  const plan = hanoiPlan();
  const sc = scenario(spec(plan, { kind: 'generate', count: plan.cohort!.count, seed: plan.cohort!.seed, referenceDate: plan.cohort!.referenceDate }));
  const text = trace(sc);
  const parsed = JSON.parse(text) as { classes: Array<{ id: string; outcome: string; opened?: string; placed: number; atOpening: number; timeline: Array<{ event: string; at: string }> }>; nominees: Array<{ id: string; class: string; outcome: string; on: string }> };

  it('gives the stored trace byte for byte', () => {
    if (process.env.UPDATE_GOLDEN === '1' || !existsSync(GOLDEN)) writeFileSync(GOLDEN, text);
    expect(text).toBe(readFileSync(GOLDEN, 'utf8'));
  });

  it('approves every class on 21/02/2024 (215-KH/TU) and opens the first three on 16/05/2024, none above 70 learners', () => {
    for (const c of parsed.classes) expect(c.timeline[0]).toMatchObject({ event: 'APPROVE', at: '2024-02-21' });
    const first = parsed.classes.filter((c) => ['tc-01', 'tc-02', 'tc-03'].includes(c.id));
    expect(first.map((c) => c.opened)).toEqual(['2024-05-16', '2024-05-16', '2024-05-16']);
    for (const c of parsed.classes) { expect(c.placed).toBeLessThanOrEqual(70); expect(c.atOpening).toBeLessThanOrEqual(70); }
    expect(parsed.classes.reduce((n, c) => n + c.placed, 0)).toBeLessThanOrEqual(1390);
  });

  it('screens every 2024 nomination under 57-QĐ/TW, the regulation in force then, and accounts for every candidate once', () => {
    const r = simulateRun(sc, 0, SEED);
    const all = r.nominations.byClass.flat();
    expect(all.every((n) => n.on < '2025-08-29' && n.screening?.regulation === '57-QĐ/TW')).toBe(true);
    expect(new Set(parsed.nominees.map((n) => n.id)).size).toBe(parsed.nominees.length);
    expect(parsed.nominees.some((n) => n.outcome === 'in-progress')).toBe(false);
  });
});

describe('the compiled lifecycle against the XState machine on a whole plan', () => {
  it('gives the same trace on the 210 cadres of the 2024 opening', () => {
    const plan = hanoiPlan();
    const first = { ...plan, classes: plan.classes.slice(0, 3) };
    const rows = JSON.parse(readFileSync('fixtures/cadres/hanoi-2024-central-agencies.json', 'utf8')) as unknown[];
    const profiles = rows.map((r) => CadreProfile.parse(r));
    const cohort = { kind: 'profiles' as const, profiles, source: 'hanoi-2024-central-agencies.json' };
    const compiled = trace(scenario(spec(first, cohort, { engine: 'compiled' })));
    const xstate = trace(scenario(spec(first, cohort, { engine: 'xstate' })));
    expect(compiled).toBe(xstate);
    expect(JSON.parse(compiled).nominees.length).toBeGreaterThan(150);
  });
});

describe('the calibrated Hà Nội 2024 plan', () => {
  const plan = hanoiPlan();
  const observed = JSON.parse(readFileSync('fixtures/plans/ha-noi-2024.observed.json', 'utf8')) as { observations: Array<{ id: string; kind: string; value: number; classes?: string[] }> };

  it('puts the 210 learners of the article (70 a class) inside the p5–p95 band of its 200 runs at seed 2024, as the page runs it', () => {
    const sc = scenario(spec(plan, { kind: 'generate', count: plan.cohort!.count, seed: plan.cohort!.seed, referenceDate: plan.cohort!.referenceDate }));
    const first = ['tc-01', 'tc-02', 'tc-03'].map((id) => sc.classes.findIndex((c) => c.plan.id === id));
    const runs = runRange(sc, SEED, 0, 200);
    const together = statsOf(runs.map((f) => first.reduce((n, k) => n + f[`class.${sc.classes[k]!.plan.id}.atOpening`]!, 0)));
    expect(together.p5).toBeLessThanOrEqual(210);
    expect(together.p95).toBeGreaterThanOrEqual(210);
    for (const k of first) {
      const band = statsOf(runs.map((f) => f[`class.${sc.classes[k]!.plan.id}.atOpening`]!));
      expect(band.p5).toBeLessThanOrEqual(70);
      expect(band.p95).toBe(70);
    }
  }, 120_000);

  it('says of every fitted parameter that it stays assumed, was fitted to the shipped observations, and lies inside its interval', () => {
    const fitted = Object.entries(plan.parameters).filter(([, p]) => p?.fitted);
    expect(fitted.map(([n]) => n).sort()).toEqual(['agencyPrecheck', 'cancellationAfterPostponement', 'noShow', 'postponementRisk', 'withdrawalBeforeConvening']);
    const ids = new Set(observed.observations.map((o) => o.id));
    for (const [, p] of fitted) {
      expect(p!.confidence).toBe('assumed');
      expect(p!.fitted!.observations).toBe('ha-noi-2024.observed.json');
      expect(p!.fitted!.used.every((id) => ids.has(id))).toBe(true);
      expect(p!.fitted!.interval.p5).toBeLessThanOrEqual(p!.value);
      expect(p!.value).toBeLessThanOrEqual(p!.fitted!.interval.p95);
      expect(p!.source).toContain('Tạp chí Cộng sản');
    }
    expect(observed.observations.filter((o) => o.kind === 'observed').map((o) => o.value)).toEqual([70, 70, 70, 210]);
    expect(observed.observations.find((o) => o.kind === 'planned')).toMatchObject({ value: 1390 });
  });
});
