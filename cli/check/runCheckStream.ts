/**
 * `llct check` as a stream: the main thread reads and scans the file (openCadreSource.ts), hands batches of rows
 * to checkers — inline, or worker threads for large inputs (createWorkerPool.ts) — and writes each batch's results
 * as soon as every earlier batch is written, so the output is in file order and byte for byte what the whole-file
 * path (runCheck.ts + cli/format) prints. Results are never kept; errors and warnings are (they are printed last).
 */
import { availableParallelism } from 'node:os';
import type { RowDiagnostic } from '../../engine/io/rowDiagnostic.ts';
import type { Diagnostic } from '../../engine/diagnostics/Diagnostic.ts';
import type { CheckRun } from '../runCheck.ts';
import { createCheckOutput, stableByRow } from './createCheckOutput.ts';
import { createRowChecker, encodeCsvWork, encodeJsonLinesWork } from './createRowChecker.ts';
import { createWorkerPool, type WorkerPool } from './createWorkerPool.ts';
import { openCadreSource, type InputFormat, type RowItem } from './openCadreSource.ts';
import type { InputEncoding } from '../../engine/io/detectEncoding.ts';
import type { PrintableHeading } from '../../engine/report/renderPrintableList.ts';
import { InputProblem } from '../openInput.ts';
import type { BatchResult, CheckSettings } from './protocol.ts';

/**
 * Inputs at least this large are checked on worker threads when `workers` is not given. Below it (about 200,000
 * CSV rows) starting the workers costs more than they save: measured on 2 cores, 100,000 rows took 2.0 s on the
 * main thread and 2.2 s with a worker; 300,000 rows 4.9 s and 4.5 s; 1,000,000 rows 15.5 s and 12.0 s.
 */
export const AUTO_WORKERS_FROM_BYTES = 48 * 1024 * 1024;
/** Rows per batch: large enough that a message costs nothing next to the checking, small enough to keep memory flat. */
export const BATCH_ROWS = 512;

export interface StreamCheckOptions {
  /** Absolute path, and the name messages use (`settings.file`). */
  path: string;
  settings: CheckSettings;
  inputFormat?: InputFormat;
  /** `--format html`: the printable list's heading block (default: cli/check/printableHeading.ts without a date). */
  heading?: PrintableHeading;
  /** `--sheet`: the one sheet of a workbook to read. */
  sheet?: string | number;
  /** `--encoding`: decode the input with it instead of strict UTF-8. */
  encoding?: InputEncoding;
  /** Worker threads: 0 checks on the main thread; `undefined` decides by input size (see `autoWorkers`). */
  workers?: number;
  batchRows?: number;
  out(text: string): void;
  /** Awaited after each batch is written: lets the caller hold the reading back while the output is backed up. */
  afterWrite?(): Promise<void> | void;
  /** Called as the input is read: bytes read of `size`, rows checked so far. */
  onProgress?(bytes: number, size: number, rows: number): void;
  /** Called once the file is opened, with the worker threads the run uses (given, or decided by size). */
  onStart?(used: { workers: number }): void;
}

export type StreamCheckResult =
  | { ok: true; run: Pick<CheckRun, 'errors' | 'warnings' | 'summary'>; workers: number }
  | { ok: false; diagnostic: Diagnostic };

/**
 * Workers used when none are asked for: for a streamed input of 48 MB or more, one per core besides the main
 * thread's, at least one and at most two (the main thread, which reads, scans and writes, keeps up with two;
 * on 2 cores one worker was as fast as two, with less memory). None for smaller inputs.
 */
export function autoWorkers(streams: boolean, size: number): number {
  if (!streams || size < AUTO_WORKERS_FROM_BYTES) return 0;
  return Math.max(1, Math.min(2, availableParallelism() - 1));
}

