/**
 * One tab's working session on a workspace: the store, restored from the browser's storage (or the default
 * workspace the first time), autosaved after every change, and kept safe from other tabs. No React: the page
 * subscribes to it, and tests drive two sessions over one storage as two tabs.
 *
 * What never happens: a stored workspace that does not read is never overwritten without the user's word; a save
 * from a tab whose copy is out of date is refused (the other tab's work stays) and the user chooses; an idle tab
 * whose copy is out of date takes the newer one quietly, since it has nothing to lose.
 */
import { diagnostic, type Diagnostic } from '../../engine/diagnostics/Diagnostic.ts';
import { createAutosave, type Autosave, type AutosaveStatus, type Schedule } from '../storage/createAutosave.ts';
import type { WorkspaceStorage } from '../storage/createWorkspaceStorage.ts';
import type { StorageError } from '../storage/storageError.ts';
import { createDefaultWorkspace } from './createDefaultWorkspace.ts';
import { createWorkspaceStore, type WorkspaceStore } from './createWorkspaceStore.ts';
import type { IdSource } from './rulesetRecords.ts';
import { persistHistory, restoreHistory } from './persistedHistory.ts';
import { readWorkspace, type SetAsidePart, type WorkspaceRead } from './readWorkspace.ts';
import { setAsideHistory } from './setAsideHistory.ts';
import { toWorkspaceDocument, WORKSPACE_VERSION, type WorkspaceDocument } from './workspaceDocument.ts';
import type { ApplyResult } from './createWorkspaceStore.ts';

/** What is stored for a workspace: the workspace document and the undo history beside it. */
interface StoredSession { workspace: unknown; history?: unknown }

function storedParts(doc: unknown): StoredSession {
  return typeof doc === 'object' && doc !== null && !Array.isArray(doc) && Object.hasOwn(doc, 'workspace')
    ? doc as StoredSession
    : { workspace: doc };
}

export const DEFAULT_WORKSPACE_ID = 'default';

/**
 * A stored workspace in which no ruleset reads cannot be opened (every view needs one): it is then treated as
 * unreadable as a whole — the default workspace is shown and the stored one is not written until the user says so.
 */
function usableWorkspace(read: WorkspaceRead): WorkspaceRead {
  if (!read.ok || read.document.records.some((r) => r.type === 'ruleset')) return read;
  return { ok: false, diagnostics: [...read.setAside.flatMap((p) => p.reasons), diagnostic('workspace/no-ruleset', 'error', 'records', { vi: 'Không đọc được bộ quy tắc nào của không gian làm việc đã lưu.', en: 'No ruleset of the stored workspace reads.' })] };
}

