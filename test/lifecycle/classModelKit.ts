/**
 * Shared parts of the model-based class lifecycle tests (@xstate/graph): the pool of four cadres — X (not a Party
 * member) and A, B, C (eligible) — the events offered in each state of the default class lifecycle, the traversal
 * (shortest and simple paths over the real machine, guards calling the rules), the replay of a path through the
 * runtime with the consistency checks after every step, and the tally of guard outcomes. Used on the shipped
 * lifecycle and on lifecycles edited through the workspace commands.
 */
import { getShortestPaths, getSimplePaths, type StatePath } from '@xstate/graph';
import type { AnyMachineSnapshot } from 'xstate';
import { CadreProfile } from '../../engine/documents/cadre.ts';
import { isNamedGuard, type GuardExpr, type Lifecycle } from '../../engine/documents/lifecycle.ts';
import { resumeClassRun, saveClassRun } from '../../engine/lifecycle/classSnapshot.ts';
import type { ClassContext, LearnerRecord, LifecycleEvent } from '../../engine/lifecycle/context.ts';
import type { ClassLifecycle } from '../../engine/lifecycle/createClassLifecycle.ts';
import { evaluateGuard } from '../../engine/lifecycle/evaluateGuards.ts';
import { AFTER_CONVENING, consistencyProblems, countIn, eligibleProfile, notPartyProfile } from './lifecycleTestKit.ts';

/** A path of the traversal: snapshots and the lifecycle events between them. */
export type ModelPath = StatePath<AnyMachineSnapshot, LifecycleEvent>;
/** The events to try from a snapshot. */
export type EventsFor = (s: AnyMachineSnapshot) => LifecycleEvent[];

/** The cadres a model class nominates from, in order. */
export const MODEL_POOL = ['X', 'A', 'B', 'C'] as const;
/** Their profiles: X fails tc-party-member, the others are eligible for trung cấp. */
export const MODEL_PROFILES = Object.fromEntries(MODEL_POOL.map((id) => [id, CadreProfile.parse(id === 'X' ? notPartyProfile(id) : eligibleProfile(id))]));

/** A lifecycle event (dates are ISO calendar dates). */
export const ev = (type: string, at: string, extra: Record<string, unknown> = {}): LifecycleEvent => ({ type, at, ...extra });

/** The learners of a snapshot: the first one in a state (and matching `f`), as an id. */
export function firstLearner(s: AnyMachineSnapshot, state: string, f: (l: LearnerRecord) => boolean = () => true): string | undefined {
  return (s.context as ClassContext).learners.find((l) => l.state === state && f(l))?.context.id;
}

const maybe = (id: string | undefined, make: (id: string) => LifecycleEvent) => (id ? [make(id)] : []);

/**
 * The events tried in each state of the default class lifecycle, chosen so that every guard can go either way
 * with minimum and maximum class size 2: too few or too many admitted, exams too early or on time, a re-sit pending
 * or not, postponed from each state. Empty for a state it does not know.
 */
