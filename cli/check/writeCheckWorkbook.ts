/**
 * `llct check --format xlsx --out FILE`: the check runs as for `--format json` (into memory), and its document becomes
 * the results workbook (engine/io/xlsx/writeResultsWorkbook.ts), saved whole with writeFileSafely. A workbook is a
 * zip: it is never written to standard output.
 */
import { writeResultsWorkbook, type ResultRow } from '../../engine/io/xlsx/writeResultsWorkbook.ts';
import type { CommandIO } from '../Command.ts';
import { formatDiagnostic, resolvePath } from '../readFiles.ts';
import { describeWriteError } from '../writeErrors.ts';
import { writeFileSafely } from '../writeFileSafely.ts';
import { runCheckStream, type StreamCheckOptions, type StreamCheckResult } from './runCheckStream.ts';

/** Runs the check and writes the workbook to `out`; the run (for the exit code), or `undefined` after an error already reported. */
export async function writeCheckWorkbook(ctx: CommandIO, options: Omit<StreamCheckOptions, 'out'>, out: string): Promise<(StreamCheckResult & { ok: true })['run'] | undefined> {
  const chunks: string[] = [];
  const result = await runCheckStream({ ...options, settings: { ...options.settings, format: 'json' }, out: (t) => { chunks.push(t); } });
  if (!result.ok) { ctx.err(`${formatDiagnostic(result.diagnostic, ctx.lang)}\n`); return undefined; }
  const doc = JSON.parse(chunks.join('')) as { results: ResultRow[] };
  const bytes = await writeResultsWorkbook({
    file: options.settings.file, lang: ctx.lang, results: doc.results, summary: result.run.summary, errors: result.run.errors,
  });
  const w = await writeFileSafely(resolvePath(ctx.cwd, out), bytes);
  if (!w.ok) { ctx.err(`${describeWriteError(out, w.error, ctx.lang)}\n`); return undefined; }
  ctx.err(ctx.lang === 'en' ? `Wrote ${out}.\n` : `Đã ghi ${out}.\n`);
  return result.run;
}

/** `--out FILE` with a text format: the output gathered, then saved whole (as `simulate --out` does). */
export async function writeCheckText(ctx: CommandIO, options: Omit<StreamCheckOptions, 'out'>, out: string): Promise<(StreamCheckResult & { ok: true })['run'] | undefined> {
  const chunks: string[] = [];
  const result = await runCheckStream({ ...options, out: (t) => { chunks.push(t); } });
  if (!result.ok) { ctx.err(`${formatDiagnostic(result.diagnostic, ctx.lang)}\n`); return undefined; }
  const w = await writeFileSafely(resolvePath(ctx.cwd, out), chunks.join(''));
  if (!w.ok) { ctx.err(`${describeWriteError(out, w.error, ctx.lang)}\n`); return undefined; }
  ctx.err(ctx.lang === 'en' ? `Wrote ${out}.\n` : `Đã ghi ${out}.\n`);
  return result.run;
}
