/**
 * Actions that declare `changes` (the compiled lifecycle assigns them in place) change exactly what `apply` changes:
 * `apply(args)` equals `{ ...context, ...changes(args) }` on random learner contexts and events, and neither touches
 * its input.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createBuiltinChecker } from '../../engine/builtin.ts';
import { CadreProfile } from '../../engine/documents/cadre.ts';
import { generateBuiltinCohort } from '../../engine/generate/generateBuiltinCohort.ts';
import { newLearnerContext, type LearnerContext, type LifecycleEvent } from '../../engine/lifecycle/context.ts';
import { LEARNER_ACTIONS } from '../../engine/lifecycle/learnerSpecs.ts';
import type { LifecycleEnv } from '../../engine/lifecycle/types.ts';

const checker = createBuiltinChecker();
const env: LifecycleEnv = { checkEligibility: (p, n) => checker.checkSync(p, n) };
const profiles = generateBuiltinCohort({ count: 40, seed: 'changes', referenceDate: '2025-01-01' }).map((p) => CadreProfile.parse(p));

const context = fc.record({
  cadre: fc.integer({ min: 0, max: profiles.length - 1 }),
  level: fc.constantFrom('elementary', 'intermediate', 'advanced' as const),
  mode: fc.constantFrom('full-time', 'part-time' as const),
  on: fc.constantFrom('2024-03-01', '2025-10-01'),
  attendance: fc.option(fc.integer({ min: 0, max: 100 }), { nil: null }),
  attempts: fc.integer({ min: 0, max: 3 }),
  note: fc.option(fc.string(), { nil: null }),
}).map((r): LearnerContext => ({
  ...newLearnerContext({ id: profiles[r.cadre]!.id, profile: profiles[r.cadre]!, nomination: { level: r.level, mode: r.mode, on: r.on }, at: r.on }),
  attendance: r.attendance, attempts: r.attempts, note: r.note,
}));

const event = fc.record({
  type: fc.constantFrom('SCREEN', 'RECORD_ATTENDANCE', 'RECORD_EXAM', 'WITHDRAW'),
  percent: fc.option(fc.integer({ min: 0, max: 100 }), { nil: undefined }),
  scores: fc.option(fc.array(fc.integer({ min: 0, max: 40 }).map((x) => x / 4), { maxLength: 4 }), { nil: undefined }),
  reason: fc.option(fc.string({ minLength: 1 }), { nil: undefined }),
}).map((e): LifecycleEvent => {
  const out: LifecycleEvent = { type: e.type, at: '2025-11-01' };
  if (e.percent !== undefined) out.percent = e.percent;
  if (e.scores !== undefined) out.scores = e.scores;
  if (e.reason !== undefined) out.reason = e.reason;
  return out;
});

const PARAMS: Record<string, Record<string, unknown>> = {
  recordVerdict: {}, recordAttendance: {}, recordNote: {}, recordExam: { passMark: 5, veryGoodFrom: 8, goodFrom: 6.5 },
};

describe('learner actions with `changes`', () => {
  const declaring = Object.entries(LEARNER_ACTIONS).filter(([, spec]) => spec.changes);

  it('are the four record actions', () => {
    expect(declaring.map(([name]) => name).sort()).toEqual(['recordAttendance', 'recordExam', 'recordNote', 'recordVerdict']);
  });

  for (const [name, spec] of declaring) {
    it(`${name}: apply = { ...context, ...changes }, input untouched`, () => {
      fc.assert(fc.property(context, event, fc.option(fc.string({ minLength: 1 }), { nil: undefined }), (c, e, text) => {
        const params = { ...PARAMS[name], ...(name === 'recordNote' && text !== undefined ? { text } : {}) };
        const before = structuredClone(c);
        const args = { context: c, event: e, params, refs: {}, env };
        const applied = spec.apply(args);
        expect(applied).toEqual({ ...c, ...spec.changes!(args) });
        expect(c).toEqual(before);
      }), { seed: 1203, numRuns: 200 });
    });
  }
});
