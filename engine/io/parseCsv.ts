/**
 * An incremental RFC 4180 CSV parser. Feed it text chunks (`push`) as they arrive, then `end()`; it returns the
 * complete records seen so far, so a million-row file never has to sit in memory as one string. Pure.
 *
 * - A UTF-8 byte-order mark at the start is dropped.
 * - The delimiter is `,` or `;`; unless fixed by the caller it is chosen from the first line (the header): the one
 *   that occurs more often outside quotes, `,` on a tie.
 * - Records end at CRLF, LF or a lone CR. Quoted fields may hold delimiters, doubled quotes (`""`) and line breaks.
 * - Blank lines are skipped (their line numbers still count).
 * - Malformed input never throws: a quote left open at the end of the input makes its record a problem record
 *   (`csv/unterminated-quote`) that ends at the end of the quote's physical line, and parsing resumes on the next
 *   line so the rows after it are not lost. Text after a closing quote (`"ab"c`) is kept and flagged.
 * - A quoted field is bounded: one that spans more than MAX_QUOTED_LINES line breaks or MAX_FIELD_CHARS characters
 *   is a runaway quote and is treated the same way as soon as the bound is crossed (closed at the end of its own
 *   line, parsing resumed on the next), so one stray quote early in a large file neither swallows the rows after
 *   it nor makes the parser hold and re-scan the rest of the file (cost stays linear in the input).
 */

/** The most line breaks a quoted field may span (a real cell holds a few: an address, a note). */
export const MAX_QUOTED_LINES = 20;
/** The most characters a quoted field may hold (a real cell is far below). */
export const MAX_FIELD_CHARS = 64 * 1024;
/**
 * The most characters a record may hold before its line ends. A longer line (binary data, a device, a file without
 * line breaks) becomes one problem record (`csv/line-too-long`) and the rest of that line is skipped as it arrives,
 * never held: memory stays bounded whatever comes in.
 */
export const MAX_RECORD_CHARS = 1024 * 1024;

export type CsvDelimiter = ',' | ';';

export interface CsvProblem {
  code: 'csv/unterminated-quote' | 'csv/text-after-quote' | 'csv/line-too-long';
  /** 0-based index of the field the problem is in. */
  field: number;
}

export interface CsvRecord {
  fields: string[];
  /** 1-based physical line the record starts on. */
  line: number;
  problems?: CsvProblem[];
}

export interface CsvParser {
  /** Parses what it can of `chunk` (plus what was held back) and returns the records completed by it. */
  push(chunk: string): CsvRecord[];
  /** Flushes the last record; reports a quote still open. Call once. */
  end(): CsvRecord[];
  /** The delimiter in use; `undefined` until the first line is complete. */
  readonly delimiter: CsvDelimiter | undefined;
}

const QUOTE = 34;
const LF = 10;
const CR = 13;

export function createCsvParser(options: { delimiter?: CsvDelimiter } = {}): CsvParser {
  let delimiter = options.delimiter;
  let pending = '';
  let line = 1;
  let started = false;

  let skipping = false;

  function run(chunk: string, final: boolean): CsvRecord[] {
    if (skipping) {
      // The rest of an over-long line: dropped up to its line break.
      const eol = nextLineBreak(chunk, 0);
      if (eol >= chunk.length) return [];
      skipping = false;
      line++;
      chunk = chunk.slice(skipLineBreak(chunk, eol));
    }
    let buf = pending + chunk;
    if (!started) {
      if (buf.length === 0 && !final) return [];
      if (buf.charCodeAt(0) === 0xfeff) buf = buf.slice(1);
      started = buf.length > 0 || final;
    }
    if (delimiter === undefined) {
      const detected = detectDelimiter(buf, final);
      if (detected === undefined && buf.length <= MAX_RECORD_CHARS) { pending = buf; return []; }
      delimiter = detected ?? ',';
    }
    const out: CsvRecord[] = [];
    let from = 0;
    for (;;) {
      const r = scan(buf, from, delimiter.charCodeAt(0), line, final, out);
      line = r.line;
      if (r.kind === 'done') {
        pending = buf.slice(r.next);
        if (pending.length > MAX_RECORD_CHARS && !final) {
          out.push({ fields: [pending.slice(0, 64)], line, problems: [{ code: 'csv/line-too-long', field: 0 }] });
          pending = '';
          skipping = true;
        }
        return out;
      }
      // Unterminated quote at the end of the input: close the record at the end of the quote's line, resume after.
      const eol = nextLineBreak(buf, r.quoteAt + 1);
      r.fields.push(buf.slice(r.quoteAt + 1, eol));
      out.push({ fields: r.fields, line: r.recordLine, problems: [...r.problems, { code: 'csv/unterminated-quote', field: r.fields.length - 1 }] });
      line = r.quoteLine + 1;
      from = skipLineBreak(buf, eol);
      if (from >= buf.length) { pending = ''; return out; }
    }
  }

  return {
    push: (chunk) => run(chunk, false),
    end: () => run('', true),
    get delimiter() { return delimiter; },
  };
}

/** Parses a whole text at once. */
export function parseCsv(text: string, options: { delimiter?: CsvDelimiter } = {}): { records: CsvRecord[]; delimiter: CsvDelimiter } {
  const p = createCsvParser(options);
  const records = p.push(text);
  records.push(...p.end());
  return { records, delimiter: p.delimiter ?? ',' };
}

