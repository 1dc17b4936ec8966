/**
 * The simulate section of `npm run bench`: (1) the Hà Nội 2024 plan × 1,000 runs end to end with the real CLI
 * (`llct simulate --workers N --format json`), wall time from spawn to exit; (2) lifecycle steps per second of the
 * compiled tables and of XState on the same simulated classes (the 2024 opening's three classes over its 210 cadres,
 * whose traces the tests prove identical), in this process; (3) the national plan (2,000 classes, 1,000,000 cadres, one
 * run) in a child process, with its peak RSS.
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { CadreProfile } from '../engine/documents/cadre.ts';
import { builtinDocuments } from '../engine/builtin.ts';
import { loadPlan } from '../engine/simulate/loadPlan.ts';
import { scenarioFromSpec } from '../engine/simulate/scenarioFromSpec.ts';
import { simulateRun } from '../engine/simulate/simulateRun.ts';
import { builtinLifecycles } from '../engine/lifecycle/builtinLifecycles.ts';
import { envInt, log, round } from './measure.ts';

const RUNS = envInt('BENCH_SIM_RUNS', 1000);
// The CLI's own default: the main thread runs too, so one worker fewer than the cores.
const WORKERS = envInt('BENCH_SIM_WORKERS', Math.max(0, Math.min(4, availableParallelism()) - 1));

function spawnTimed(args: string[], env: Record<string, string> = {}): Promise<{ seconds: number; stdout: string; code: number | null }> {
  const t = performance.now();
  return new Promise((resolve) => {
    execFile(process.execPath, args, { maxBuffer: 256 * 1024 * 1024, env: { ...process.env, ...env } }, (err, stdout) => {
      resolve({ seconds: round((performance.now() - t) / 1000, 2), stdout, code: err ? (typeof err.code === 'number' ? err.code : null) : 0 });
    });
  });
}

function stepsPerSecond() {
  const docs = builtinDocuments();
  const raw = JSON.parse(readFileSync('fixtures/plans/ha-noi-2024.json', 'utf8')) as unknown;
  const loaded = loadPlan(raw, { institutions: docs.institutions, rulesetIds: docs.rulesets.map((r) => r.id), classLifecycle: builtinLifecycles().classLifecycle });
  if (!loaded.ok) throw new Error('the Hà Nội plan does not load');
  const plan = { ...loaded.value, classes: loaded.value.classes.slice(0, 3) };
  const profiles = (JSON.parse(readFileSync('fixtures/cadres/hanoi-2024-central-agencies.json', 'utf8')) as unknown[]).map((r) => CadreProfile.parse(r));
  const make = (engine: 'compiled' | 'xstate') => scenarioFromSpec({
    label: engine, plan, cohort: { kind: 'profiles', profiles, source: 'sample' }, rulesets: docs.rulesets, regardlessOfDate: false, engine,
    catalogues: { positions: docs.positions, institutions: docs.institutions }, lifecycles: builtinLifecycles(),
  });
  const compiled = make('compiled');
  const xstate = make('xstate');
  // Work per run, counted by the compiled stepper: class events and learner events taken (the same on both engines).
  const before = compiled.classes.reduce((n, c) => n + c.stepper.steps(), 0);
  simulateRun(compiled, 0, 1);
  const stepsPerRun = compiled.classes.reduce((n, c) => n + c.stepper.steps(), 0) - before;
  const time = (sc: typeof compiled, minSeconds: number) => {
    simulateRun(sc, 1, 1);
    let runs = 0;
    const c0 = process.cpuUsage();
    const t = performance.now();
    while (performance.now() - t < minSeconds * 1000) { simulateRun(sc, 2 + runs, 1); runs++; }
    const cpu = process.cpuUsage(c0);
    return { runs, wallSeconds: round((performance.now() - t) / 1000, 2), cpuSeconds: round((cpu.user + cpu.system) / 1e6, 2) };
  };
  const c = time(compiled, 3);
  const x = time(xstate, 3);
  const rate = (r: { runs: number; cpuSeconds: number }) => Math.round((r.runs * stepsPerRun) / r.cpuSeconds);
  return {
    workload: 'the three classes opened on 16/05/2024, over the 210 cadres of fixtures/cadres/hanoi-2024-central-agencies.json, whole runs (screening included)',
    stepsPerRun, compiled: { ...c, stepsPerCpuSecond: rate(c) }, xstate: { ...x, stepsPerCpuSecond: rate(x) }, ratio: round(rate(c) / rate(x), 1),
  };
}

export async function simulateBench() {
  log(`simulate: Hà Nội 2024 plan × ${RUNS} runs, ${WORKERS} workers (llct simulate)`);
  const hanoi = await spawnTimed(['bin/llct.mjs', 'simulate', '--plan', 'fixtures/plans/ha-noi-2024.json', '--runs', String(RUNS), '--workers', String(WORKERS), '--seed', '2024', '--format', 'json']);
  const result = hanoi.code === 0 ? JSON.parse(hanoi.stdout) as { kpis: Array<{ name: string; stats: unknown }> } : undefined;
  log('simulate: lifecycle steps per second, compiled vs XState');
  const steps = stepsPerSecond();
  log('simulate: national plan, 2,000 classes over 1,000,000 cadres, one run (child process)');
  const national = await spawnTimed(['--import', 'tsx', 'bench/simulateNational.ts']);
  return {
    hanoi2024: { runs: RUNS, workers: WORKERS, exitCode: hanoi.code, wallSeconds: hanoi.seconds, targetSeconds: 10, met: hanoi.code === 0 && hanoi.seconds < 10,
      p50: result ? Object.fromEntries(result.kpis.map((k) => [k.name, k.stats])) : null },
    lifecycleSteps: steps,
    national: national.code === 0 ? { ...JSON.parse(national.stdout) as object, wallSecondsWithStartup: national.seconds, targets: { seconds: 30, peakRssMiB: 2048 } } : { exitCode: national.code },
  };
}
