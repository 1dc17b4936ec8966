/**
 * A class lifecycle together with the learner lifecycle of its learners, as pure steps over a `ClassRun`
 * (an XState snapshot plus the date of the last accepted event). Time comes only from events' `at`: an event
 * dated before the last accepted one is refused, so a replay reads the same whatever the clock says.
 */
import type { AnyMachineSnapshot } from 'xstate';
import type { Lifecycle } from '../documents/lifecycle.ts';
import { formatDate } from '../documents/dates.ts';
import { emptyClassContext, newLearnerContext, type ClassContext, type ClassInput, type LearnerContext, type LearnerRecord, type LifecycleEvent } from './context.ts';
import { createLifecycleRegistry } from './createLifecycleRegistry.ts';
import { learnerChanges, releaseLearners, settleLearners, type LearnerChange } from './learnerIndex.ts';
import { createLifecycleRuntime, stateOf, type LifecycleRuntime } from './createLifecycleRuntime.ts';
import type { CheckEligibility, IsEligible, LearnerRuntime, LearnerStep, LifecycleEnv, LifecycleRegistry, Reason, RecordedVerdict } from './types.ts';

export interface ClassRun {
  snapshot: AnyMachineSnapshot;
  /** ISO date of the last accepted event; later events may not be dated before it. */
  lastAt: string | null;
}

export type { LearnerChange } from './learnerIndex.ts';

/** One accepted event, as the replay contract prints it (`learners` lists the learners it moved). */
export interface HistoryEntry {
  event: string;
  from: string;
  to: string;
  at: string;
  learnerId?: string;
  learners?: LearnerChange[];
}

/** One refused event: `reason` in Vietnamese, `reasonEn` in English, `code` stable. */
export interface Rejection {
  event: string;
  at?: string;
  learnerId?: string;
  /** 0-based position in the event list, when replaying a file. */
  index?: number;
  code: string;
  /** The guard that blocked (`learnerCount`, `forwardToLearner:precondition`, …), when a guard did. */
  guard?: string;
  reason: string;
  reasonEn: string;
}

export type ClassStep = { ok: true; run: ClassRun; entry: HistoryEntry } | { ok: false; run: ClassRun; rejection: Rejection };

export interface ClassLifecycle {
  lifecycle: Lifecycle;
  learnerLifecycle: Lifecycle;
  runtime: LifecycleRuntime<ClassContext>;
  learners: LearnerRuntime;
  start(input?: ClassInput): ClassRun;
  /**
   * The step `event` makes from `run`. Pure unless `consume`: then the caller gives up `run` (it reads neither it
   * nor a snapshot sharing its learner list again, as a replay does), and the learner list may grow in place, which
   * keeps n nominations linear instead of copying the list n times. A refused event never changes `run`.
   */
  send(run: ClassRun, event: unknown, options?: { consume?: boolean }): ClassStep;
}

export interface ClassLifecycleOptions {
  lifecycle: Lifecycle;
  learnerLifecycle: Lifecycle;
  checkEligibility: CheckEligibility;
  /** The compiled lifecycle's `eligible` guard asks this when given (the XState machine always runs the check). */
  isEligible?: IsEligible;
  /** What a learner records on screening, when given (both engines use it; see `RecordedVerdict`). */
  recordedVerdict?: RecordedVerdict;
  registry?: LifecycleRegistry;
}

export function createLearnerRuntime(doc: Lifecycle, registry: LifecycleRegistry, checkEligibility: CheckEligibility, recordedVerdict?: RecordedVerdict): LearnerRuntime {
  const env: LifecycleEnv = recordedVerdict ? { checkEligibility, recordedVerdict } : { checkEligibility };
  const runtime: LifecycleRuntime<LearnerContext> = createLifecycleRuntime<LearnerContext>({
    doc, specs: registry.learner, env,
    levelModeOf: (c) => ({ level: c.nomination.level, mode: c.nomination.mode }),
  });
  return {
    lifecycle: doc,
    create(input) {
      const s = runtime.start(newLearnerContext(input));
      return { state: stateOf(s), context: s.context as LearnerContext };
    },
    step(record, event) {
      const step = runtime.send(runtime.restore(record.state, record.context), event, { allowExtra: true });
      if (!step.ok) return step;
      return { ok: true, record: { state: step.to, context: step.snapshot.context as LearnerContext }, from: step.from, to: step.to };
    },
  };
}

