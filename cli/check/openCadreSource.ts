/**
 * The reading half of `llct check`: opens the cadre file and scans it into batches of rows for the checkers
 * (createRowChecker.ts). CSV and JSON lines are read a chunk at a time from a file stream, so memory does not grow
 * with the file; a JSON document (an array, or `{ "cadres": [...] }`) is read whole, as is a file whose format can
 * only be told from its whole text. A workbook (.xlsx) is read from its bytes, a sheet's rows a batch at a time
 * (workbookSource.ts).
 */
import { builtinDocuments } from '../../engine/builtin.ts';
import type { Diagnostic } from '../../engine/diagnostics/Diagnostic.ts';
import type { CadreFormat, CadreRow } from '../../engine/io/cadreRows.ts';
import { createCsvCadreScanner, type CsvLayout, type ScannedRecord } from '../../engine/io/createCsvCadreReader.ts';
import { createJsonLinesSplitter } from '../../engine/io/createJsonLinesSplitter.ts';
import { readCadresFromText } from '../../engine/io/readCadres.ts';
import { createJsonCadreScanner, type ScannedObject } from '../../engine/io/readJsonCadres.ts';
import type { RowDiagnostic } from '../../engine/io/rowDiagnostic.ts';
import type { InputEncoding } from '../../engine/io/detectEncoding.ts';
import { InputProblem, openInput, readWholeInput, type OpenedInput } from '../openInput.ts';
import { isWorkbookInput, readInputBytes } from '../readInputBytes.ts';
import { workbookSource } from './workbookSource.ts';

/** What `--input-format` names: a text format, or a workbook. */
export type InputFormat = CadreFormat | 'xlsx';

/** A JSON document is read whole: more than this (about 1 GB of memory) is refused with a pointer to JSON lines. */
const MAX_WHOLE_CHARS = 512 * 1024 * 1024;

/** Where a source puts what it reads, in file order. */
export interface SourceSink {
  /** A problem found while scanning (error or warning). */
  problem(d: RowDiagnostic): void;
  /** A row to build and check; may wait (the checkers are busy). */
  row(item: RowItem): Promise<void> | void;
  /** How far the reading is, in bytes of `size`. */
  progress(bytes: number): void;
}

export type RowItem =
  | { kind: 'csv'; record: ScannedRecord; layout: CsvLayout }
  | { kind: 'jsonl'; object: ScannedObject & { text: string } }
  | { kind: 'rows'; row: CadreRow };

export interface CadreSource {
  /** How the file is read: `stream` for CSV and JSON lines. */
  streams: boolean;
  size: number;
  /** Reads the whole file into `sink`. */
  read(sink: SourceSink): Promise<void>;
  /** Data rows seen, and rows the scan itself left out (after `read`). */
  readonly total: number;
  readonly invalid: number;
  /** A workbook's sheets that are read, known once opened (absent for text inputs). */
  readonly sheets?: readonly string[];
  close(): Promise<void>;
}

/**
 * Opens the input (a file, `-`, a pipe or a FIFO: see cli/openInput.ts); `format` (from --input-format) or the
 * extension decides how it is read, else its first characters. A file that cannot be opened is a diagnostic; bytes
 * that are not text in `encoding` stop the reading with an `InputProblem`.
 */
export async function openCadreSource(path: string, file: string, format: InputFormat | undefined, encoding?: InputEncoding, sheet?: string | number): Promise<{ ok: true; source: CadreSource } | { ok: false; diagnostic: Diagnostic }> {
  if (isWorkbookInput(file, format)) {
    const read = await readInputBytes(path, file);
    if (!read.ok) return read;
    return { ok: true, source: workbookSource(read.bytes, file, sheet) };
  }
  if (format === 'xlsx') throw new Error('unreachable');
  const opened = await openInput(path, file, encoding);
  if (!opened.ok) return opened;
  const input = opened.input;
  let start: string;
  try {
    // Read ahead: a file in another encoding is refused here, before any output, whatever its format.
    start = (await input.peek(1 << 16)).replace(/^\uFEFF/, '').trimStart();
  } catch (e) {
    await input.close();
    if (e instanceof InputProblem) return { ok: false, diagnostic: e.diagnostic };
    throw e;
  }
  const ext = /\.([a-z]+)$/i.exec(file)?.[1]?.toLowerCase();
  let kind: CadreFormat | 'sniff' = format
    ?? (ext === 'csv' || ext === 'txt' ? 'csv' : ext === 'jsonl' || ext === 'ndjson' ? 'jsonl' : ext === 'json' ? 'json' : 'sniff');
  if (kind === 'sniff') {
    // JSON, or JSON lines that only the whole text tells apart (see detectCadreFormat): read whole.
    if (start.startsWith('[') || start.startsWith('{')) return { ok: true, source: withInputWarnings(wholeSource(input, file, undefined), input) };
    kind = 'csv';
  }
  const source = kind === 'csv' ? csvSource(input, file) : kind === 'jsonl' ? jsonLinesSource(input, file) : wholeSource(input, file, 'json');
  return { ok: true, source: withInputWarnings(source, input) };
}

