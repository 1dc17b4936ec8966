/**
 * Model-based tests of the default class lifecycle with @xstate/graph: the real machine (guards calling the rules)
 * is traversed with events chosen per state from a pool of four cadres — X (not a Party member) and A, B, C
 * (eligible) — with the minimum and maximum class size both 2, so every guard can go either way: too few or too
 * many admitted, exams too early or on time, a re-sit pending or not, postponed from each state.
 * States are compared on what matters to behaviour: the class state, where it was postponed from, and each
 * learner's state, attendance and sittings.
 */
import { getShortestPaths, getSimplePaths, type StatePath } from '@xstate/graph';
import { describe, expect, it } from 'vitest';
import type { AnyMachineSnapshot } from 'xstate';
import { CadreProfile } from '../../engine/documents/cadre.ts';
import { isNamedGuard, type GuardExpr } from '../../engine/documents/lifecycle.ts';
import { resumeClassRun, saveClassRun } from '../../engine/lifecycle/classSnapshot.ts';
import type { ClassContext, LearnerRecord, LifecycleEvent } from '../../engine/lifecycle/context.ts';
import { evaluateGuard } from '../../engine/lifecycle/evaluateGuards.ts';
import { consistencyProblems, countIn, defaultClassLifecycle, eligibleProfile, notPartyProfile } from './lifecycleTestKit.ts';

const POOL = ['X', 'A', 'B', 'C'];
const PROFILES = Object.fromEntries(POOL.map((id) => [id, CadreProfile.parse(id === 'X' ? notPartyProfile(id) : eligibleProfile(id))]));
const lc = defaultClassLifecycle({ minClassSize: 2, maxClassSize: 2 });
const doc = lc.lifecycle;

const ev = (type: string, at: string, extra: Record<string, unknown> = {}): LifecycleEvent => ({ type, at, ...extra });

function eventsFor(s: AnyMachineSnapshot): LifecycleEvent[] {
  const ls = (s.context as ClassContext).learners;
  const first = (state: string, f: (l: LearnerRecord) => boolean = () => true) => ls.find((l) => l.state === state && f(l))?.context.id;
  const maybe = (id: string | undefined, make: (id: string) => LifecycleEvent) => (id ? [make(id)] : []);
  const next = POOL.find((id) => !ls.some((l) => l.context.id === id));
  switch (s.value) {
    case 'planned': return [ev('APPROVE', '2024-02-21', { level: 'intermediate', mode: 'full-time' }), ev('CANCEL', '2024-02-22')];
    case 'approved': return [ev('OPEN_RECRUITMENT', '2024-03-01'), ev('POSTPONE', '2024-03-02'), ev('CANCEL', '2024-03-03')];
    case 'recruiting': return [...maybe(next, (id) => ev('NOMINATE', '2024-03-05', { learnerId: id, profile: PROFILES[id] })),
      ev('CLOSE_RECRUITMENT', '2024-04-10'), ev('POSTPONE', '2024-04-11'), ev('CANCEL', '2024-04-12')];
    case 'screening': return [...maybe(first('screening'), (id) => ev('SCREEN', '2024-04-15', { learnerId: id })),
      ev('CONVENE', '2024-05-06'), ev('POSTPONE', '2024-05-07'), ev('CANCEL', '2024-05-08')];
    case 'convened': return [ev('OPEN', '2024-05-16'), ...maybe(first('admitted'), (id) => ev('WITHDRAW', '2024-05-10', { learnerId: id })),
      ev('POSTPONE', '2024-05-17'), ev('CANCEL', '2024-05-18')];
    case 'in-session': return [
      ...maybe(first('studying', (l) => l.context.attendance === null), (id) => ev('RECORD_ATTENDANCE', '2024-11-01', { learnerId: id, percent: 90 })),
      ...maybe(first('studying'), (id) => ev('SUSPEND', '2024-07-01', { learnerId: id })),
      ...maybe(first('suspended'), (id) => ev('RESUME_STUDY', '2024-08-01', { learnerId: id })),
      ev('START_EXAMS', '2024-06-01'), ev('START_EXAMS', '2024-12-01')];
    case 'examinations': return [
      ...maybe(first('exam-eligible'), (id) => ev('RECORD_EXAM', '2024-12-05', { learnerId: id, scores: id === 'B' ? [4, 6, 6] : [8, 8, 8] })),
      ev('FINISH_EXAMS', '2024-12-10')];
    case 'graduation-review': return [...maybe(first('re-sit'), (id) => ev('RECORD_EXAM', '2024-12-15', { learnerId: id, scores: [6, 6, 6] })), ev('GRADUATE', '2024-12-20')];
    case 'postponed': return [ev('RESUME', '2024-06-01'), ev('CANCEL', '2024-06-02')];
    default: return [];
  }
}

