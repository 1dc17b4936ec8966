/**
 * A `llct simulate` worker thread: builds its scenarios once from the setup message, then runs the ranges it is sent
 * and replies with their figures (in run order). Run i depends only on the seed and i, so which thread runs it never
 * changes the result.
 */
import { parentPort } from 'node:worker_threads';
import { runRange } from '../../engine/simulate/runMonteCarlo.ts';
import type { Scenario } from '../../engine/simulate/prepareScenario.ts';
import { scenarioFromSpec } from '../../engine/simulate/scenarioFromSpec.ts';
import type { WorkerReply, WorkerRequest } from './protocol.ts';

let scenarios: Scenario[] | undefined;let seed: string | number = 0;

parentPort!.on('message', (req: WorkerRequest) => {
  if (req.type === 'setup') {
    // A setup that fails is reported with the first range asked for.
    try { scenarios = req.specs.map((s) => scenarioFromSpec(s)); } catch (e) { scenarios = undefined; setupError = e; }
    seed = req.seed;
    return;
  }
  let reply: WorkerReply;
  try {
    if (!scenarios) throw setupError ?? new Error('simulate worker: no setup before the first range');
    reply = { seq: req.seq, ok: true, figures: runRange(scenarios[req.scenario]!, seed, req.from, req.to) };
  } catch (e) {
    reply = { seq: req.seq, ok: false, error: e instanceof Error ? `${e.message}\n${e.stack ?? ''}` : String(e) };
  }
  parentPort!.postMessage(reply);
});

let setupError: unknown;
