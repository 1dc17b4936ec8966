/**
 * What the Simulation view's worker does with a request, apart from the worker itself so that it can be tested in
 * Node: build each scenario, run its Monte Carlo in chunks (progress after each chunk, a pause between chunks),
 * build the results from the sample run 0, and compare the two sides when there are two. Pure apart from the
 * callbacks it is given.
 */
import { buildSimulationResult } from '../../engine/simulate/buildSimulationResult.ts';
import { compareScenarios } from '../../engine/simulate/compareScenarios.ts';
import { runMonteCarlo } from '../../engine/simulate/runMonteCarlo.ts';
import type { RunFigures } from '../../engine/simulate/runFigures.ts';
import { scenarioFromSpec } from '../../engine/simulate/scenarioFromSpec.ts';
import { simulateRun } from '../../engine/simulate/simulateRun.ts';
import type { SimulationReply, SimulationRequest } from './simulationProtocol.ts';

export interface RequestHost {
  post(reply: SimulationReply): void;
  /** Awaited between chunks (a worker yields to its message queue). */
  pause(): Promise<void>;
  signal?: { readonly aborted: boolean };
}

/** Runs a request to the end (or until `signal` is aborted: then nothing more is posted). */
export async function runSimulationRequest(req: SimulationRequest, host: RequestHost): Promise<void> {
  try {
    const total = req.runs * req.sides.length;
    host.post({ kind: 'progress', done: 0, total });
    const scenarios = req.sides.map((s) => scenarioFromSpec(s));
    const figures: RunFigures[][] = [];
    for (const [s, sc] of scenarios.entries()) {
      await host.pause();
      const f = await runMonteCarlo(sc, {
        runs: req.runs, seed: req.seed, chunk: Math.max(1, Math.min(10, Math.ceil(req.runs / 20))), pause: host.pause,
        ...(host.signal ? { signal: host.signal } : {}),
        onProgress: (done) => host.post({ kind: 'progress', done: s * req.runs + done, total }),
      });
      if (!f) return;
      figures.push(f);
    }
    const samples = scenarios.map((sc) => simulateRun(sc, 0, req.seed));
    const results = scenarios.map((sc, i) => buildSimulationResult(sc, figures[i]!, samples[i]!, { seed: req.seed, scenario: req.sides[i]!.label, cohortSource: req.cohortSource }));
    const comparison = scenarios.length === 2
      ? compareScenarios(
        { scenario: scenarios[0]!, figures: figures[0]!, sample: samples[0]!, result: results[0]! },
        { scenario: scenarios[1]!, figures: figures[1]!, sample: samples[1]!, result: results[1]! })
      : undefined;
    host.post(comparison ? { kind: 'done', results, comparison } : { kind: 'done', results });
  } catch (e) {
    host.post({ kind: 'error', message: e instanceof Error ? e.message : String(e) });
  }
}
