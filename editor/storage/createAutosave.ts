import type { Conflict, LoadResult, SaveResult, WorkspaceStorage } from './createWorkspaceStorage.ts';
import type { StorageError } from './storageError.ts';
import type { EnvelopeMeta } from './storedEnvelope.ts';

export type AutosaveState = 'saved' | 'pending' | 'saving' | 'conflict' | 'error';

/**
 * Where autosave stands. `revision` is the one this tab holds (absent before the workspace was loaded or saved);
 * `conflict` comes with state `conflict`, `error` with state `error`.
 */
export interface AutosaveStatus {
  state: AutosaveState;
  revision?: number;
  conflict?: Conflict;
  error?: StorageError;
}

/** Runs `fn` once after `ms` milliseconds; the returned function cancels it if it has not run yet. */
export type Schedule = (fn: () => void, ms: number) => () => void;

export interface AutosaveOptions {
  /** The tab's storage; load the workspace through it first, or the first save is refused as a conflict. */
  storage: WorkspaceStorage;
  id: string;
  /** Quiet time after the last change before writing, in milliseconds. */
  delayMs: number;
  /** Default: `setTimeout`/`clearTimeout`. */
  schedule?: Schedule;
}

/**
 * Debounced autosave of one workspace. After a conflict or an error it stops writing, keeps the latest document
 * in memory and waits for the user: `overwrite` ("keep mine"), `adopt` ("load theirs") or, after an error, `retry`.
 * A save announced by another tab with a newer revision is a conflict at once, before this tab tries to write.
 */
export interface Autosave {
  /** Records the workspace after a change; only the latest document is kept and written. */
  notify(doc: unknown): void;
  /** Writes a pending change now (for `pagehide`/`visibilitychange`) and resolves once nothing is in flight. */
  flush(): Promise<AutosaveStatus>;
  /** Calls `listener` with the current status, then with every change. Returns the unsubscribe function. */
  subscribe(listener: (status: AutosaveStatus) => void): () => void;
  status(): AutosaveStatus;
  /** Whether a notified document has not been written yet. An idle stale tab can `adopt` without asking. */
  hasUnsavedChanges(): boolean;
  /** Writes `doc` (default: the latest notified) over whatever is stored, then autosaves again. */
  overwrite(doc?: unknown): Promise<AutosaveStatus>;
  /** Drops the document kept in memory and takes the stored one; the caller shows `envelope.doc` on success. */
  adopt(): Promise<LoadResult>;
  /** After an error: tries an ordinary save of the kept document and autosaves again if it succeeds. */
  retry(): Promise<AutosaveStatus>;
  /** Cancels the timer and stops listening; does not flush. */
  dispose(): void;
}

const defaultSchedule: Schedule = (fn, ms) => {
  const handle = setTimeout(fn, ms);
  return () => clearTimeout(handle);
};

/** Creates the autosave of workspace `id`. See {@link Autosave} for the contract. */
export function createAutosave({ storage, id, delayMs, schedule = defaultSchedule }: AutosaveOptions): Autosave {
  let latest: { doc: unknown } | null = null;
  let dirty = false;
  let writing = false;
  let halted = false;
  let disposed = false;
  let theirs: EnvelopeMeta | null = null;
  let cancelTimer: (() => void) | null = null;
  let tail: Promise<void> = Promise.resolve();
  const listeners = new Set<(status: AutosaveStatus) => void>();
  let current: AutosaveStatus = at('saved');

  function at(state: AutosaveState, extra: Omit<AutosaveStatus, 'state' | 'revision'> = {}): AutosaveStatus {
    const revision = storage.heldRevision(id);
    return revision === undefined ? { state, ...extra } : { state, revision, ...extra };
  }

  function set(next: AutosaveStatus): void {
    current = next;
    for (const listener of [...listeners]) listener(next);
  }

  function enqueue(task: () => Promise<void>): Promise<void> {
    const run = tail.then(task);
    tail = run.catch(() => undefined);
    return run;
  }

  function cancel(): void {
    cancelTimer?.();
    cancelTimer = null;
  }

  function arm(): void {
    cancel();
    cancelTimer = schedule(() => {
      cancelTimer = null;
      void enqueue(() => write('save'));
    }, delayMs);
  }

  function halt(status: AutosaveStatus): void {
    halted = true;
    cancel();
    set(status);
  }

  function haltIfStale(): boolean {
    if (halted || !theirs || theirs.revision <= (storage.heldRevision(id) ?? 0)) return false;
    halt(at('conflict', { conflict: { theirs } }));
    return true;
  }

  async function write(mode: 'save' | 'overwrite'): Promise<void> {
    if (disposed || !latest || (mode === 'save' && (halted || !dirty))) return;
    const { doc } = latest;
    dirty = false;
    writing = true;
    set(at('saving'));
    let result: SaveResult;
    try {
      result = mode === 'save' ? await storage.save(id, doc) : await storage.overwrite(id, doc);
    } finally {
      writing = false;
    }
    if (disposed) return;
    if (!result.ok) {
      dirty = true;
      halt(at('conflict' in result ? 'conflict' : 'error', 'conflict' in result ? { conflict: result.conflict } : { error: result.error }));
      return;
    }
    halted = false;
    if (haltIfStale()) return;
    set(at(dirty ? 'pending' : 'saved'));
    if (dirty && !cancelTimer) arm();
  }

  const unsubscribe = storage.subscribe((message) => {
    if (message.id !== id) return;
    if (!theirs || message.revision > theirs.revision) {
      theirs = { revision: message.revision, savedAt: message.savedAt, savedBy: message.tab };
    }
    if (!writing) haltIfStale();
  });

  return {
    notify(doc) {
      if (disposed) return;
      latest = { doc };
      dirty = true;
      if (halted) return;
      if (!writing && current.state !== 'pending') set(at('pending'));
      arm();
    },
    async flush() {
      cancel();
      await enqueue(() => write('save'));
      return current;
    },
    subscribe(listener) {
      listeners.add(listener);
      listener(current);
      return () => listeners.delete(listener);
    },
    status: () => current,
    hasUnsavedChanges: () => dirty,
    async overwrite(...args: [doc?: unknown]) {
      if (args.length > 0) {
        latest = { doc: args[0] };
        dirty = true;
      }
      if (!latest) return current;
      cancel();
      await enqueue(() => write('overwrite'));
      return current;
    },
    async adopt() {
      cancel();
      let result: LoadResult = { ok: true, envelope: null };
      await enqueue(async () => {
        result = await storage.adopt(id);
        if (disposed) return;
        if (!result.ok) {
          halt(at('error', { error: result.error }));
          return;
        }
        latest = null;
        dirty = false;
        halted = false;
        theirs = null;
        set(at('saved'));
      });
      return result;
    },
    async retry() {
      cancel();
      await enqueue(async () => {
        halted = false;
        await write('save');
      });
      return current;
    },
    dispose() {
      disposed = true;
      cancel();
      unsubscribe();
      listeners.clear();
    },
  };
}
