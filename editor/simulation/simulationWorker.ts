/**
 * The Simulation view's Web Worker (a bundled module worker): one request per worker. The page cancels by
 * terminating the worker, which stops a run wherever it is (and its helpers with it); a `cancel` message also stops
 * it between ranges. For many runs it starts helpers, copies of this same script told their role by their first
 * message (helperProtocol.ts), one per core beside itself (see runSimulationRequest.ts).
 */
import { isHelperRequest, type HelperReply, type HelperRequest } from './helperProtocol.ts';
import { runSimulationRequest, type StartedHelper } from './runSimulationRequest.ts';
import { serveRanges } from './serveRanges.ts';
import type { ScenarioSpec } from '../../engine/simulate/scenarioFromSpec.ts';
import type { RunFigures } from '../../engine/simulate/runFigures.ts';
import type { SimulationReply, SimulationRequest } from './simulationProtocol.ts';
import { taskPause } from './taskPause.ts';

type Incoming = SimulationRequest | HelperRequest | 'cancel';
// The page's lib is DOM (not WebWorker): the members used here, typed by hand.
const scope = self as unknown as {
  onmessage: ((e: MessageEvent<Incoming>) => void) | null;
  postMessage(m: SimulationReply | HelperReply): void;
  navigator: { hardwareConcurrency?: number };
};
const signal = { aborted: false };

function startHelper(specs: ScenarioSpec[], seed: number | string): StartedHelper {
  const worker = new Worker(import.meta.url, { type: 'module', name: 'llct-simulation-helper' });
  const pending = new Map<number, { resolve(f: RunFigures[]): void; reject(e: Error): void }>();
  let markReady: () => void = () => {};
  let refuse: (e: Error) => void = () => {};
  const ready = new Promise<void>((resolve, reject) => { markReady = resolve; refuse = reject; });
  // Closed before it was ready (a run cancelled, a scenario that failed to build): nobody waits any more.
  ready.catch(() => {});
  let ended: Error | undefined;
  let seq = 0;
  const end = (e: Error) => {
    ended ??= e;
    refuse(e);
    for (const p of pending.values()) p.reject(e);
    pending.clear();
  };
  worker.onmessage = (e: MessageEvent<HelperReply>) => {
    const r = e.data;
    if (r.kind === 'ready') { markReady(); return; }
    const p = pending.get(r.seq);
    pending.delete(r.seq);
    if (r.kind === 'figures') p?.resolve(r.figures); else p?.reject(new Error(r.error));
  };
  worker.onerror = (e) => { e.preventDefault(); end(new Error(e.message || 'simulation helper failed')); };
  worker.postMessage({ kind: 'helper-setup', specs, seed } satisfies HelperRequest);
  return {
    ready,
    run: (scenario, from, to) => {
      if (ended) return Promise.reject(ended);
      const s = seq++;
      return new Promise<RunFigures[]>((resolve, reject) => {
        pending.set(s, { resolve, reject });
        worker.postMessage({ kind: 'helper-range', seq: s, scenario, from, to } satisfies HelperRequest);
      });
    },
    close: () => { worker.terminate(); end(new Error('simulation helper closed')); },
  };
}

let serve: ((req: HelperRequest) => void) | undefined;

scope.onmessage = (e: MessageEvent<Incoming>) => {
  const m = e.data;
  if (m === 'cancel') { signal.aborted = true; return; }
  if (isHelperRequest(m)) {
    serve ??= serveRanges((reply) => scope.postMessage(reply));
    serve(m);
    return;
  }
  void runSimulationRequest(m, {
    post: (reply: SimulationReply) => { if (!signal.aborted) scope.postMessage(reply); },
    pause: taskPause,
    signal,
    threads: scope.navigator.hardwareConcurrency ?? 1,
    startHelper,
  });
};