/** `source`, whose reading first hands the sink the input's own warnings (an encoding that does not fit). */
function withInputWarnings(source: CadreSource, input: OpenedInput): CadreSource {
  const read = source.read.bind(source);
  source.read = async (sink) => {
    for (const d of input.warnings) sink.problem(d);
    await read(sink);
  };
  return source;
}

function csvSource(input: OpenedInput, file: string): CadreSource {
  const scanner = createCsvCadreScanner({ file });
  return {
    streams: true,
    size: input.size,
    get total() { return scanner.total; },
    get invalid() { return scanner.invalid; },
    close: () => input.close(),
    async read(sink) {
      const take = async (batch: ReturnType<typeof scanner.push>) => {
        // Problems go in before the first row after them, so each batch carries the problems of its own rows.
        let e = 0;
        for (const record of batch.records) {
          while (e < batch.errors.length && (batch.errors[e]!.row ?? 0) < record.ctx.row) sink.problem(batch.errors[e++]!);
          const waiting = sink.row({ kind: 'csv', record, layout: scanner.layout! });
          if (waiting) await waiting;
        }
        while (e < batch.errors.length) sink.problem(batch.errors[e++]!);
      };
      for await (const { text, bytes } of input.chunks()) {
        await take(scanner.push(text));
        sink.progress(bytes);
        // A line too long to be CSV (a device, binary data) refuses the file: the rest is not read.
        if (scanner.stopped) return;
      }
      await take(scanner.end());
    },
  };
}

function jsonLinesSource(input: OpenedInput, file: string): CadreSource {
  const splitter = createJsonLinesSplitter();
  const scanner = createJsonCadreScanner(file);
  let total = 0;
  return {
    streams: true,
    size: input.size,
    get total() { return total; },
    get invalid() { return scanner.invalid; },
    close: () => input.close(),
    async read(sink) {
      const problems: RowDiagnostic[] = [];
      const take = async (lines: ReturnType<typeof splitter.push>) => {
        for (const el of lines) {
          if (!el.tooLong) total++;
          const scanned = scanner.scan(el, total, problems);
          for (const d of problems) sink.problem(d);
          problems.length = 0;
          if (!scanned) continue;
          const waiting = sink.row({ kind: 'jsonl', object: { ...scanned, text: el.text } });
          if (waiting) await waiting;
        }
      };
      let first = true;
      for await (const { text, bytes } of input.chunks()) {
        await take(splitter.push(first && text.charCodeAt(0) === 0xfeff ? text.slice(1) : text));
        first = false;
        sink.progress(bytes);
        if (splitter.stopped) return;
      }
      await take(splitter.end());
    },
  };
}

function wholeSource(input: OpenedInput, file: string, format: CadreFormat | undefined): CadreSource {
  let total = 0;
  let invalid = 0;
  return {
    streams: false,
    size: input.size,
    get total() { return total; },
    get invalid() { return invalid; },
    close: () => input.close(),
    async read(sink) {
      let text = await readWholeInput(input, file, MAX_WHOLE_CHARS);
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      const read = readCadresFromText(text, { file, positions: builtinDocuments().positions, ...(format ? { format } : {}) });
      total = read.total;
      invalid = read.invalid;
      sink.progress(input.size);
      let e = 0;
      for (const row of read.rows) {
        while (e < read.errors.length && (read.errors[e]!.row ?? 0) < row.row) sink.problem(read.errors[e++]!);
        const waiting = sink.row({ kind: 'rows', row });
        if (waiting) await waiting;
      }
      while (e < read.errors.length) sink.problem(read.errors[e++]!);
    },
  };
}
