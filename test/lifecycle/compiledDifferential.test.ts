/**
 * The compiled class lifecycle (engine/lifecycle/compile) against the XState machine built from the same documents,
 * as the compiled rule evaluator is held to json-rules-engine: a plausible class history with random events
 * inserted anywhere (wrong state, unknown learner, dates out of order, bad payloads), sent to both. After every event
 * both must accept or refuse it alike (the same rejection), be in the same state, and hold the same context —
 * learners, verdicts, attendance, scores, classification and dates. Pinned seeds; a failure prints the path.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CadreProfile } from '../../engine/documents/cadre.ts';
import { builtinLifecycles } from '../../engine/lifecycle/builtinLifecycles.ts';
import { compileClassLifecycle } from '../../engine/lifecycle/compile/compileClassLifecycle.ts';
import type { ClassContext, LifecycleEvent } from '../../engine/lifecycle/context.ts';
import { checkEligibility, eligibleProfile, notPartyProfile, withParameters } from './lifecycleTestKit.ts';

const POOL = ['P1', 'P2', 'P3', 'P4', 'NP'];
const PROFILES = Object.fromEntries(POOL.map((id) => [id, CadreProfile.parse(id === 'NP' ? notPartyProfile(id) : eligibleProfile(id))]));
const EVENT_TYPES = ['APPROVE', 'OPEN_RECRUITMENT', 'NOMINATE', 'CLOSE_RECRUITMENT', 'SCREEN', 'CONVENE', 'OPEN', 'RECORD_ATTENDANCE', 'SUSPEND',
  'RESUME_STUDY', 'WITHDRAW', 'START_EXAMS', 'RECORD_EXAM', 'FINISH_EXAMS', 'GRADUATE', 'POSTPONE', 'RESUME', 'CANCEL', 'ENROL'];
const { classLifecycle, learnerLifecycle } = builtinLifecycles();
const LEARNER_EVENTS = new Set(Object.entries(classLifecycle.events).filter(([, d]) => d.payload.learnerId).map(([t]) => t));
const score = fc.integer({ min: 0, max: 20 }).map((n) => n / 2);
const learnerPlan = fc.record({ attendance: fc.integer({ min: 60, max: 100 }), first: fc.array(score, { minLength: 3, maxLength: 3 }), resit: fc.array(score, { minLength: 3, maxLength: 3 }) });
type LearnerPlan = { attendance: number; first: number[]; resit: number[] };

function skeleton(ids: string[], plans: Record<string, LearnerPlan>, mode: string): LifecycleEvent[] {
  return [
    { type: 'APPROVE', at: '2024-02-21', level: 'intermediate', mode },
    { type: 'OPEN_RECRUITMENT', at: '2024-03-01' },
    ...ids.map((id) => ({ type: 'NOMINATE', at: '2024-03-05', learnerId: id, profile: PROFILES[id], agency: 'Bộ Tư pháp' })),
    { type: 'CLOSE_RECRUITMENT', at: '2024-04-10' },
    ...ids.map((id) => ({ type: 'SCREEN', at: '2024-04-15', learnerId: id })),
    { type: 'CONVENE', at: '2024-05-06' },
    { type: 'OPEN', at: '2024-05-16' },
    ...ids.map((id) => ({ type: 'RECORD_ATTENDANCE', at: '2024-11-01', learnerId: id, percent: plans[id]!.attendance })),
    { type: 'START_EXAMS', at: '2024-11-18' },
    ...ids.map((id) => ({ type: 'RECORD_EXAM', at: '2024-11-20', learnerId: id, scores: plans[id]!.first })),
    { type: 'FINISH_EXAMS', at: '2024-11-29' },
    ...ids.map((id) => ({ type: 'RECORD_EXAM', at: '2024-12-10', learnerId: id, scores: plans[id]!.resit })),
    { type: 'GRADUATE', at: '2025-02-20' },
  ];
}

const noise = fc.record({
  position: fc.nat(),
  type: fc.constantFrom(...EVENT_TYPES),
  learnerId: fc.constantFrom(...POOL, 'ZZ'),
  at: fc.constantFrom('2024-01-15', '2024-03-05', '2024-04-15', '2024-05-16', '2024-07-01', '2024-11-20', '2025-01-10'),
  percent: fc.integer({ min: -5, max: 100 }),
  scores: fc.array(score, { minLength: 0, maxLength: 3 }),
});

const scenario = fc.record({
  ids: fc.subarray(POOL, { minLength: 0 }),
  plans: fc.record(Object.fromEntries(POOL.map((id) => [id, learnerPlan])) as Record<string, typeof learnerPlan>),
  noise: fc.array(noise, { maxLength: 14 }),
  drop: fc.array(fc.nat(), { maxLength: 3 }),
  minClassSize: fc.integer({ min: 1, max: 3 }),
  extra: fc.integer({ min: 0, max: 2 }),
  resits: fc.integer({ min: 0, max: 2 }),
  mode: fc.constantFrom('full-time', 'part-time'),
});
type Scenario = typeof scenario extends fc.Arbitrary<infer T> ? T : never;

function eventsOf(s: Scenario, withNoise: boolean): LifecycleEvent[] {
  const events = skeleton(s.ids, s.plans, s.mode).filter((_, i, all) => !s.drop.some((d) => d % all.length === i));
  if (!withNoise) return events;
  for (const n of s.noise) {
    const e: LifecycleEvent = { type: n.type, at: n.at };
    if (LEARNER_EVENTS.has(n.type)) e.learnerId = n.learnerId;
    if (n.type === 'NOMINATE') e.profile = PROFILES[n.learnerId] ?? PROFILES.P1;
    if (n.type === 'RECORD_ATTENDANCE') e.percent = n.percent;
    if (n.type === 'RECORD_EXAM') e.scores = n.scores;
    if (n.type === 'APPROVE') Object.assign(e, { level: 'intermediate', mode: s.mode });
    events.splice(n.position % (events.length + 1), 0, e);
  }
  return events;
}

function both(s: Scenario, trusted: boolean) {
  const options = {
    lifecycle: withParameters(classLifecycle, { minClassSize: s.minClassSize, maxClassSize: s.minClassSize + s.extra }),
    learnerLifecycle: withParameters(learnerLifecycle, { resitAllowance: s.resits }),
    checkEligibility,
  };
  const compiled = compileClassLifecycle({ ...options, trusted });
  return { compiled, xstate: compiled.reference };
}

/** The context as plain data (the compiled run mutates records in place; XState copies them). */
const plain = (c: ClassContext) => JSON.parse(JSON.stringify(c)) as unknown;

