/**
 * The document `llct check` writes, fed batch by batch in row order: the same bytes as the whole-file formatters
 * (cli/format/formatCheck*.ts) produce. JSON and CSV are written as the batches arrive; JUnit and the table go
 * through a temporary file (see createSpool.ts) because their head depends on every row.
 */
import type { RowDiagnostic } from '../../engine/io/rowDiagnostic.ts';
import { messageIn } from '../../engine/diagnostics/Diagnostic.ts';
import { renderPrintableList, type PrintableHeading, type PrintableRow } from '../../engine/report/renderPrintableList.ts';
import { CHECK_CSV_HEADER, CHECK_CSV_HEADER_WITH_SHEET } from '../format/formatCheckCsv.ts';
import { printableHeading } from './printableHeading.ts';
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
  options: { sheetColumn?: boolean; heading?: PrintableHeading } = {},
): CheckOutput {
  switch (format) {
    case 'json': return jsonOutput(lang, out);
    case 'csv': return csvOutput(out, options.sheetColumn === true);
    case 'html': return htmlOutput(lang, out, options.heading ?? printableHeading(lang, {}));
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

function csvOutput(out: (text: string) => void, withSheet: boolean): CheckOutput {
  out(withSheet ? CHECK_CSV_HEADER_WITH_SHEET : CHECK_CSV_HEADER);
  return {
    batch(result) { for (const text of result.texts) out(text); },
    async finish() {},
    dispose() {},
  };
}

/**
 * The printable list: checked rows (JSON lines `[row, PrintableRow]`) and unreadable rows (their errors, as
 * `invalid` rows with the messages as reasons) are kept until the end, in row order, and rendered as one page.
 * Memory grows with the list (a printed list is read by people: thousands of rows, not millions).
 */
function htmlOutput(lang: Lang, out: (text: string) => void, heading: PrintableHeading): CheckOutput {
  const entries: { sheet: string; row: number; printable: PrintableRow }[] = [];
  return {
    batch(result, errors) {
      for (const text of result.texts) {
        for (const line of text.split('\n')) {
          if (line === '') continue;
          const [row, sheet, printable] = JSON.parse(line) as [number, string, PrintableRow];
          entries.push({ sheet, row, printable });
        }
      }
      const failed = new Map<string, RowDiagnostic[]>();
      for (const d of errors) {
        if (d.row === undefined || d.row <= 0) continue;
        const key = `${d.sheet ?? ''}\u0000${d.row}`;
        const list = failed.get(key);
        if (list) list.push(d);
        else failed.set(key, [d]);
      }
      for (const list of failed.values()) entries.push({ sheet: list[0]!.sheet ?? '', row: list[0]!.row!, printable: invalidRow(list, lang) });
    },
    async finish() {
      const sheetRank = new Map<string, number>();
      for (const e of entries) if (!sheetRank.has(e.sheet)) sheetRank.set(e.sheet, sheetRank.size);
      const sorted = entries.slice().sort((a, b) => sheetRank.get(a.sheet)! - sheetRank.get(b.sheet)! || a.row - b.row);
      out(renderPrintableList(sorted.map((e) => e.printable), heading, lang));
    },
    dispose() {},
  };
}

function invalidRow(errors: readonly RowDiagnostic[], lang: Lang): PrintableRow {
  const first = errors[0]!;
  const sheet = first.sheet !== undefined ? `${first.sheet} ` : '';
  return { id: first.id ?? `${sheet}#${first.row ?? ''}`, verdict: 'invalid', reasons: errors.map((d) => ({ text: messageIn(d, lang) })) };
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
