/**
 * Worker threads that build and check batches for `llct check` (see runCheckWorker.ts). Each batch goes to the
 * least busy worker; the promise of its result is returned at once, so the caller keeps reading while workers
 * check, and restores file order itself. A worker that fails rejects every batch it holds.
 */
import { Worker } from 'node:worker_threads';
import type { BatchResult, CheckSettings, Work } from './protocol.ts';

export interface WorkerPool {
  /** Sends a batch; resolves with its result. */
  submit(work: Work): Promise<BatchResult>;
  /** Batches sent and not yet answered. */
  readonly busy: number;
  close(): Promise<void>;
}

interface Slot {
  worker: Worker;
  waiting: Map<number, { resolve: (r: BatchResult) => void; reject: (e: unknown) => void }>;
}

const ENTRY = new URL('./checkWorker.mjs', import.meta.url);
/**
 * A worker holds a batch (a few hundred rows) at a time; capping its old generation makes V8 collect garbage
 * before the heap balloons, which keeps the process's peak memory flat. Generous against a pathological row.
 */
const WORKER_HEAP_MB = 384;

export function createWorkerPool(size: number, settings: CheckSettings): WorkerPool {
  const slots: Slot[] = [];
  for (let i = 0; i < size; i++) {
    const worker = new Worker(ENTRY, { workerData: settings, resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } });
    const slot: Slot = { worker, waiting: new Map() };
    const failAll = (e: unknown) => {
      for (const w of slot.waiting.values()) w.reject(e);
      slot.waiting.clear();
    };
    worker.on('message', (r: BatchResult) => {
      const w = slot.waiting.get(r.seq);
      slot.waiting.delete(r.seq);
      w?.resolve(r);
    });
    worker.on('error', failAll);
    worker.on('exit', (code) => { if (slot.waiting.size > 0) failAll(new Error(`check worker exited with code ${code}`)); });
    slots.push(slot);
  }
  let busy = 0;
  return {
    get busy() { return busy; },
    submit(work) {
      let slot = slots[0]!;
      for (const s of slots) if (s.waiting.size < slot.waiting.size) slot = s;
      busy++;
      return new Promise<BatchResult>((resolve, reject) => {
        slot.waiting.set(work.seq, {
          resolve: (r) => { busy--; resolve(r); },
          reject: (e) => { busy--; reject(e); },
        });
        const transfer = work.kind === 'csv' ? [work.rows.buffer, work.lines.buffer, work.lens.buffer] : [work.rows.buffer, work.lines.buffer];
        slot.worker.postMessage(work, transfer as ArrayBuffer[]);
      });
    },
    async close() {
      await Promise.all(slots.map((s) => s.worker.terminate()));
    },
  };
}