export async function runCheckStream(options: StreamCheckOptions): Promise<StreamCheckResult> {
  const opened = await openCadreSource(options.path, options.settings.file, options.inputFormat, options.encoding, options.sheet);
  if (!opened.ok) return opened;
  const source = opened.source;
  const sheetColumn = (source.sheets?.length ?? 0) > 1;
  const settings = sheetColumn ? { ...options.settings, sheetColumn } : options.settings;
  const workers = source.streams ? (options.workers ?? autoWorkers(true, source.size)) : 0;
  options.onStart?.({ workers });
  const batchRows = Math.max(1, options.batchRows ?? BATCH_ROWS);
  const inline = workers === 0 ? createRowChecker(settings) : undefined;
  let pool: WorkerPool | undefined;
  const output = createCheckOutput(settings.format, settings.file, settings.lang, options.out, options.afterWrite,
    { sheetColumn, ...(options.heading ? { heading: options.heading } : {}) });
  try {
    pool = workers > 0 ? createWorkerPool(workers, settings) : undefined;
    const errors: RowDiagnostic[] = [];
    const warnings: RowDiagnostic[] = [];
    let eligible = 0;
    let outOfScope = 0;
    let checked = 0;
    let invalid = 0;
    let bytes = 0;
    // Batches in file order: each waits for its result, then is written.
    const pending: { result: Promise<BatchResult>; errors: RowDiagnostic[] }[] = [];
    const maxPending = Math.max(2, workers * 2);
    let items: RowItem[] = [];
    let batchErrors: RowDiagnostic[] = [];
    let seq = 0;

    const write = (result: BatchResult, scanErrors: RowDiagnostic[]) => {
      const all = scanErrors.length === 0 ? result.errors : result.errors.length === 0 ? scanErrors : [...scanErrors, ...result.errors];
      for (const d of all) errors.push(d);
      output.batch(result, all);
      eligible += result.eligible;
      outOfScope += result.outOfScope;
      invalid += result.invalid;
      checked += result.rows.length;
      options.onProgress?.(bytes, source.size, checked);
    };
    const drain = async (keep: number) => {
      while (pending.length > keep) {
        const next = pending.shift()!;
        write(await next.result, next.errors);
        await options.afterWrite?.();
      }
    };
    const dispatch = async () => {
      const batch = items;
      pending.push({ result: check(seq++, batch), errors: batchErrors });
      items = [];
      batchErrors = [];
      await drain(maxPending - 1);
    };
    const check = (n: number, batch: RowItem[]): Promise<BatchResult> => {
      if (batch.length === 0) return Promise.resolve(emptyResult(n));
      const first = batch[0]!;
      if (inline) {
        if (first.kind === 'csv') return inline.checkRecords(n, batch.map((i) => (i as typeof first).record), first.layout);
        if (first.kind === 'jsonl') return inline.checkObjects(n, batch.map((i) => (i as typeof first).object));
        return inline.checkRows(n, batch.map((i) => (i as typeof first).row));
      }
      if (first.kind === 'csv') return pool!.submit(encodeCsvWork(n, batch.map((i) => (i as typeof first).record), first.layout));
      if (first.kind === 'jsonl') {
        return pool!.submit(encodeJsonLinesWork(n, batch.map((i) => {
          const o = (i as typeof first).object;
          return { row: o.ctx.row, line: o.ctx.line!, text: o.text };
        })));
      }
      throw new Error('a whole-file input is checked on the main thread');
    };

    await source.read({
      problem(d) {
        if (d.severity === 'error') batchErrors.push(d);
        else warnings.push(d);
      },
      row(item) {
        items.push(item);
        return items.length >= batchRows ? dispatch() : undefined;
      },
      progress(b) {
        bytes = b;
        options.onProgress?.(bytes, source.size, checked);
      },
    });
    if (items.length > 0 || batchErrors.length > 0) await dispatch();
    await drain(0);

    const run = {
      errors: stableByRow(errors),
      warnings,
      summary: { total: source.total, eligible, ineligible: checked - eligible - outOfScope, outOfScope, invalid: source.invalid + invalid },
    };
    await output.finish(run);
    return { ok: true, run, workers };
  } catch (e) {
    if (e instanceof InputProblem) return { ok: false, diagnostic: e.diagnostic };
    throw e;
  } finally {
    output.dispose();
    await pool?.close();
    await source.close();
  }
}

function emptyResult(seq: number): BatchResult {
  return { seq, texts: [], rows: new Int32Array(0), ends: new Int32Array(0), eligible: 0, outOfScope: 0, invalid: 0, errors: [] };
}
