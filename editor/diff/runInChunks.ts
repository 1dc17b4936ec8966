/**
 * Runs a synchronous step over a (possibly lazy) sequence a chunk at a time, handing the thread back between chunks
 * so the page keeps painting and answering clicks. A chunk ends after `chunkSize` items or `budgetMs` milliseconds,
 * whichever comes first. No DOM needed when `pause` is given.
 */

export interface ChunkOptions {
  /** Items per chunk at most (default 2,000). */
  chunkSize?: number;
  /** Milliseconds per chunk at most, measured with `now` (default: no time limit). */
  budgetMs?: number;
  /** Clock in milliseconds (default `performance.now`). */
  now?: () => number;
  /** Resolves once the event loop has had its turn (default `yieldToEventLoop`). */
  pause?: () => Promise<void>;
  /** Aborting stops the run before the next chunk. */
  signal?: AbortSignal;
  /** Called after each chunk with the number of items done so far. */
  onChunk?: (done: number) => void;
}

export interface ChunkRun { status: 'done' | 'cancelled'; done: number }

export const DEFAULT_CHUNK_SIZE = 2000;

/**
 * Resolves after one macrotask. A message on a `MessageChannel` rather than `setTimeout(0)`: timers are clamped
 * (4 ms) and throttled to once a second in a background tab; messages are not.
 */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/** Calls `step` on every item, pausing between chunks; stops early (status `cancelled`) once `signal` aborts. */
export async function runInChunks<T>(items: Iterable<T>, step: (item: T) => void, options: ChunkOptions = {}): Promise<ChunkRun> {
  const chunkSize = Math.max(1, options.chunkSize ?? DEFAULT_CHUNK_SIZE);
  const now = options.now ?? (() => performance.now());
  const pause = options.pause ?? yieldToEventLoop;
  const { signal, budgetMs } = options;
  let done = 0;
  if (signal?.aborted) return { status: 'cancelled', done };
  let inChunk = 0;
  let started = now();
  for (const item of items) {
    step(item);
    done++;
    inChunk++;
    if (inChunk >= chunkSize || (budgetMs !== undefined && now() - started >= budgetMs)) {
      options.onChunk?.(done);
      await pause();
      if (signal?.aborted) return { status: 'cancelled', done };
      inChunk = 0;
      started = now();
    }
  }
  if (inChunk > 0 || done === 0) options.onChunk?.(done);
  return { status: 'done', done };
}
