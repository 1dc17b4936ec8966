/**
 * A small key-value store of the editor beside the workspaces (the saved class run, …), through localforage like
 * them, with the same failure classification (quota, unavailable — private mode or blocked —, unknown): methods never
 * throw for storage failures and never hand a browser's raw message to the page.
 */
import localforage from 'localforage';
import type { KeyValueStore } from './createWorkspaceStorage.ts';
import { classifyStorageError, type StorageError } from './storageError.ts';

export type ReadResult = { ok: true; value: unknown } | { ok: false; error: StorageError };
export type WriteDone = { ok: true } | { ok: false; error: StorageError };

export interface KeyValueStorage {
  /** The stored value (`null` when absent), as stored; checking it is the caller's. */
  read(key: string): Promise<ReadResult>;
  write(key: string, value: unknown): Promise<WriteDone>;
  remove(key: string): Promise<WriteDone>;
}

export interface ErasableKeyValueStore extends KeyValueStore {
  removeItem(key: string): Promise<unknown>;
}

/** Store `storeName` of the editor's database (`llct-studio`), or any store with localforage's semantics. */
export function createKeyValueStorage(storeName: string, store?: ErasableKeyValueStore): KeyValueStorage {
  let backing = store;
  const open = (): ErasableKeyValueStore => (backing ??= localforage.createInstance({ name: 'llct-studio', storeName }));
  return {
    async read(key) {
      try {
        const value = await open().getItem(key);
        return { ok: true, value: value ?? null };
      } catch (cause) {
        return { ok: false, error: classifyStorageError(cause) };
      }
    },
    async write(key, value) {
      try {
        await open().setItem(key, value);
        return { ok: true };
      } catch (cause) {
        return { ok: false, error: classifyStorageError(cause) };
      }
    },
    async remove(key) {
      try {
        await open().removeItem(key);
        return { ok: true };
      } catch (cause) {
        return { ok: false, error: classifyStorageError(cause) };
      }
    },
  };
}
