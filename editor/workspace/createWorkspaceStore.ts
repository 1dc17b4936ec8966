/**
 * The workspace store: records, one `apply()` for every change, undo/redo from the recorded diffs, and listeners.
 * No React here: the editor subscribes to it, tests drive it directly (like tldraw's TestEditor).
 */
import type { Label } from '../../engine/documents/enums.ts';
import { createHistory, invertDiff, type Diff, type History, type HistoryScope } from './createHistory.ts';
import { describeStep } from './describeStep.ts';
import { documentsOfDiff, lookupIn } from './historyDocuments.ts';
import type { RecordId, Records, WorkspaceRecord } from './records.ts';
import type { IdSource } from './rulesetRecords.ts';
import { recordProblems } from './recordProblems.ts';
import { withNextRevisions } from './nextRevision.ts';

/** What a command does to the records: ids to remove, then records to put (create or replace). */
export interface Change {
  put?: readonly WorkspaceRecord[];
  remove?: readonly RecordId[];
}

export interface CommandContext {
  ids: IdSource;
  /** ISO date-time now (injected clock). */
  now: () => string;
}

/** A change request. `run` is pure: it reads the records and says what changes, or refuses with a reason. */
export interface Command {
  /** Stable name, e.g. `cond/update` (for tests, menus and logs). */
  type: string;
  label: Label;
  /** Same key as the previous change within the merge window: one history entry (typing, nudging). */
  mergeKey?: string;
  run(records: Records, ctx: CommandContext): Change | { refused: Label };
}

export type ApplyResult = { ok: true; diff: Diff } | { ok: false; reason: Label };

export type ChangeSource = 'apply' | 'undo' | 'redo' | 'replace';

export interface StoreChange {
  records: Records;
  diff: Diff;
  source: ChangeSource;
  revision: number;
}

export interface WorkspaceStore {
  records(): Records;
  /** Increases with every change (apply, undo, redo, replace). */
  revision(): number;
  apply(command: Command): ApplyResult;
  /** Undoes the newest step of the scope's documents (of any document without a scope); false when there is none. */
  undo(scope?: HistoryScope): boolean;
  redo(scope?: HistoryScope): boolean;
  canUndo(scope?: HistoryScope): boolean;
  canRedo(scope?: HistoryScope): boolean;
  history: Pick<History, 'undoLabels' | 'stopMerging' | 'stacks' | 'restore' | 'peekUndo' | 'peekRedo' | 'latestUndo' | 'latestRedo'>;
  /** Replaces every record (load, import of a whole workspace) and clears the history. */
  replaceAll(records: Iterable<WorkspaceRecord>): void;
  subscribe(listener: (change: StoreChange) => void): () => void;
}

export interface StoreOptions {
  ids: IdSource;
  now?: () => string;
  /** Milliseconds for the merge window (injected for tests). */
  clockMs?: () => number;
  mergeWindowMs?: number;
}

/** Why one of `put` could not be stored and read back (see recordProblems.ts), or undefined when all can. */
function unstorableReason(put: readonly WorkspaceRecord[]): Label | undefined {
  for (const r of put) {
    const problem = recordProblems(r)[0];
    if (problem) return { vi: `Không nhận giá trị này: ${problem.message}`, en: `This value is not accepted: ${problem.messageEn}` };
  }
  return undefined;
}

export function createWorkspaceStore(initial: Iterable<WorkspaceRecord>, options: StoreOptions): WorkspaceStore {
  let records: Records = new Map([...initial].map((r) => [r.id, r]));
  let revision = 0;
  const history = createHistory({ mergeWindowMs: options.mergeWindowMs });
  const listeners = new Set<(change: StoreChange) => void>();
  const ctx: CommandContext = { ids: options.ids, now: options.now ?? (() => new Date().toISOString()) };
  const clockMs = options.clockMs ?? (() => performance.now());

  function commit(diff: Diff, source: ChangeSource): void {
    const next = new Map(records);
    for (const [id, [, after]] of diff) {
      if (after === undefined) next.delete(id);
      else next.set(id, after);
    }
    records = next;
    revision++;
    const change: StoreChange = { records, diff, source, revision };
    for (const l of [...listeners]) l(change);
  }

  return {
    records: () => records,
    revision: () => revision,
    apply(command) {
      const ran = command.run(records, ctx);
      if ('refused' in ran) return { ok: false, reason: ran.refused };
      // The first edit of a published document opens its next revision, in the same step (nextRevision.ts).
      const result = withNextRevisions(records, ran);
      // What is stored must read back: a record the loader would set aside is refused here, at once, with its reason.
      const unstorable = unstorableReason(result.put ?? []);
      if (unstorable) return { ok: false, reason: unstorable };
      const diff = new Map<RecordId, readonly [WorkspaceRecord | undefined, WorkspaceRecord | undefined]>();
      // Removals first: a record both removed and put (a ruleset replaced by a version) ends up put.
      for (const id of result.remove ?? []) {
        const before = records.get(id);
        if (before !== undefined) diff.set(id, [before, undefined]);
      }
      for (const r of result.put ?? []) diff.set(r.id, [records.get(r.id), r]);
      for (const [id, [before, after]] of diff) if (before === after) diff.delete(id);
      if (diff.size === 0) return { ok: true, diff };
      history.push({
        label: describeStep(command.label, diff, records), documents: documentsOfDiff(diff, lookupIn(records)),
        diff, mergeKey: command.mergeKey, at: clockMs(),
      });
      commit(diff, 'apply');
      return { ok: true, diff };
    },
    undo(scope) {
      const e = history.undo(scope);
      if (!e) return false;
      commit(invertDiff(e.diff), 'undo');
      return true;
    },
    redo(scope) {
      const e = history.redo(scope);
      if (!e) return false;
      commit(e.diff, 'redo');
      return true;
    },
    canUndo: (scope) => history.canUndo(scope),
    canRedo: (scope) => history.canRedo(scope),
    history,
    replaceAll(next) {
      const fresh = new Map([...next].map((r) => [r.id, r]));
      const diff = new Map<RecordId, readonly [WorkspaceRecord | undefined, WorkspaceRecord | undefined]>();
      for (const [id, r] of records) if (fresh.get(id) !== r) diff.set(id, [r, fresh.get(id)]);
      for (const [id, r] of fresh) if (!records.has(id)) diff.set(id, [undefined, r]);
      history.clear();
      commit(diff, 'replace');
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => { listeners.delete(listener); };
    },
  };
}