export function defaultModelEvents(s: AnyMachineSnapshot): LifecycleEvent[] {
  const ls = (s.context as ClassContext).learners;
  const first = (state: string, f?: (l: LearnerRecord) => boolean) => firstLearner(s, state, f);
  const next = MODEL_POOL.find((id) => !ls.some((l) => l.context.id === id));
  switch (s.value) {
    case 'planned': return [ev('APPROVE', '2024-02-21', { level: 'intermediate', mode: 'full-time' }), ev('CANCEL', '2024-02-22')];
    case 'approved': return [ev('OPEN_RECRUITMENT', '2024-03-01'), ev('POSTPONE', '2024-03-02'), ev('CANCEL', '2024-03-03')];
    case 'recruiting': return [...maybe(next, (id) => ev('NOMINATE', '2024-03-05', { learnerId: id, profile: MODEL_PROFILES[id] })),
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

/** A snapshot as far as behaviour goes: the class state, where it was postponed from, each learner's state, attendance and sittings. */
export const serializeClassState = (s: AnyMachineSnapshot): string => {
  const c = s.context as ClassContext;
  return JSON.stringify([s.value, c.postponedFrom, c.learners.map((l) => [l.context.id, l.state, l.context.attendance, l.context.attempts])]);
};

/** Shortest and simple paths from the lifecycle's start over the events `eventsFor` offers. */
export function traverseClass(lc: ClassLifecycle, eventsFor: EventsFor): { shortest: ModelPath[]; simple: ModelPath[] } {
  const options = { events: eventsFor, serializeState: serializeClassState, input: lc.start().snapshot.context } as never;
  return {
    shortest: getShortestPaths(lc.runtime.machine, options) as ModelPath[],
    simple: getSimplePaths(lc.runtime.machine, options) as ModelPath[],
  };
}

/**
 * Replays a path through the runtime (validation + machine + explanations) and returns its last snapshot. Throws,
 * naming the path, when an event is refused, when convening happens with dossiers pending or a class size other
 * than `classSize`, or when the class and its learners are inconsistent after a step.
 */
export function replayPath(lc: ClassLifecycle, path: ModelPath, options: { classSize: number; afterConvening?: ReadonlySet<string> }): AnyMachineSnapshot {
  const afterConvening = options.afterConvening ?? AFTER_CONVENING;
  const events = () => path.steps.slice(1).map((s) => s.event.type).join(' → ');
  let snapshot = lc.start().snapshot;
  for (const step of path.steps.slice(1)) {
    const before = snapshot.context as ClassContext;
    const r = lc.runtime.send(snapshot, step.event);
    if (!r.ok) throw new Error(`${step.event.type} refused on a path: ${r.reason.en}`);
    if (r.from === 'screening' && r.to === 'convened' && (countIn(before, 'admitted') !== options.classSize || countIn(before, 'screening') !== 0)) {
      throw new Error(`convened with ${countIn(before, 'admitted')} admitted and ${countIn(before, 'screening')} pending after ${events()}`);
    }
    const problems = consistencyProblems(lc, r.to, r.snapshot.context as ClassContext, afterConvening);
    if (problems.length > 0) throw new Error(`after ${events()}: ${problems.join('; ')}`);
    snapshot = r.snapshot;
  }
  return snapshot;
}

/** A snapshot saved as the page saves a run (JSON text) and resumed: its context, or `undefined` if it does not resume. */
export function savedAndResumed(lc: ClassLifecycle, snapshot: AnyMachineSnapshot): unknown {
  const resumed = resumeClassRun(lc, JSON.parse(JSON.stringify(saveClassRun(lc, { snapshot, lastAt: null }))));
  return resumed.ok ? resumed.run.snapshot.context : undefined;
}

/** Keys `state.EVENT[i]` of the document's guarded transitions. */
export function guardedTransitions(doc: Lifecycle): string[] {
  return Object.entries(doc.states).flatMap(([id, st]) => Object.entries(st.on).flatMap(([e, ts]) => ts.flatMap((t, i) => (t.guard ? [`${id}.${e}[${i}]`] : []))));
}

/**
 * The outcomes (passed, failed) each guard had when the events `eventsFor` offers were tried at the end of every
 * path, by transition key (`state.EVENT[i]`, and `….and[j]` for each part of a combined guard).
 */
export function guardOutcomes(lc: ClassLifecycle, paths: readonly ModelPath[], eventsFor: EventsFor): Map<string, Set<boolean>> {
  const seen = new Map<string, Set<boolean>>();
  const record = (key: string, ok: boolean) => seen.set(key, (seen.get(key) ?? new Set()).add(ok));
  const visit = (g: GuardExpr, key: string, s: AnyMachineSnapshot, e: LifecycleEvent) => {
    record(key, evaluateGuard(lc.runtime.scope, g, s.context as ClassContext, e).ok);
    if (!isNamedGuard(g) && 'and' in g) g.and.forEach((part, i) => visit(part, `${key}.and[${i}]`, s, e));
  };
  for (const path of paths) {
    const s = path.state;
    for (const e of eventsFor(s)) {
      (lc.lifecycle.states[String(s.value)]?.on[e.type] ?? []).forEach((t, i) => { if (t.guard) visit(t.guard, `${String(s.value)}.${e.type}[${i}]`, s, e); });
    }
  }
  return seen;
}
