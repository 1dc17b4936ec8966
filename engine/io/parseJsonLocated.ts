/**
 * JSON parsing that says where it failed (1-based line and column), and a tolerant splitter that finds the elements
 * of a top-level array (or of `{ "cadres": [...] }`) in text that does not parse, so the readable elements of a
 * damaged file can still be checked. Pure.
 */
import { scanJson } from './scanJson.ts';

/** A key written twice in one object (JSON.parse keeps the last): where, as segments, and its 1-based line and column. */
export interface LocatedDuplicate { path: (string | number)[]; key: string; line: number; column: number }

export type JsonParse =
  | { ok: true; value: unknown; /** Present when some object has a key twice. */ duplicates?: LocatedDuplicate[] }
  | { ok: false; reason: string; offset: number; line: number; column: number };

/**
 * Parses `text` (found at `base` in `whole`, for line numbers); a syntax error is located at the character that
 * breaks it (scanJson), whatever JSON.parse's message says; duplicate keys are reported with their paths.
 */
export function parseJsonLocated(text: string, base = 0, whole = text): JsonParse {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    const scanned = scanJson(text);
    const message = e instanceof Error ? e.message : String(e);
    const at = /at position (\d+)/.exec(message);
    // Node 20 gives no position for some errors ("Unexpected token ']', "[1,2,]" is not valid JSON"): the scanner
    // does; if it disagrees with JSON.parse (it should not), JSON.parse's own position or the end is used.
    const offset = base + (!scanned.ok ? scanned.offset : at ? Number(at[1]) : text.length);
    const reason = !scanned.ok ? scanned.reason
      : message.replace(/\s*\(line \d+ column \d+\)/, '').replace(/ in JSON at position \d+/, '').replace(/, ".*" is not valid JSON$/s, '');
    const { line, column } = lineColumn(whole, offset);
    return { ok: false, reason, offset, line, column };
  }
  // Cheap proof that no key repeats: every key is followed by a colon, so when the text has no more colons than the
  // parsed value has keys, none was dropped. Otherwise (a colon in a string, or a key twice) the scanner tells.
  if (countColons(text) === countKeys(value)) return { ok: true, value };
  const scanned = scanJson(text);
  if (!scanned.ok || scanned.duplicates.length === 0) return { ok: true, value };
  const duplicates = scanned.duplicates.map((d) => ({ path: d.path, key: d.key, ...lineColumn(whole, base + d.offset) }));
  return { ok: true, value, duplicates };
}

function countColons(text: string): number {
  let n = 0;
  for (let i = text.indexOf(':'); i >= 0; i = text.indexOf(':', i + 1)) n++;
  return n;
}

/** Keys of every object in `value`, walked without recursion (a parsed value may nest deeper than the stack). */
function countKeys(value: unknown): number {
  let n = 0;
  const todo: unknown[] = [value];
  while (todo.length > 0) {
    const v = todo.pop();
    if (typeof v !== 'object' || v === null) continue;
    if (Array.isArray(v)) { for (const item of v) if (typeof item === 'object' && item !== null) todo.push(item); continue; }
    for (const key in v) {
      if (!Object.hasOwn(v, key)) continue;
      n++;
      const child = (v as Record<string, unknown>)[key];
      if (typeof child === 'object' && child !== null) todo.push(child);
    }
  }
  return n;
}

/** A duplicate key's path as text: `rules[3].conditions.all`, `party.status`. */
export function formatJsonPath(path: readonly (string | number)[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
}

/** 1-based line and column of a character offset (CRLF, LF and lone CR all end a line). */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(offset, text.length);
  for (let i = 0; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) { line++; lineStart = i + 1; }
  }
  return { line, column: offset - lineStart + 1 };
}

export interface JsonSlice { start: number; end: number }

/**
 * The element slices of the top-level array, or of the array under a top-level `"cadres"` key; `undefined` when
 * no such array can be found. Elements end at a comma or bracket at their own depth; a missing comma between two
 * objects (`} {`) also ends one. Strings and escapes are honoured; the slices themselves may not parse.
 */
export function splitJsonArray(text: string): JsonSlice[] | undefined {
  const open = findArrayStart(text);
  if (open === undefined) return undefined;
  const slices: JsonSlice[] = [];
  let i = open + 1;
  const n = text.length;
  for (;;) {
    while (i < n && (isSpace(text.charCodeAt(i)) || text[i] === ',')) i++;
    if (i >= n || text[i] === ']') return slices;
    const start = i;
    let depth = 0;
    let inString = false;
    for (; i < n; i++) {
      const ch = text[i];
      if (inString) {
        if (ch === '\\') i++;
        else if (ch === '"') inString = false;
        continue;
      }
      if (ch === '"') inString = true;
      else if (ch === '{' || ch === '[') depth++;
      else if (ch === '}' || ch === ']') {
        if (depth === 0) break;
        depth--;
        if (depth === 0) {
          let k = i + 1;
          while (k < n && isSpace(text.charCodeAt(k))) k++;
          if (text[k] === '{' || text[k] === '[') { i++; break; }
        }
      } else if (ch === ',' && depth === 0) break;
    }
    // A stray closing bracket (`[}`) ends an element before it starts: it becomes an element of its own (which does
    // not parse) so that the scan moves on; without this the loop pushed empty slices until memory ran out.
    if (i === start) i++;
    slices.push({ start, end: i });
  }
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}

function findArrayStart(text: string): number | undefined {
  let i = 0;
  while (i < text.length && isSpace(text.charCodeAt(i))) i++;
  if (text[i] === '[') return i;
  if (text[i] !== '{') return undefined;
  const key = /"cadres"\s*:\s*\[/g;
  key.lastIndex = i;
  const m = key.exec(text);
  return m ? m.index + m[0].length - 1 : undefined;
}
