/**
 * Approximate Bayesian computation by sequential Monte Carlo, the replenishment algorithm of Drovandi & Pettitt
 * (2011, Biometrics 67:225–233), over a box of parameters with a uniform prior. `particles` parameter vectors are drawn
 * (a Latin hypercube over the box) and each simulated by one seeded run of the plan (run index = simulation number,
 * so that no two simulations share draws); then, until `simulations` runs are spent, the tolerance is lowered to the
 * distance that keeps `1 − alpha` of the particles, the others are replaced by copies of kept ones, and each copy
 * takes Metropolis–Hastings moves: a Gaussian random walk on the logit of each parameter's place in its box (twice
 * the kept particles' variance there), which passes the prior's ratio on that scale, then is taken when its run
 * falls within the tolerance. Each copy takes as many moves as the share of first moves taken says it needs to move
 * at least once with probability 0.99 (at most 10); the sampler stops early once that share falls below 0.5 %. The
 * tolerance never rises and the particles keep equal weights; a copy that never moved is returned once. The distance
 * is the weighted Euclidean distance of the targets' figures, each scaled by its spread over the first draws
 * (1.4826 × median absolute deviation, at least one learner), so that a total over twenty classes does not drown one
 * class. The same seed gives the same particles. Pure; async only to let a host report progress, pause or cancel.
 */
import { createRng, type Rng, type Seed } from '../../generate/createRng.ts';
import type { PlanParameterName } from '../../documents/planParameters.ts';
import type { Scenario } from '../prepareScenario.ts';
import { baseSeed, hashText, streamSeed } from '../seeds.ts';
import { simulateRun } from '../simulateRun.ts';
import { statOf, type CalibrationTarget } from './calibrationTargets.ts';

export interface AbcParameter { name: PlanParameterName; min: number; max: number }

export interface AbcOptions {
  seed: Seed;
  /** Particles in the population (at least 4). */
  particles: number;
  /** Simulated runs in all, the first draws included. */
  simulations: number;
  /** Share of the particles replaced at each step (default 0.5). */
  alpha?: number;
  /** Simulations between progress reports (default 10). */
  chunk?: number;
  onProgress?(done: number, total: number): void;
  signal?: { readonly aborted: boolean };
  pause?(): Promise<void>;
}

export interface AbcStep {
  /** Tolerance of the step: the largest distance a particle may keep. */
  epsilon: number;
  /** Share of the step's moves taken. */
  accepted: number;
}

export interface AbcResult {
  parameters: AbcParameter[];
  /** `values[i][k]`: particle i's value of parameter k (equal weights), each distinct particle once. */
  values: number[][];
  /** `stats[i][j]`: target j's figure in particle i's run. */
  stats: number[][];
  distances: number[];
  steps: AbcStep[];
  /** Each target's scale in the distance. */
  scales: number[];
  simulations: number;
}

/** Each copy's chance of never moving in a step (Drovandi & Pettitt's c). */
const MOVE_MISS = 0.01;
/** Most moves a copy takes in one step. */
const MAX_MOVES = 10;
/** The sampler stops once fewer than this share of a step's first moves are taken. */
const MIN_ACCEPTANCE = 0.005;