function compare(s: Scenario, trusted: boolean, visited: Set<string>): void {
  const { compiled, xstate } = both(s, trusted);
  let ref = xstate.start();
  const run = compiled.start();
  eventsOf(s, !trusted).forEach((event, i) => {
    const a = xstate.send(ref, event);
    const b = compiled.send(run, event);
    const where = `event #${i} ${JSON.stringify({ ...event, profile: undefined })}`;
    expect(b.ok, where).toBe(a.ok);
    if (!a.ok && !b.ok) expect(b.rejection, where).toEqual(a.rejection);
    if (a.ok) ref = a.run;
    expect(run.state, where).toBe(String(ref.snapshot.value));
    expect(plain(run.context), where).toEqual(plain(ref.snapshot.context as ClassContext));
    visited.add(run.state);
  });
}

describe('the compiled class lifecycle, against the XState machine of the same documents', () => {
  it('accepts and refuses the same events, with the same rejection, state and context, for any sequence (validating events)', () => {
    const visited = new Set<string>();
    fc.assert(fc.property(scenario, (s) => compare(s, false, visited)), { seed: 20240516, numRuns: 150 });
    expect([...visited].sort()).toEqual(Object.keys(classLifecycle.states).sort());
  });

  it('agrees on well-formed histories when events are trusted (as the simulator sends them)', () => {
    const visited = new Set<string>();
    fc.assert(fc.property(scenario, (s) => compare(s, true, visited)), { seed: 20250829, numRuns: 150 });
    expect(visited.has('graduated')).toBe(true);
  });
});
