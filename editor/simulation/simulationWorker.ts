/**
 * The Simulation view's Web Worker (a bundled module worker): one request per worker. The page cancels by
 * terminating the worker, which stops a run wherever it is; a `cancel` message also stops it between chunks.
 */
import { runSimulationRequest } from './runSimulationRequest.ts';
import type { SimulationReply, SimulationRequest } from './simulationProtocol.ts';

// The page's lib is DOM (not WebWorker): the two members used here, typed by hand.
const scope = self as unknown as { onmessage: ((e: MessageEvent<SimulationRequest | 'cancel'>) => void) | null; postMessage(m: SimulationReply): void };
const signal = { aborted: false };

scope.onmessage = (e: MessageEvent<SimulationRequest | 'cancel'>) => {
  if (e.data === 'cancel') { signal.aborted = true; return; }
  void runSimulationRequest(e.data, {
    post: (reply: SimulationReply) => { if (!signal.aborted) scope.postMessage(reply); },
    // A macrotask, so that a cancel message is read between chunks.
    pause: () => new Promise<void>((resolve) => { setTimeout(resolve, 0); }),
    signal,
  });
};
