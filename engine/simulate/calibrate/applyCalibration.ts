/**
 * A plan with its parameters set to a calibration's fitted values: each fitted parameter gets the value, stays
 * `assumed`, says in `source` (Vietnamese / English, as the page's edited parameters do) that it was fitted, to what
 * and with which interval, and carries the fit as data (`fitted`: observation file, observations used, interval,
 * method, seed). Every other field of the plan, and every parameter not fitted, is kept as it was. Works on the plan
 * as written (`PlanInput`), so that a file rewritten with it differs only in its parameters. Pure.
 */
import type { PlanInput, PlanParameter } from '../../documents/plan.ts';
import type { Calibration } from './calibratePlan.ts';

/** `observationsFile`: how the plan names the observation file (a path relative to the plan, or an id). */
export function applyCalibration<P extends PlanInput>(plan: P, calibration: Calibration, observationsFile: string): P {
  return { ...plan, parameters: calibratedParameters(plan.parameters ?? {}, calibration, observationsFile) };
}

/** A plan's `parameters` (as written, possibly not yet valid) with the calibration's fitted ones set; the others kept. */
export function calibratedParameters<T extends object>(parameters: T, calibration: Calibration, observationsFile: string): T & Record<string, PlanParameter> {
  const used = calibration.fit.map((f) => f.id);
  const observed = calibration.fit.filter((f) => f.kind === 'observed').map((f) => f.id);
  const planned = calibration.fit.filter((f) => f.kind === 'planned').map((f) => f.id);
  const out: Record<string, unknown> = { ...(parameters as Record<string, unknown>) };
  for (const p of calibration.parameters) {
    const range = `${format(p.interval.p5)}–${format(p.interval.p95)}`;
    const vi = `Hiệu chỉnh (${calibration.method.name}, hạt giống ${String(calibration.seed)}) theo ${observationsFile}: quan sát ${observed.join(', ') || '—'}; mục tiêu mềm (kế hoạch) ${planned.join(', ') || '—'}. Khoảng 90 %: ${range}. Nguồn số liệu: ${calibration.observations.source}`;
    const en = `Fitted (${calibration.method.name}, seed ${String(calibration.seed)}) to ${observationsFile}: observed ${observed.join(', ') || '—'}; soft (planned) targets ${planned.join(', ') || '—'}. 90 % interval: ${range}.`;
    out[p.name] = {
      value: p.value, confidence: 'assumed', source: `${vi} / ${en}`,
      fitted: { observations: observationsFile, used, interval: { ...p.interval }, method: calibration.method.name, seed: calibration.seed },
    } satisfies PlanParameter;
  }
  return out as T & Record<string, PlanParameter>;
}

function format(x: number): string {
  return String(Math.round(x * 100) / 100);
}
