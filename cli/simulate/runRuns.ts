/**
 * Runs the Monte Carlo of one or two scenarios over `runs` seeds, on the main thread and on worker threads at once.
 * Workers are started first (`startWorkers`, before the plan is read: loading the engine in a thread takes about a
 * second), the main thread runs small ranges while they load and between their replies, and each worker keeps two
 * ranges in hand so that it never waits for the main thread. Ranges shrink as the runs run out, so that all threads
 * finish together. Each range's figures are put back in run order: the result is the same with any number of workers.
 */
import { Worker } from 'node:worker_threads';
import { runRange } from '../../engine/simulate/runMonteCarlo.ts';
import type { RunFigures } from '../../engine/simulate/runFigures.ts';
import type { Scenario } from '../../engine/simulate/prepareScenario.ts';
import type { ScenarioSpec } from '../../engine/simulate/scenarioFromSpec.ts';
import type { RunRequest, WorkerReply, WorkerRequest } from './protocol.ts';

const ENTRY = new URL('./simulateWorker.mjs', import.meta.url);

/** Worker threads loading; `close` ends them (always call it). */
export interface WorkerPool {
  workers: Worker[];
  /** Why a worker ended before it was used (it could not load), by worker. */
  ended: Map<Worker, Error>;
  close(): Promise<void>;
}

export function startWorkers(count: number): WorkerPool {
  const workers = Array.from({ length: Math.max(0, count) }, () => new Worker(ENTRY));
  // A worker that fails or ends before the pool is used is remembered, and reported when the pool is used.
  const ended = new Map<Worker, Error>();
  for (const w of workers) {
    w.on('error', (e) => { if (!ended.has(w)) ended.set(w, e); });
    w.on('exit', (code) => { if (!ended.has(w)) ended.set(w, new Error(`simulate worker exited with code ${code}`)); });
  }
  return { workers, ended, close: async () => { await Promise.all(workers.map((w) => w.terminate())); } };
}

export interface RunPlan {
  specs: ScenarioSpec[];
  /** The same scenarios built on this thread. */
  scenarios: Scenario[];
  seed: string | number;
  runs: number;
  /** Worker threads to share the runs with (none: the main thread runs them all). */
  pool?: WorkerPool;
  onProgress(done: number, total: number): void;
}

/** Figures by scenario, each in run order. */
export async function runRuns(p: RunPlan): Promise<RunFigures[][]> {
  const total = p.runs * p.specs.length;
  const out: RunFigures[][] = p.specs.map(() => new Array<RunFigures>(p.runs));
  const workers = p.pool?.workers ?? [];
  const threads = workers.length + 1;
  // The next run to hand out, scenario by scenario.
  let scenario = 0;
  let next = 0;
  let handedOut = 0;
  const take = (cap: number): Omit<RunRequest, 'type' | 'seq'> | undefined => {
    if (scenario >= p.specs.length) return undefined;
    // Guided: a share of what is left, so the last ranges are small.
    const size = Math.max(1, Math.min(cap, Math.ceil((total - handedOut) / (threads * 3))));
    const from = next;
    const to = Math.min(p.runs, from + size);
    handedOut += to - from;
    const r = { scenario, from, to };
    if (to >= p.runs) { scenario++; next = 0; } else next = to;
    return r;
  };
  let done = 0;
  const place = (req: Omit<RunRequest, 'type' | 'seq'>, figures: RunFigures[]) => {
    figures.forEach((f, i) => { out[req.scenario]![req.from + i] = f; });
    done += figures.length;
    p.onProgress(done, total);
  };

  let failed: Error | undefined;
  const setup: WorkerRequest = { type: 'setup', specs: p.specs, seed: p.seed };
  let seq = 0;
  const working = workers.map((w) => new Promise<void>((resolve, reject) => {
    const pending = new Map<number, Omit<RunRequest, 'type' | 'seq'>>();
    const fail = (e: Error) => { failed ??= e; reject(e); };
    const early = p.pool?.ended.get(w);
    if (early) { fail(early); return; }
    const send = () => {
      if (failed) return;
      const r = take(50);
      if (!r) { if (pending.size === 0) resolve(); return; }
      const s = seq++;
      pending.set(s, r);
      w.postMessage({ type: 'run', seq: s, ...r } satisfies RunRequest);
    };
    w.on('message', (reply: WorkerReply) => {
      const r = pending.get(reply.seq);
      pending.delete(reply.seq);
      if (!reply.ok) { fail(new Error(reply.error)); return; }
      if (r) place(r, reply.figures);
      send();
    });
    w.once('error', fail);
    w.once('exit', (code) => { if (pending.size > 0 || scenario < p.specs.length) fail(new Error(`simulate worker exited with code ${code}`)); });
    w.postMessage(setup);
    // Two ranges in hand: the next is queued while the first runs.
    send();
    send();
  }));
  // Failures are reported once, after the main thread stops.
  const settled = Promise.allSettled(working);

  // The main thread takes small ranges, and lets the workers' replies in between.
  for (;;) {
    if (failed) break;
    const r = take(workers.length > 0 ? 4 : 25);
    if (!r) break;
    place(r, runRange(p.scenarios[r.scenario]!, p.seed, r.from, r.to));
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  for (const s of await settled) if (s.status === 'rejected') throw s.reason;
  if (failed) throw failed;
  return out;
}
