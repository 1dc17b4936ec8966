/**
 * `llct simulate`'s thread pool fails cleanly: a worker that ended before the runs start (it could not load), or one
 * that ends in the middle, makes `runRuns` reject with why, instead of waiting for replies that never come.
 */
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { runRuns, type WorkerPool } from '../../cli/simulate/runRuns.ts';
import { hanoiPlan, scenario, spec } from './simulateKit.ts';

const SAMPLE = { kind: 'generate' as const, count: 300, seed: 'pool', referenceDate: '2024-03-01' };

function poolOf(source: string): { pool: WorkerPool; exited: Promise<number> } {
  const w = new Worker(source, { eval: true });
  const ended = new Map<Worker, Error>();
  const exited = new Promise<number>((resolve) => w.once('exit', (code) => { ended.set(w, new Error(`simulate worker exited with code ${code}`)); resolve(code); }));
  return { pool: { workers: [w], ended, close: async () => { await w.terminate(); } }, exited };
}

describe('runRuns with worker threads', () => {
  const s = spec(hanoiPlan(), SAMPLE);
  const sc = scenario(s);

  it('rejects at once with the reason of a worker that ended while the plan was read', async () => {
    const { pool, exited } = poolOf('process.exit(5)');
    expect(await exited).toBe(5);
    await expect(runRuns({ specs: [s], scenarios: [sc], seed: 1, runs: 40, pool, onProgress: () => {} })).rejects.toThrow('exited with code 5');
    await pool.close();
  }, 60_000);

  it('rejects when a worker ends in the middle of the runs', async () => {
    const { pool } = poolOf("require('node:worker_threads').parentPort.on('message', (m) => { if (m.type === 'run') process.exit(7); });");
    await expect(runRuns({ specs: [s], scenarios: [sc], seed: 1, runs: 40, pool, onProgress: () => {} })).rejects.toThrow('exited with code 7');
    await pool.close();
  }, 60_000);
});
