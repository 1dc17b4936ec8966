/**
 * The document `llct diff` writes, fed one compared cadre at a time in row order. JSON and CSV are written as they
 * come (buffered a few tens of kilobytes at a time); the table opens with a summary of every row, so its lines go
 * through a temporary file (cli/check/createSpool.ts) until the end: memory stays bounded whatever the input size.
 */
import type { Diagnostic } from '../../engine/diagnostics/Diagnostic.ts';
import type { RowDiagnostic } from '../../engine/io/rowDiagnostic.ts';
import type { DiffSummary } from '../../engine/rules/diff/createCohortDiff.ts';
import type { CadreDiff } from '../../engine/rules/diff/diffVerdicts.ts';
import { createSpool } from '../check/createSpool.ts';
import { diagnosticJson } from '../format/formatCheckJson.ts';
import { cellWidth, tableLine } from '../format/textTable.ts';
import type { Lang } from '../parseArgs.ts';
import { formatDiagnostic } from '../readFiles.ts';
import { DIFF_CSV_HEADER, DIFF_TABLE_HEAD, diffCsvLine, diffJson, diffTableCells } from './formatDiffRow.ts';
import { diffSummaryLines, type DiffReportHead } from './formatDiffSummary.ts';

export type DiffFormat = 'table' | 'json' | 'csv';

export interface DiffRun {
  /** Error diagnostics sorted by row; warnings in file order. */
  errors: RowDiagnostic[];
  warnings: Diagnostic[];
  summary: DiffSummary;
  /** Data rows in the file, and those that could not be read or lacked a nomination. */
  rows: number;
  unreadable: number;
}

export interface DiffOutput {
  /** A listed cadre, in row order; `true` when buffered output was written out (the caller may then wait for room). */
  row(row: number, diff: CadreDiff, fullName: string | undefined): boolean;
  /** Writes what is buffered. */
  flush(): void;
  finish(run: DiffRun): Promise<void>;
  dispose(): void;
}

/** Characters buffered before a write. */
const FLUSH_AT = 1 << 16;

/** `afterWrite` is awaited after each chunk the table replays from its temporary file (stdout backpressure). */
export function createDiffOutput(
  format: DiffFormat, head: DiffReportHead, lang: Lang, out: (text: string) => void, afterWrite: () => Promise<void> | void = () => {},
): DiffOutput {
  switch (format) {
    case 'json': return jsonOutput(head, lang, out);
    case 'csv': return csvOutput(lang, out);
    case 'table': return tableOutput(head, lang, out, afterWrite);
  }
}

/** A buffer of output text written in pieces of about FLUSH_AT characters. */
function buffered(out: (text: string) => void) {
  let parts: string[] = [];
  let size = 0;
  return {
    /** Adds text; `true` when the buffer was full and is now written. */
    add(text: string): boolean {
      parts.push(text);
      size += text.length;
      return size >= FLUSH_AT && this.flush();
    },
    flush(): boolean {
      if (size === 0) return false;
      out(parts.join(''));
      parts = [];
      size = 0;
      return true;
    },
  };
}

/** The JSON summary: the engine's counts plus the file's rows and the rows that could not be read. */
export function summaryJson(run: Pick<DiffRun, 'summary' | 'rows' | 'unreadable'>) {
  const { byRule, ...counts } = run.summary;
  return { rows: run.rows, unreadable: run.unreadable, ...counts, byRule };
}

function jsonOutput(head: DiffReportHead, lang: Lang, out: (text: string) => void): DiffOutput {
  const buf = buffered(out);
  const indented = (value: unknown) => JSON.stringify(value, null, 2).replaceAll('\n', '\n  ');
  buf.add(`{\n  "a": ${indented(head.a)},\n  "b": ${indented(head.b)},\n  "changes": [`);
  let any = false;
  return {
    row(row, diff, fullName) {
      const wrote = buf.add(`${any ? ',' : ''}\n    ${diffJson(row, diff, fullName, lang)}`);
      any = true;
      return wrote;
    },
    flush() { buf.flush(); },
    async finish(run) {
      const rest = JSON.stringify({
        errors: run.errors.map((d) => diagnosticJson(d, lang)),
        warnings: run.warnings.map((d) => diagnosticJson(d, lang)),
        summary: summaryJson(run),
      }, null, 2);
      buf.add(`${any ? '\n  ]' : ']'},\n${rest.slice(2)}\n`);
      buf.flush();
    },
    dispose() {},
  };
}

function csvOutput(lang: Lang, out: (text: string) => void): DiffOutput {
  const buf = buffered(out);
  buf.add(DIFF_CSV_HEADER);
  return {
    row: (row, diff) => buf.add(diffCsvLine(row, diff, lang)),
    flush() { buf.flush(); },
    async finish() { buf.flush(); },
    dispose() {},
  };
}

function tableOutput(head: DiffReportHead, lang: Lang, out: (text: string) => void, afterWrite: () => Promise<void> | void): DiffOutput {
  const spool = createSpool();
  const titles = DIFF_TABLE_HEAD[lang];
  const widths = titles.map(cellWidth);
  let listed = 0;
  return {
    row(row, diff, fullName) {
      const cells = diffTableCells(row, diff, fullName, lang);
      // The last column is not padded (see tableLine): its width is never needed.
      for (let i = 0; i < cells.length - 1; i++) widths[i] = Math.max(widths[i]!, cellWidth(cells[i]!));
      spool.append(`${JSON.stringify(cells)}\n`);
      listed++;
      return false;
    },
    flush() {},
    async finish(run) {
      out(`${diffSummaryLines(head, run.summary, run.unreadable, lang).join('\n')}\n`);
      if (listed > 0) {
        out(`\n${lang === 'en' ? `Cadres listed (${listed}):` : `Danh sách cán bộ (${listed}):`}\n`);
        out(`${tableLine(titles, widths)}\n${tableLine(widths.map((w) => '─'.repeat(w)), widths)}\n`);
        let rest = '';
        for await (const chunk of spool.chunks()) {
          const lines = (rest + chunk).split('\n');
          rest = lines.pop()!;
          out(lines.map((line) => `${tableLine(JSON.parse(line) as string[], widths)}\n`).join(''));
          await afterWrite();
        }
      }
      if (run.errors.length > 0) {
        out(`\n${lang === 'en' ? 'Rows that could not be compared:' : 'Các hàng không so sánh được:'}\n`);
        out(run.errors.map((d) => `  ${formatDiagnostic(d, lang)}\n`).join(''));
      }
    },
    dispose() { spool.dispose(); },
  };
}
