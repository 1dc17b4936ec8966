/**
 * Properties of the simulation on random plans (fast-check, pinned seeds): whatever the classes, sizes, quotas and
 * parameters, no class takes more learners than its maximum or convenes outside [minimum, maximum]; no cadre is
 * placed in two classes; every candidate an agency considered ends with exactly one outcome, and a class that
 * finished leaves nobody in progress; and a Monte Carlo split into any ranges (as workers split it) gives the same
 * figures in the same order as one pass.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Plan } from '../../engine/documents/plan.ts';
import { PLAN_PARAMETER_NAMES } from '../../engine/documents/planParameters.ts';
import { builtinDocuments } from '../../engine/builtin.ts';
import { cohortOf } from '../../engine/simulate/scenarioFromSpec.ts';
import { NOMINEE_OUTCOMES } from '../../engine/simulate/nominate.ts';
import { runRange } from '../../engine/simulate/runMonteCarlo.ts';
import { simulateRun } from '../../engine/simulate/simulateRun.ts';
import { hanoiPlan, scenario, spec } from './simulateKit.ts';

const base = hanoiPlan();
const agencies = base.agencies.slice(0, 6);
const COHORT = { kind: 'generate' as const, count: 900, seed: 7, referenceDate: '2024-03-01' };
const cadres = cohortOf({ ...base, agencies }, COHORT, builtinDocuments().institutions);

const klass = fc.record({
  minSize: fc.integer({ min: 1, max: 40 }),
  extra: fc.integer({ min: 0, max: 40 }),
  month: fc.integer({ min: 4, max: 12 }),
  duration: fc.integer({ min: 5, max: 10 }),
  mode: fc.constantFrom('full-time', 'part-time'),
  serves: fc.uniqueArray(fc.record({ agency: fc.integer({ min: 0, max: agencies.length - 1 }), quota: fc.integer({ min: 1, max: 30 }) }), { minLength: 1, maxLength: 4, selector: (q) => q.agency }),
});
const planArb = fc.record({
  classes: fc.array(klass, { minLength: 1, maxLength: 4 }),
  params: fc.record({ nominationsPerSeat: fc.constantFrom(0.5, 1, 1.5), agencyPrecheck: fc.integer({ min: 0, max: 100 }), noShow: fc.integer({ min: 0, max: 30 }),
    dropOut: fc.integer({ min: 0, max: 30 }), postponementRisk: fc.integer({ min: 0, max: 60 }), cancellationAfterPostponement: fc.integer({ min: 0, max: 100 }),
    examPass: fc.integer({ min: 0, max: 100 }), resitPass: fc.integer({ min: 0, max: 100 }) }),
  seed: fc.integer({ min: 0, max: 1000 }),
});
type Arb = typeof planArb extends fc.Arbitrary<infer T> ? T : never;

function planOf(a: Arb): Plan {
  return {
    ...base, agencies,
    parameters: Object.fromEntries(Object.entries(a.params).filter(([k]) => PLAN_PARAMETER_NAMES.includes(k as never)).map(([k, value]) => [k, { value, confidence: 'assumed' as const, source: 'property test' }])),
    classes: a.classes.map((c, i) => ({
      id: `c-${i}`, name: `Lớp ${i}`, level: 'intermediate' as const, mode: c.mode as 'full-time' | 'part-time', institution: 'le-hong-phong', minSize: c.minSize, maxSize: c.minSize + c.extra,
      opensOn: `2024-${String(c.month).padStart(2, '0')}-15`, durationMonths: c.duration, origin: 'assumed' as const,
      serves: c.serves.map((q) => ({ agency: agencies[q.agency]!.id, quota: q.quota })),
    })),
  };
}

describe('a simulated plan, for any classes, quotas and parameters', () => {
  it('never puts more learners in a class than its maximum, convenes only within [minimum, maximum], places no cadre twice and gives every candidate one outcome', () => {
    const outcomes = new Set<string>();
    fc.assert(fc.property(planArb, (a) => {
      const sc = scenario({ ...spec(planOf(a), { kind: 'profiles', profiles: cadres, source: 'generated' }) });
      const r = simulateRun(sc, 0, a.seed);
      const placed = new Map<string, string>();
      r.classes.forEach((c, k) => {
        const plan = sc.classes[k]!.plan;
        expect(c.placed).toBeLessThanOrEqual(plan.maxSize);
        expect(c.atOpening).toBeLessThanOrEqual(plan.maxSize);
        const convened = c.timeline.find((e) => e.event === 'CONVENE' && !e.refused);
        if (convened) {
          expect(convened.learners).toBeGreaterThanOrEqual(plan.minSize);
          expect(convened.learners).toBeLessThanOrEqual(plan.maxSize);
        }
        const refused = c.timeline.find((e) => e.event === 'CONVENE' && e.refused);
        if (refused) expect(c.outcome).toBe('cancelled');
        if (c.outcome === 'graduated') expect(c.atOpening).toBeGreaterThan(0);
        for (const n of r.nominations.byClass[k]!) {
          outcomes.add(n.outcome);
          expect(NOMINEE_OUTCOMES).toContain(n.outcome);
          if (c.outcome !== 'stalled') expect(n.outcome).not.toBe('in-progress');
          if (!n.placed) continue;
          const id = sc.cadres[n.cadre]!.id;
          expect(placed.get(id), `${id} placed in ${placed.get(id)} and ${plan.id}`).toBeUndefined();
          placed.set(id, plan.id);
        }
      });
      const considered = r.nominations.byClass.flat().map((n) => n.cadre);
      expect(new Set(considered).size).toBe(considered.length);
    }), { seed: 20240516, numRuns: 40 });
    expect(outcomes.size).toBeGreaterThan(8);
  });

  it('gives the same figures in the same order however the runs are split into ranges', () => {
    fc.assert(fc.property(planArb, fc.integer({ min: 1, max: 5 }), (a, cut) => {
      const sc = scenario(spec(planOf(a), { kind: 'profiles', profiles: cadres, source: 'generated' }));
      const whole = runRange(sc, a.seed, 0, 6);
      const split = [...runRange(sc, a.seed, cut, 6), ...runRange(sc, a.seed, 0, cut)];
      expect([...split.slice(6 - cut), ...split.slice(0, 6 - cut)]).toEqual(whole);
    }), { seed: 20250829, numRuns: 15 });
  });
});
