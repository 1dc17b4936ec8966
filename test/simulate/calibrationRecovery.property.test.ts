/**
 * Calibration recovers the parameters that made the observations (fast-check, pinned seed). For known no-show and
 * drop-out rates drawn in their fit ranges, one run of six classes of the Hà Nội plan on a generated cohort (every
 * other loss known and nil) gives the "observed" learners at opening of three classes and of all six, and the
 * graduates of all six; calibrating the plan's no-show and drop-out rates to
 * them must give 90 % intervals that hold the known rates and are narrower than the range searched (the
 * observations taught it something), with each fitted value inside its interval. The run that makes the observations
 * is not one the fit draws (another seed). The known rates stay 1.5 points inside their ranges: this seed found, before
 * the sampler counted an unmoved copy once, intervals too narrow at the edge (dropOut 0.5 outside 0.75–…) and inside
 * (noShow 2.94 outside 2.99–…).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Observations } from '../../engine/documents/observations.ts';
import { PLAN_PARAMETER_FIT_RANGES } from '../../engine/documents/planParameters.ts';
import { calibratePlan } from '../../engine/simulate/calibrate/calibratePlan.ts';
import { simulateRun } from '../../engine/simulate/simulateRun.ts';
import { hanoiPlan, scenario, spec } from './simulateKit.ts';

const known = (value: number) => ({ value, confidence: 'reported' as const, source: 'synthetic: known' });
const plan = (() => {
  const p = hanoiPlan();
  // Every other loss is known and nil, so that the figures carry only the draws of the two rates under test (a run's
  // other losses would otherwise blur them beyond what six classes can tell apart).
  const parameters = {
    agencyPrecheck: known(100), withdrawalBeforeConvening: known(0), postponementRisk: known(0), suspension: known(0), lowAttendance: known(0), examPass: known(100),
  };
  return { ...p, parameters, classes: p.classes.slice(0, 6) };
})();
const sc = scenario(spec(plan, { kind: 'generate', count: 2500, seed: 11, referenceDate: '2024-03-01' }));

function observe(noShow: number, dropOut: number, seed: number): Observations {
  const r = simulateRun({ ...sc, params: { ...sc.params, noShow, dropOut } }, 0, `synthetic-${seed}`);
  const source = 'synthetic: one run with known rates';
  return {
    schema: 'llct/observations', version: 1, plan: plan.id, title: { vi: 'Số liệu tổng hợp', en: 'Synthetic figures' }, source,
    observations: [
      ...r.classes.slice(0, 3).map((c) => ({ id: `${c.id}-at-opening`, figure: 'atOpening' as const, classes: [c.id], value: c.atOpening, kind: 'observed' as const, source })),
      { id: 'at-opening', figure: 'atOpening', value: r.classes.reduce((n, c) => n + c.atOpening, 0), kind: 'observed', source },
      { id: 'graduates', figure: 'graduates', value: r.classes.reduce((n, c) => n + c.graduates, 0), kind: 'observed', source },
    ],
  };
}

describe('calibration on synthetic observations', () => {
  it('recovers known no-show and drop-out rates within their 90 % intervals, and narrows them', async () => {
    const noShowRange = PLAN_PARAMETER_FIT_RANGES.noShow!;
    const dropOutRange = PLAN_PARAMETER_FIT_RANGES.dropOut!;
    await fc.assert(fc.asyncProperty(
      fc.double({ min: noShowRange.min + 1.5, max: noShowRange.max - 1.5, noNaN: true }),
      fc.double({ min: dropOutRange.min + 1.5, max: dropOutRange.max - 1.5, noNaN: true }),
      fc.integer({ min: 0, max: 1000 }),
      async (noShow, dropOut, seed) => {
        const outcome = await calibratePlan(sc, observe(noShow, dropOut, seed), { seed, fit: ['noShow', 'dropOut'], particles: 40, simulations: 800, checkRuns: 40 });
        expect(outcome?.ok).toBe(true);
        if (!outcome?.ok) return;
        const byName = Object.fromEntries(outcome.calibration.parameters.map((p) => [p.name, p]));
        for (const [name, known, range] of [['noShow', noShow, noShowRange], ['dropOut', dropOut, dropOutRange]] as const) {
          const p = byName[name]!;
          expect(p.interval.p5, name).toBeLessThanOrEqual(known + 0.01);
          expect(p.interval.p95, name).toBeGreaterThanOrEqual(known - 0.01);
          expect(p.interval.p95 - p.interval.p5, name).toBeLessThan(0.8 * (range.max - range.min));
          expect(p.value).toBeGreaterThanOrEqual(p.interval.p5);
          expect(p.value).toBeLessThanOrEqual(p.interval.p95);
        }
      }), { seed: 20240516, numRuns: 8, endOnFailure: true });
  }, 600_000);

  it('gives the same calibration for the same seed', async () => {
    const obs = observe(3, 5, 1);
    const options = { seed: 5, fit: ['noShow'], particles: 12, simulations: 60, checkRuns: 10 };
    const [a, b] = [await calibratePlan(sc, obs, options), await calibratePlan(sc, obs, options)];
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
  }, 120_000);

  it('never fits a parameter the plan gives as read in the regulation or a source, nor one that sets dates', async () => {
    const obs = observe(3, 5, 1);
    const confirmed = { ...sc, plan: { ...sc.plan, parameters: { ...sc.plan.parameters, noShow: { value: 2, confidence: 'reported' as const, source: 'báo cáo của trường' } } } };
    const named = await calibratePlan(confirmed, obs, { seed: 1, fit: ['noShow'], particles: 8, simulations: 8, checkRuns: 2 });
    expect(named).toMatchObject({ ok: false, name: 'noShow' });
    const chosen = await calibratePlan(confirmed, obs, { seed: 1, particles: 8, simulations: 8, checkRuns: 2 });
    expect(chosen?.ok && chosen.calibration.parameters.map((p) => p.name)).toEqual(['dropOut', 'resitPass', 'cancellationAfterPostponement']);
    const dates = await calibratePlan(sc, obs, { seed: 1, fit: ['recruitmentLeadDays'], particles: 8, simulations: 8, checkRuns: 2 });
    expect(dates).toMatchObject({ ok: false, name: 'recruitmentLeadDays' });
  }, 120_000);
});
