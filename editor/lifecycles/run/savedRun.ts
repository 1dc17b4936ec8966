/**
 * The class run saved in the browser (IndexedDB through localforage, store `llct-studio/runs`): its events, where the
 * class and its learners were, and the revisions of the two lifecycles it ran on, so a state renamed since is
 * followed (`renamedState`). The lifecycle editor reads it to warn before deleting a state the saved run stands in.
 */
import localforage from 'localforage';
import { renamedState } from '../../../engine/lifecycle/classSnapshot.ts';

export interface SavedRun {
  schema: 'llct/page-run';
  version: 1;
  events: unknown[];
  state: string;
  learners: Array<{ id: string; state: string }>;
  /** Revisions of the class and learner lifecycles when saved (absent in runs saved before they were recorded). */
  revisions?: { class: number; learner: number };
}

const runs = localforage.createInstance({ name: 'llct-studio', storeName: 'runs' });
const SAVED_KEY = 'class-run';

export async function writeSavedRun(run: SavedRun): Promise<void> {
  await runs.setItem(SAVED_KEY, run);
}

/** The saved run, or null when there is none or what is stored is not a run. */
export async function readSavedRun(): Promise<SavedRun | null> {
  const saved = await runs.getItem<SavedRun>(SAVED_KEY);
  return saved && saved.schema === 'llct/page-run' && Array.isArray(saved.events) && typeof saved.state === 'string' && Array.isArray(saved.learners) ? saved : null;
}

type Doc = { subject?: unknown; revision?: unknown; revisions?: unknown };
const revisionOf = (doc: Doc) => (typeof doc.revision === 'number' ? doc.revision : 1);
const docForRename = (doc: Doc) => ({ revision: revisionOf(doc), revisions: Array.isArray(doc.revisions) ? doc.revisions : [] }) as Parameters<typeof renamedState>[0];

/**
 * Where the saved run stands in `stateId` of the lifecycle `doc` (class or learner): the class itself, or how many
 * of its learners. States are followed through the renames made since the run was saved.
 */
export function savedRunIn(saved: SavedRun, doc: Doc, stateId: string): { classHere: boolean; learnersHere: number } {
  const subject = doc.subject === 'learner' ? 'learner' : 'class';
  const from = saved.revisions?.[subject] ?? revisionOf(doc);
  const now = (s: string) => renamedState(docForRename(doc), from, s);
  return subject === 'class'
    ? { classHere: now(saved.state) === stateId, learnersHere: 0 }
    : { classHere: false, learnersHere: saved.learners.filter((l) => now(l.state) === stateId).length };
}

/** The saved state of the class, followed through renames made since (for comparing a resumed run with it). */
export function savedClassState(saved: SavedRun, classDoc: Doc): string {
  return renamedState(docForRename(classDoc), saved.revisions?.class ?? revisionOf(classDoc), saved.state);
}

/** The saved learners' states, followed through renames made since. */
export function savedLearners(saved: SavedRun, learnerDoc: Doc): Array<{ id: string; state: string }> {
  const from = saved.revisions?.learner ?? revisionOf(learnerDoc);
  return saved.learners.map((l) => ({ id: l.id, state: renamedState(docForRename(learnerDoc), from, l.state) }));
}
