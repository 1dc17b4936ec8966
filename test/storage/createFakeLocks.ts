import type { LockManagerLike } from '../../editor/storage/withWorkspaceLock.ts';

/** Exclusive named locks shared by the simulated tabs that receive this object, granted in request order. */
export function createFakeLocks(): LockManagerLike & { requested: string[] } {
  const tails = new Map<string, Promise<void>>();
  const requested: string[] = [];
  return {
    requested,
    request<T>(name: string, callback: () => Promise<T>): Promise<T> {
      requested.push(name);
      const run = (tails.get(name) ?? Promise.resolve()).then(callback);
      tails.set(name, run.then(() => undefined, () => undefined));
      return run;
    },
  };
}
