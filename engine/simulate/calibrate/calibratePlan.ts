/**
 * A plan's uncertain parameters fitted to observed outcomes (`llct simulate --calibrate`, the page's calibration
 * panel): the targets and the parameters to fit (calibrationTargets.ts), ABC-SMC over the parameters' fit ranges
 * (runAbcSmc.ts), each fitted value the posterior median with its 90 % interval (p5–p95 of the weighted population),
 * then the goodness of fit: `checkRuns` runs of the plan with the fitted values and with the values it had, on the
 * seeds `llct simulate --seed` uses (so the fitted bands are what a simulation of the calibrated plan shows), each
 * target's band, whether the observed value is inside it, its position in the runs and the discrepancy of the median.
 * The same seed gives the same result. Pure.
 */
import type { Label } from '../../documents/enums.ts';
import type { Observations } from '../../documents/observations.ts';
import { PLAN_PARAMETER_FIT_RANGES, PLAN_PARAMETERS, type PlanParameterName, type PlanParameterUnit } from '../../documents/planParameters.ts';
import type { Seed } from '../../generate/createRng.ts';
import type { Scenario } from '../prepareScenario.ts';
import { simulateRun } from '../simulateRun.ts';
import { statsOf, type FigureStats } from '../summarizeRuns.ts';
import { chooseFitted, statOf, targetsOf, type CalibrationTarget } from './calibrationTargets.ts';
import { adjustByRegression } from './adjustByRegression.ts';
import { runAbcSmc, type AbcStep } from './runAbcSmc.ts';
import { weightedQuantile } from './weightedQuantile.ts';

export const CALIBRATION_METHOD = 'abc-smc';

export interface CalibrationOptions {
  seed: Seed;
  /** ABC-SMC particles (default 100). */
  particles?: number;
  /** Simulated runs of the fit (default 4,000). */
  simulations?: number;
  /** Share of the particles replaced at each step (default 0.5). */
  alpha?: number;
  /** Runs of the goodness-of-fit check, with the fitted and with the former values (default 200). */
  checkRuns?: number;
  /** Parameters to fit; default: those the observed figures depend on (calibrationTargets.ts). */
  fit?: readonly string[];
  onProgress?(done: number, total: number): void;
  signal?: { readonly aborted: boolean };
  pause?(): Promise<void>;
}

export interface FittedParameter {
  name: PlanParameterName;
  label: Label;
  unit: PlanParameterUnit;
  /** The value the plan had (its own or the documented default). */
  before: number;
  /** Posterior median, rounded to hundredths. */
  value: number;
  /** 90 % interval: posterior p5 and p95. */
  interval: { p5: number; p95: number };
  /** The fit range searched (the uniform prior). */
  range: { min: number; max: number };
}

export interface FitCheck {
  id: string;
  label: Label;
  figure: CalibrationTarget['figure'];
  kind: CalibrationTarget['kind'];
  classes: string[];
  value: number;
  source: CalibrationTarget['source'];
  /** The target's figure over the check runs, with the fitted values and with the former ones. */
  fitted: FigureStats;
  before: FigureStats;
  /** Whether the value lies in the fitted p5–p95 band. */
  inside: boolean;
  /** Percent of fitted runs below the value, runs equal to it counted half (50: the value is the median). */
  position: number;
  /** Fitted median minus the value, in learners, and as a percent of the value. */
  discrepancy: number;
  relative: number;
}

export interface Calibration {
  schema: 'llct/calibration';
  version: 1;
  plan: string;
  observations: { title: Label; source: string };
  seed: Seed;
  method: { name: typeof CALIBRATION_METHOD; particles: number; alpha: number; checkRuns: number; simulations: number };
  parameters: FittedParameter[];
  fit: FitCheck[];
  /** The sampler's steps: tolerance and share of moves taken. */
  steps: AbcStep[];
  /** Every `observed` target inside its fitted band (planned ones are soft and do not count). */
  observedInside: boolean;
}

export type CalibrationOutcome =
  | { ok: true; calibration: Calibration }
  | { ok: false; name: string; reason: Label };