function detectDelimiter(buf: string, final: boolean): CsvDelimiter | undefined {
  let commas = 0;
  let semicolons = 0;
  let quoted = false;
  for (let i = 0; i < buf.length; i++) {
    const c = buf.charCodeAt(i);
    if (c === QUOTE) quoted = !quoted;
    else if (quoted) continue;
    else if (c === 44) commas++;
    else if (c === 59) semicolons++;
    else if (c === LF || c === CR) return semicolons > commas ? ';' : ',';
  }
  return final ? (semicolons > commas ? ';' : ',') : undefined;
}

function nextLineBreak(buf: string, from: number): number {
  for (let i = from; i < buf.length; i++) {
    const c = buf.charCodeAt(i);
    if (c === LF || c === CR) return i;
  }
  return buf.length;
}

function skipLineBreak(buf: string, at: number): number {
  if (buf.charCodeAt(at) === CR) return buf.charCodeAt(at + 1) === LF ? at + 2 : at + 1;
  return buf.charCodeAt(at) === LF ? at + 1 : at;
}

type ScanResult =
  | { kind: 'done'; next: number; line: number }
  | { kind: 'unterminated'; fields: string[]; problems: CsvProblem[]; recordLine: number; quoteAt: number; quoteLine: number; line: number };

/**
 * Scans complete records from `from`, appending them to `out`. Stops at the start of a record that the buffer
 * does not finish (`done`, with `next` = where to resume once more text arrives), or, when `final`, at a quote
 * that never closes.
 */
function scan(buf: string, from: number, delim: number, startLine: number, final: boolean, out: CsvRecord[]): ScanResult {
  const n = buf.length;
  let i = from;
  let line = startLine;
  // Without a CR every line ends at an LF, and a bare field ends at the nearer of the next delimiter and the next LF,
  // both found with indexOf and kept until the scan passes them (each is searched for once per occurrence: linear).
  const noCR = buf.indexOf('\r', from) < 0;
  const delimChar = String.fromCharCode(delim);
  let nextDelim = -1;
  let nextLF = -1;
  records: while (i < n) {
    const recordStart = i;
    const recordLine = line;
    const first = buf.charCodeAt(i);
    if (first === LF || first === CR) {
      if (first === CR && i + 1 >= n && !final) return { kind: 'done', next: recordStart, line: recordLine };
      i = skipLineBreak(buf, i);
      line++;
      continue;
    }
    const fields: string[] = [];
    let problems: CsvProblem[] | undefined;
    for (;;) {
      let c = buf.charCodeAt(i);
      if (i < n && c === QUOTE) {
        const quoteAt = i;
        const quoteLine = line;
        const parts: string[] = [];
        let j = i + 1;
        for (;;) {
          const q = buf.indexOf('"', j);
          const end = q < 0 ? n : q;
          if (end - quoteAt > MAX_FIELD_CHARS || line - quoteLine + countLineBreaks(buf, j, end) > MAX_QUOTED_LINES) {
            return { kind: 'unterminated', fields, problems: problems ?? [], recordLine, quoteAt, quoteLine, line };
          }
          if (q < 0 || (q + 1 >= n && !final)) {
            if (!final) return { kind: 'done', next: recordStart, line: recordLine };
            return { kind: 'unterminated', fields, problems: problems ?? [], recordLine, quoteAt, quoteLine, line };
          }
          line += countLineBreaks(buf, j, q);
          if (buf.charCodeAt(q + 1) === QUOTE) { parts.push(buf.slice(j, q + 1)); j = q + 2; continue; }
          parts.push(buf.slice(j, q));
          i = q + 1;
          break;
        }
        let value = parts.length === 1 ? parts[0]! : parts.join('');
        const k = endOfBareField(buf, i, delim);
        if (k > i) {
          value += buf.slice(i, k);
          (problems ??= []).push({ code: 'csv/text-after-quote', field: fields.length });
          i = k;
        }
        fields.push(value);
      } else if (noCR) {
        if (nextDelim < i) { nextDelim = buf.indexOf(delimChar, i); if (nextDelim < 0) nextDelim = n; }
        if (nextLF < i) { nextLF = buf.indexOf('\n', i); if (nextLF < 0) nextLF = n; }
        const k = nextDelim < nextLF ? nextDelim : nextLF;
        fields.push(buf.slice(i, k));
        i = k;
      } else {
        const k = endOfBareField(buf, i, delim);
        fields.push(buf.slice(i, k));
        i = k;
      }
      if (i >= n) {
        if (!final) return { kind: 'done', next: recordStart, line: recordLine };
        out.push(record(fields, recordLine, problems));
        break records;
      }
      c = buf.charCodeAt(i);
      if (c === delim) { i++; continue; }
      if (c === CR && i + 1 >= n && !final) return { kind: 'done', next: recordStart, line: recordLine };
      i = skipLineBreak(buf, i);
      line++;
      out.push(record(fields, recordLine, problems));
      continue records;
    }
  }
  return { kind: 'done', next: i, line };
}

function record(fields: string[], line: number, problems: CsvProblem[] | undefined): CsvRecord {
  return problems ? { fields, line, problems } : { fields, line };
}

function endOfBareField(buf: string, from: number, delim: number): number {
  let k = from;
  const n = buf.length;
  while (k < n) {
    const c = buf.charCodeAt(k);
    if (c === delim || c === LF || c === CR) break;
    k++;
  }
  return k;
}

function countLineBreaks(buf: string, from: number, to: number): number {
  let count = 0;
  for (let i = from; i < to; i++) {
    const c = buf.charCodeAt(i);
    if (c === LF) count++;
    else if (c === CR && buf.charCodeAt(i + 1) !== LF) count++;
  }
  return count;
}