/** Runs the sampler; `undefined` when cancelled through `signal`. */
export async function runAbcSmc(sc: Scenario, targets: readonly CalibrationTarget[], parameters: readonly AbcParameter[], options: AbcOptions): Promise<AbcResult | undefined> {
  const n = Math.max(4, Math.floor(options.particles));
  const budget = Math.max(n, Math.floor(options.simulations));
  const drop = Math.max(1, Math.min(n - 2, Math.round(n * (options.alpha ?? 0.5))));
  const chunk = Math.max(1, options.chunk ?? 10);
  const rng = createRng(streamSeed(baseSeed(options.seed), hashText('calibrate')));
  const runsSeed = streamSeed(baseSeed(options.seed), hashText('calibrate:runs'));
  let done = 0;

  const simulate = async (theta: readonly number[]): Promise<number[] | undefined> => {
    if (done % chunk === 0) {
      if (options.signal?.aborted) return undefined;
      options.onProgress?.(done, budget);
      if (options.pause) await options.pause();
    }
    const params = { ...sc.params };
    parameters.forEach((p, k) => { params[p.name] = theta[k]!; });
    const r = simulateRun({ ...sc, params }, done, runsSeed);
    done++;
    return targets.map((t) => statOf(r, t));
  };

  let values = latinHypercube(rng, parameters, n);
  const first: number[][] = [];
  for (const theta of values) {
    const s = await simulate(theta);
    if (!s) return undefined;
    first.push(s);
  }
  const scales = targets.map((_, i) => spread(first.map((s) => s[i]!)));
  const distance = (s: readonly number[]) => Math.sqrt(targets.reduce((sum, t, i) => sum + t.weight * ((s[i]! - t.value) / scales[i]!) ** 2, 0));
  let distances = first.map(distance);
  let stats = first;
  const steps: AbcStep[] = [];
  const kept = n - drop;

  while (done < budget) {
    const order = values.map((_, i) => i).sort((a, b) => distances[a]! - distances[b]! || a - b);
    values = order.map((i) => values[i]!);
    distances = order.map((i) => distances[i]!);
    stats = order.map((i) => stats[i]!);
    const epsilon = distances[kept - 1]!;
    // The walk runs on the logit of each parameter's place in its box, so that a particle near an edge (a rate near
    // 0 %) moves as freely as one in the middle; the uniform prior there has density s(1 − s).
    const sigma = parameters.map((_, k) => Math.max(1e-3, Math.sqrt(2 * variance(values.slice(0, kept).map((v) => v.map((x, j) => toLogit(x, parameters[j]!))), k))));
    for (let i = kept; i < n; i++) {
      const from = Math.floor(rng.next() * kept);
      values[i] = values[from]!;
      distances[i] = distances[from]!;
      stats[i] = stats[from]!;
    }
    // One move per copy first; its share taken sets how many more each copy needs to have moved with probability
    // 1 − MOVE_MISS (Drovandi & Pettitt's R), and below MIN_ACCEPTANCE the tolerance has gone as low as the budget allows.
    const move = async (i: number): Promise<boolean | undefined> => {
      const from = values[i]!;
      const theta = from.map((x, k) => fromLogit(toLogit(x, parameters[k]!) + sigma[k]! * gaussian(rng), parameters[k]!));
      const ratio = theta.reduce((r, x, k) => r * priorOnLogit(x, parameters[k]!) / priorOnLogit(from[k]!, parameters[k]!), 1);
      if (rng.next() >= ratio) return false;
      const s = await simulate(theta);
      if (!s) return undefined;
      const d = distance(s);
      if (d > epsilon) return false;
      values[i] = theta;
      distances[i] = d;
      stats[i] = s;
      return true;
    };
    let tried = 0;
    let taken = 0;
    for (let i = kept; i < n && done < budget; i++) {
      const m = await move(i);
      if (m === undefined) return undefined;
      tried++;
      if (m) taken++;
    }
    const pilot = tried === 0 ? 0 : taken / tried;
    const more = pilot <= 0 ? MAX_MOVES - 1 : Math.min(MAX_MOVES, Math.ceil(Math.log(MOVE_MISS) / Math.log(1 - Math.min(pilot, 0.99)))) - 1;
    for (let r = 0; r < more && done < budget; r++) {
      for (let i = kept; i < n && done < budget; i++) {
        const m = await move(i);
        if (m === undefined) return undefined;
        tried++;
        if (m) taken++;
      }
    }
    steps.push({ epsilon, accepted: tried === 0 ? 0 : taken / tried });
    if (pilot < MIN_ACCEPTANCE) break;
  }
  options.onProgress?.(done, budget);
  // A copy that never moved in the last steps is the same particle twice: counted once, or the population would
  // look surer than its runs are (intervals narrower than the data allow).
  const unique = values.map((v, i) => i).filter((i) => values.indexOf(values[i]!) === i);
  return { parameters: [...parameters], values: unique.map((i) => values[i]!), stats: unique.map((i) => stats[i]!), distances: unique.map((i) => distances[i]!), steps, scales, simulations: done };
}

/** 1.4826 × the median absolute deviation (a standard deviation for normal data), at least 1 (one learner). */
function spread(xs: number[]): number {
  const med = median(xs);
  return Math.max(1, 1.4826 * median(xs.map((x) => Math.abs(x - med))));
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

function latinHypercube(rng: Rng, parameters: readonly AbcParameter[], m: number): number[][] {
  const columns = parameters.map((p) => {
    const strata = Array.from({ length: m }, (_, i) => i);
    for (let i = m - 1; i > 0; i--) { const j = Math.floor(rng.next() * (i + 1)); [strata[i], strata[j]] = [strata[j]!, strata[i]!]; }
    return strata.map((s) => p.min + ((s + rng.next()) / m) * (p.max - p.min));
  });
  return Array.from({ length: m }, (_, i) => columns.map((c) => c[i]!));
}

function variance(values: readonly number[][], k: number): number {
  let mean = 0;
  for (const v of values) mean += v[k]!;
  mean /= values.length;
  let sum = 0;
  for (const v of values) sum += (v[k]! - mean) ** 2;
  return sum / values.length;
}

/** The logit of `x`'s place in the box, kept finite (a place within 1e-9 of an edge counts as that distance). */
export function toLogit(x: number, p: AbcParameter): number {
  const t = Math.min(1 - 1e-9, Math.max(1e-9, (x - p.min) / (p.max - p.min)));
  return Math.log(t / (1 - t));
}

export function fromLogit(u: number, p: AbcParameter): number {
  return p.min + (p.max - p.min) / (1 + Math.exp(-u));
}

/** Density, up to a constant, of the uniform prior on the logit scale at `x`: t(1 − t), t = x's place in the box. */
function priorOnLogit(x: number, p: AbcParameter): number {
  const t = Math.min(1 - 1e-9, Math.max(1e-9, (x - p.min) / (p.max - p.min)));
  return t * (1 - t);
}

function gaussian(rng: Rng): number {
  const u = 1 - rng.next();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng.next());
}