/** `undefined` when cancelled through `signal`. */
export async function calibratePlan(sc: Scenario, doc: Observations, options: CalibrationOptions): Promise<CalibrationOutcome | undefined> {
  const targets = targetsOf(sc, doc);
  const chosen = chooseFitted(sc.plan, targets, options.fit);
  if (!chosen.ok) return chosen;
  if (chosen.names.length === 0) {
    return { ok: false, name: '', reason: { vi: 'Không còn tham số giả định nào để hiệu chỉnh.', en: 'No assumed parameter is left to fit.' } };
  }
  const particles = options.particles ?? 100;
  const alpha = options.alpha ?? 0.5;
  const checkRuns = options.checkRuns ?? 200;
  const fitTotal = Math.max(particles, options.simulations ?? 4000);
  const total = fitTotal + 2 * checkRuns;
  const parameters = chosen.names.map((name) => ({ name, ...PLAN_PARAMETER_FIT_RANGES[name]! }));
  const abc = await runAbcSmc(sc, targets, parameters, {
    seed: options.seed, particles, simulations: fitTotal, alpha, ...(options.signal ? { signal: options.signal } : {}), ...(options.pause ? { pause: options.pause } : {}),
    onProgress: (d) => options.onProgress?.(d, total),
  });
  if (!abc) return undefined;
  const round = (x: number) => Math.round(x * 100) / 100;
  const { values, weights } = adjustByRegression({
    parameters, values: abc.values, stats: abc.stats, distances: abc.distances,
    targets: targets.map((t, j) => ({ value: t.value, scale: abc.scales[j]!, use: t.kind === 'observed' })),
  });
  const fitted: FittedParameter[] = parameters.map((p, k) => {
    const column = values.map((v) => v[k]!);
    const def = PLAN_PARAMETERS[p.name];
    return {
      name: p.name, label: def.label, unit: def.unit, before: sc.params[p.name], value: round(weightedQuantile(column, weights, 0.5)),
      interval: { p5: round(weightedQuantile(column, weights, 0.05)), p95: round(weightedQuantile(column, weights, 0.95)) }, range: { min: p.min, max: p.max },
    };
  });
  const after = { ...sc.params };
  for (const f of fitted) after[f.name] = f.value;
  const before = await checkBands({ ...sc, params: sc.params }, targets, checkRuns, options, fitTotal, total);
  if (!before) return undefined;
  const now = await checkBands({ ...sc, params: after }, targets, checkRuns, options, fitTotal + checkRuns, total);
  if (!now) return undefined;
  const fit: FitCheck[] = targets.map((t, i) => {
    const runs = now[i]!;
    const stats = statsOf(runs);
    const below = runs.filter((x) => x < t.value).length;
    const equal = runs.filter((x) => x === t.value).length;
    return {
      id: t.id, label: t.label, figure: t.figure, kind: t.kind, classes: t.classes, value: t.value, source: t.source, fitted: stats, before: statsOf(before[i]!),
      inside: stats.p5 <= t.value && t.value <= stats.p95, position: round(((below + equal / 2) / runs.length) * 100),
      discrepancy: stats.p50 - t.value, relative: t.value === 0 ? 0 : round(((stats.p50 - t.value) / t.value) * 100),
    };
  });
  options.onProgress?.(total, total);
  return {
    ok: true,
    calibration: {
      schema: 'llct/calibration', version: 1, plan: sc.plan.id, observations: { title: doc.title, source: doc.source }, seed: options.seed,
      method: { name: CALIBRATION_METHOD, particles, alpha, checkRuns, simulations: abc.simulations + 2 * checkRuns },
      parameters: fitted, fit, steps: abc.steps, observedInside: fit.every((f) => f.kind !== 'observed' || f.inside),
    },
  };
}

/** Each target's figure in runs 0 … runs − 1 of `seed` (the runs `llct simulate --seed` makes). */
async function checkBands(sc: Scenario, targets: readonly CalibrationTarget[], runs: number, options: CalibrationOptions, start: number, total: number): Promise<number[][] | undefined> {
  const out = targets.map(() => [] as number[]);
  for (let i = 0; i < runs; i++) {
    if (i % 10 === 0) {
      if (options.signal?.aborted) return undefined;
      options.onProgress?.(start + i, total);
      if (options.pause) await options.pause();
    }
    const r = simulateRun(sc, i, options.seed);
    targets.forEach((t, k) => out[k]!.push(statOf(r, t)));
  }
  return out;
}
