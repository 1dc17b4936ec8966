import localforage from 'localforage';
import { classifyStorageError, storageError, type StorageError } from './storageError.ts';
import { createTabId } from './createTabId.ts';
import { broadcastChannelFactory, isSavedMessage, WORKSPACE_CHANNEL_NAME, type ChannelFactory, type SavedMessage } from './workspaceChannel.ts';
import { browserLocks, withWorkspaceLock, type LockManagerLike } from './withWorkspaceLock.ts';
import { envelopeMeta, StoredEnvelopeSchema, type EnvelopeMeta, type StoredEnvelope } from './storedEnvelope.ts';

/** The localforage database and store that hold workspaces by default. */
export const WORKSPACE_STORE_CONFIG = { name: 'llct-studio', storeName: 'workspaces' } as const;

/** The part of a localforage instance this layer uses; any key-value store with these semantics will do. */
export interface KeyValueStore {
  /** Resolves to the stored value, or `null` when the key is absent. */
  getItem(key: string): Promise<unknown>;
  setItem(key: string, value: unknown): Promise<unknown>;
}

export interface WorkspaceStorageOptions {
  /** Default: `localforage.createInstance(WORKSPACE_STORE_CONFIG)`. */
  store?: KeyValueStore;
  /** Identifies this tab in envelopes and messages. Default: a random id per storage object. */
  tabId?: string;
  /** ISO 8601 timestamp for `savedAt`. Default: `new Date().toISOString()` (UTC). */
  now?: () => string;
  /** Default: {@link broadcastChannelFactory}. Return `null` for no cross-tab messages. */
  createChannel?: ChannelFactory;
  /** Default: `navigator.locks` when it exists. `null` runs without cross-tab locking. */
  locks?: LockManagerLike | null;
}

/** Another tab wrote the workspace since this tab last loaded or saved it; `theirs` is what is stored now. */
export interface Conflict {
  theirs: EnvelopeMeta;
}

export type LoadResult = { ok: true; envelope: StoredEnvelope | null } | { ok: false; error: StorageError };
export type WriteResult = { ok: true; saved: EnvelopeMeta } | { ok: false; error: StorageError };
export type SaveResult = WriteResult | { ok: false; conflict: Conflict };

/**
 * Per-tab access to stored workspaces with optimistic concurrency: every write carries a revision, and a tab may
 * only write on top of the revision it last loaded or saved. Methods never throw for storage failures; they return
 * them classified; passing `undefined` as a document is a bug and rejects. Calls for one workspace run one at a
 * time in call order.
 */
export interface WorkspaceStorage {
  readonly tabId: string;
  /** Reads workspace `id` (`envelope: null` when none is stored) and remembers its revision as the one this tab holds. */
  load(id: string): Promise<LoadResult>;
  /**
   * Writes `doc` as revision n + 1 if the stored revision is still n, the one this tab holds (0 when it has seen
   * none). Otherwise writes nothing and returns the conflict. A corrupt stored value is refused with a `corrupt`
   * error until the user chooses {@link WorkspaceStorage.overwrite}.
   */
  save(id: string, doc: unknown): Promise<SaveResult>;
  /** Writes `doc` over whatever is stored, corrupt or newer ("keep mine"), as the next revision. */
  overwrite(id: string, doc: unknown): Promise<WriteResult>;
  /** Takes the stored envelope and its revision as this tab's ("load theirs"); the same read as `load`. */
  adopt(id: string): Promise<LoadResult>;
  /** The revision this tab last loaded or wrote for `id` (0 for "none stored"), or `undefined` before any. */
  heldRevision(id: string): number | undefined;
  /** Delivers other tabs' saved-messages (never this tab's own). Returns the unsubscribe function. */
  subscribe(listener: (message: SavedMessage) => void): () => void;
  /** Stops listening to other tabs and closes the channel. Later writes still work but are not announced. */
  close(): void;
}

