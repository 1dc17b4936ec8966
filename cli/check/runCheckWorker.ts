/**
 * A `llct check` worker thread (loaded by checkWorker.mjs): receives the settings as `workerData`, then batches
 * (`Work`); answers each with its `BatchResult`, one batch at a time, in the order received.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { createRowChecker } from './createRowChecker.ts';
import type { BatchResult, CheckSettings, Work } from './protocol.ts';

const port = parentPort;
if (!port) throw new Error('runCheckWorker.ts runs only as a worker thread');
const checker = createRowChecker(workerData as CheckSettings);
let queue: Promise<void> = Promise.resolve();

port.on('message', (work: Work) => {
  queue = queue.then(async () => {
    const result: BatchResult = await checker.checkWork(work);
    port.postMessage(result, [result.rows.buffer, result.ends.buffer] as ArrayBuffer[]);
  });
});
