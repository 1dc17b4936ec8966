/**
 * `llct diff` as a stream: reads the cadre file as `llct check` does (cli/check/openCadreSource.ts: CSV and JSON
 * lines a chunk at a time, a JSON document whole), builds each row, gives it its nomination (the row's own fields
 * win over the flags), compares it on both sides and writes it at once if it is listed. Only the counts, the errors
 * and the warnings are kept.
 */
import { builtinDocuments } from '../../engine/builtin.ts';
import type { Diagnostic } from '../../engine/diagnostics/Diagnostic.ts';
import type { CadreRow } from '../../engine/io/cadreRows.ts';
import { positionCodes } from '../../engine/io/cadreRows.ts';
import { buildCsvCadre } from '../../engine/io/createCsvCadreReader.ts';
import { buildJsonCadre } from '../../engine/io/readJsonCadres.ts';
import type { RowContext, RowDiagnostic } from '../../engine/io/rowDiagnostic.ts';
import { createCohortDiff, type DiffSide } from '../../engine/rules/diff/createCohortDiff.ts';
import type { CadreDiff } from '../../engine/rules/diff/diffVerdicts.ts';
import { stableByRow } from '../check/createCheckOutput.ts';
import { openCadreSource, type InputFormat, type RowItem } from '../check/openCadreSource.ts';
import type { InputEncoding } from '../../engine/io/detectEncoding.ts';
import { InputProblem } from '../openInput.ts';
import { nominationFor, type NominationDefaults } from '../runCheck.ts';
import { createDiffOutput, type DiffFormat, type DiffRun } from './createDiffOutput.ts';
import type { DiffReportHead } from './formatDiffSummary.ts';
import { isChanged } from '../../engine/rules/diff/mainReason.ts';
import type { Lang } from '../parseArgs.ts';

export interface DiffStreamOptions {
  /** Absolute path; `head.file` is the name messages use. */
  path: string;
  head: DiffReportHead;
  sides: { a: DiffSide; b: DiffSide };
  /** `true`: the sides' checkers are synchronous (compiled evaluator); else each row is awaited. */
  sync: boolean;
  defaults: NominationDefaults;
  format: DiffFormat;
  /** List every compared cadre, not only those whose verdict changed. */
  all: boolean;
  lang: Lang;
  inputFormat?: InputFormat;
  /** `--sheet`: the one sheet of a workbook to read. */
  sheet?: string | number;
  /** `--encoding`: decode the input with it instead of strict UTF-8. */
  encoding?: InputEncoding;
  out(text: string): void;
  /** Awaited after output is written: lets the caller hold the reading back while the output is backed up. */
  afterWrite?(): Promise<void> | void;
  /** Called as the input is read: bytes read of `size`, rows compared so far. */
  onProgress?(bytes: number, size: number, rows: number): void;
}

export type DiffStreamResult = { ok: true; run: DiffRun } | { ok: false; diagnostic: Diagnostic };

export async function runDiffStream(options: DiffStreamOptions): Promise<DiffStreamResult> {
  const { head, defaults, lang } = options;
  const file = head.file;
  const opened = await openCadreSource(options.path, file, options.inputFormat, options.encoding, options.sheet);
  if (!opened.ok) return opened;
  const source = opened.source;
  const positions = positionCodes(builtinDocuments().positions);
  const cohort = createCohortDiff(options.sides);
  const output = createDiffOutput(options.format, head, lang, options.out, options.afterWrite);
  const errors: RowDiagnostic[] = [];
  const warnings: Diagnostic[] = [];
  let unreadable = 0;
  let compared = 0;
  let bytes = 0;

  const problem = (d: RowDiagnostic) => { (d.severity === 'error' ? errors : warnings).push(d); };

  /** The row to compare, or `undefined` after recording why it cannot be. */
  function built(item: RowItem): { row: CadreRow; ctx: RowContext } | undefined {
    if (item.kind === 'rows') {
      const r = item.row;
      return { row: r, ctx: r.line !== undefined ? { file, row: r.row, line: r.line, id: r.profile.id } : { file, row: r.row, id: r.profile.id } };
    }
    const ctx: RowContext = item.kind === 'csv' ? item.record.ctx : item.object.ctx;
    const b = item.kind === 'csv'
      ? buildCsvCadre(item.record.fields, item.layout, item.record.ctx, positions)
      : buildJsonCadre(item.object.obj, item.object.ctx, positions);
    for (const d of b.diagnostics) problem(d);
    if (!b.profile) { unreadable++; return undefined; }
    const row: CadreRow = { row: ctx.row, profile: b.profile, ...(ctx.line !== undefined ? { line: ctx.line } : {}), ...(b.nomination ? { nomination: b.nomination } : {}) };
    return { row, ctx: { ...ctx, id: b.profile.id } };
  }

  /** Compares one row; a promise only when the reference evaluator is used or the output waits for room. */
  function compare(item: RowItem): Promise<void> | undefined {
    const found = built(item);
    if (!found) return undefined;
    const { row, ctx } = found;
    const n = nominationFor(row, defaults, ctx);
    if (!n.ok) { for (const d of n.errors) problem(d); unreadable++; return undefined; }
    if (options.sync) return emit(row, cohort.add(row.profile, n.nomination));
    return cohort.addAsync(row.profile, n.nomination).then((diff) => emit(row, diff));
  }

  function emit(row: CadreRow, diff: CadreDiff): Promise<void> | undefined {
    compared++;
    if (!options.all && !isChanged(diff)) return undefined;
    if (!output.row(row.row, diff, row.profile.fullName)) return undefined;
    options.onProgress?.(bytes, source.size, compared);
    const waiting = options.afterWrite?.();
    return waiting instanceof Promise ? waiting : undefined;
  }

  try {
    await source.read({
      problem,
      row: compare,
      progress(b) {
        bytes = b;
        options.onProgress?.(bytes, source.size, compared);
      },
    });
    output.flush();
    const run: DiffRun = {
      errors: stableByRow(errors), warnings, summary: cohort.summary(), rows: source.total, unreadable: source.invalid + unreadable,
    };
    await output.finish(run);
    return { ok: true, run };
  } catch (e) {
    if (e instanceof InputProblem) return { ok: false, diagnostic: e.diagnostic };
    throw e;
  } finally {
    output.dispose();
    await source.close();
  }
}
