/**
 * Model-based tests of the default class lifecycle with @xstate/graph: the real machine (guards calling the rules)
 * is traversed with events chosen per state from a pool of four cadres — X (not a Party member) and A, B, C
 * (eligible) — with the minimum and maximum class size both 2, so every guard can go either way: too few or too
 * many admitted, exams too early or on time, a re-sit pending or not, postponed from each state.
 * States are compared on what matters to behaviour: the class state, where it was postponed from, and each
 * learner's state, attendance and sittings.
 */
import { describe, expect, it } from 'vitest';
import {
  defaultModelEvents as eventsFor, ev, guardedTransitions, guardOutcomes, MODEL_PROFILES as PROFILES, replayPath, savedAndResumed,
  serializeClassState as serializeState, traverseClass,
} from './classModelKit.ts';
import { defaultClassLifecycle } from './lifecycleTestKit.ts';

const lc = defaultClassLifecycle({ minClassSize: 2, maxClassSize: 2 });
const doc = lc.lifecycle;
const { shortest, simple } = traverseClass(lc, eventsFor);
const replay = (path: (typeof shortest)[number]) => replayPath(lc, path, { classSize: 2 });

describe('the default class lifecycle, model-based', () => {
  it('reaches every contract state, both final states included', () => {
    const reached = new Set(shortest.map((p) => String(p.state.value)));
    expect(reached).toEqual(new Set(Object.keys(doc.states)));
    expect(shortest.length).toBeGreaterThan(100);
  });

  it('follows every shortest path with each event accepted, learners consistent with the class, and a snapshot that saves and resumes exactly', () => {
    for (const path of shortest) {
      const end = replay(path);
      expect(serializeState(end)).toBe(serializeState(path.state));
      expect(savedAndResumed(lc, end)).toEqual(end.context);
    }
  });

  it('follows every simple path (no state visited twice) with the same checks', () => {
    expect(simple.length).toBeGreaterThan(shortest.length);
    for (const path of simple) expect(serializeState(replay(path))).toBe(serializeState(path.state));
  });

  it('exercises every guard of the document both ways, each part of a combined guard included', () => {
    const seen = guardOutcomes(lc, shortest, eventsFor);
    const guarded = guardedTransitions(doc);
    expect(guarded).toHaveLength(9);
    for (const key of guarded) expect([key, [...(seen.get(key) ?? [])].sort()]).toEqual([key, [false, true]]);
    for (const key of ['screening.CONVENE[0].and[0]', 'screening.CONVENE[0].and[1]']) expect([key, [...seen.get(key)!].sort()]).toEqual([key, [false, true]]);
  });

  it('explains every refused event of every reachable state with a reason, and never changes the snapshot for it', () => {
    let refused = 0;
    for (const path of shortest) {
      for (const e of [...eventsFor(path.state), ev('GRADUATE', '2025-01-01'), ev('NOMINATE', '2024-03-05', { learnerId: 'A', profile: PROFILES.A })]) {
        const r = lc.runtime.send(path.state, e);
        if (r.ok) continue;
        refused++;
        expect(r.reason.vi.length).toBeGreaterThan(10);
        expect(r.reason.en.length).toBeGreaterThan(10);
        expect(r.reason.code).toMatch(/^lifecycle\//);
      }
    }
    expect(refused).toBeGreaterThan(shortest.length);
  });
});
