/**
 * Splits JSON-lines text fed in chunks into parsed elements, one per non-blank line, so a file of any size can be
 * read a chunk at a time. Lines end at CRLF, LF or a lone CR; blank lines are skipped but counted. Pure.
 */
import type { JsonElement } from './readJsonCadres.ts';
import { parseJsonLocated } from './parseJsonLocated.ts';

/**
 * The most characters a line may hold before it ends. A longer one (a device, binary data, a JSON document written on
 * one line) ends the reading: one element with `tooLong`, then nothing; memory stays bounded whatever comes in.
 */
export const MAX_JSON_LINE_CHARS = 1024 * 1024;

/** A parsed line, with its text (for a reader that hands the line on to another thread). */
export type JsonLine = JsonElement & { line: number; text: string };

export interface JsonLinesSplitter {
  /** The lines completed by `chunk` (plus what was held back), parsed. */
  push(chunk: string): JsonLine[];
  /** The last line, if the text does not end with a line break. Call once. */
  end(): JsonLine[];
  /** True once a line longer than MAX_JSON_LINE_CHARS was met: later input is ignored. */
  readonly stopped: boolean;
}

export function createJsonLinesSplitter(): JsonLinesSplitter {
  let pending = '';
  let line = 1;
  let stopped = false;

  function run(chunk: string, final: boolean): JsonLine[] {
    if (stopped) return [];
    const buf = pending + chunk;
    const out: JsonLine[] = [];
    let start = 0;
    const n = buf.length;
    for (let i = 0; i < n; i++) {
      const c = buf.charCodeAt(i);
      if (c !== 10 && c !== 13) continue;
      if (c === 13 && i + 1 >= n && !final) break;
      take(buf.slice(start, i), out);
      if (c === 13 && buf.charCodeAt(i + 1) === 10) i++;
      start = i + 1;
    }
    pending = buf.slice(start);
    if (pending.length > MAX_JSON_LINE_CHARS) {
      stopped = true;
      out.push({ tooLong: true, line, text: '' });
      pending = '';
      return out;
    }
    if (final) {
      if (pending !== '') take(pending, out);
      pending = '';
    }
    return out;
  }

  function take(text: string, out: JsonLine[]): void {
    const at = line++;
    if (text.trim() === '') return;
    const r = parseJsonLocated(text);
    if (!r.ok) out.push({ parseError: { reason: r.reason, line: at, column: r.column }, line: at, text });
    else out.push({ value: r.value, line: at, text, ...(r.duplicates ? { duplicates: r.duplicates.map((d) => ({ ...d, line: at })) } : {}) });
  }

  return { push: (chunk) => run(chunk, false), end: () => run('', true), get stopped() { return stopped; } };
}
