/**
 * The Simulation view's worker shares its runs with helper threads and streams partial results, in Node: helpers
 * here are the helper's own message handler (serveRanges) behind replies that come back out of order. Whatever the
 * number of threads, the final results are byte for byte the one-shot result (every run on one thread, built once)
 * and `llct simulate`'s for the same plan, runs and seed; every partial result is the result of runs 0 … n − 1 (a
 * prefix in run order, n growing); a helper that fails on a range makes the request end with its reason, one that
 * never starts is left out.
 */
import { describe, expect, it } from 'vitest';
import { buildSimulationRequest } from '../../editor/simulation/buildSimulationRequest.ts';
import type { HelperReply } from '../../editor/simulation/helperProtocol.ts';
import { runSimulationRequest, type StartedHelper } from '../../editor/simulation/runSimulationRequest.ts';
import { serveRanges } from '../../editor/simulation/serveRanges.ts';
import type { SimulationReply, SimulationRequest } from '../../editor/simulation/simulationProtocol.ts';
import { planRecordId } from '../../editor/workspace/records.ts';
import { buildSimulationResult, type SimulationResult } from '../../engine/simulate/buildSimulationResult.ts';
import { runRange } from '../../engine/simulate/runMonteCarlo.ts';
import type { RunFigures } from '../../engine/simulate/runFigures.ts';
import { scenarioFromSpec, type ScenarioSpec } from '../../engine/simulate/scenarioFromSpec.ts';
import { simulateRun } from '../../engine/simulate/simulateRun.ts';
import { ROOT, runLlct } from '../cli/runLlct.ts';
import { createHarness } from '../workspace/workspaceHarness.ts';

const PLAN = planRecordId('ha-noi-2024');
const noPause = () => new Promise<void>((resolve) => { setImmediate(resolve); });

function request(runs: number, seed: string, cohort: 'plan' | 'sample'): SimulationRequest {
  const built = buildSimulationRequest(createHarness().store.records(), { a: { plan: PLAN, ruleset: 'by-date' }, runs, seed, cohort });
  if (!built.ok) throw new Error(built.reason.en);
  return built.request;
}

/** A helper in this process: the worker's own handler, its replies delayed by 0–4 ms so that they come back out of order. */
function helperKit(fail?: { afterRanges: number }) {
  const served: number[] = [];
  let closed = 0;
  const start = (specs: ScenarioSpec[], seed: number | string): StartedHelper => {
    const waiting = new Map<number, { resolve(f: RunFigures[]): void; reject(e: Error): void }>();
    let markReady = () => {};
    const ready = new Promise<void>((resolve) => { markReady = resolve; });
    const handle = serveRanges((r: HelperReply) => {
      if (r.kind === 'ready') { setTimeout(markReady, 5); return; }
      const p = waiting.get(r.seq)!;
      waiting.delete(r.seq);
      setTimeout(() => (r.kind === 'figures' ? p.resolve(r.figures) : p.reject(new Error(r.error))), (r.seq * 3) % 5);
    });
    handle({ kind: 'helper-setup', specs: structuredClone(specs), seed });
    let seq = 0;
    return {
      ready,
      run: (scenario, from, to) => new Promise((resolve, reject) => {
        const s = seq++;
        if (fail && served.length >= fail.afterRanges) { reject(new Error('helper thread lost')); return; }
        served.push(to - from);
        waiting.set(s, { resolve, reject });
        setImmediate(() => handle({ kind: 'helper-range', seq: s, scenario, from, to }));
      }),
      close: () => { closed++; },
    };
  };
  return { start, served, closed: () => closed };
}

async function run(req: SimulationRequest, threads: number, kit = helperKit()) {
  const replies: SimulationReply[] = [];
  await runSimulationRequest(structuredClone(req), { post: (r) => replies.push(structuredClone(r)), pause: noPause, threads, startHelper: kit.start, partialEveryMs: 0 });
  const done = replies[replies.length - 1];
  const partials = replies.flatMap((r) => (r.kind === 'partial' ? [r.results] : []));
  return { replies, done: done?.kind === 'done' ? done.results : undefined, partials, kit };
}

/** Every run on one thread, in order, and the result built once over the first `n`. */
function oneShot(req: SimulationRequest) {
  const sc = scenarioFromSpec(req.sides[0]!);
  const figures = runRange(sc, req.seed, 0, req.runs);
  const sample = simulateRun(sc, 0, req.seed);
  return (n: number): SimulationResult => buildSimulationResult(sc, figures.slice(0, n), sample, { seed: req.seed, scenario: req.sides[0]!.label, cohortSource: req.cohortSource });
}

