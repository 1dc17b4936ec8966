/**
 * A class run in the page, pure: the workspace's class and learner lifecycles loaded as the CLI loads them, the
 * eligibility check on the workspace's rulesets, and the run as the list of events sent so far. The state is what
 * `llct lifecycle replay` gives for the same events and documents, so an exported run replays to the same end.
 */
import type { Diagnostic } from '../../../engine/diagnostics/Diagnostic.ts';
import type { Lifecycle, PayloadField } from '../../../engine/documents/lifecycle.ts';
import { createClassLifecycle, type ClassLifecycle, type ClassRun, type HistoryEntry, type Rejection } from '../../../engine/lifecycle/createClassLifecycle.ts';
import { createLifecycleRegistry } from '../../../engine/lifecycle/createLifecycleRegistry.ts';
import { stateOf } from '../../../engine/lifecycle/createLifecycleRuntime.ts';
import { loadLifecycle } from '../../../engine/lifecycle/loadLifecycle.ts';
import type { ClassContext } from '../../../engine/lifecycle/context.ts';
import type { CheckEligibility } from '../../../engine/lifecycle/types.ts';
import { toLifecycle } from '../../workspace/lifecycleRecords.ts';
import { recordsOfType, type RecordId, type Records } from '../../workspace/records.ts';

const registry = createLifecycleRegistry();

export type Runnable = { ok: true; lc: ClassLifecycle } | { ok: false; diagnostics: Diagnostic[] };

/** The class lifecycle of `recordId` (or the class lifecycle hosting it, for a learner lifecycle) ready to run. */
export function runnableLifecycle(records: Records, recordId: RecordId, checkEligibility: CheckEligibility): Runnable {
  const lifecycles = recordsOfType(records, 'lifecycle');
  const chosen = records.get(recordId);
  if (chosen?.type !== 'lifecycle') return { ok: false, diagnostics: [] };
  const classRecord = chosen.meta.subject === 'class' ? chosen : lifecycles.find((r) => r.meta.subject === 'class' && r.meta.learnerLifecycle === chosen.meta.id);
  if (!classRecord) return { ok: false, diagnostics: [] };
  const learnerRecord = lifecycles.find((r) => r.meta.id === classRecord.meta.learnerLifecycle);
  if (!learnerRecord) return { ok: false, diagnostics: [] };
  const learner = loadLifecycle(toLifecycle(records, learnerRecord.id).doc, { registry });
  if (!learner.ok) return { ok: false, diagnostics: learner.diagnostics };
  const cls = loadLifecycle(toLifecycle(records, classRecord.id).doc, { registry, learnerLifecycle: learner.value });
  if (!cls.ok) return { ok: false, diagnostics: cls.diagnostics };
  return { ok: true, lc: createClassLifecycle({ lifecycle: cls.value, learnerLifecycle: learner.value, checkEligibility, registry }) };
}

/** A run: the events accepted and refused, in order, and where the class is. */
export interface RunState {
  run: ClassRun;
  /** Every event sent, accepted or not (the file `llct lifecycle replay --events` takes). */
  events: unknown[];
  history: HistoryEntry[];
  rejected: Rejection[];
  /** The answer to the last event sent. */
  last: { ok: true; entry: HistoryEntry } | { ok: false; rejection: Rejection } | null;
}

export function startRun(lc: ClassLifecycle): RunState {
  return { run: lc.start(), events: [], history: [], rejected: [], last: null };
}

export function sendEvent(lc: ClassLifecycle, s: RunState, event: unknown): RunState {
  const step = lc.send(s.run, event);
  const events = [...s.events, event];
  if (step.ok) return { run: step.run, events, history: [...s.history, step.entry], rejected: s.rejected, last: { ok: true, entry: step.entry } };
  const rejection = { ...step.rejection, index: s.events.length };
  return { run: s.run, events, history: s.history, rejected: [...s.rejected, rejection], last: { ok: false, rejection } };
}

/**
 * Several events in order, as one change of the run (a whole list nominated, a score for every learner): the lists
 * are copied once, not once per event, and the class's learner list grows in place within the batch (the run it
 * started from is left as it was), so a batch costs what its steps cost.
 */
export function sendEvents(lc: ClassLifecycle, s: RunState, batch: readonly unknown[]): RunState {
  if (batch.length === 0) return s;
  const events = [...s.events];
  const history = [...s.history];
  const rejected = [...s.rejected];
  let run = s.run;
  let last: RunState['last'] = s.last;
  const startList = (s.run.snapshot.context as ClassContext).learners;
  for (const event of batch) {
    // Once a step of the batch has made a new learner list, nothing outside the batch holds it, so it may grow in
    // place; the list the run started from (still shown, still in `s`) is never handed over.
    const own = (run.snapshot.context as ClassContext).learners !== startList;
    const step = lc.send(run, event, { consume: own });
    if (step.ok) {
      run = step.run;
      history.push(step.entry);
      last = { ok: true, entry: step.entry };
    } else {
      const rejection = { ...step.rejection, index: events.length };
      rejected.push(rejection);
      last = { ok: false, rejection };
    }
    events.push(event);
  }
  return { run, events, history, rejected, last };
}

/** The same events from the start: how a saved run is resumed and how an edited lifecycle is tried on it. */
export function replayRun(lc: ClassLifecycle, events: readonly unknown[]): RunState {
  return sendEvents(lc, startRun(lc), events);
}

/**
 * The learners a learner event can reach now: those whose state in the learner lifecycle has a transition for it
 * (the class forwards its own event of the same type to the learner named in the payload).
 */
export function learnersAccepting(lc: ClassLifecycle, s: RunState, event: string): string[] {
  const states = lc.learnerLifecycle.states;
  return classContext(s).learners.filter((l) => Object.hasOwn(states[l.state]?.on ?? {}, event)).map((l) => l.context.id);
}

export const classState = (s: RunState) => stateOf(s.run.snapshot);
export const classContext = (s: RunState) => s.run.snapshot.context as ClassContext;

/** The events the current state has transitions for (whether their guards pass is for the send to say). */
export function eventsOffered(lifecycle: Lifecycle, state: string): string[] {
  return Object.keys(lifecycle.states[state]?.on ?? {});
}

export function payloadOf(lifecycle: Lifecycle, event: string): Array<[string, PayloadField]> {
  return Object.entries(lifecycle.events[event]?.payload ?? {});
}
