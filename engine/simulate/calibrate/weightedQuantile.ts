/**
 * Quantiles of a weighted sample (an importance-weighted ABC population): the smallest value whose cumulative
 * weight reaches `p` of the total (`p` in 0…1), so that with equal weights it is the nearest-rank percentile
 * summarizeRuns.ts uses. Weights need not sum to 1; values and weights have the same length. Pure.
 */
export function weightedQuantile(values: ArrayLike<number>, weights: ArrayLike<number>, p: number): number {
  const order = Array.from({ length: values.length }, (_, i) => i).sort((a, b) => values[a]! - values[b]! || a - b);
  let total = 0;
  for (let i = 0; i < weights.length; i++) total += weights[i]!;
  if (order.length === 0 || !(total > 0)) return NaN;
  const goal = p * total;
  let sum = 0;
  for (const i of order) {
    sum += weights[i]!;
    if (sum >= goal - total * 1e-12) return values[i]!;
  }
  return values[order[order.length - 1]!]!;
}

/** Effective sample size of importance weights, (Σw)² / Σw². */
export function effectiveSampleSize(weights: ArrayLike<number>): number {
  let s = 0;
  let s2 = 0;
  for (let i = 0; i < weights.length; i++) { s += weights[i]!; s2 += weights[i]! * weights[i]!; }
  return s2 > 0 ? (s * s) / s2 : 0;
}
