/**
 * Replays a list of events against a class lifecycle from its initial state (the `llct lifecycle replay`
 * contract): accepted events go to `history`, refused ones to `rejected` with the reason, and a refused event
 * leaves the state unchanged while the replay goes on. Pure and deterministic: time is the events' `at`.
 */
import type { ClassContext, ClassInput, Classification } from './context.ts';
import type { ClassLifecycle, ClassRun, HistoryEntry, Rejection } from './createClassLifecycle.ts';
import { stateOf } from './createLifecycleRuntime.ts';

export interface LearnerSummary {
  id: string;
  state: string;
  classification?: Classification;
  average?: number;
  /** Rules that failed at screening (rejected learners). */
  failedRules?: string[];
}

export interface ReplayResult {
  state: string;
  history: HistoryEntry[];
  rejected: Rejection[];
  learners: LearnerSummary[];
}

export function summariseLearners(context: ClassContext): LearnerSummary[] {
  return context.learners.map((l) => ({
    id: l.context.id,
    state: l.state,
    ...(l.context.classification ? { classification: l.context.classification } : {}),
    ...(l.context.average !== null ? { average: l.context.average } : {}),
    ...(l.context.verdict && !l.context.verdict.eligible ? { failedRules: l.context.verdict.failures.map((f) => f.rule) } : {}),
  }));
}

export function replayEvents(lc: ClassLifecycle, events: readonly unknown[], options: { input?: ClassInput; from?: ClassRun } = {}): ReplayResult & { run: ClassRun } {
  let run = options.from ?? lc.start(options.input);
  const history: HistoryEntry[] = [];
  const rejected: Rejection[] = [];
  events.forEach((event, index) => {
    // The replay never reads an earlier run again, so its learner list may grow in place; not the caller's `from`.
    const step = lc.send(run, event, { consume: run !== options.from });
    if (step.ok) { run = step.run; history.push(step.entry); } else rejected.push({ ...step.rejection, index });
  });
  return { state: stateOf(run.snapshot), history, rejected, learners: summariseLearners(run.snapshot.context as ClassContext), run };
}
