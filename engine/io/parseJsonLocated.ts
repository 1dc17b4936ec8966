/**
 * JSON parsing that says where it failed (1-based line and column), and a tolerant splitter that finds the elements
 * of a top-level array (or of `{ "cadres": [...] }`) in text that does not parse, so the readable elements of a
 * damaged file can still be checked. Pure.
 */

export type JsonParse =
  | { ok: true; value: unknown }
  | { ok: false; reason: string; offset: number; line: number; column: number };

export function parseJsonLocated(text: string, base = 0, whole = text): JsonParse {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    const at = /at position (\d+)/.exec(reason);
    const offset = base + (at ? Number(at[1]) : text.length);
    const { line, column } = lineColumn(whole, offset);
    return { ok: false, reason: reason.replace(/\s*\(line \d+ column \d+\)/, '').replace(/ in JSON at position \d+/, ''), offset, line, column };
  }
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
