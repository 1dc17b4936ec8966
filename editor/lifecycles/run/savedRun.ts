/**
 * The class run saved in the browser (IndexedDB through editor/storage, store `llct-studio/runs`): its events, where the
 * class and its learners were, and the revisions of the two lifecycles it ran on, so a state renamed since is
 * followed (`renamedState`). The lifecycle editor reads it to warn before deleting a state the saved run stands in.
 */
import { z } from 'zod/mini';
import { diagnostic } from '../../../engine/diagnostics/Diagnostic.ts';
import { describeSchemaIssues } from '../../../engine/diagnostics/describeSchemaIssues.ts';
import { renamedState } from '../../../engine/lifecycle/classSnapshot.ts';
import { createKeyValueStorage, type KeyValueStorage, type WriteDone } from '../../storage/createKeyValueStorage.ts';
import type { StorageError } from '../../storage/storageError.ts';
import type { SetAsidePart } from '../../workspace/readWorkspace.ts';

export interface SavedRun {
  schema: 'llct/page-run';
  version: 1;
  events: unknown[];
  state: string;
  learners: Array<{ id: string; state: string }>;
  /** Revisions of the class and learner lifecycles when saved (absent in runs saved before they were recorded). */
  revisions?: { class: number; learner: number };
  /** The renames those revisions held when saved (the editor may add more to an open revision afterwards). */
  renames?: { class: Record<string, string>; learner: Record<string, string> };
}

const Renames = z.record(z.string(), z.string());
/** What a stored run must be to be resumed; anything else is set aside (kept as it is until the user chooses). */
const SavedRunSchema = z.object({
  schema: z.literal('llct/page-run'),
  version: z.literal(1),
  events: z.array(z.unknown()),
  state: z.string(),
  learners: z.array(z.object({ id: z.string(), state: z.string() })),
  revisions: z.optional(z.object({ class: z.number(), learner: z.number() })),
  renames: z.optional(z.object({ class: Renames, learner: Renames })),
});

const SAVED_KEY = 'class-run';
let defaultRuns: KeyValueStorage | undefined;
const runsStorage = () => (defaultRuns ??= createKeyValueStorage('runs'));

export type SavedRunRead =
  | { ok: true; run: SavedRun | null; setAside?: undefined }
  | { ok: true; run: null; setAside: SetAsidePart }
  | { ok: false; error: StorageError };

/** Saves the run. Refused when what is stored now is a run that did not read: the user exports or drops it first. */
export async function writeSavedRun(run: SavedRun, runs = runsStorage()): Promise<WriteDone | { ok: false; setAside: SetAsidePart }> {
  const now = await readSavedRun(runs);
  if (now.ok && now.setAside) return { ok: false, setAside: now.setAside };
  return runs.write(SAVED_KEY, run);
}

/**
 * The saved run (`null` when none); a stored value that is not a run comes back as a set-aside part with its reasons,
 * left in storage as it is; a storage failure comes back classified.
 */
export async function readSavedRun(runs = runsStorage()): Promise<SavedRunRead> {
  const read = await runs.read(SAVED_KEY);
  if (!read.ok) return read;
  if (read.value === null) return { ok: true, run: null };
  const parsed = describeSchemaIssues(SavedRunSchema, read.value);
  if (parsed.success) return { ok: true, run: read.value as SavedRun };
  return {
    ok: true, run: null,
    setAside: {
      key: 'saved-run', kind: 'saved-run', id: '', raw: [read.value],
      reasons: parsed.issues.map((i) => diagnostic('run/unreadable', 'error', i.path, { vi: i.vi, en: i.en })),
    },
  };
}

/** Removes the saved run (after the page exported it). */
export function dropSavedRun(runs = runsStorage()): Promise<WriteDone> {
  return runs.remove(SAVED_KEY);
}

type Doc = { subject?: unknown; revision?: unknown; revisions?: unknown };
type Renames = Readonly<Record<string, string>>;
const revisionOf = (doc: Doc) => (typeof doc.revision === 'number' ? doc.revision : 1);
const revisionsOf = (doc: Doc) => (Array.isArray(doc.revisions) ? doc.revisions as Array<{ revision: number; renamedStates?: Renames }> : []);
const docForRename = (doc: Doc) => ({ revision: revisionOf(doc), revisions: revisionsOf(doc) }) as Parameters<typeof renamedState>[0];

/** The renames recorded so far in revision `revision` of `doc` (to store with a run saved now). */
export function renamesOf(doc: Doc, revision: number): Record<string, string> {
  return { ...revisionsOf(doc).find((r) => r.revision === revision)?.renamedStates };
}

/**
 * Where state `state`, as named when the run was saved, is now. The editor keeps adding renames to one open
 * revision, so renames made after the save may sit in the very revision the run was saved in: the state is first
 * taken back to its name at the start of that revision (with the renames stored at save time), then forward
 * through the revision's renames as they are now, then through the later revisions.
 */
function followed(doc: Doc, revision: number, atSave: Renames | undefined, state: string): string {
  const original = atSave ? Object.keys(atSave).find((k) => atSave[k] === state) ?? state : state;
  const now = renamesOf(doc, revision);
  const endOfRevision = atSave ? (Object.hasOwn(now, original) ? now[original]! : original) : state;
  return renamedState(docForRename(doc), revision, endOfRevision);
}

/**
 * Where the saved run stands in `stateId` of the lifecycle `doc` (class or learner): the class itself, or how many
 * of its learners. States are followed through the renames made since the run was saved.
 */
export function savedRunIn(saved: SavedRun, doc: Doc, stateId: string): { classHere: boolean; learnersHere: number } {
  return doc.subject === 'learner'
    ? { classHere: false, learnersHere: savedLearners(saved, doc).filter((l) => l.state === stateId).length }
    : { classHere: savedClassState(saved, doc) === stateId, learnersHere: 0 };
}

/** The saved state of the class, followed through renames made since (for comparing a resumed run with it). */
export function savedClassState(saved: SavedRun, classDoc: Doc): string {
  return followed(classDoc, saved.revisions?.class ?? revisionOf(classDoc), saved.renames?.class, saved.state);
}

/** The saved learners' states, followed through renames made since. */
export function savedLearners(saved: SavedRun, learnerDoc: Doc): Array<{ id: string; state: string }> {
  const revision = saved.revisions?.learner ?? revisionOf(learnerDoc);
  return saved.learners.map((l) => ({ id: l.id, state: followed(learnerDoc, revision, saved.renames?.learner, l.state) }));
}