describe('the Simulation view worker with helper threads', () => {
  const req = request(100, '2024', 'sample');
  const expected = oneShot(req);

  it('gives the one-shot result byte for byte with 1, 2 and 4 threads, the helpers running ranges and closed after', async () => {
    const whole = JSON.stringify(expected(req.runs));
    for (const threads of [1, 2, 4]) {
      const r = await run(req, threads);
      expect(JSON.stringify(r.done?.[0]) === whole, `${threads} threads: the same bytes`).toBe(true);
      expect(r.kit.served.length > 0, `${threads} threads: helpers ran ranges`).toBe(threads > 1);
      expect(r.kit.closed()).toBe(threads - 1);
    }
  }, 120_000);

  it('streams partial results that are the results of runs 0 … n − 1, n growing, before the final one', async () => {
    const r = await run(req, 2);
    expect(r.partials.length).toBeGreaterThan(2);
    const counts = r.partials.map((p) => p[0]!.runs);
    for (let i = 1; i < counts.length; i++) expect(counts[i]!).toBeGreaterThan(counts[i - 1]!);
    expect(counts[counts.length - 1]!).toBeLessThan(req.runs);
    for (const p of r.partials) expect(JSON.stringify(p[0]) === JSON.stringify(expected(p[0]!.runs)), `partial of ${p[0]!.runs} runs`).toBe(true);
    // Progress counts every run placed, and reaches the total before the final results.
    const progress = r.replies.flatMap((x) => (x.kind === 'progress' ? [x.done] : []));
    expect(progress[progress.length - 1]).toBe(req.runs);
    expect(r.replies[r.replies.length - 1]!.kind).toBe('done');
  }, 120_000);

  it('ends with the reason when a helper fails, and posts no result', async () => {
    const r = await run(req, 2, helperKit({ afterRanges: 2 }));
    const last = r.replies[r.replies.length - 1]!;
    expect(last).toEqual({ kind: 'error', message: 'helper thread lost' });
    expect(r.replies.some((x) => x.kind === 'done')).toBe(false);
    expect(r.kit.closed()).toBe(1);
  }, 120_000);

  it('leaves out a helper that never gets ready or fails to start: this thread runs its share, with the same result', async () => {
    const whole = JSON.stringify(expected(req.runs));
    for (const never of [true, false]) {
      const ready = never ? new Promise<void>(() => {}) : Promise.reject(new Error('could not load'));
      ready.catch(() => {});
      let asked = 0;
      const replies: SimulationReply[] = [];
      await runSimulationRequest(structuredClone(req), {
        post: (r) => replies.push(r), pause: noPause, threads: 2,
        startHelper: () => ({ ready, run: () => { asked++; return Promise.reject(new Error('not ready')); }, close: () => {} }),
      });
      const done = replies[replies.length - 1];
      expect(done?.kind).toBe('done');
      expect(done?.kind === 'done' && JSON.stringify(done.results[0]) === whole).toBe(true);
      expect(asked).toBe(0);
    }
  }, 120_000);

  it('answers a range asked before any setup with an error, not a crash', () => {
    const replies: HelperReply[] = [];
    serveRanges((x) => replies.push(x))({ kind: 'helper-range', seq: 4, scenario: 0, from: 0, to: 2 });
    expect(replies).toEqual([{ kind: 'failed', seq: 4, error: 'simulation helper: a range before the setup' }]);
  });

  it("gives the figures `llct simulate` gives for the same plan, runs and seed (the plan's generated cohort)", async () => {
    const small = request(6, '11', 'plan');
    const [page, cli] = await Promise.all([
      run(small, 1),
      runLlct(ROOT, ['simulate', '--plan', 'fixtures/plans/ha-noi-2024.json', '--runs', '6', '--seed', '11', '--workers', '0', '--format', 'json']),
    ]);
    expect(cli.code, cli.stderr).toBe(0);
    const c = JSON.parse(cli.stdout) as SimulationResult;
    const p = page.done![0]!;
    // The scenario's title and the words for the cohort are the page's own; every figure is the same.
    expect({ ...p, scenario: c.scenario, cohort: { ...p.cohort, source: c.cohort.source } }).toEqual(c);
  }, 120_000);
});
