import { describe, expect, it } from 'vitest';
import { runInChunks } from '../../editor/diff/runInChunks.ts';

const range = (n: number) => Array.from({ length: n }, (_, i) => i);

describe('runInChunks', () => {
  it('calls the step on every item in order and pauses after every full chunk', async () => {
    const seen: number[] = [];
    const log: string[] = [];
    const run = await runInChunks(range(5), (i) => { seen.push(i); log.push(`step ${i}`); }, {
      chunkSize: 2,
      pause: async () => { log.push('pause'); },
      onChunk: (done) => log.push(`chunk ${done}`),
    });
    expect(run).toEqual({ status: 'done', done: 5 });
    expect(seen).toEqual([0, 1, 2, 3, 4]);
    expect(log).toEqual(['step 0', 'step 1', 'chunk 2', 'pause', 'step 2', 'step 3', 'chunk 4', 'pause', 'step 4', 'chunk 5']);
  });

  it('pulls a lazy sequence only as far as it has got', async () => {
    let pulled = 0;
    function* items() { for (let i = 0; i < 10; i++) { pulled++; yield i; } }
    const pulledAtPause: number[] = [];
    await runInChunks(items(), () => undefined, { chunkSize: 4, pause: async () => { pulledAtPause.push(pulled); } });
    expect(pulledAtPause).toEqual([4, 8]);
  });

  it('ends a chunk early once its time budget is spent', async () => {
    let clock = 0;
    const chunks: number[] = [];
    await runInChunks(range(6), () => { clock += 10; }, {
      chunkSize: 100, budgetMs: 25, now: () => clock, pause: async () => undefined, onChunk: (d) => chunks.push(d),
    });
    expect(chunks).toEqual([3, 6]);
  });

  it('stops before the next chunk once the signal aborts, saying how many items were done', async () => {
    const controller = new AbortController();
    const seen: number[] = [];
    const run = await runInChunks(range(10), (i) => { seen.push(i); if (i === 2) controller.abort(); }, {
      chunkSize: 3, signal: controller.signal, pause: async () => undefined,
    });
    expect(run).toEqual({ status: 'cancelled', done: 3 });
    expect(seen).toEqual([0, 1, 2]);
  });

  it('does nothing when the signal has already aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    const seen: number[] = [];
    expect(await runInChunks(range(3), (i) => seen.push(i), { signal: controller.signal })).toEqual({ status: 'cancelled', done: 0 });
    expect(seen).toEqual([]);
  });

  it('reports one chunk for an empty sequence and yields to the event loop by default', async () => {
    const chunks: number[] = [];
    expect(await runInChunks([], () => undefined, { onChunk: (d) => chunks.push(d) })).toEqual({ status: 'done', done: 0 });
    expect(chunks).toEqual([0]);
    const run = await runInChunks(range(3), () => undefined, { chunkSize: 1 });
    expect(run).toEqual({ status: 'done', done: 3 });
  });
});