/**
 * `learners` answering the same record and event twice in a row with the first answer: a forwarded event is stepped
 * by forwardToLearner's precondition (XState's guard) and again by its assign, on the same record and event objects,
 * and the learner's step (its machine, its guards: the eligibility check on SCREEN) is the larger part of the class
 * step. Steps are pure, so the answer is the same. It is kept only until `forget`, called as a class step starts and
 * ends, and only for a record whose state and context are still the ones it was computed from (the compiled stepper
 * changes its records in place).
 */
function stepOncePerClassStep(learners: LearnerRuntime): { learners: LearnerRuntime; forget(): void } {
  let last: { record: LearnerRecord; state: string; context: LearnerContext; event: LifecycleEvent; step: LearnerStep } | undefined;
  return {
    learners: {
      ...learners,
      step(record, event) {
        if (last && last.record === record && last.event === event && last.state === record.state && last.context === record.context) return last.step;
        const step = learners.step(record, event);
        last = { record, state: record.state, context: record.context, event, step };
        return step;
      },
    },
    forget: () => { last = undefined; },
  };
}

export function createClassLifecycle(options: ClassLifecycleOptions): ClassLifecycle {
  const registry = options.registry ?? createLifecycleRegistry();
  const { learners, forget } = stepOncePerClassStep(createLearnerRuntime(options.learnerLifecycle, registry, options.checkEligibility, options.recordedVerdict));
  const runtime = createLifecycleRuntime<ClassContext>({
    doc: options.lifecycle, specs: registry.class,
    env: { checkEligibility: options.checkEligibility, learners, ...(options.recordedVerdict ? { recordedVerdict: options.recordedVerdict } : {}) },
    levelModeOf: (c) => ({ level: c.level, mode: c.mode }),
  });

  return {
    lifecycle: options.lifecycle,
    learnerLifecycle: options.learnerLifecycle,
    runtime,
    learners,
    start: (input) => ({ snapshot: runtime.start(emptyClassContext(input)), lastAt: null }),
    send(run, raw, options = {}) {
      const e = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
      const base = {
        event: typeof e.type === 'string' ? e.type : String(e.type ?? ''),
        ...(typeof e.at === 'string' ? { at: e.at } : {}),
        ...(typeof e.learnerId === 'string' ? { learnerId: e.learnerId } : {}),
      };
      const refuse = (r: Reason): ClassStep => ({
        ok: false, run, rejection: { ...base, code: r.code, ...(r.guard ? { guard: r.guard } : {}), reason: r.vi, reasonEn: r.en },
      });
      if (typeof e.at === 'string' && run.lastAt !== null && e.at < run.lastAt) {
        return refuse({
          code: 'lifecycle/out-of-order',
          vi: `${base.event} ngày ${formatDate(e.at)} sớm hơn sự kiện đã nhận trước đó (${formatDate(run.lastAt)}); sự kiện phải theo thứ tự thời gian.`,
          en: `${base.event} on ${formatDate(e.at)} is dated before the previously accepted event (${formatDate(run.lastAt)}); events must be in date order.`,
        });
      }
      const before = (run.snapshot.context as ClassContext).learners;
      if (options.consume) releaseLearners(before);
      let step: ReturnType<typeof runtime.send>;
      let changes: LearnerChange[] = [];
      forget();
      try {
        step = runtime.send(run.snapshot, raw);
        if (step.ok) changes = learnerChanges(before, (step.snapshot.context as ClassContext).learners);
      } finally {
        forget();
        settleLearners(before);
      }
      if (!step.ok) return refuse(step.reason);
      const entry: HistoryEntry = {
        event: step.event.type, from: step.from, to: step.to, at: step.event.at,
        ...(typeof step.event.learnerId === 'string' ? { learnerId: step.event.learnerId } : {}),
        ...(changes.length > 0 ? { learners: changes } : {}),
      };
      return { ok: true, run: { snapshot: step.snapshot, lastAt: step.event.at }, entry };
    },
  };
}
