/**
 * Property tests (fast-check, pinned seed): a plausible class history — a random set of nominees, attendance and
 * scores — with random events inserted anywhere (wrong state, unknown learner, dates out of order, bad payloads).
 * Whatever the sequence, the class and its learners stay consistent, a refused event changes nothing, convening
 * and graduation respect their conditions, the replay is deterministic, and a save/resume at any point changes
 * nothing. A failure prints the seed and path to replay it.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { resumeClassRun, saveClassRun } from '../../engine/lifecycle/classSnapshot.ts';
import type { ClassContext } from '../../engine/lifecycle/context.ts';
import { replayEvents } from '../../engine/lifecycle/replayEvents.ts';
import type { LifecycleEvent } from '../../engine/lifecycle/context.ts';
import { scenarioFields, skeleton, withNoise } from './classScenarioKit.ts';
import { consistencyProblems, countIn, defaultClassLifecycle } from './lifecycleTestKit.ts';

const IN_PROGRESS = ['nominated', 'screening', 'admitted', 'studying', 'exam-eligible', 're-sit'];

const scenario = fc.record({
  ...scenarioFields(),
  extra: fc.integer({ min: 0, max: 2 }),
  cut: fc.nat(),
});

type Scenario = typeof scenario extends fc.Arbitrary<infer T> ? T : never;

function eventsOf(s: Scenario): LifecycleEvent[] {
  return withNoise(skeleton(s.ids, s.plans), s.drop, s.noise);
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
