/** Order statistics for the editor benchmark (milliseconds in, milliseconds out, rounded to 0.1 ms). */
import { round } from '../measure.ts';

/** The `p`-quantile (0…1) by nearest rank; NaN for an empty list. */
export function quantile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1));
  return sorted[rank]!;
}

export const median = (values: readonly number[]) => quantile(values, 0.5);

export interface Summary { n: number; p50: number; p95: number; max: number; min: number }

export function summarise(values: readonly number[]): Summary {
  return {
    n: values.length,
    p50: round(quantile(values, 0.5)),
    p95: round(quantile(values, 0.95)),
    max: round(Math.max(...values)),
    min: round(Math.min(...values)),
  };
}