/** Creates the workspace storage of one tab. See {@link WorkspaceStorage} for the contract. */
export function createWorkspaceStorage(options: WorkspaceStorageOptions = {}): WorkspaceStorage {
  const store = options.store ?? localforage.createInstance(WORKSPACE_STORE_CONFIG);
  const tabId = options.tabId ?? createTabId();
  const now = options.now ?? (() => new Date().toISOString());
  const locks = options.locks === undefined ? browserLocks() : options.locks;
  const channel = (options.createChannel ?? broadcastChannelFactory)(WORKSPACE_CHANNEL_NAME);
  const held = new Map<string, number>();
  const queues = new Map<string, Promise<void>>();
  const listeners = new Set<(message: SavedMessage) => void>();
  let closed = false;

  const unlisten = channel?.listen((data) => {
    if (!isSavedMessage(data) || data.tab === tabId) return;
    for (const listener of [...listeners]) listener(data);
  });

  function serial<T>(id: string, task: () => Promise<T>): Promise<T> {
    const run = (queues.get(id) ?? Promise.resolve()).then(task);
    const settled = run.then(() => undefined, () => undefined);
    queues.set(id, settled);
    void settled.then(() => {
      if (queues.get(id) === settled) queues.delete(id);
    });
    return run;
  }

  async function read(id: string): Promise<LoadResult> {
    let value: unknown;
    try {
      value = await store.getItem(id);
    } catch (cause) {
      return { ok: false, error: classifyStorageError(cause) };
    }
    if (value === null || value === undefined) return { ok: true, envelope: null };
    const parsed = StoredEnvelopeSchema.safeParse(value);
    if (!parsed.success) return { ok: false, error: storageError('corrupt', { value, issues: parsed.error.issues }) };
    return { ok: true, envelope: parsed.data };
  }

  async function write(id: string, doc: unknown, revision: number): Promise<WriteResult> {
    if (doc === undefined) throw new TypeError(`Workspace "${id}": refusing to store an undefined document.`);
    const envelope: StoredEnvelope = { revision, savedAt: now(), savedBy: tabId, doc };
    try {
      await store.setItem(id, envelope);
    } catch (cause) {
      return { ok: false, error: classifyStorageError(cause) };
    }
    held.set(id, revision);
    if (!closed) channel?.post({ type: 'saved', id, revision, tab: tabId, savedAt: envelope.savedAt });
    return { ok: true, saved: envelopeMeta(envelope) };
  }

  function load(id: string): Promise<LoadResult> {
    return serial(id, async () => {
      const result = await read(id);
      if (result.ok) held.set(id, result.envelope?.revision ?? 0);
      return result;
    });
  }

  function save(id: string, doc: unknown): Promise<SaveResult> {
    return serial(id, () => withWorkspaceLock(locks, id, async (): Promise<SaveResult> => {
      const stored = await read(id);
      if (!stored.ok) return stored;
      const mine = held.get(id) ?? 0;
      if (stored.envelope && stored.envelope.revision !== mine) {
        return { ok: false, conflict: { theirs: envelopeMeta(stored.envelope) } };
      }
      return write(id, doc, (stored.envelope?.revision ?? mine) + 1);
    }));
  }

  function overwrite(id: string, doc: unknown): Promise<WriteResult> {
    return serial(id, () => withWorkspaceLock(locks, id, async (): Promise<WriteResult> => {
      const stored = await read(id);
      if (!stored.ok && stored.error.code !== 'corrupt') return stored;
      const base = stored.ok && stored.envelope ? stored.envelope.revision : held.get(id) ?? 0;
      return write(id, doc, base + 1);
    }));
  }

  return {
    tabId,
    load,
    save,
    overwrite,
    adopt: load,
    heldRevision: (id) => held.get(id),
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close() {
      if (closed) return;
      closed = true;
      listeners.clear();
      unlisten?.();
      channel?.close();
    },
  };
}
