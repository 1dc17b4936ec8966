/**
 * The document `llct check` writes, fed batch by batch in row order: the same bytes as the whole-file formatters
 * (cli/format/formatCheck*.ts) produce. JSON and CSV are written as the batches arrive; JUnit and the table go
 * through a temporary file (see createSpool.ts) because their head depends on every row.
 */
import type { RowDiagnostic } from '../../engine/io/rowDiagnostic.ts';
import { CHECK_CSV_HEADER } from '../format/formatCheckCsv.ts';
import { JSON_DOCUMENT_HEAD, jsonDocumentTail } from '../format/formatCheckJson.ts';
import { errorsByRow, junitDocument, junitErrorCase } from '../format/formatCheckJunit.ts';
import { TABLE_HEAD, tableFooter } from '../format/formatCheckTable.ts';
import { cellWidth, tableLine } from '../format/textTable.ts';
import type { Lang } from '../parseArgs.ts';
import type { CheckRun } from '../runCheck.ts';
import { createSpool } from './createSpool.ts';
import { resultSeparator, type BatchResult, type CheckFormat } from './protocol.ts';

export interface CheckOutput {
  /**
   * The next batch, in row order. `errors`: every error about the batch's rows (scan and check), row order within
   * a row as found; the file's own errors (no row) come with the first batch.
   */
  batch(result: BatchResult, errors: readonly RowDiagnostic[]): void;
  /** Writes what follows the last result. `run.errors` are all errors, sorted by row. */
  finish(run: Pick<CheckRun, 'errors' | 'warnings' | 'summary'>): Promise<void>;
  /** Releases the temporary file, if any (also after a failure). */
  dispose(): void;
}

/**
 * `afterWrite` is awaited after each chunk the table and JUnit replay from their temporary file (stdout
 * backpressure: the replay writes the whole output at once, which a slow reader must not turn into memory).
 */
export function createCheckOutput(
  format: CheckFormat, file: string, lang: Lang, out: (text: string) => void, afterWrite: () => Promise<void> | void = () => {},
): CheckOutput {
  switch (format) {
    case 'json': return jsonOutput(lang, out);
    case 'csv': return csvOutput(out);
    case 'junit': return junitOutput(file, lang, out, afterWrite);
    case 'table': return tableOutput(lang, out, afterWrite);
  }
}

function jsonOutput(lang: Lang, out: (text: string) => void): CheckOutput {
  let any = false;
  out(JSON_DOCUMENT_HEAD);
  return {
    batch(result) {
      if (result.rows.length === 0) return;
      out(any ? ',\n' : '\n');
      for (const text of result.texts) out(text);
      any = true;
    },
    async finish(run) { out(jsonDocumentTail(!any, run, lang)); },
    dispose() {},
  };
}

function csvOutput(out: (text: string) => void): CheckOutput {
  out(CHECK_CSV_HEADER);
  return {
    batch(result) { for (const text of result.texts) out(text); },
    async finish() {},
    dispose() {},
  };
}

/** The results of a batch, one serialized piece per row. */
function* pieces(result: BatchResult, separator: string): Generator<[row: number, text: string]> {
  const text = result.texts[0] ?? '';
  let start = 0;
  for (let i = 0; i < result.rows.length; i++) {
    yield [result.rows[i]!, text.slice(start, result.ends[i]!)];
    start = result.ends[i]! + separator.length;
  }
}

function junitOutput(file: string, lang: Lang, out: (text: string) => void, afterWrite: () => Promise<void> | void): CheckOutput {
  const spool = createSpool();
  let cases = 0;
  let errored = 0;
  return {
    batch(result, errors) {
      // Testcases in row order: checked rows, and rows (or the file, row 0) with errors; as formatCheckJunit sorts them.
      const failed = [...errorsByRow(stableByRow(errors))];
      let e = 0;
      let xml = '';
      const flushErrors = (before: number) => {
        for (; e < failed.length && failed[e]![0] < before; e++) {
          xml += junitErrorCase(failed[e]![0], failed[e]![1], file, lang);
          errored++;
          cases++;
        }
      };
      for (const [row, text] of pieces(result, '')) {
        flushErrors(row);
        xml += text;
        cases++;
      }
      flushErrors(Infinity);
      spool.append(xml);
    },
    async finish() {
      const { head, tail } = junitDocument(file, cases, errored);
      out(head);
      for await (const chunk of spool.chunks()) {
        out(chunk);
        await afterWrite();
      }
      out(tail);
    },
    dispose() { spool.dispose(); },
  };
}

function tableOutput(lang: Lang, out: (text: string) => void, afterWrite: () => Promise<void> | void): CheckOutput {
  const spool = createSpool();
  const head = TABLE_HEAD[lang];
  const widths = head.map(cellWidth);
  const separator = resultSeparator('table');
  return {
    batch(result) {
      if (result.rows.length === 0) return;
      for (const [, text] of pieces(result, separator)) {
        const [cells] = JSON.parse(text) as [string[], string[]];
        cells.forEach((c, i) => { if (i < widths.length) widths[i] = Math.max(widths[i]!, cellWidth(c)); });
      }
      spool.append(`${result.texts[0]}\n`);
    },
    async finish(run) {
      out(`${tableLine(head, widths)}\n${tableLine(widths.map((w) => '─'.repeat(w)), widths)}\n`);
      let rest = '';
      for await (const chunk of spool.chunks()) {
        const lines = (rest + chunk).split('\n');
        rest = lines.pop()!;
        let text = '';
        for (const line of lines) {
          const [cells, failures] = JSON.parse(line) as [string[], string[]];
          text += `${tableLine(cells, widths)}\n`;
          for (const f of failures) text += `${f}\n`;
        }
        out(text);
        await afterWrite();
      }
      out(`${tableFooter(run, lang).join('\n')}\n`);
    },
    dispose() { spool.dispose(); },
  };
}

/** Errors sorted by row (a file-level error, without one, first), keeping the order of errors of the same row. */
export function stableByRow(errors: readonly RowDiagnostic[]): RowDiagnostic[] {
  return errors.slice().sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
}
