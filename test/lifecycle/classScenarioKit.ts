/**
 * Plausible class histories for the property tests of the class lifecycle (consistency, and the compiled tables
 * against XState): a pool of cadres (P1–P4 eligible, NP not a Party member), a learner's attendance and scores, the
 * full history of a class, and random events inserted anywhere (wrong state, unknown learner, dates out of order,
 * bad payloads). Each test builds its own scenario record from these pieces, so its pinned seeds keep their cases.
 */
import fc from 'fast-check';
import { CadreProfile } from '../../engine/documents/cadre.ts';
import type { LifecycleEvent } from '../../engine/lifecycle/context.ts';
import { defaultClassLifecycle, eligibleProfile, notPartyProfile } from './lifecycleTestKit.ts';

export const POOL = ['P1', 'P2', 'P3', 'P4', 'NP'];
export const PROFILES = Object.fromEntries(POOL.map((id) => [id, CadreProfile.parse(id === 'NP' ? notPartyProfile(id) : eligibleProfile(id))]));
export const EVENT_TYPES = ['APPROVE', 'OPEN_RECRUITMENT', 'NOMINATE', 'CLOSE_RECRUITMENT', 'SCREEN', 'CONVENE', 'OPEN', 'RECORD_ATTENDANCE', 'SUSPEND',
  'RESUME_STUDY', 'WITHDRAW', 'START_EXAMS', 'RECORD_EXAM', 'FINISH_EXAMS', 'GRADUATE', 'POSTPONE', 'RESUME', 'CANCEL', 'ENROL'];
/** Event types whose payload names a learner (from the default class lifecycle). */
export const LEARNER_EVENTS = new Set(Object.entries(defaultClassLifecycle().lifecycle.events).filter(([, d]) => d.payload.learnerId).map(([t]) => t));

export const score = fc.integer({ min: 0, max: 20 }).map((n) => n / 2);
export const learnerPlan = fc.record({ attendance: fc.integer({ min: 60, max: 100 }), first: fc.array(score, { minLength: 3, maxLength: 3 }), resit: fc.array(score, { minLength: 3, maxLength: 3 }) });
export interface LearnerPlan { attendance: number; first: number[]; resit: number[] }
export const learnerPlans = fc.record(Object.fromEntries(POOL.map((id) => [id, learnerPlan])) as Record<string, typeof learnerPlan>);

export const noise = fc.record({
  position: fc.nat(),
  type: fc.constantFrom(...EVENT_TYPES),
  learnerId: fc.constantFrom(...POOL, 'ZZ'),
  at: fc.constantFrom('2024-01-15', '2024-03-05', '2024-04-15', '2024-05-16', '2024-07-01', '2024-11-20', '2025-01-10'),
  percent: fc.integer({ min: -5, max: 100 }),
  scores: fc.array(score, { minLength: 0, maxLength: 3 }),
});
export type Noise = typeof noise extends fc.Arbitrary<infer T> ? T : never;

/**
 * What every class scenario draws (spread into a test's own `fc.record`): who is nominated, each learner's plan, up to
 * `maxNoise` stray events inserted, learners dropped, the class's minimum size.
 */
export const scenarioFields = (maxNoise = 12) => ({
  ids: fc.subarray(POOL, { minLength: 0 }),
  plans: learnerPlans,
  noise: fc.array(noise, { maxLength: maxNoise }),
  drop: fc.array(fc.nat(), { maxLength: 3 }),
  minClassSize: fc.integer({ min: 1, max: 3 }),
});

export interface SkeletonOptions { mode?: string; graduateOn?: string; agency?: string }

/** A class's whole history for the nominees `ids`: approval to graduation, with a re-sit round. */
export function skeleton(ids: readonly string[], plans: Record<string, LearnerPlan>, o: SkeletonOptions = {}): LifecycleEvent[] {
  const agency = o.agency ? { agency: o.agency } : {};
  return [
    { type: 'APPROVE', at: '2024-02-21', level: 'intermediate', mode: o.mode ?? 'full-time' },
    { type: 'OPEN_RECRUITMENT', at: '2024-03-01' },
    ...ids.map((id) => ({ type: 'NOMINATE', at: '2024-03-05', learnerId: id, profile: PROFILES[id], ...agency })),
    { type: 'CLOSE_RECRUITMENT', at: '2024-04-10' },
    ...ids.map((id) => ({ type: 'SCREEN', at: '2024-04-15', learnerId: id })),
    { type: 'CONVENE', at: '2024-05-06' },
    { type: 'OPEN', at: '2024-05-16' },
    ...ids.map((id) => ({ type: 'RECORD_ATTENDANCE', at: '2024-11-01', learnerId: id, percent: plans[id]!.attendance })),
    { type: 'START_EXAMS', at: '2024-11-18' },
    ...ids.map((id) => ({ type: 'RECORD_EXAM', at: '2024-11-20', learnerId: id, scores: plans[id]!.first })),
    { type: 'FINISH_EXAMS', at: '2024-11-29' },
    ...ids.map((id) => ({ type: 'RECORD_EXAM', at: '2024-12-10', learnerId: id, scores: plans[id]!.resit })),
    { type: 'GRADUATE', at: o.graduateOn ?? '2024-12-20' },
  ];
}

/** `events` with the steps in `drop` left out and the `noise` events inserted at their positions, in order. */
export function withNoise(events: LifecycleEvent[], drop: readonly number[], noiseEvents: readonly Noise[], mode = 'full-time'): LifecycleEvent[] {
  const out = events.filter((_, i, all) => !drop.some((d) => d % all.length === i));
  for (const n of noiseEvents) {
    const e: LifecycleEvent = { type: n.type, at: n.at };
    if (LEARNER_EVENTS.has(n.type)) e.learnerId = n.learnerId;
    if (n.type === 'NOMINATE') e.profile = PROFILES[n.learnerId] ?? PROFILES.P1;
    if (n.type === 'RECORD_ATTENDANCE') e.percent = n.percent;
    if (n.type === 'RECORD_EXAM') e.scores = n.scores;
    if (n.type === 'APPROVE') Object.assign(e, { level: 'intermediate', mode });
    out.splice(n.position % (out.length + 1), 0, e);
  }
  return out;
}
