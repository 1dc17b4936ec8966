/** The workspace store's records as React state (re-renders on every change, undo and redo). */
import { useSyncExternalStore } from 'react';
import type { WorkspaceStore } from '../workspace/createWorkspaceStore.ts';
import type { Records } from '../workspace/records.ts';

export function useWorkspaceRecords(store: WorkspaceStore): Records {
  return useSyncExternalStore(store.subscribe, store.records, store.records);
}