export type SessionNotice =
  | { kind: 'adopted' }
  | { kind: 'stored-unreadable'; diagnostics: Diagnostic[]; stored: unknown }
  | { kind: 'load-failed'; error: StorageError }
  /**
   * The stored workspace was written in an older format and read into the current one (every part kept). An undo
   * history stored with it was recorded against the old records and cannot be replayed on the new ones: it is not
   * restored, and the next save writes the new history (`historyDropped`).
   */
  | { kind: 'upgraded'; from: number; to: number; historyDropped: boolean };

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
  /**
   * Parts of the stored workspace that did not read (a ruleset, a lifecycle, a layout…, the undo history), kept
   * verbatim in storage (every save writes them back as they were) until the user repairs or drops them.
   */
  setAside(): readonly SetAsidePart[];
  subscribeSetAside(listener: (parts: readonly SetAsidePart[]) => void): () => void;
  /** Puts a part's repaired records into the workspace (one undoable step) and stops keeping the part aside. */
  repairSetAside(key: string): ApplyResult;
  /** Stops keeping a part aside: the next save no longer writes it (the page exports it first). */
  dropSetAside(key: string): void;
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
  let aside: SetAsidePart[] = [];
  const loaded = await storage.load(id);
  if (!loaded.ok) startupNotices.push({ kind: 'load-failed', error: loaded.error });
  else if (loaded.envelope) {
    const parts = storedParts(loaded.envelope.doc);
    const read = usableWorkspace(readWorkspace(parts.workspace));
    if (read.ok) {
      doc = read.document; aside = read.setAside;
      if (read.migratedFrom === undefined) storedHistory = parts.history;
      else startupNotices.push({ kind: 'upgraded', from: read.migratedFrom, to: WORKSPACE_VERSION, historyDropped: parts.history !== undefined && parts.history !== null });
    }
    else { blocked = true; startupNotices.push({ kind: 'stored-unreadable', diagnostics: read.diagnostics, stored: loaded.envelope.doc }); }
  }
  let name = doc.name;
  const store = createWorkspaceStore(doc.records, { ids: options.ids, now: options.now, clockMs: options.clockMs });
  const history = restoreHistory(storedHistory, store.records());
  if (history) store.history.restore(history);
  else { const part = setAsideHistory(storedHistory); if (part) aside = [...aside, part]; }
  const asideListeners = new Set<(parts: readonly SetAsidePart[]) => void>();
  const setAsideParts = (next: SetAsidePart[]) => {
    aside = next;
    for (const l of [...asideListeners]) l(aside);
  };
  const autosave = createAutosave({ storage, id, delayMs: options.delayMs ?? 400, schedule: options.schedule });
  const listeners = new Set<(n: SessionNotice) => void>();
  const notify = (n: SessionNotice) => { for (const l of [...listeners]) l(n); };
  const documentNow = () => toWorkspaceDocument(name, store.records().values());
  /** What is written: the workspace with the set-aside records as they were read, and the history (or the set-aside one). */
  const storedNow = (): StoredSession => {
    const workspace = documentNow();
    const asideRecords = aside.filter((p) => p.kind !== 'history').flatMap((p) => p.raw);
    const asideHistory = aside.find((p) => p.kind === 'history');
    return {
      workspace: asideRecords.length === 0 ? workspace : { ...workspace, records: [...workspace.records, ...asideRecords] },
      history: asideHistory ? asideHistory.raw[0] : persistHistory(store.history.stacks()),
    };
  };

  const unsubscribeStore = store.subscribe((change) => {
    if (change.source === 'replace' && adopting) return;
    if (!blocked) autosave.notify(storedNow());
  });

  let adopting = false;
  async function adoptTheirs(): Promise<boolean> {
    const result = await autosave.adopt();
    if (!result.ok || !result.envelope) return false;
    const parts = storedParts(result.envelope.doc);
    const read = usableWorkspace(readWorkspace(parts.workspace));
    if (!read.ok) return false;
    adopting = true;
    try {
      name = read.document.name;
      store.replaceAll(read.document.records);
      const theirs = restoreHistory(parts.history, store.records());
      if (theirs) store.history.restore(theirs);
      const historyPart = theirs ? undefined : setAsideHistory(parts.history);
      setAsideParts(historyPart ? [...read.setAside, historyPart] : read.setAside);
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
    setAside: () => aside,
    subscribeSetAside(listener) {
      asideListeners.add(listener);
      return () => { asideListeners.delete(listener); };
    },
    repairSetAside(key) {
      const part = aside.find((p) => p.key === key);
      if (!part?.repair) return { ok: false, reason: { vi: 'Phần này không sửa tại chỗ được.', en: 'This part cannot be repaired in place.' } };
      const records = part.repair.records;
      // The part leaves the set-aside list first, so the save the store change triggers writes the repaired records only.
      setAsideParts(aside.filter((p) => p !== part));
      const result = store.apply({ type: 'workspace/repair', label: { vi: 'Sửa phần để riêng', en: 'Repair set-aside part' }, run: () => ({ put: records }) });
      if (!result.ok) setAsideParts([...aside, part]);
      return result;
    },
    dropSetAside(key) {
      if (!aside.some((p) => p.key === key)) return;
      setAsideParts(aside.filter((p) => p.key !== key));
      if (!blocked) autosave.notify(storedNow());
    },
    subscribeNotices(listener) {
      listeners.add(listener);
      return () => { listeners.delete(listener); };
    },
    startupNotices,
    dispose() {
      unsubscribeStore();
      unsubscribeStatus();
      asideListeners.clear();
      autosave.dispose();
    },
  };
}
