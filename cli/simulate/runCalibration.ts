/**
 * `llct simulate --plan P --calibrate OBSERVED.json`: the observations loaded against the plan (diagnostics naming
 * the file and the field; exit 2), the plan's assumed parameters fitted to them (engine/simulate/calibrate), the
 * result as a table or JSON (`llct/calibration`), and with `--calibrated-plan FILE` the plan rewritten with the fitted
 * values, each saying it was fitted, from what, with its interval. Returns the exit code: 0 done (whether or not the
 * observations fall inside the fitted bands: that is the report), 2 usage, file or observation error.
 */
import { dirname, relative, sep } from 'node:path';
import { calibratePlan } from '../../engine/simulate/calibrate/calibratePlan.ts';
import { applyCalibration } from '../../engine/simulate/calibrate/applyCalibration.ts';
import { loadObservations } from '../../engine/simulate/calibrate/loadObservations.ts';
import type { PlanInput } from '../../engine/documents/plan.ts';
import type { Seed } from '../../engine/generate/createRng.ts';
import type { Scenario } from '../../engine/simulate/prepareScenario.ts';
import type { CommandIO, ExitCode } from '../Command.ts';
import { createProgress } from '../progress.ts';
import { formatDiagnostic, readJson, resolvePath } from '../readFiles.ts';
import { describeWriteError } from '../writeErrors.ts';
import { writeFileSafely } from '../writeFileSafely.ts';
import { formatCalibrationText } from './formatCalibrationText.ts';

export interface CalibrationFlags {
  plan: string;
  observations: string;
  seed: Seed;
  runs: number;
  particles: number;
  simulations: number;
  fit: readonly string[] | undefined;
  format: 'table' | 'json';
  out: string | undefined;
  calibratedPlan: string | undefined;
  progress: boolean;
}

export async function runCalibration(ctx: CommandIO, sc: Scenario, f: CalibrationFlags): Promise<ExitCode> {
  const en = ctx.lang === 'en';
  const j = await readJson(ctx.cwd, f.observations);
  if (!j.ok) { ctx.err(`${formatDiagnostic({ ...j.diagnostic, file: f.observations }, ctx.lang)}\n`); return 2; }
  const loaded = loadObservations(j.value, sc.plan);
  for (const d of loaded.diagnostics) ctx.err(`${formatDiagnostic({ ...d, file: f.observations }, ctx.lang)}\n`);
  if (!loaded.ok) return 2;
  const progress = createProgress(f.progress || ctx.errIsTTY, ctx.errIsTTY, ctx.err, en ? 'Calibrating' : 'Đang hiệu chỉnh');
  const outcome = await calibratePlan(sc, loaded.value, {
    seed: f.seed, checkRuns: f.runs, particles: f.particles, simulations: f.simulations, ...(f.fit ? { fit: f.fit } : {}),
    onProgress: (d, t) => progress.update(d, t, `${d}/${t} ${en ? 'runs' : 'lần chạy'}`),
  });
  progress.finish();
  if (!outcome) return 2;
  if (!outcome.ok) { ctx.err(`--fit ${outcome.name}: ${outcome.reason[ctx.lang]}\n`); return 2; }
  const c = outcome.calibration;
  const text = f.format === 'json' ? `${JSON.stringify(c, null, 2)}\n` : formatCalibrationText(c, ctx.lang);
  if (f.calibratedPlan !== undefined) {
    const raw = await readJson(ctx.cwd, f.plan);
    if (!raw.ok) { ctx.err(`${formatDiagnostic(raw.diagnostic, ctx.lang)}\n`); return 2; }
    const target = resolvePath(ctx.cwd, f.calibratedPlan);
    const named = relative(dirname(target), resolvePath(ctx.cwd, f.observations)).split(sep).join('/');
    const plan = applyCalibration(raw.value as PlanInput, c, named);
    const w = await writeFileSafely(target, `${JSON.stringify(plan, null, 2)}\n`);
    if (!w.ok) { ctx.err(`${describeWriteError(f.calibratedPlan, w.error, ctx.lang)}\n`); return 2; }
    ctx.err(en ? `Wrote the calibrated plan to ${f.calibratedPlan}.\n` : `Đã ghi kế hoạch đã hiệu chỉnh vào ${f.calibratedPlan}.\n`);
  }
  if (f.out !== undefined) {
    const w = await writeFileSafely(resolvePath(ctx.cwd, f.out), text);
    if (!w.ok) { ctx.err(`${describeWriteError(f.out, w.error, ctx.lang)}\n`); return 2; }
    ctx.err(en ? `Wrote ${f.out}.\n` : `Đã ghi ${f.out}.\n`);
  } else ctx.out(text);
  return 0;
}
