/**
 * The class run without its page: the run as an XState actor's logic (`fromTransition` over the pure steps of
 * classRunModel.ts), the event a form sends, and saving, resuming and replaying a run — each giving back what
 * happened as a `RunNotice` (a key of the run's string table and its values), which the panel words in the page's
 * language. No React here: the panel (ClassRunPanel.tsx) holds the actor and the form's fields; Node tests drive
 * the same functions with a storage of their own.
 */
import type { PayloadField } from '../../../engine/documents/lifecycle.ts';
import type { Label } from '../../../engine/documents/enums.ts';
import type { ClassLifecycle } from '../../../engine/lifecycle/createClassLifecycle.ts';
import { fromTransition } from 'xstate';
import type { SetAsidePart } from '../../workspace/readWorkspace.ts';
import { classContext, classState, replayRun, sendEvent, sendEvents, startRun, type RunState } from './classRunModel.ts';
import type { TextKey } from '../../i18n/text.ts';
import { readSavedRun, renamesOf, savedClassState, savedLearners, writeSavedRun, type SavedRun, type SavedRunRead } from './savedRun.ts';
import '../../i18n/runStrings.ts';

/** What the panel sends the run. */
export type RunMessage =
  | { type: 'start'; lc: ClassLifecycle }
  | { type: 'send'; lc: ClassLifecycle; event: unknown }
  | { type: 'sendMany'; lc: ClassLifecycle; events: readonly unknown[] }
  | { type: 'replay'; lc: ClassLifecycle; events: readonly unknown[] };

/** The run as an actor's logic: its snapshot's context is the RunState (null before a class is started). */
export const classRunLogic = fromTransition((state: RunState | null, m: RunMessage): RunState | null => {
  if (m.type === 'start') return startRun(m.lc);
  if (m.type === 'replay') return replayRun(m.lc, m.events);
  if (m.type === 'sendMany') return state ? sendEvents(m.lc, state, m.events) : state;
  return state ? sendEvent(m.lc, state, m.event) : state;
}, null);

/** A key of the run panel's words (`run.saved`). */
export type RunTextKey = Extract<TextKey, `run.${string}`>;

/** What happened, for the panel to word: a key of the run's words, its values, and a storage failure's reason. */
export interface RunNotice {
  key: RunTextKey;
  vars?: Record<string, string | number>;
  /** The storage's reason, after the key's text (`saveFailed`). */
  detail?: Label;
}

/** The learners of a run as a saved run and a comparison keep them: id and state. */
export function learnersOf(s: RunState): Array<{ id: string; state: string }> {
  return classContext(s).learners.map((l) => ({ id: l.context.id, state: l.state }));
}

/**
 * The event the form sends: its type and date, and the payload fields the event declares (values left empty are not
 * sent). A nominated cadre's id is the learner id unless one is written.
 */
export function eventBody(type: string, at: string, payload: Readonly<Record<string, unknown>>, fields: ReadonlyArray<readonly [string, PayloadField]>): Record<string, unknown> {
  const body: Record<string, unknown> = { type, at };
  for (const [k, v] of Object.entries(payload)) if (v !== undefined && fields.some(([f]) => f === k)) body[k] = v;
  if (body.profile && !body.learnerId && typeof (body.profile as { id?: unknown }).id === 'string') body.learnerId = (body.profile as { id: string }).id;
  return body;
}

/** The notice after a batch of `sent` events, `refused` of them refused. */
export const batchNotice = (sent: number, refused: number): RunNotice => ({ key: 'run.batchDone', vars: { n: sent, ok: sent - refused, refused } });

/** The run as it is saved: its events, where it ended, and the revisions and renames of the lifecycles it ran on. */
export function savedRunOf(run: RunState, lc: ClassLifecycle): SavedRun {
  return {
    schema: 'llct/page-run', version: 1, events: run.events, state: classState(run), learners: learnersOf(run),
    revisions: { class: lc.lifecycle.revision, learner: lc.learnerLifecycle.revision },
    renames: { class: renamesOf(lc.lifecycle, lc.lifecycle.revision), learner: renamesOf(lc.learnerLifecycle, lc.learnerLifecycle.revision) },
  };
}

/** Saves the run; when what is stored is a run that does not read, that run is handed back to be shown (set aside). */
export async function saveRun(run: RunState, lc: ClassLifecycle, write: (saved: SavedRun) => ReturnType<typeof writeSavedRun> = (s) => writeSavedRun(s)): Promise<{ notice: RunNotice; setAside?: SetAsidePart }> {
  const written = await write(savedRunOf(run, lc));
  if (written.ok) return { notice: { key: 'run.saved', vars: { n: run.events.length } } };
  if ('setAside' in written) return { notice: { key: 'run.saveBlockedBySetAside' }, setAside: written.setAside };
  return { notice: { key: 'run.saveFailed', detail: written.error.message } };
}

/** What resuming gives: the events to replay (when there is a run that reads), what to say, or a run set aside to show. */
export interface Resumed { events?: readonly unknown[]; notice?: RunNotice; setAside?: SetAsidePart }

/**
 * Reads the saved run and replays it on `lc`, saying whether it ends as it did when saved (states renamed since are
 * followed, so a rename alone is not a different result).
 */
export async function resumeRun(lc: ClassLifecycle, read: () => Promise<SavedRunRead> = () => readSavedRun()): Promise<Resumed> {
  try {
    const stored = await read();
    if (!stored.ok) return { notice: { key: 'run.saveFailed', detail: stored.error.message } };
    if (stored.setAside) return { setAside: stored.setAside };
    const saved = stored.run;
    if (!saved) return { notice: { key: 'run.nothingSaved' } };
    const now = replayRun(lc, saved.events);
    const before = savedClassState(saved, lc.lifecycle);
    const same = classState(now) === before && JSON.stringify(learnersOf(now)) === JSON.stringify(savedLearners(saved, lc.learnerLifecycle));
    return { events: saved.events, notice: same ? { key: 'run.resumed', vars: { n: saved.events.length } } : { key: 'run.resumedDifferent', vars: { before, after: classState(now) } } };
  } catch {
    // A stored run whose events no longer replay on these lifecycles (a bug, not a storage failure).
    return { notice: { key: 'run.resumeFailed' } };
  }
}

/** Replays the run's events from the start on `lc` and says whether the result is the one shown. */
export function replayNotice(run: RunState, lc: ClassLifecycle): RunNotice {
  const again = replayRun(lc, run.events);
  const same = classState(again) === classState(run) && JSON.stringify(learnersOf(again)) === JSON.stringify(learnersOf(run));
  return same ? { key: 'run.replaySame', vars: { state: classState(again) } } : { key: 'run.replayDifferent', vars: { before: classState(run), after: classState(again) } };
}
