/**
 * Runs of a Monte Carlo, pure and in chunks, so that any host can drive them: the CLI's worker threads each run a
 * range (`runRange`), a page's Web Worker calls `runMonteCarlo` with a progress callback and an abort signal, and
 * yields between chunks. Run `i` depends only on the seed and `i`: the figures are the same whoever runs which
 * range, and in run order. No clock, no I/O.
 */
import type { Seed } from '../generate/createRng.ts';
import type { Scenario } from './prepareScenario.ts';
import { runFigures, type RunFigures } from './runFigures.ts';
import { simulateRun } from './simulateRun.ts';

/** Figures of runs `from` … `to - 1`, in order. */
export function runRange(sc: Scenario, seed: Seed, from: number, to: number): RunFigures[] {
  const out: RunFigures[] = [];
  for (let i = from; i < to; i++) out.push(runFigures(sc, simulateRun(sc, i, seed)));
  return out;
}

export interface MonteCarloOptions {
  runs: number;
  seed: Seed;
  /** Runs per chunk between progress reports (default 25). */
  chunk?: number;
  onProgress?(done: number, total: number): void;
  /** Checked between chunks: a cancelled Monte Carlo returns `undefined`. */
  signal?: { readonly aborted: boolean };
  /** Awaited between chunks (a page lets its worker receive a cancel message). */
  pause?(): Promise<void>;
}

export async function runMonteCarlo(sc: Scenario, options: MonteCarloOptions): Promise<RunFigures[] | undefined> {
  const chunk = Math.max(1, options.chunk ?? 25);
  const out: RunFigures[] = [];
  for (let from = 0; from < options.runs; from += chunk) {
    if (options.signal?.aborted) return undefined;
    out.push(...runRange(sc, options.seed, from, Math.min(options.runs, from + chunk)));
    options.onProgress?.(out.length, options.runs);
    if (options.pause) await options.pause();
  }
  return out;
}
