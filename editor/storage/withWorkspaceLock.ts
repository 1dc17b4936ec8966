/** The part of the Web Locks API this layer uses (`navigator.locks`). */
export interface LockManagerLike {
  request<T>(name: string, callback: () => Promise<T>): Promise<T>;
}

/** The browser's lock manager, or `null` where Web Locks are missing (Safari before 15.4, non-secure contexts). */
export function browserLocks(): LockManagerLike | null {
  const nav = (globalThis as { navigator?: { locks?: LockManagerLike } }).navigator;
  return nav?.locks ?? null;
}

/** The lock name guarding one workspace's read-compare-write. */
export function workspaceLockName(id: string): string {
  return `llct-workspace-${id}`;
}

/**
 * Runs `task` holding the exclusive Web Lock for workspace `id`, so no other tab of this origin can run its own
 * read-compare-write of that workspace in between: localforage reads and writes in separate IndexedDB
 * transactions, and without the lock two tabs could both read revision n and both write n + 1, the later write
 * silently discarding the earlier. With `locks` null the task runs unguarded; the window is then the few
 * milliseconds between one tab's read and write, and the saved-message on the channel usually warns the other tab
 * before it tries.
 */
export function withWorkspaceLock<T>(locks: LockManagerLike | null, id: string, task: () => Promise<T>): Promise<T> {
  return locks ? locks.request(workspaceLockName(id), task) : task();
}
