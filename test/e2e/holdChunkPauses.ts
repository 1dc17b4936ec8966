/**
 * A page init script that lets a test hold the comparison between two chunks. `runInChunks` hands the thread back
 * by posting a message on a new `MessageChannel` (editor/diff/runInChunks.ts); once `hold()` is called, every
 * channel made from then on keeps its messages until the test releases them, so the run waits, between two chunks,
 * for as long as the test wants. Channels made before `hold()` (React's scheduler makes its own at start-up) are
 * untouched, so the page goes on rendering and answering clicks.
 *
 * With it, "the page answers while a comparison runs" and "Cancel stops a running comparison" are checked without
 * a clock and without a race: the run cannot finish while it is held.
 */

export interface ChunkPauses {
  /** From now on, messages on new channels are held. */
  hold(): void;
  /** Messages held so far, released or not (one per pause between chunks). */
  held(): number;
  /** Releases the oldest held message: the run does one more chunk and pauses again (or ends). */
  releaseOne(): void;
  /** Releases every held message and stops holding. */
  releaseAll(): void;
}

declare global {
  interface Window { chunkPauses: ChunkPauses }
}

/** Pass to `BrowserContext.addInitScript` (it runs in the page before the app; it must not use anything outside it). */
export function holdChunkPauses(): void {
  const Native = window.MessageChannel;
  const waiting: (() => void)[] = [];
  let holding = false;
  let count = 0;
  class HeldChannel extends Native {
    constructor() {
      super();
      if (!holding) return;
      const port = this.port2;
      const post = port.postMessage.bind(port) as (message: unknown) => void;
      port.postMessage = (message: unknown) => {
        count++;
        if (holding) waiting.push(() => post(message));
        else post(message);
      };
    }
  }
  window.MessageChannel = HeldChannel;
  window.chunkPauses = {
    hold: () => { holding = true; },
    held: () => count,
    releaseOne: () => { waiting.shift()?.(); },
    releaseAll: () => {
      holding = false;
      for (const release of waiting.splice(0)) release();
    },
  };
}
