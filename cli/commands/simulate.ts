/**
 * `llct simulate --plan P`: a yearly training plan run through the real rules and lifecycles, K times on seeded
 * draws (worker threads for many runs), reported as p5 / p50 / p95 of every figure — table, JSON, CSV or a
 * self-contained HTML report. `--compare` runs a second scenario (`--b-ruleset`, `--b-plan`, `--b-cadres`,
 * `--b-generate`) on the same seeds and reports the differences; `--calibrate OBSERVED.json` fits the plan's assumed
 * parameters to observed outcomes instead (cli/simulate/runCalibration.ts). Exit 0 done, 1 some cadre rows unreadable,
 * 2 usage, plan, file or ruleset error.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { buildSimulationResult, type SimulationResult } from '../../engine/simulate/buildSimulationResult.ts';
import { compareScenarios } from '../../engine/simulate/compareScenarios.ts';
import { findUncoveredClasses, type Coverage } from '../../engine/simulate/findUncoveredClasses.ts';
import { STEPPER_ENGINES } from '../../engine/simulate/createStepper.ts';
import { renderComparisonHtml, renderSimulationHtml, type HtmlOptions } from '../../engine/simulate/report/renderHtmlReport.ts';
import { comparisonToCsv, simulationToCsv } from '../../engine/simulate/report/simulationToCsv.ts';
import { scenarioFromSpec } from '../../engine/simulate/scenarioFromSpec.ts';
import { simulateRun } from '../../engine/simulate/simulateRun.ts';
import { defineCommand, type CommandIO, type ExitCode } from '../Command.ts';
import { LIMITS } from '../limits.ts';
import { createProgress } from '../progress.ts';
import { formatDiagnostic, resolvePath } from '../readFiles.ts';
import { loadSide, type LoadedSide } from '../simulate/loadSide.ts';
import { formatComparisonText, formatSimulationText } from '../simulate/formatSimulationText.ts';
import { runCalibration } from '../simulate/runCalibration.ts';
import { runRuns, startWorkers, type WorkerPool } from '../simulate/runRuns.ts';
import { describeWriteError } from '../writeErrors.ts';
import { writeFileSafely } from '../writeFileSafely.ts';
import { runDetail, usageError } from './shared.ts';

export const simulate = defineCommand(
  {
    name: 'simulate',
    summary: { vi: 'mô phỏng kế hoạch đào tạo năm qua quy định và quy trình lớp thật, nhiều lần chạy', en: 'simulate a yearly training plan through the real rules and lifecycles, over many runs' },
    options: [
      { name: 'plan', type: 'string', valueName: 'FILE', required: true, description: { vi: 'tệp kế hoạch (llct/plan)', en: 'plan file (llct/plan)' } },
      { name: 'cadres', type: 'string', valueName: 'FILE', description: { vi: 'tệp hồ sơ cán bộ các cơ quan cử (JSON, JSON lines, CSV)', en: 'cadre file the agencies nominate from (JSON, JSON lines, CSV)' } },
      { name: 'generate', type: 'integer', valueName: 'N', min: 1, max: LIMITS.cohort, description: { vi: 'sinh N hồ sơ theo các cơ quan của kế hoạch (mặc định: cohort của kế hoạch)', en: "generate N profiles over the plan's agencies (default: the plan's cohort)" } },
      { name: 'runs', type: 'integer', valueName: 'K', default: 100, min: 1, max: LIMITS.runs, description: { vi: 'số lần chạy Monte Carlo', en: 'Monte Carlo runs' } },
      { name: 'seed', type: 'string', valueName: 'S', default: '2024', description: { vi: 'hạt giống: cùng hạt giống, cùng kết quả', en: 'seed: the same seed gives the same result' } },
      { name: 'workers', type: 'integer', valueName: 'N', max: LIMITS.workers, description: { vi: 'số luồng worker chạy cùng luồng chính (0: chỉ luồng chính; mặc định: số lõi trừ một, khi từ 100 lần chạy)', en: 'worker threads running alongside the main thread (0: main thread only; default: one fewer than the cores, from 100 runs)' } },
      { name: 'ruleset', type: 'string', valueName: 'ID|FILE', description: { vi: 'áp dụng một bộ quy tắc cho mọi ngày cử (57-qd-tw, 350-qd-tw hoặc tệp)', en: 'apply one ruleset whatever the nomination date (57-qd-tw, 350-qd-tw or a file)' } },
      { name: 'compare', type: 'boolean', description: { vi: 'so sánh với kịch bản B (--b-ruleset, --b-plan, --b-cadres, --b-generate)', en: 'compare with scenario B (--b-ruleset, --b-plan, --b-cadres, --b-generate)' } },
      { name: 'b-ruleset', type: 'string', valueName: 'ID|FILE', description: { vi: 'kịch bản B: bộ quy tắc', en: 'scenario B: ruleset' } },
      { name: 'b-plan', type: 'string', valueName: 'FILE', description: { vi: 'kịch bản B: kế hoạch', en: 'scenario B: plan' } },
      { name: 'b-cadres', type: 'string', valueName: 'FILE', description: { vi: 'kịch bản B: tệp hồ sơ', en: 'scenario B: cadre file' } },
      { name: 'b-generate', type: 'integer', valueName: 'N', min: 1, max: LIMITS.cohort, description: { vi: 'kịch bản B: sinh N hồ sơ', en: 'scenario B: generate N profiles' } },
      { name: 'engine', type: 'enum', values: STEPPER_ENGINES, default: 'compiled', description: { vi: 'chạy quy trình bằng bảng đã biên dịch hoặc máy XState', en: 'run lifecycles with the compiled tables or the XState machine' } },
      { name: 'format', type: 'enum', values: ['table', 'json', 'csv', 'html'], default: 'table', description: { vi: 'định dạng kết quả', en: 'output format' } },
      { name: 'out', type: 'string', valueName: 'FILE', description: { vi: 'ghi vào tệp thay vì stdout', en: 'write to a file instead of stdout' } },
      { name: 'progress', type: 'boolean', description: { vi: 'hiện tiến độ trên stderr cả khi không phải terminal', en: 'show progress on stderr even when it is not a terminal' } },
      { name: 'calibrate', type: 'string', valueName: 'OBSERVED.json', description: { vi: 'hiệu chỉnh các tham số giả định theo số liệu quan sát (llct/observations); --runs: số lần chạy kiểm tra độ khớp', en: 'fit the assumed parameters to observed outcomes (llct/observations); --runs: runs of the goodness-of-fit check' } },
      { name: 'particles', type: 'integer', valueName: 'N', default: 100, min: 4, max: 10_000, description: { vi: 'hiệu chỉnh: số hạt ABC-SMC', en: 'calibration: ABC-SMC particles' } },
      { name: 'simulations', type: 'integer', valueName: 'N', default: 4000, min: 4, max: 1_000_000, description: { vi: 'hiệu chỉnh: tổng số lần chạy khi tìm tham số', en: 'calibration: runs spent fitting' } },
      { name: 'fit', type: 'string', valueName: 'NAME', multiple: true, description: { vi: 'hiệu chỉnh: chỉ khớp tham số này (mặc định: các tham số giả định mà số liệu phụ thuộc)', en: 'calibration: fit this parameter only (default: the assumed parameters the figures depend on)' } },
      { name: 'calibrated-plan', type: 'string', valueName: 'FILE', description: { vi: 'hiệu chỉnh: ghi kế hoạch với các giá trị đã khớp vào tệp', en: 'calibration: write the plan with the fitted values to a file' } },
    ],
  },

  async (ctx): Promise<ExitCode> => {
    const v = ctx.values;
    const en = ctx.lang === 'en';
    if (v.cadres !== undefined && v.generate !== undefined) return usageError(ctx, 'simulate', { vi: 'Chỉ dùng một trong --cadres và --generate.', en: 'Give --cadres or --generate, not both.' });
    const bGiven = [v['b-ruleset'], v['b-plan'], v['b-cadres'], v['b-generate']].some((x) => x !== undefined);
    if (bGiven && !v.compare) return usageError(ctx, 'simulate', { vi: 'Các tùy chọn --b-… chỉ dùng với --compare.', en: 'The --b-… options go with --compare.' });
    if (v.compare && !bGiven) return usageError(ctx, 'simulate', { vi: '--compare cần ít nhất một trong --b-ruleset, --b-plan, --b-cadres, --b-generate.', en: '--compare needs at least one of --b-ruleset, --b-plan, --b-cadres, --b-generate.' });
    if (v['b-cadres'] !== undefined && v['b-generate'] !== undefined) return usageError(ctx, 'simulate', { vi: 'Chỉ dùng một trong --b-cadres và --b-generate.', en: 'Give --b-cadres or --b-generate, not both.' });
    const seed = /^\d{1,9}$/.test(v.seed) ? Number(v.seed) : v.seed;
    const calibrationOnly = [v.fit, v['calibrated-plan']].some((x) => x !== undefined);
    if (calibrationOnly && v.calibrate === undefined) return usageError(ctx, 'simulate', { vi: '--fit và --calibrated-plan chỉ dùng với --calibrate.', en: '--fit and --calibrated-plan go with --calibrate.' });
    if (v.calibrate !== undefined && (v.compare || (v.format !== 'table' && v.format !== 'json'))) return usageError(ctx, 'simulate', { vi: '--calibrate không dùng với --compare; định dạng: table hoặc json.', en: '--calibrate does not go with --compare; format: table or json.' });

    // Worker threads load the engine while this thread reads the plan and the cohort; they end with the command. The
    // main thread runs too, so one thread per core is one worker fewer than the cores (each thread warms up on its own).
    const workers = v.calibrate !== undefined ? 0 : v.workers ?? (v.runs >= 100 ? Math.min(4, availableParallelism()) - 1 : 0);
    const pool = workers > 0 ? startWorkers(workers) : undefined;
    try {
      return await simulateWith(pool);
    } finally {
      await pool?.close();
    }

    async function simulateWith(pool: WorkerPool | undefined): Promise<ExitCode> {
      const a = await loadSide(ctx, { plan: v.plan, ruleset: v.ruleset, cadres: v.cadres, generate: v.generate, seed, engine: v.engine });
      if (!a) return 2;
      const sides: LoadedSide[] = [a];
      if (v.compare) {
        const b = await loadSide(ctx, {
          plan: v['b-plan'] ?? v.plan, ruleset: v['b-ruleset'] ?? v.ruleset, seed, engine: v.engine,
          cadres: v['b-cadres'] ?? (v['b-generate'] === undefined ? v.cadres : undefined), generate: v['b-generate'] ?? (v['b-cadres'] === undefined ? v.generate : undefined),
        });
        if (!b) return 2;
        sides.push(b);
      }
      const scenarios = sides.map((s) => scenarioFromSpec(s.spec));
      // The sample run comes first: it shows whether any rule can judge the plan's nominations at all.
      const samples = scenarios.map((sc) => simulateRun(sc, 0, seed));
      for (const [i, sc] of scenarios.entries()) {
        if (!reportUncovered(ctx, sides[i]!, findUncoveredClasses(sc, samples[i]!))) return 2;
      }
      if (v.calibrate !== undefined) {
        return runCalibration(ctx, scenarios[0]!, {
          plan: v.plan, observations: v.calibrate, seed, runs: v.runs, particles: v.particles, simulations: v.simulations, fit: v.fit,
          format: v.format === 'json' ? 'json' : 'table', out: v.out, calibratedPlan: v['calibrated-plan'], progress: v.progress === true,
        });
      }
      const detail = runDetail(ctx.lang, { workers: pool?.workers.length ?? 0 });
      const label = `${en ? 'Simulating' : 'Đang mô phỏng'}${detail.length > 0 ? ` (${detail.join(', ')})` : ''}`;
      const progress = createProgress(v.progress === true || (ctx.errIsTTY && v.runs >= 20), ctx.errIsTTY, ctx.err, label);
      const figures = await runRuns({ specs: sides.map((s) => s.spec), scenarios, seed, runs: v.runs, ...(pool ? { pool } : {}), onProgress: (d, t) => progress.update(d, t, `${d}/${t} ${en ? 'runs' : 'lần chạy'}`) });
      progress.finish();
      const results: SimulationResult[] = scenarios.map((sc, i) => buildSimulationResult(sc, figures[i]!, samples[i]!,
        { seed, cohortSource: sides[i]!.cohortSource, warnings: sides[i]!.warnings }));

      let text: string;
      const html = v.format === 'html' ? await htmlOptions(ctx) : undefined;
      if (v.format === 'html' && !html) return 2;
      if (v.compare) {
        const cmp = compareScenarios(
          { scenario: scenarios[0]!, figures: figures[0]!, sample: samples[0]!, result: results[0]! },
          { scenario: scenarios[1]!, figures: figures[1]!, sample: samples[1]!, result: results[1]! });
        text = v.format === 'json' ? `${JSON.stringify({ ...cmp, results }, null, 2)}\n`
          : v.format === 'csv' ? comparisonToCsv(cmp, ctx.lang)
            : v.format === 'html' ? renderComparisonHtml(cmp, `${results[0]!.plan.title[ctx.lang]} — ${en ? 'what-if' : 'so sánh kịch bản'}`, html!)
              : formatComparisonText(cmp, ctx.lang);
      } else {
        const r = results[0]!;
        text = v.format === 'json' ? `${JSON.stringify(r, null, 2)}\n`
          : v.format === 'csv' ? simulationToCsv(r, ctx.lang)
            : v.format === 'html' ? renderSimulationHtml(r, sides[0]!.spec.plan.figures, html!)
              : formatSimulationText(r, ctx.lang);
      }
      if (v.out !== undefined) {
        const w = await writeFileSafely(resolvePath(ctx.cwd, v.out), text);
        if (!w.ok) { ctx.err(`${describeWriteError(v.out, w.error, ctx.lang)}\n`); return 2; }
        ctx.err(en ? `Wrote ${v.out}.\n` : `Đã ghi ${v.out}.\n`);
      } else ctx.out(text);
      return sides.some((s) => s.invalidRows > 0) ? 1 : 0;
    }
  },
);

/** Chart.js's UMD build, read from node_modules, and a SHA-256 for the report's CSP. */
async function htmlOptions(ctx: CommandIO): Promise<HtmlOptions | undefined> {
  try {
    const main = createRequire(import.meta.url).resolve('chart.js');
    const chartJs = await readFile(join(dirname(main), 'chart.umd.min.js'), 'utf8');
    return { lang: ctx.lang, chartJs, sha256: (t) => createHash('sha256').update(t, 'utf8').digest('base64') };
  } catch (e) {
    ctx.err(ctx.lang === 'en' ? `Cannot read Chart.js (npm install needed): ${String(e)}\n` : `Không đọc được Chart.js (cần npm install): ${String(e)}\n`);
    return undefined;
  }
}

/**
 * Says which classes no rule could judge (no regulation in force on their nomination dates, or none covering their
 * level), with the diagnostic `llct check` gives for the same nomination, located at the class in the plan. When no
 * nomination at all could be judged, the simulation is refused as check and diff refuse it (false: exit 2);
 * otherwise the classes are warnings, added to the side's warnings, and the run goes on.
 */
function reportUncovered(ctx: CommandIO, side: LoadedSide, coverage: Coverage): boolean {
  const refused = coverage.uncovered.length > 0 && coverage.judged === 0;
  for (const u of coverage.uncovered) {
    const d = {
      ...u.diagnostic, file: side.planFile, severity: refused ? 'error' as const : 'warning' as const,
      message: `lớp ${u.classId} (cử ngày ${u.on}, ${u.unjudged}/${u.considered} hồ sơ không xét được): ${u.diagnostic.message}`,
      messageEn: `class ${u.classId} (nominated on ${u.on}, ${u.unjudged} of ${u.considered} candidates not judged): ${u.diagnostic.messageEn}`,
    };
    ctx.err(`${formatDiagnostic(d, ctx.lang)}\n`);
    if (!refused) side.warnings.push(d);
  }
  return !refused;
}
