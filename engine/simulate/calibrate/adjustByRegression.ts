/**
 * Local-linear regression adjustment of an ABC population (Beaumont, Zhang & Balding 2002, Genetics 162:2025–2035):
 * the particles were accepted within a tolerance, not at the observed figures; regressing each parameter (on the
 * logit of its place in its box, so that the adjusted values stay inside) on the particles' scaled figures minus the
 * observed ones, with Epanechnikov weights on the distances, and removing the fitted slope moves each particle to
 * where it would be had its run given the observed figures. Only `observed` targets enter the regression: a planned
 * figure is a soft target, which the distance already weighs, and a plan may not be reachable at all. A small ridge
 * keeps the regression solvable when figures are sums of others (three classes and their total). With fewer than ten
 * particles per coefficient the regression would fit the runs' noise and give intervals narrower than the data
 * allow: the population is then returned as it is, with equal weights. Returns the adjusted values and their
 * weights. Pure.
 */
import type { AbcParameter } from './runAbcSmc.ts';
import { fromLogit, toLogit } from './runAbcSmc.ts';

export interface RegressionInput {
  parameters: readonly AbcParameter[];
  values: readonly (readonly number[])[];
  stats: readonly (readonly number[])[];
  distances: readonly number[];
  /** Observed value, scale and whether the target enters the regression, by target. */
  targets: ReadonlyArray<{ value: number; scale: number; use: boolean }>;
}

export interface Adjusted { values: number[][]; weights: number[] }

const RIDGE = 1e-3;
/** Particles needed per coefficient: below this the regression would fit the noise (and narrow the intervals with it). */
const PARTICLES_PER_COEFFICIENT = 10;

export function adjustByRegression(input: RegressionInput): Adjusted {
  const { parameters, values, stats, distances, targets } = input;
  const n = values.length;
  const delta = Math.max(...distances) * 1.000001 || 1;
  const weights = distances.map((d) => Math.max(0, 1 - (d / delta) ** 2));
  const used = targets.map((t, j) => ({ ...t, j })).filter((t) => t.use);
  if (n < PARTICLES_PER_COEFFICIENT * (used.length + 1)) return { values: values.map((v) => [...v]), weights: values.map(() => 1) };
  // Design: intercept, then each used target's scaled difference from its observed value.
  const x = stats.map((s) => [1, ...used.map((t) => (s[t.j]! - t.value) / t.scale)]);
  const p = used.length + 1;
  const xtwx = Array.from({ length: p }, () => new Array<number>(p).fill(0));
  for (let i = 0; i < n; i++) for (let a = 0; a < p; a++) for (let b = 0; b < p; b++) xtwx[a]![b]! += weights[i]! * x[i]![a]! * x[i]![b]!;
  let trace = 0;
  for (let a = 1; a < p; a++) trace += xtwx[a]![a]!;
  const ridge = RIDGE * Math.max(trace / Math.max(1, p - 1), 1e-9);
  for (let a = 1; a < p; a++) xtwx[a]![a]! += ridge;
  const adjusted = values.map((v) => [...v]);
  parameters.forEach((param, k) => {
    const y = values.map((v) => toLogit(v[k]!, param));
    const xtwy = new Array<number>(p).fill(0);
    for (let i = 0; i < n; i++) for (let a = 0; a < p; a++) xtwy[a]! += weights[i]! * x[i]![a]! * y[i]!;
    const beta = solve(xtwx, xtwy);
    if (!beta) return;
    for (let i = 0; i < n; i++) {
      let shift = 0;
      for (let a = 1; a < p; a++) shift += beta[a]! * x[i]![a]!;
      adjusted[i]![k] = fromLogit(y[i]! - shift, param);
    }
  });
  return { values: adjusted, weights };
}

/** Gaussian elimination with partial pivoting; `undefined` when the matrix is singular. */
function solve(matrix: readonly (readonly number[])[], rhs: readonly number[]): number[] | undefined {
  const p = rhs.length;
  const m = matrix.map((row, i) => [...row, rhs[i]!]);
  for (let c = 0; c < p; c++) {
    let pivot = c;
    for (let r = c + 1; r < p; r++) if (Math.abs(m[r]![c]!) > Math.abs(m[pivot]![c]!)) pivot = r;
    if (Math.abs(m[pivot]![c]!) < 1e-12) return undefined;
    [m[c], m[pivot]] = [m[pivot]!, m[c]!];
    for (let r = 0; r < p; r++) {
      if (r === c) continue;
      const f = m[r]![c]! / m[c]![c]!;
      for (let k = c; k <= p; k++) m[r]![k]! -= f * m[c]![k]!;
    }
  }
  return m.map((row, i) => row[p]! / row[i]!);
}
