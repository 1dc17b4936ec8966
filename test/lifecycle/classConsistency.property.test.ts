/**
 * Property tests (fast-check, pinned seed): a plausible class history — a random set of nominees, attendance and
 * scores — with random events inserted anywhere (wrong state, unknown learner, dates out of order, bad payloads).
 * Whatever the sequence, the class and its learners stay consistent, a refused event changes nothing, convening
 * and graduation respect their conditions, the replay is deterministic, and a save/resume at any point changes
 * nothing. A failure prints the seed and path to replay it.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CadreProfile } from '../../engine/documents/cadre.ts';
import { resumeClassRun, saveClassRun } from '../../engine/lifecycle/classSnapshot.ts';
import type { ClassContext } from '../../engine/lifecycle/context.ts';
import { replayEvents } from '../../engine/lifecycle/replayEvents.ts';
import { consistencyProblems, countIn, defaultClassLifecycle, eligibleProfile, notPartyProfile } from './lifecycleTestKit.ts';

const POOL = ['P1', 'P2', 'P3', 'P4', 'NP'];
const PROFILES = Object.fromEntries(POOL.map((id) => [id, CadreProfile.parse(id === 'NP' ? notPartyProfile(id) : eligibleProfile(id))]));
const IN_PROGRESS = ['nominated', 'screening', 'admitted', 'studying', 'exam-eligible', 're-sit'];
const EVENT_TYPES = ['APPROVE', 'OPEN_RECRUITMENT', 'NOMINATE', 'CLOSE_RECRUITMENT', 'SCREEN', 'CONVENE', 'OPEN', 'RECORD_ATTENDANCE', 'SUSPEND',
  'RESUME_STUDY', 'WITHDRAW', 'START_EXAMS', 'RECORD_EXAM', 'FINISH_EXAMS', 'GRADUATE', 'POSTPONE', 'RESUME', 'CANCEL', 'ENROL'];

const LEARNER_EVENTS = new Set(Object.entries(defaultClassLifecycle().lifecycle.events).filter(([, d]) => d.payload.learnerId).map(([t]) => t));
const score = fc.integer({ min: 0, max: 20 }).map((n) => n / 2);
const learnerPlan = fc.record({ attendance: fc.integer({ min: 60, max: 100 }), first: fc.array(score, { minLength: 3, maxLength: 3 }), resit: fc.array(score, { minLength: 3, maxLength: 3 }) });

interface LearnerPlan { attendance: number; first: number[]; resit: number[] }

function skeleton(ids: string[], plans: Record<string, LearnerPlan>): Array<Record<string, unknown>> {
  return [
    { type: 'APPROVE', at: '2024-02-21', level: 'intermediate', mode: 'full-time' },
    { type: 'OPEN_RECRUITMENT', at: '2024-03-01' },
    ...ids.map((id) => ({ type: 'NOMINATE', at: '2024-03-05', learnerId: id, profile: PROFILES[id] })),
    { type: 'CLOSE_RECRUITMENT', at: '2024-04-10' },
    ...ids.map((id) => ({ type: 'SCREEN', at: '2024-04-15', learnerId: id })),
    { type: 'CONVENE', at: '2024-05-06' },
    { type: 'OPEN', at: '2024-05-16' },
    ...ids.map((id) => ({ type: 'RECORD_ATTENDANCE', at: '2024-11-01', learnerId: id, percent: plans[id]!.attendance })),
    { type: 'START_EXAMS', at: '2024-11-18' },
    ...ids.map((id) => ({ type: 'RECORD_EXAM', at: '2024-11-20', learnerId: id, scores: plans[id]!.first })),
    { type: 'FINISH_EXAMS', at: '2024-11-29' },
    ...ids.map((id) => ({ type: 'RECORD_EXAM', at: '2024-12-10', learnerId: id, scores: plans[id]!.resit })),
    { type: 'GRADUATE', at: '2024-12-20' },
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
  noise: fc.array(noise, { maxLength: 12 }),
  drop: fc.array(fc.nat(), { maxLength: 3 }),
  minClassSize: fc.integer({ min: 1, max: 3 }),
  extra: fc.integer({ min: 0, max: 2 }),
  cut: fc.nat(),
});

type Scenario = typeof scenario extends fc.Arbitrary<infer T> ? T : never;

function eventsOf(s: Scenario): unknown[] {
  const events = skeleton(s.ids, s.plans).filter((_, i, all) => !s.drop.some((d) => d % all.length === i));
  for (const n of s.noise) {
    const e: Record<string, unknown> = { type: n.type, at: n.at };
    if (LEARNER_EVENTS.has(n.type)) e.learnerId = n.learnerId;
    if (n.type === 'NOMINATE') e.profile = PROFILES[n.learnerId] ?? PROFILES.P1;
    if (n.type === 'RECORD_ATTENDANCE') e.percent = n.percent;
    if (n.type === 'RECORD_EXAM') e.scores = n.scores;
    if (n.type === 'APPROVE') Object.assign(e, { level: 'intermediate', mode: 'full-time' });
    events.splice(n.position % (events.length + 1), 0, e);
  }
  return events;
}

describe('a class and its learners, for any sequence of events', () => {
  it('stay consistent; refused events change nothing; convening and graduation respect their conditions', () => {
    const visited = new Set<string>(['planned']);
    fc.assert(fc.property(scenario, (s) => {
      const lc = defaultClassLifecycle({ minClassSize: s.minClassSize, maxClassSize: s.minClassSize + s.extra });
      let run = lc.start();
      for (const event of eventsOf(s)) {
        const before = run.snapshot.context as ClassContext;
        const step = lc.send(run, event);
        if (!step.ok) {
          expect(step.run).toBe(run);
          expect(step.rejection.reason).not.toBe('');
          continue;
        }
        if (step.entry.event === 'CONVENE') {
          expect(countIn(before, 'admitted')).toBeGreaterThanOrEqual(s.minClassSize);
          expect(countIn(before, 'admitted')).toBeLessThanOrEqual(s.minClassSize + s.extra);
        }
        if (step.entry.to === 'graduated') {
          expect(before.learners.filter((l) => ['studying', 'exam-eligible', 're-sit'].includes(l.state))).toEqual([]);
        }
        run = step.run;
        visited.add(String(run.snapshot.value));
        expect(consistencyProblems(lc, String(run.snapshot.value), run.snapshot.context as ClassContext)).toEqual([]);
      }
      const learners = (run.snapshot.context as ClassContext).learners;
      if (run.snapshot.value === 'graduated') expect(learners.filter((l) => IN_PROGRESS.includes(l.state))).toEqual([]);
    }), { seed: 20240516, numRuns: 300 });
    // The generator is not vacuous: the runs reach every state of the class lifecycle.
    expect([...visited].sort()).toEqual(Object.keys(defaultClassLifecycle().lifecycle.states).sort());
  });

  it('replay deterministically, and resume from a snapshot saved at any event to the same result', () => {
    fc.assert(fc.property(scenario, (s) => {
      const lc = defaultClassLifecycle({ minClassSize: s.minClassSize, maxClassSize: s.minClassSize + s.extra });
      const events = eventsOf(s);
      const whole = replayEvents(lc, events);
      const strip = (r: typeof whole) => JSON.stringify({ ...r, run: null });
      expect(strip(replayEvents(lc, events))).toBe(strip(whole));
      const cut = s.cut % (events.length + 1);
      const first = replayEvents(lc, events.slice(0, cut));
      const resumed = resumeClassRun(lc, JSON.parse(JSON.stringify(saveClassRun(lc, first.run))));
      if (!resumed.ok) throw new Error(resumed.diagnostics.map((d) => d.messageEn).join('; '));
      const rest = replayEvents(lc, events.slice(cut), { from: resumed.run });
      expect(rest.state).toBe(whole.state);
      expect(rest.learners).toEqual(whole.learners);
      expect([...first.history, ...rest.history]).toEqual(whole.history);
      expect([...first.rejected, ...rest.rejected.map((r) => ({ ...r, index: r.index! + cut }))]).toEqual(whole.rejected);
    }), { seed: 20240221, numRuns: 150 });
  });
});
