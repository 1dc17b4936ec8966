/**
 * Replaying n nominations is linear in n: the work is counted (reads of learner records, copies of the learner
 * list), never timed. A replay may grow its learner list in place; a plain `send` stays pure, and both give the
 * same history.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ClassContext, LearnerRecord } from '../../engine/lifecycle/context.ts';
import type { ClassLifecycle, HistoryEntry } from '../../engine/lifecycle/createClassLifecycle.ts';
import { replayEvents } from '../../engine/lifecycle/replayEvents.ts';
import { ROOT } from '../cli/runLlct.ts';
import { defaultClassLifecycle, eligibleProfile } from './lifecycleTestKit.ts';

function nominations(n: number): unknown[] {
  const ids = Array.from({ length: n }, (_, i) => `L-${i}`);
  return [
    { type: 'APPROVE', at: '2024-02-21', level: 'intermediate', mode: 'full-time', classId: 'T-1' },
    { type: 'OPEN_RECRUITMENT', at: '2024-03-01' },
    ...ids.map((id) => ({ type: 'NOMINATE', at: '2024-03-05', learnerId: id, profile: eligibleProfile(id) })),
    { type: 'CLOSE_RECRUITMENT', at: '2024-04-10' },
    ...ids.map((id) => ({ type: 'SCREEN', at: '2024-04-15', learnerId: id })),
  ];
}

/** A lifecycle whose learner records count how often anything reads them. */
function countingLifecycle(): { lc: ClassLifecycle; reads: () => number } {
  const lc = defaultClassLifecycle();
  let reads = 0;
  const create = lc.learners.create.bind(lc.learners);
  lc.learners.create = (input) => {
    const record = create(input);
    return { state: record.state, get context() { reads++; return record.context; } } as LearnerRecord;
  };
  return { lc, reads: () => reads };
}

function learnersOf(run: { snapshot: { context: unknown } }): readonly LearnerRecord[] {
  return (run.snapshot.context as ClassContext).learners;
}

describe('the cost of replaying nominations', () => {
  it('reads each learner record a bounded number of times, so twice the nominations cost twice the reads', () => {
    const perLearner = [300, 600].map((n) => {
      const { lc, reads } = countingLifecycle();
      const result = replayEvents(lc, nominations(n));
      expect(result.rejected).toEqual([]);
      expect(result.learners).toHaveLength(n);
      return reads() / n;
    });
    // Quadratic work (a scan of the class per event) doubles the reads per learner when n doubles.
    expect(perLearner[1]! / perLearner[0]!).toBeLessThan(1.1);
    expect(perLearner[1]!).toBeLessThan(20);
  });

  it('grows the learner list of a replay in place instead of copying it for every nomination', () => {
    const lc = defaultClassLifecycle();
    const events = nominations(50).filter((e) => (e as { type: string }).type !== 'SCREEN').slice(0, -1);
    let run = lc.start();
    const lists = new Set<readonly LearnerRecord[]>();
    for (const e of events) {
      const step = lc.send(run, e, { consume: true });
      expect(step.ok).toBe(true);
      if (step.ok) run = step.run;
      lists.add(learnersOf(run));
    }
    expect(learnersOf(run)).toHaveLength(50);
    expect(lists.size).toBe(1);
  });

  it('leaves the run it was given unchanged when the caller keeps it', () => {
    const lc = defaultClassLifecycle();
    const events = nominations(3);
    let run = lc.start();
    const runs = [run];
    for (const e of events) {
      const step = lc.send(run, e);
      if (step.ok) run = step.run;
      runs.push(run);
    }
    expect(runs.map((r) => learnersOf(r).length)).toEqual([0, 0, 0, 1, 2, 3, 3, 3, 3, 3]);
    expect(runs.slice(-4).map((r) => learnersOf(r).map((l) => l.state))).toEqual([
      ['screening', 'screening', 'screening'], ['admitted', 'screening', 'screening'],
      ['admitted', 'admitted', 'screening'], ['admitted', 'admitted', 'admitted'],
    ]);
  });

  it('gives the same history, refusals and learners whether the steps copy or grow in place', () => {
    for (const file of ['class-full.events.json', 'class-rejected.events.json']) {
      const events = JSON.parse(readFileSync(join(ROOT, 'fixtures', 'lifecycle', file), 'utf8')) as unknown[];
      const lc = defaultClassLifecycle();
      const replayed = replayEvents(lc, events);
      let run = lc.start();
      const history: HistoryEntry[] = [];
      const rejected: string[] = [];
      for (const e of events) {
        const step = lc.send(run, e);
        if (step.ok) { run = step.run; history.push(step.entry); } else rejected.push(step.rejection.code);
      }
      expect(replayed.history).toEqual(history);
      expect(replayed.rejected.map((r) => r.code)).toEqual(rejected);
      expect(learnersOf(replayed.run)).toEqual(learnersOf(run));
    }
  });
});
