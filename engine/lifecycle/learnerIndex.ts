/**
 * Finding a learner by id and telling which learners an event moved, without going through every learner of the
 * class on every event (a class of 20,000 nominations used to take time in the square of its size).
 *
 * Learner lists are immutable arrays: an action derives a new list from the old one (append, replace one, map all).
 * Two weakly held caches follow that lineage:
 * - an id → position map shared by a list and the lists derived from it. Positions never move along a lineage
 *   (lists only grow at the end; a replaced or mapped learner keeps its id and place), so an entry is checked
 *   against the list it is read for and a stale one (from another branch, after an undo) falls back to a scan;
 * - for each derived list, the list it came from and the positions that changed, so `learnerChanges` looks only
 *   at those.
 * Both are caches keyed by the arrays themselves: they hold no state a simulation must reset and change no result.
 *
 * Copying a list of n learners to add one makes n nominations cost n² (and as much garbage). A caller that gives up
 * the list it holds (a replay, which never reads an earlier snapshot again) releases it with `releaseLearners`: until
 * `settleLearners`, appends and replacements then happen in place, with the previous states journalled so that
 * `learnerChanges` still reports them.
 */
import type { LearnerRecord } from './context.ts';

type Learners = readonly LearnerRecord[];

const positions = new WeakMap<Learners, Map<string, number>>();
// Keyed by the older list, so that a list never keeps its predecessors alive (a class of n learners would hold
// every earlier list: memory in n²). A list derived twice (another branch, after an undo) keeps the last one.
const derivations = new WeakMap<Learners, { to: Learners; changed: readonly number[] | 'all' }>();

const released = new WeakMap<Learners, Map<number, string | null>>();

/**
 * Lets `learners` change in place until `settleLearners`: the caller promises that nothing reads it (nor a snapshot
 * holding it) as it was. Each position changed keeps its previous state (null: appended) for `learnerChanges`.
 */
export function releaseLearners(learners: Learners): void {
  released.set(learners, new Map());
}

/** Ends `releaseLearners`: later derivations copy again. */
export function settleLearners(learners: Learners): void {
  released.delete(learners);
}

function positionsOf(learners: Learners): Map<string, number> {
  let map = positions.get(learners);
  if (!map) {
    map = new Map();
    for (let i = 0; i < learners.length; i++) {
      const id = learners[i]!.context.id;
      if (!map.has(id)) map.set(id, i);
    }
    positions.set(learners, map);
  }
  return map;
}

/** Position of the first learner with `id` in `learners`, or -1. */
export function findLearner(learners: Learners, id: string): number {
  const i = positionsOf(learners).get(id);
  if (i === undefined) return -1;
  if (i < learners.length && learners[i]!.context.id === id) return i;
  // The shared map was written by another branch of the lineage: this list is read as it is.
  return learners.findIndex((l) => l.context.id === id);
}

/** `learners` with `record` appended (its id must not be in the list: see `findLearner`). */
export function appendLearner(learners: Learners, record: LearnerRecord): LearnerRecord[] {
  const map = positionsOf(learners);
  if (!map.has(record.context.id)) map.set(record.context.id, learners.length);
  const journal = released.get(learners);
  if (journal) {
    journal.set(learners.length, null);
    (learners as LearnerRecord[]).push(record);
    return learners as LearnerRecord[];
  }
  const next = [...learners, record];
  positions.set(next, map);
  derivations.set(learners, { to: next, changed: [learners.length] });
  return next;
}

/** `learners` with the record at `index` replaced by one with the same id. */
export function replaceLearner(learners: Learners, index: number, record: LearnerRecord): LearnerRecord[] {
  const journal = released.get(learners);
  if (journal) {
    if (!journal.has(index)) journal.set(index, learners[index]!.state);
    (learners as LearnerRecord[])[index] = record;
    return learners as LearnerRecord[];
  }
  const next = [...learners];
  next[index] = record;
  const map = positions.get(learners);
  if (map) positions.set(next, map);
  derivations.set(learners, { to: next, changed: [index] });
  return next;
}

/** `learners` with every record passed through `step` (which keeps ids). */
export function mapLearners(learners: Learners, step: (l: LearnerRecord) => LearnerRecord): LearnerRecord[] {
  const next = learners.map(step);
  const map = positions.get(learners);
  if (map) positions.set(next, map);
  derivations.set(learners, { to: next, changed: 'all' });
  return next;
}

export interface LearnerChange { id: string; from: string | null; to: string }

/**
 * The learners whose state differs between two lists of one class (a new learner comes `from: null`), in list
 * order. `before` may have changed in place since `releaseLearners`: its journal gives the states it had.
 */
export function learnerChanges(before: Learners, after: Learners): LearnerChange[] {
  const journal = released.get(before);
  const previous = (id: string): string | null => {
    const j = findLearner(before, id);
    if (j < 0) return null;
    const journalled = journal?.get(j);
    return journalled !== undefined ? journalled : before[j]!.state;
  };
  const derived = before === after ? [] : changedPositions(before, after);
  if (derived === undefined) {
    return after.filter((l) => previous(l.context.id) !== l.state).map((l) => ({ id: l.context.id, from: previous(l.context.id), to: l.state }));
  }
  const changed = journal && journal.size > 0 ? [...new Set([...journal.keys(), ...derived])].sort((a, b) => a - b) : derived;
  const out: LearnerChange[] = [];
  for (const i of changed) {
    const l = after[i];
    if (!l) continue;
    const from = previous(l.context.id);
    if (from !== l.state) out.push({ id: l.context.id, from, to: l.state });
  }
  return out;
}

/** Positions that may differ, in increasing order, when `after` derives from `before` in a few steps. */
function changedPositions(before: Learners, after: Learners): number[] | undefined {
  const found = new Set<number>();
  let cur: Learners = before;
  for (let steps = 0; steps < 16 && cur !== after; steps++) {
    const d = derivations.get(cur);
    if (!d || d.changed === 'all') return undefined;
    for (const i of d.changed) found.add(i);
    cur = d.to;
  }
  return cur === after ? [...found].sort((a, b) => a - b) : undefined;
}
