import localforage from 'localforage';
import type { KeyValueStore } from '../../editor/storage/createWorkspaceStorage.ts';

let count = 0;

/** A fresh localforage instance over fake-indexeddb in a database of its own, so tests never share data. */
export function createTestStore(): LocalForage {
  count += 1;
  return localforage.createInstance({ name: `llct-studio-test-${count}`, storeName: `workspaces_${count}` });
}

/**
 * Wraps `store` so that while `failWith` is set, `setItem` throws it instead of writing (reads still work): a
 * full disk or a revoked permission in the middle of a session.
 */
export function createFailingStore(store: KeyValueStore) {
  const failing = {
    failWith: undefined as unknown,
    writes: 0,
    getItem: (key: string) => store.getItem(key),
    async setItem(key: string, value: unknown) {
      if (failing.failWith !== undefined) throw failing.failWith;
      failing.writes += 1;
      return store.setItem(key, value);
    },
  };
  return failing;
}
