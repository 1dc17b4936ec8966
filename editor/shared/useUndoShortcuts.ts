import { useEffect } from 'react';
import type { HistoryScope } from '../workspace/createHistory.ts';
import type { WorkspaceStore } from '../workspace/createWorkspaceStore.ts';

/**
 * Ctrl+Z undoes, Ctrl+Shift+Z and Ctrl+Y redo (⌘ on macOS) on the workspace store, while the page is `active` (the
 * tab shown): inputs show the store's values, so the keys undo the store even with the focus in a field. Only the
 * steps of the documents in `scope` (those the page shows) are undone or redone: never a change out of sight.
 */
export function useUndoShortcuts(store: Pick<WorkspaceStore, 'undo' | 'redo'>, active: boolean, scope: HistoryScope): void {
  useEffect(() => {
    if (!active) return undefined;
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey)) return;
      const key = e.key.toLowerCase();
      if (key === 'z') { e.preventDefault(); if (e.shiftKey) store.redo(scope); else store.undo(scope); } else if (key === 'y') { e.preventDefault(); store.redo(scope); }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [store, active, scope]);
}
