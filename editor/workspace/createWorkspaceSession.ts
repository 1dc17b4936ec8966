/**
 * One tab's working session on a workspace: the store, restored from the browser's storage (or the default
 * workspace the first time), autosaved after every change, and kept safe from other tabs. No React: the page
 * subscribes to it, and tests drive two sessions over one storage as two tabs.
 *
 * What never happens: a stored workspace that does not read is never overwritten without the user's word; a save
 * from a tab whose copy is out of date is refused (the other tab's work stays) and the user chooses; an idle tab
 * whose copy is out of date takes the newer one quietly, since it has nothing to lose.
 */
import type { Diagnostic } from '../../engine/diagnostics/Diagnostic.ts';
import { createAutosave, type Autosave, type AutosaveStatus, type Schedule } from '../storage/createAutosave.ts';
import type { WorkspaceStorage } from '../storage/createWorkspaceStorage.ts';
import type { StorageError } from '../storage/storageError.ts';
import { createDefaultWorkspace } from './createDefaultWorkspace.ts';
import { createWorkspaceStore, type WorkspaceStore } from './createWorkspaceStore.ts';
import type { IdSource } from './rulesetRecords.ts';
import { persistHistory, restoreHistory } from './persistedHistory.ts';
import { loadWorkspaceDocument, toWorkspaceDocument, type WorkspaceDocument } from './workspaceDocument.ts';

/** What is stored for a workspace: the workspace document and the undo history beside it. */
interface StoredSession { workspace: unknown; history?: unknown }

function storedParts(doc: unknown): StoredSession {
  return typeof doc === 'object' && doc !== null && !Array.isArray(doc) && Object.hasOwn(doc, 'workspace')
    ? doc as StoredSession
    : { workspace: doc };
}

export const DEFAULT_WORKSPACE_ID = 'default';

export type SessionNotice =
  | { kind: 'adopted' }
  | { kind: 'stored-unreadable'; diagnostics: Diagnostic[] }
  | { kind: 'load-failed'; error: StorageError };

export interface WorkspaceSession {
  store: WorkspaceStore;
  name: () => string;
  autosave: Autosave;
  /** Whether autosave is held back because the stored workspace did not read (until `overwriteStored`). */
  blocked: () => boolean;
  /** The workspace as exported (the stored copy also carries the undo history). */
  document(): WorkspaceDocument;
  /** Replaces the whole workspace by an imported one (history cleared) and saves it. */
  replace(doc: WorkspaceDocument): void;
  /** "Load theirs": takes the stored workspace of the other tab. False when it could not be read. */
  adoptTheirs(): Promise<boolean>;
  /** "Keep mine": writes this tab's workspace over the stored one (a conflict, or an unreadable stored one). */
  keepMine(): Promise<AutosaveStatus>;
  subscribeNotices(listener: (n: SessionNotice) => void): () => void;
  /** Notices raised while starting (shown once the page is up). */
  startupNotices: readonly SessionNotice[];
  dispose(): void;
}

export interface SessionOptions {
  storage: WorkspaceStorage;
  id?: string;
  delayMs?: number;
  schedule?: Schedule;
  ids: IdSource;
  now?: () => string;
  clockMs?: () => number;
}

export async function createWorkspaceSession(options: SessionOptions): Promise<WorkspaceSession> {
  const id = options.id ?? DEFAULT_WORKSPACE_ID;
  const { storage } = options;
  const startupNotices: SessionNotice[] = [];
  let doc: WorkspaceDocument = createDefaultWorkspace();
  let blocked = false;
  let storedHistory: unknown;
  const loaded = await storage.load(id);
  if (!loaded.ok) startupNotices.push({ kind: 'load-failed', error: loaded.error });
  else if (loaded.record) {
    const parts = storedParts(loaded.record.doc);
    const read = loadWorkspaceDocument(parts.workspace);
    if (read.ok) { doc = read.document; storedHistory = parts.history; }
    else { blocked = true; startupNotices.push({ kind: 'stored-unreadable', diagnostics: read.diagnostics }); }
  }
  let name = doc.name;
  const store = createWorkspaceStore(doc.records, { ids: options.ids, now: options.now, clockMs: options.clockMs });
  const history = restoreHistory(storedHistory, store.records());
  if (history) store.history.restore(history);
  const autosave = createAutosave({ storage, id, delayMs: options.delayMs ?? 400, schedule: options.schedule });
  const listeners = new Set<(n: SessionNotice) => void>();
  const notify = (n: SessionNotice) => { for (const l of [...listeners]) l(n); };
  const documentNow = () => toWorkspaceDocument(name, store.records().values());
  const storedNow = (): StoredSession => ({ workspace: documentNow(), history: persistHistory(store.history.stacks()) });

  const unsubscribeStore = store.subscribe((change) => {
    if (change.source === 'replace' && adopting) return;
    if (!blocked) autosave.notify(storedNow());
  });

  let adopting = false;
  async function adoptTheirs(): Promise<boolean> {
    const result = await autosave.adopt();
    if (!result.ok || !result.record) return false;
    const parts = storedParts(result.record.doc);
    const read = loadWorkspaceDocument(parts.workspace);
    if (!read.ok) return false;
    adopting = true;
    try {
      name = read.document.name;
      store.replaceAll(read.document.records);
      const theirs = restoreHistory(parts.history, store.records());
      if (theirs) store.history.restore(theirs);
    } finally {
      adopting = false;
    }
    return true;
  }

  const unsubscribeStatus = autosave.subscribe((status) => {
    if (status.state === 'conflict' && !autosave.hasUnsavedChanges()) {
      void adoptTheirs().then((ok) => { if (ok) notify({ kind: 'adopted' }); });
    }
  });

  return {
    store,
    name: () => name,
    autosave,
    blocked: () => blocked,
    document: documentNow,
    replace(next) {
      name = next.name;
      store.replaceAll(next.records);
    },
    adoptTheirs,
    async keepMine() {
      blocked = false;
      return autosave.overwrite(storedNow());
    },
    subscribeNotices(listener) {
      listeners.add(listener);
      return () => { listeners.delete(listener); };
    },
    startupNotices,
    dispose() {
      unsubscribeStore();
      unsubscribeStatus();
      autosave.dispose();
    },
  };
}
