/**
 * What the Simulation view's worker does with a request, apart from the worker itself so that it can be tested in
 * Node: build each scenario and its sample run 0, share the runs between this thread and helper threads (from 100
 * runs, one thread per core up to 4 in all, as `llct simulate` does; see engine/simulate/shareRuns.ts), report
 * progress as ranges come back and partial results as the runs done from run 0 grow (at most one every
 * `partialEveryMs`, each a 20th of the runs or more past the one before), then build the results and compare the two sides when there are two. Partial results are the
 * results of runs 0 … n − 1, so the last one, of every run, is the one-shot result; the final results are the same
 * whatever the number of threads. Pure apart from the callbacks it is given.
 */
import { buildSimulationResult, type SimulationResult } from '../../engine/simulate/buildSimulationResult.ts';
import { compareScenarios } from '../../engine/simulate/compareScenarios.ts';
import type { RunFigures } from '../../engine/simulate/runFigures.ts';
import type { ScenarioSpec } from '../../engine/simulate/scenarioFromSpec.ts';
import { scenarioFromSpec } from '../../engine/simulate/scenarioFromSpec.ts';
import { shareRuns, type RangeHelper } from '../../engine/simulate/shareRuns.ts';
import { simulateRun } from '../../engine/simulate/simulateRun.ts';
import type { SimulationReply, SimulationRequest } from './simulationProtocol.ts';

/** Runs from which helper threads are started (below, starting them costs more than they save), as in the CLI. */
export const HELPERS_FROM_RUNS = 100;
/** Most threads a request uses, this one included (the CLI's cap too). */
export const MAX_THREADS = 4;

/** A helper thread for one request, which ends it with `close`. */
export interface StartedHelper extends RangeHelper { close(): void }

export interface RequestHost {
  post(reply: SimulationReply): void;
  /** Awaited between ranges (a worker yields to its message queue). */
  pause(): Promise<void>;
  signal?: { readonly aborted: boolean };
  /** Threads the machine offers (`navigator.hardwareConcurrency`); 1 by default: no helper. */
  threads?: number;
  /** Starts a helper that builds the request's scenarios from their specs (called before this thread builds them). */
  startHelper?(specs: ScenarioSpec[], seed: number | string): StartedHelper;
  /** Least time between two partial results, in ms (default 600), and they are at least a 20th of the runs apart. */
  partialEveryMs?: number;
  now?(): number;
}

/** Runs a request to the end (or until `signal` is aborted: from then on nothing is posted). */
export async function runSimulationRequest(req: SimulationRequest, host: RequestHost): Promise<void> {
  const total = req.runs * req.sides.length;
  const helperCount = host.startHelper && req.runs >= HELPERS_FROM_RUNS ? Math.max(0, Math.min(MAX_THREADS, host.threads ?? 1) - 1) : 0;
  const helpers: StartedHelper[] = [];
  const post = (reply: SimulationReply) => { if (!host.signal?.aborted) host.post(reply); };
  try {
    post({ kind: 'progress', done: 0, total });
    for (let i = 0; i < helperCount; i++) helpers.push(host.startHelper!(req.sides, req.seed));
    await host.pause();
    const scenarios = req.sides.map((s) => scenarioFromSpec(s));
    const samples = scenarios.map((sc) => simulateRun(sc, 0, req.seed));
    const resultOf = (i: number, figures: readonly RunFigures[]): SimulationResult =>
      buildSimulationResult(scenarios[i]!, figures, samples[i]!, { seed: req.seed, scenario: req.sides[i]!.label, cohortSource: req.cohortSource });

    const every = host.partialEveryMs ?? 600;
    const step = every > 0 ? Math.max(1, Math.floor(req.runs / 20)) : 1;
    const now = host.now ?? (() => performance.now());
    let lastPartial = Number.NEGATIVE_INFINITY;
    const shown = scenarios.map(() => 0);
    const known: Array<{ count: number; figures: readonly RunFigures[]; result?: SimulationResult }> = scenarios.map(() => ({ count: 0, figures: [] }));
    const postPartial = () => {
      const results: SimulationResult[] = [];
      for (const [i, k] of known.entries()) {
        if (k.count === 0) break;
        k.result = k.result?.runs === k.count ? k.result : resultOf(i, k.figures.slice(0, k.count));
        results.push(k.result);
      }
      post({ kind: 'partial', results });
    };

    const figures = await shareRuns({
      scenarios, seed: req.seed, runs: req.runs, helpers, pause: host.pause,
      ...(host.signal ? { signal: host.signal } : {}),
      onPlaced: (done) => post({ kind: 'progress', done, total }),
      onPrefix: (s, count, list) => {
        known[s] = { count, figures: list };
        // The last side complete: the final results follow at once.
        if (s === scenarios.length - 1 && count === req.runs) return;
        const t = now();
        if (t - lastPartial < every || count - shown[s]! < step) return;
        lastPartial = t;
        shown[s] = count;
        postPartial();
      },
    });
    if (!figures) return;
    const results = scenarios.map((_, i) => resultOf(i, figures[i]!));
    const comparison = scenarios.length === 2
      ? compareScenarios(
        { scenario: scenarios[0]!, figures: figures[0]!, sample: samples[0]!, result: results[0]! },
        { scenario: scenarios[1]!, figures: figures[1]!, sample: samples[1]!, result: results[1]! })
      : undefined;
    post(comparison ? { kind: 'done', results, comparison } : { kind: 'done', results });
  } catch (e) {
    post({ kind: 'error', message: e instanceof Error ? e.message : String(e) });
  } finally {
    for (const h of helpers) h.close();
  }
}
