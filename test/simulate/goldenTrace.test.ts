/**
 * The Hà Nội 2024 plan at a fixed seed, stored as a golden trace (fixtures/simulations/) and compared byte for byte:
 * every class's timeline with its reasons and every candidate's outcome in run 0. Regenerate deliberately with
 * `UPDATE_GOLDEN=1 npx vitest run test/simulate/goldenTrace.test.ts` and review the diff. The trace is also checked
 * against the plan's facts (not only against itself), and the compiled lifecycle against the XState machine on the
 * article's 210 cadres.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CadreProfile } from '../../engine/documents/cadre.ts';
import { sampleNominees } from '../../engine/simulate/buildSimulationResult.ts';
import { simulateRun } from '../../engine/simulate/simulateRun.ts';
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
