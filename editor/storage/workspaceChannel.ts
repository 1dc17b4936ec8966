/** What a tab announces after each successful write of a workspace. `savedAt` is the record's ISO timestamp. */
export interface SavedMessage {
  type: 'saved';
  id: string;
  revision: number;
  tab: string;
  savedAt: string;
}

/**
 * A message bus between the tabs of one origin. `post` reaches every other endpoint (not necessarily the poster);
 * `listen` receives raw data, which may come from another version of the app and must be checked.
 */
export interface WorkspaceChannel {
  post(message: SavedMessage): void;
  listen(listener: (data: unknown) => void): () => void;
  close(): void;
}

/** Opens a channel endpoint by name; `null` when the browser has no cross-tab messaging. */
export type ChannelFactory = (name: string) => WorkspaceChannel | null;

/** The channel name shared by every tab of LLCT Studio. */
export const WORKSPACE_CHANNEL_NAME = 'llct-studio-workspaces';

/** A {@link ChannelFactory} over `BroadcastChannel`, or one that yields `null` where it does not exist. */
export const broadcastChannelFactory: ChannelFactory = (name) => {
  if (typeof BroadcastChannel === 'undefined') return null;
  const channel = new BroadcastChannel(name);
  return {
    post: (message) => channel.postMessage(message),
    listen: (listener) => {
      const onMessage = (event: MessageEvent) => listener(event.data);
      channel.addEventListener('message', onMessage);
      return () => channel.removeEventListener('message', onMessage);
    },
    close: () => channel.close(),
  };
};

/** Whether `data` is a well-formed {@link SavedMessage}. */
export function isSavedMessage(data: unknown): data is SavedMessage {
  if (typeof data !== 'object' || data === null) return false;
  const m = data as Record<string, unknown>;
  return m.type === 'saved' && typeof m.id === 'string' && typeof m.tab === 'string' && typeof m.savedAt === 'string'
    && typeof m.revision === 'number' && Number.isInteger(m.revision);
}
