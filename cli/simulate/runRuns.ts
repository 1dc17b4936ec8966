/**
 * Runs the Monte Carlo of one or two scenarios over `runs` seeds: on the main thread (`workers` 0), or spread in
 * chunks over worker threads, each chunk's figures put back in run order, so the result is the same with any number
 * of workers. Progress is reported as chunks come back.
 */
import { Worker } from 'node:worker_threads';
import { runRange } from '../../engine/simulate/runMonteCarlo.ts';
import type { RunFigures } from '../../engine/simulate/runFigures.ts';
import type { Scenario } from '../../engine/simulate/prepareScenario.ts';
import type { ScenarioSpec } from '../../engine/simulate/scenarioFromSpec.ts';
import type { RunRequest, WorkerReply, WorkerSetup } from './protocol.ts';

const ENTRY = new URL('./simulateWorker.mjs', import.meta.url);

export interface RunPlan {
  specs: ScenarioSpec[];
  /** The same scenarios built on this thread (used when `workers` is 0). */
  scenarios: Scenario[];
  seed: string | number;
  runs: number;
  workers: number;
  onProgress(done: number, total: number): void;
}

/** Figures by scenario, each in run order. */
export async function runRuns(p: RunPlan): Promise<RunFigures[][]> {
  const total = p.runs * p.specs.length;
  const out: RunFigures[][] = p.specs.map(() => new Array<RunFigures>(p.runs));
  const chunk = Math.max(1, Math.min(50, Math.ceil(p.runs / Math.max(1, p.workers * 8))));
  const requests: RunRequest[] = [];
  let seq = 0;
  for (let s = 0; s < p.specs.length; s++) for (let from = 0; from < p.runs; from += chunk) requests.push({ seq: seq++, scenario: s, from, to: Math.min(p.runs, from + chunk) });
  let done = 0;
  const place = (req: RunRequest, figures: RunFigures[]) => {
    figures.forEach((f, i) => { out[req.scenario]![req.from + i] = f; });
    done += figures.length;
    p.onProgress(done, total);
  };
  if (p.workers <= 0) {
    for (const req of requests) {
      place(req, runRange(p.scenarios[req.scenario]!, p.seed, req.from, req.to));
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
    return out;
  }
  const setup: WorkerSetup = { specs: p.specs, seed: p.seed };
  const workers = Array.from({ length: Math.min(p.workers, requests.length) }, () => new Worker(ENTRY, { workerData: setup }));
  try {
    await Promise.all(workers.map((w) => new Promise<void>((resolve, reject) => {
      const next = () => {
        const req = requests.shift();
        if (!req) { resolve(); return; }
        w.once('message', (reply: WorkerReply) => {
          if (!reply.ok) { reject(new Error(reply.error)); return; }
          place(req, reply.figures);
          next();
        });
        w.postMessage(req);
      };
      w.once('error', reject);
      w.once('exit', (code) => { if (requests.length > 0 || code !== 0) reject(new Error(`simulate worker exited with code ${code}`)); });
      next();
    })));
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return out;
}
