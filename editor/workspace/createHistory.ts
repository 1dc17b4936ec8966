/**
 * Undo/redo as recorded diffs (tldraw's HistoryManager): each entry holds, for every record a change touched, the
 * record before and after. Undo puts the "before" records back; redo puts the "after" ones. A command's inverse is
 * therefore exact by construction, whatever the command did.
 */
import type { Label } from '../../engine/documents/enums.ts';
import type { RecordId, WorkspaceRecord } from './records.ts';

/** For each touched record: [before, after]; `undefined` means absent (created or deleted). */
export type Diff = ReadonlyMap<RecordId, readonly [WorkspaceRecord | undefined, WorkspaceRecord | undefined]>;

export interface HistoryEntry {
  label: Label;
  diff: Diff;
  /** Consecutive changes with the same key (typing in one field) merge into one entry. */
  mergeKey?: string;
  /** Milliseconds from the injected clock, for the merge window. */
  at: number;
}

export interface History {
  push(entry: HistoryEntry): void;
  /** The entry to undo, moved to the redo stack; `undefined` when there is none. */
  undo(): HistoryEntry | undefined;
  redo(): HistoryEntry | undefined;
  canUndo(): boolean;
  canRedo(): boolean;
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

export function createHistory(options: { mergeWindowMs?: number; limit?: number } = {}): History {
  const mergeWindowMs = options.mergeWindowMs ?? 1500;
  const limit = options.limit ?? 10_000;
  let undoStack: HistoryEntry[] = [];
  let redoStack: HistoryEntry[] = [];
  let mergeOpen = true;

  return {
    push(entry) {
      redoStack = [];
      const top = undoStack[undoStack.length - 1];
      if (mergeOpen && top && entry.mergeKey !== undefined && top.mergeKey === entry.mergeKey && entry.at - top.at <= mergeWindowMs) {
        undoStack[undoStack.length - 1] = { ...top, diff: composeDiffs(top.diff, entry.diff), at: entry.at };
      } else {
        undoStack.push(entry);
        if (undoStack.length > limit) undoStack = undoStack.slice(undoStack.length - limit);
      }
      mergeOpen = true;
    },
    undo() {
      const e = undoStack.pop();
      if (e) redoStack.push(e);
      mergeOpen = false;
      return e;
    },
    redo() {
      const e = redoStack.pop();
      if (e) undoStack.push(e);
      mergeOpen = false;
      return e;
    },
    canUndo: () => undoStack.length > 0,
    canRedo: () => redoStack.length > 0,
    undoLabels: () => undoStack.map((e) => e.label),
    stopMerging() { mergeOpen = false; },
    clear() { undoStack = []; redoStack = []; mergeOpen = true; },
    stacks: () => ({ undo: undoStack, redo: redoStack }),
    restore(stacks) { undoStack = [...stacks.undo]; redoStack = [...stacks.redo]; mergeOpen = false; },
  };
}
