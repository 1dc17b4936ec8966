import { useEffect } from 'react';
import type { WorkspaceStore } from '../workspace/createWorkspaceStore.ts';

/**
 * Ctrl+Z undoes, Ctrl+Shift+Z and Ctrl+Y redo (⌘ on macOS) on the workspace store, while the page is `active` (the
 * tab shown): inputs show the store's values, so the keys undo the store even with the focus in a field.
 */
export function useUndoShortcuts(store: Pick<WorkspaceStore, 'undo' | 'redo'>, active: boolean): void {
  useEffect(() => {
    if (!active) return undefined;
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey)) return;
      const key = e.key.toLowerCase();
      if (key === 'z') { e.preventDefault(); if (e.shiftKey) store.redo(); else store.undo(); } else if (key === 'y') { e.preventDefault(); store.redo(); }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [store, active]);
}
