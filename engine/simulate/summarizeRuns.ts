/**
 * Percentiles of each figure over the runs of a Monte Carlo: p5, p50 and p95 by the nearest-rank method (a value some
 * run actually had), and the mean. The result depends only on the runs' figures in run order, never on how the
 * runs were spread over workers. A figure absent from a run counts as 0, except dates (`…On`), which count only in
 * the runs where they happened (`runs` says in how many). Pure.
 */
import { isDateFigure, type RunFigures } from './runFigures.ts';

export interface FigureStats { p5: number; p50: number; p95: number; mean: number; runs: number }

export function percentile(sorted: ArrayLike<number>, p: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1]!;
}

export function statsOf(values: readonly number[]): FigureStats {
  const v = Float64Array.from(values.filter((x) => !Number.isNaN(x))).sort();
  let sum = 0;
  for (const x of v) sum += x;
  return { p5: percentile(v, 5), p50: percentile(v, 50), p95: percentile(v, 95), mean: v.length ? Math.round((sum / v.length) * 100) / 100 : NaN, runs: v.length };
}

/** Every figure name seen in any run, sorted. */
export function figureNames(runs: readonly RunFigures[]): string[] {
  const names = new Set<string>();
  for (const r of runs) for (const k of Object.keys(r)) names.add(k);
  return [...names].sort();
}

export function valuesOf(runs: readonly RunFigures[], name: string): number[] {
  const date = isDateFigure(name);
  return runs.map((r) => r[name] ?? (date ? NaN : 0));
}

export function summarizeRuns(runs: readonly RunFigures[]): Record<string, FigureStats> {
  const out: Record<string, FigureStats> = {};
  for (const name of figureNames(runs)) out[name] = statsOf(valuesOf(runs, name));
  return out;
}