const serializeState = (s: AnyMachineSnapshot) => {
  const c = s.context as ClassContext;
  return JSON.stringify([s.value, c.postponedFrom, c.learners.map((l) => [l.context.id, l.state, l.context.attendance, l.context.attempts])]);
};
const options = { events: eventsFor, serializeState, input: lc.start().snapshot.context } as never;
const shortest = getShortestPaths(lc.runtime.machine, options) as Array<StatePath<AnyMachineSnapshot, LifecycleEvent>>;
const simple = getSimplePaths(lc.runtime.machine, options) as Array<StatePath<AnyMachineSnapshot, LifecycleEvent>>;

/** Replays a path through the runtime (validation + machine + explanations), checking consistency after every step. */
function replay(path: StatePath<AnyMachineSnapshot, LifecycleEvent>) {
  let snapshot = lc.start().snapshot;
  for (const step of path.steps.slice(1)) {
    const before = snapshot.context as ClassContext;
    const r = lc.runtime.send(snapshot, step.event);
    if (!r.ok) throw new Error(`${step.event.type} refused on a path: ${r.reason.en}`);
    if (r.from === 'screening' && r.to === 'convened') {
      expect(countIn(before, 'admitted')).toBe(2);
      expect(countIn(before, 'screening')).toBe(0);
    }
    const problems = consistencyProblems(lc, r.to, r.snapshot.context as ClassContext);
    if (problems.length > 0) throw new Error(`after ${path.steps.slice(1).map((s) => s.event.type).join(' → ')}: ${problems.join('; ')}`);
    snapshot = r.snapshot;
  }
  return snapshot;
}

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
      const resumed = resumeClassRun(lc, JSON.parse(JSON.stringify(saveClassRun(lc, { snapshot: end, lastAt: null }))));
      expect(resumed.ok && resumed.run.snapshot.context).toEqual(end.context);
    }
  });

  it('follows every simple path (no state visited twice) with the same checks', () => {
    expect(simple.length).toBeGreaterThan(shortest.length);
    for (const path of simple) expect(serializeState(replay(path))).toBe(serializeState(path.state));
  });

  it('exercises every guard of the document both ways, each part of a combined guard included', () => {
    const seen = new Map<string, Set<boolean>>();
    const record = (key: string, ok: boolean) => seen.set(key, (seen.get(key) ?? new Set()).add(ok));
    const visit = (g: GuardExpr, key: string, s: AnyMachineSnapshot, e: LifecycleEvent) => {
      record(key, evaluateGuard(lc.runtime.scope, g, s.context as ClassContext, e).ok);
      if (!isNamedGuard(g) && 'and' in g) g.and.forEach((part, i) => visit(part, `${key}.and[${i}]`, s, e));
    };
    for (const path of shortest) {
      const s = path.state;
      for (const e of eventsFor(s)) {
        (doc.states[String(s.value)]?.on[e.type] ?? []).forEach((t, i) => { if (t.guard) visit(t.guard, `${String(s.value)}.${e.type}[${i}]`, s, e); });
      }
    }
    const guarded = Object.entries(doc.states).flatMap(([id, st]) => Object.entries(st.on).flatMap(([e, ts]) => ts.flatMap((t, i) => (t.guard ? [`${id}.${e}[${i}]`] : []))));
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
