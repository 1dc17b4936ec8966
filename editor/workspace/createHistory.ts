/**
 * Undo/redo as recorded diffs (tldraw's HistoryManager): each entry holds, for every record a change touched, the
 * record before and after. Undo puts the "before" records back; redo puts the "after" ones. A command's inverse is
 * therefore exact by construction, whatever the command did.
 *
 * Each entry names the documents it touches, and undo/redo may be scoped to some documents (those a view shows, as
 * VS Code keeps one undo stack per file): the newest entry of the scope is undone even when newer entries on other
 * documents sit above it, provided none of them touched one of its records (then the remaining entries still replay
 * exactly, since entries on disjoint records commute). An entry that shares records with a newer one out of scope
 * is not undone there: it waits until that newer entry is undone in its own view.
 */
import type { Label } from '../../engine/documents/enums.ts';
import type { DocumentId } from './historyDocuments.ts';
import type { RecordId, WorkspaceRecord } from './records.ts';

/** The documents a view shows; `undefined` is the whole workspace. */
export type HistoryScope = ReadonlySet<DocumentId> | undefined;

/** For each touched record: [before, after]; `undefined` means absent (created or deleted). */
export type Diff = ReadonlyMap<RecordId, readonly [WorkspaceRecord | undefined, WorkspaceRecord | undefined]>;

export interface HistoryEntry {
  /** What the step did, in words ("Xoá điều kiện «…» trong tc350-ratings"). */
  label: Label;
  /** Head record ids of the documents the step touches (see historyDocuments.ts), sorted. */
  documents: readonly DocumentId[];
  diff: Diff;
  /** Consecutive changes with the same key (typing in one field) merge into one entry. */
  mergeKey?: string;
  /** Milliseconds from the injected clock, for the merge window. */
  at: number;
}

export interface History {
  push(entry: HistoryEntry): void;
  /** The entry to undo in the scope, moved to the redo stack; `undefined` when there is none. */
  undo(scope?: HistoryScope): HistoryEntry | undefined;
  redo(scope?: HistoryScope): HistoryEntry | undefined;
  /** The entry `undo(scope)` would undo, without undoing it. */
  peekUndo(scope?: HistoryScope): HistoryEntry | undefined;
  peekRedo(scope?: HistoryScope): HistoryEntry | undefined;
  /** The newest entry of the whole history (whatever its documents), to say where it is when a scope has none. */
  latestUndo(): HistoryEntry | undefined;
  latestRedo(): HistoryEntry | undefined;
  canUndo(scope?: HistoryScope): boolean;
  canRedo(scope?: HistoryScope): boolean;
  /** Labels of the undo stack, newest last (for menus and tests). */
  undoLabels(): Label[];
  /** The next change starts a new entry even if it has the same merge key. */
  stopMerging(): void;
  clear(): void;
  /** Both stacks, oldest first (to persist them). */
  stacks(): { undo: readonly HistoryEntry[]; redo: readonly HistoryEntry[] };
  /** Puts persisted stacks back; the next change starts a new entry. */
  restore(stacks: { undo: readonly HistoryEntry[]; redo: readonly HistoryEntry[] }): void;
}

/** Merges two diffs applied one after the other: the first's "before", the second's "after". */
export function composeDiffs(first: Diff, second: Diff): Diff {
  const out = new Map(first);
  for (const [id, [before, after]] of second) {
    const prev = out.get(id);
    out.set(id, [prev ? prev[0] : before, after]);
  }
  return out;
}

export function invertDiff(diff: Diff): Diff {
  const out = new Map<RecordId, readonly [WorkspaceRecord | undefined, WorkspaceRecord | undefined]>();
  for (const [id, [before, after]] of diff) out.set(id, [after, before]);
  return out;
}

const inScope = (e: HistoryEntry, scope: HistoryScope) => scope === undefined || e.documents.some((d) => scope.has(d));
const sharesRecords = (a: HistoryEntry, b: HistoryEntry) => { for (const id of a.diff.keys()) if (b.diff.has(id)) return true; return false; };

/**
 * Index in `stack` (newest last) of the newest entry in scope, if no newer entry shares a record with it; else -1.
 */
function pick(stack: readonly HistoryEntry[], scope: HistoryScope): number {
  for (let i = stack.length - 1; i >= 0; i--) {
    const e = stack[i]!;
    if (!inScope(e, scope)) continue;
    for (let j = i + 1; j < stack.length; j++) if (sharesRecords(e, stack[j]!)) return -1;
    return i;
  }
  return -1;
}

const union = (a: readonly DocumentId[], b: readonly DocumentId[]) => [...new Set([...a, ...b])].sort();

export function createHistory(options: { mergeWindowMs?: number; limit?: number } = {}): History {
  const mergeWindowMs = options.mergeWindowMs ?? 1500;
  const limit = options.limit ?? 10_000;
  let undoStack: HistoryEntry[] = [];
  let redoStack: HistoryEntry[] = [];
  let mergeOpen = true;

  return {
    push(entry) {
      // A new step drops the redo entries of its documents or records, and those that rely on a dropped one (an
      // entry below shares records with it): what is left can still be redone exactly. Other documents keep theirs.
      const dropped: HistoryEntry[] = [entry];
      const kept: HistoryEntry[] = [];
      for (let i = redoStack.length - 1; i >= 0; i--) {
        const r = redoStack[i]!;
        if (r.documents.some((d) => entry.documents.includes(d)) || dropped.some((x) => sharesRecords(r, x))) dropped.push(r);
        else kept.unshift(r);
      }
      redoStack = kept;
      const top = undoStack[undoStack.length - 1];
      if (mergeOpen && top && entry.mergeKey !== undefined && top.mergeKey === entry.mergeKey && entry.at - top.at <= mergeWindowMs) {
        undoStack[undoStack.length - 1] = { ...top, documents: union(top.documents, entry.documents), diff: composeDiffs(top.diff, entry.diff), at: entry.at };
      } else {
        undoStack.push(entry);
        if (undoStack.length > limit) undoStack = undoStack.slice(undoStack.length - limit);
      }
      mergeOpen = true;
    },
    undo(scope) {
      const i = pick(undoStack, scope);
      if (i < 0) return undefined;
      const [e] = undoStack.splice(i, 1);
      redoStack.push(e!);
      mergeOpen = false;
      return e;
    },
    redo(scope) {
      const i = pick(redoStack, scope);
      if (i < 0) return undefined;
      const [e] = redoStack.splice(i, 1);
      undoStack.push(e!);
      mergeOpen = false;
      return e;
    },
    peekUndo: (scope) => undoStack[pick(undoStack, scope)],
    peekRedo: (scope) => redoStack[pick(redoStack, scope)],
    latestUndo: () => undoStack[undoStack.length - 1],
    latestRedo: () => redoStack[redoStack.length - 1],
    canUndo: (scope) => pick(undoStack, scope) >= 0,
    canRedo: (scope) => pick(redoStack, scope) >= 0,
    undoLabels: () => undoStack.map((e) => e.label),
    stopMerging() { mergeOpen = false; },
    clear() { undoStack = []; redoStack = []; mergeOpen = true; },
    stacks: () => ({ undo: undoStack, redo: redoStack }),
    restore(stacks) { undoStack = [...stacks.undo]; redoStack = [...stacks.redo]; mergeOpen = false; },
  };
}
