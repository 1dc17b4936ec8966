/**
 * A JSON scanner that checks syntax without building values: it says where the first error is (JSON.parse of
 * Node 20 gives no position for some errors, such as `[1,,2]`, and the whole text in its message) and which keys an
 * object has twice (JSON.parse keeps the last silently). Iterative — nesting depth costs no stack — and linear in
 * the text. Pure.
 */

/** A key written twice in one object: `path` of the object's segments plus the key, `offset` of the second one. */
export interface DuplicateKey { path: (string | number)[]; key: string; offset: number }

export type JsonScan =
  | { ok: true; duplicates: DuplicateKey[] }
  | { ok: false; offset: number; reason: string };

interface Frame { obj: boolean; keys: Set<string> | undefined; key: string; index: number; empty: boolean }

class ScanError {
  constructor(readonly offset: number, readonly reason: string) {}
}

const ESCAPES = new Set(['"', '\\', '/', 'b', 'f', 'n', 'r', 't']);

/** The first syntax error of `text`, or its duplicate keys (at most `maxDuplicates`, in text order). */
export function scanJson(text: string, maxDuplicates = 20): JsonScan {
  try {
    return { ok: true, duplicates: scan(text, maxDuplicates) };
  } catch (e) {
    if (e instanceof ScanError) return { ok: false, offset: e.offset, reason: e.reason };
    throw e;
  }
}

function token(text: string, i: number): string {
  const cp = text.codePointAt(i)!;
  return String.fromCodePoint(cp);
}

function scanString(text: string, start: number): number {
  const n = text.length;
  for (let j = start + 1; j < n; j++) {
    const c = text.charCodeAt(j);
    if (c === 34) return j + 1;
    if (c === 92) {
      const e = text[j + 1];
      if (e === 'u') {
        if (!/^[0-9a-fA-F]{4}$/.test(text.slice(j + 2, j + 6))) throw new ScanError(j, 'Bad Unicode escape');
        j += 5;
      } else if (e !== undefined && ESCAPES.has(e)) j++;
      else throw new ScanError(j, 'Bad escaped character');
    } else if (c < 32) {
      throw new ScanError(j, 'Bad control character in string literal');
    }
  }
  throw new ScanError(n, 'Unterminated string');
}

function isDigit(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return c >= 48 && c <= 57;
}

/** The end of the number at `start`; errors at the position JSON.parse names. */
function scanNumber(text: string, start: number): number {
  let j = start;
  if (text[j] === '-') j++;
  if (!isDigit(text, j)) throw new ScanError(j, 'No number after minus sign');
  if (text[j] === '0') j++;
  else while (isDigit(text, j)) j++;
  if (text[j] === '.') {
    j++;
    if (!isDigit(text, j)) throw new ScanError(j, 'Unterminated fractional number');
    while (isDigit(text, j)) j++;
  }
  if (text[j] === 'e' || text[j] === 'E') {
    j++;
    if (text[j] === '+' || text[j] === '-') j++;
    if (!isDigit(text, j)) throw new ScanError(j, 'Exponent part is missing a number');
    while (isDigit(text, j)) j++;
  }
  return j;
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}

function scan(text: string, maxDuplicates: number): DuplicateKey[] {
  const n = text.length;
  const stack: Frame[] = [];
  const duplicates: DuplicateKey[] = [];
  let state: 'value' | 'after' | 'key' | 'colon' = 'value';
  let i = 0;
  for (;;) {
    while (i < n && isSpace(text.charCodeAt(i))) i++;
    if (i >= n) {
      if (stack.length === 0 && state === 'after') return duplicates;
      throw new ScanError(n, 'Unexpected end of JSON input');
    }
    const c = text[i]!;
    const top = stack[stack.length - 1];
    switch (state) {
      case 'value':
        if (c === '{') {
          stack.push({ obj: true, keys: new Set(), key: '', index: 0, empty: true });
          i++;
          state = 'key';
        } else if (c === '[') {
          stack.push({ obj: false, keys: undefined, key: '', index: 0, empty: true });
          i++;
          while (i < n && isSpace(text.charCodeAt(i))) i++;
          if (text[i] === ']') { stack.pop(); i++; state = 'after'; }
        } else if (c === '"') {
          i = scanString(text, i);
          state = 'after';
        } else if (c === '-' || (c >= '0' && c <= '9')) {
          i = scanNumber(text, i);
          state = 'after';
        } else {
          const word = c === 't' ? 'true' : c === 'f' ? 'false' : c === 'n' ? 'null' : '';
          let k = 0;
          while (k < word.length && text[i + k] === word[k]) k++;
          // Like JSON.parse, the error is where the literal stops matching (`nul"l`: at the quote).
          if (word === '' || k < word.length) {
            const at = i + k;
            throw new ScanError(at, at >= n ? 'Unexpected end of JSON input' : `Unexpected token '${token(text, at)}'`);
          }
          i += k;
          state = 'after';
        }
        break;
      case 'key': {
        const frame = top!;
        if (c === '}' && frame.empty) { stack.pop(); i++; state = 'after'; break; }
        if (c !== '"') throw new ScanError(i, frame.empty ? "Expected property name or '}'" : 'Expected double-quoted property name');
        const end = scanString(text, i);
        const key = JSON.parse(text.slice(i, end)) as string;
        if (frame.keys!.has(key)) {
          if (duplicates.length < maxDuplicates) duplicates.push({ path: [...pathOf(stack), key], key, offset: i });
        } else frame.keys!.add(key);
        frame.key = key;
        frame.empty = false;
        i = end;
        state = 'colon';
        break;
      }
      case 'colon':
        if (c !== ':') throw new ScanError(i, "Expected ':' after property name");
        i++;
        state = 'value';
        break;
      case 'after': {
        if (!top) throw new ScanError(i, 'Unexpected non-whitespace character after JSON');
        if (c === ',') {
          i++;
          if (top.obj) state = 'key';
          else { top.index++; state = 'value'; }
        } else if ((top.obj && c === '}') || (!top.obj && c === ']')) {
          stack.pop();
          i++;
        } else {
          throw new ScanError(i, top.obj ? "Expected ',' or '}' after property value" : "Expected ',' or ']' after array element");
        }
        break;
      }
    }
  }
}

function pathOf(stack: readonly Frame[]): (string | number)[] {
  // The innermost frame is the object holding the duplicate: its own key is not part of the path.
  return stack.slice(0, -1).map((f) => (f.obj ? f.key : f.index));
}
