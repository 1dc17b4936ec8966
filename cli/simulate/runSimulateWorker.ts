/**
 * A `llct simulate` worker thread: builds its scenarios once from workerData, then runs the ranges it is sent and
 * replies with their figures (in run order). Run i depends only on the seed and i, so which worker runs it never
 * changes the result.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { runRange } from '../../engine/simulate/runMonteCarlo.ts';
import { scenarioFromSpec } from '../../engine/simulate/scenarioFromSpec.ts';
import type { RunRequest, WorkerReply, WorkerSetup } from './protocol.ts';

const setup = workerData as WorkerSetup;
const scenarios = setup.specs.map((s) => scenarioFromSpec(s));

parentPort!.on('message', (req: RunRequest) => {
  let reply: WorkerReply;
  try {
    reply = { seq: req.seq, ok: true, figures: runRange(scenarios[req.scenario]!, setup.seed, req.from, req.to) };
  } catch (e) {
    reply = { seq: req.seq, ok: false, error: e instanceof Error ? `${e.message}\n${e.stack ?? ''}` : String(e) };
  }
  parentPort!.postMessage(reply);
});
