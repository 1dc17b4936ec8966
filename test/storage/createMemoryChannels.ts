import type { ChannelFactory, SavedMessage, WorkspaceChannel } from '../../editor/storage/workspaceChannel.ts';

/**
 * An in-memory stand-in for `BroadcastChannel` between simulated tabs: every endpoint opened from `factory`
 * (by any tab) receives what every other endpoint of the same name posts, and so does the poster when `echo` is
 * set (as a second `BroadcastChannel` object in the same tab would). Delivery is synchronous; `sent` logs all posts.
 */
export function createMemoryChannels({ echo = false } = {}) {
  const endpoints = new Map<string, Set<(data: unknown) => void>>();
  const sent: SavedMessage[] = [];
  const factory: ChannelFactory = (name) => {
    const group = endpoints.get(name) ?? new Set();
    endpoints.set(name, group);
    const own = new Set<(data: unknown) => void>();
    const deliver = (data: unknown) => own.forEach((listener) => listener(structuredClone(data)));
    group.add(deliver);
    const channel: WorkspaceChannel = {
      post(message) {
        sent.push(message);
        group.forEach((endpoint) => { if (echo || endpoint !== deliver) endpoint(message); });
      },
      listen(listener) {
        own.add(listener);
        return () => own.delete(listener);
      },
      close: () => group.delete(deliver),
    };
    return channel;
  };
  return { factory, sent, inject: (name: string, data: unknown) => endpoints.get(name)?.forEach((e) => e(data)) };
}
