import { createWorkspaceStorage, type WorkspaceStorageOptions, type KeyValueStore } from '../../editor/storage/createWorkspaceStorage.ts';
import { createFakeLocks } from './createFakeLocks.ts';
import { createMemoryChannels } from './createMemoryChannels.ts';

/** A clock that reads one second later on every call, from 2024-03-01T08:00:00Z. */
export function createTickingClock() {
  let seconds = 0;
  return () => new Date(Date.UTC(2024, 2, 1, 8, 0, seconds++)).toISOString();
}

/** Two simulated tabs of one browser over the same store: shared channel, shared locks, shared clock. */
export function createTwoTabs(store: KeyValueStore, extra: Partial<WorkspaceStorageOptions> = {}) {
  const channels = createMemoryChannels();
  const locks = createFakeLocks();
  const now = createTickingClock();
  const tab = (tabId: string) => createWorkspaceStorage({ store, tabId, now, createChannel: channels.factory, locks, ...extra });
  return { a: tab('tab-a'), b: tab('tab-b'), channels, locks };
}
