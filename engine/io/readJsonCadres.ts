/**
 * Reads cadre profiles from JSON (an array, or `{ "cadres": [...] }`) or JSON lines (one object per line). A file
 * that does not parse is split into its array elements so that the readable ones are still returned. Pure.
 *
 * As for CSV, reading is two steps a caller may run apart: `createJsonCadreScanner` checks each element for what
 * spans rows or needs the raw object (syntax, shape, forbidden and unknown keys, duplicate ids); `buildJsonCadre`
 * turns one scanned object into a validated profile.
 */
import { closest } from '../diagnostics/Diagnostic.ts';
import { findTooDeep, formatDeepPath, MAX_CADRE_DEPTH } from '../documents/findTooDeep.ts';
import { buildCadre, type BuiltCadre } from './buildCadre.ts';
import { CADRE_COLUMNS, type Column } from './cadreColumns.ts';
import {
  createIdTracker, FORBIDDEN_KEYS, forbiddenKeyDiagnostic, positionCodes, type CadreRow, type ReadCadresOptions,
  type ReadCadresResult,
} from './cadreRows.ts';
import { createJsonLinesSplitter, MAX_JSON_LINE_CHARS } from './createJsonLinesSplitter.ts';
import { formatJsonPath, parseJsonLocated, splitJsonArray, type LocatedDuplicate } from './parseJsonLocated.ts';
import { fileDiagnostic, rowDiagnostic, type RowContext, type RowDiagnostic } from './rowDiagnostic.ts';

/** Objects of the profile (besides the root) whose keys are checked, and list fields whose items are objects. */
const GROUPS = new Set(CADRE_COLUMNS.filter((c) => c.path.length > 1).map((c) => c.path[0]!));
/** Every object of the profile at any depth, by dotted path: `party`, `nomination`, `nomination.specialDecision`. */
const NESTED_GROUPS: ReadonlySet<string> = new Set(CADRE_COLUMNS.flatMap((c) => c.path.slice(1).map((_, i) => c.path.slice(0, i + 1).join('.'))));
const KNOWN_KEYS = new Set(CADRE_COLUMNS.flatMap((c) => [c.path.join('.'), c.name, ...NESTED_GROUPS]));
const RATING_KEYS = new Set(['year', 'rating']);
const CHECK_PUNCTUATION = {
  vi: 'Kiểm tra dấu phẩy, dấu ngoặc và dấu ngoặc kép quanh vị trí này.',
  en: 'Check the commas, brackets and double quotes around this position.',
};

/** One element of a JSON array or one JSON line: its value, or why it does not parse. */
export interface JsonElement {
  value?: unknown;
  parseError?: { reason: string; line: number; column: number };
  line?: number;
  /** A JSON line longer than MAX_JSON_LINE_CHARS: a file-level error, and the end of the reading. */
  tooLong?: true;
  /** Keys written twice in one object of the element (paths relative to the element): an error on its row. */
  duplicates?: LocatedDuplicate[];
}

export interface ScannedObject {
  ctx: RowContext;
  obj: Record<string, unknown>;
}

export interface JsonCadreScanner {
  /**
   * Checks element number `row` (1-based). Problems go to `errors` in file order (unknown-key warnings first);
   * returns the object to build, or `undefined` when the row cannot be read (then counted in `invalid`).
   */
  scan(el: JsonElement, row: number, errors: RowDiagnostic[]): ScannedObject | undefined;
  readonly invalid: number;
}

export function createJsonCadreScanner(file: string): JsonCadreScanner {
  const ids = createIdTracker();
  const warnedKeys = new Set<string>();
  let invalid = 0;
  return {
    get invalid() { return invalid; },
    scan(el, row, errors) {
      const base: RowContext = el.line !== undefined ? { file, row, line: el.line } : { file, row };
      if (el.tooLong) {
        errors.push(fileDiagnostic(file, 'jsonl/line-too-long', 'error', '',
          { vi: `dòng dài quá ${MAX_JSON_LINE_CHARS} ký tự mà chưa xuống dòng: đây không phải tệp JSON lines; dừng đọc`, en: `the line is longer than ${MAX_JSON_LINE_CHARS} characters without a line break: this is not a JSON-lines file; reading stopped` },
          el.line !== undefined ? { line: el.line } : undefined,
          { vi: 'Mỗi cán bộ phải là một đối tượng JSON trên một dòng; một mảng JSON thì đặt đuôi .json.', en: 'Each cadre must be one JSON object on a line of its own; name a JSON array file .json.' }));
        return undefined;
      }
      if (el.parseError) {
        const e = el.parseError;
        errors.push({ ...rowDiagnostic({ ...base, line: e.line }, 'json/syntax', 'error', '',
          { vi: `JSON không hợp lệ ở dòng ${e.line}, cột ${e.column}: ${e.reason}`, en: `invalid JSON at line ${e.line}, column ${e.column}: ${e.reason}` },
          CHECK_PUNCTUATION), column: e.column });
        invalid++;
        return undefined;
      }
      const item = el.value;
      if (typeof item !== 'object' || item === null || Array.isArray(item)) {
        errors.push(rowDiagnostic(base, 'cadre/not-an-object', 'error', '', { vi: 'mỗi cán bộ phải là một đối tượng JSON { … }', en: 'each cadre must be a JSON object { … }' }));
        invalid++;
        return undefined;
      }
      const obj = item as Record<string, unknown>;
      const ctx = jsonRowContext(obj, base);
      if (el.duplicates) {
        for (const d of el.duplicates) {
          errors.push(rowDiagnostic(ctx, 'cadre/duplicate-key', 'error', formatJsonPath(d.path),
            { vi: `ghi hai lần (lần thứ hai ở dòng ${d.line}, cột ${d.column}); không biết dùng giá trị nào`, en: `written twice (the second time at line ${d.line}, column ${d.column}); which value is meant is ambiguous` },
            { vi: 'Xóa một trong hai lần ghi.', en: 'Remove one of the two.' }));
        }
        invalid++;
        return undefined;
      }
      const deep = findTooDeep(obj, MAX_CADRE_DEPTH);
      if (deep) {
        const at = formatDeepPath(deep.segments);
        errors.push(rowDiagnostic(ctx, 'cadre/too-deep', 'error', String(deep.segments[0] ?? ''),
          { vi: `lồng quá ${deep.limit} cấp tại ${at}; không trường nào của hồ sơ cán bộ lồng sâu như vậy`, en: `nested more than ${deep.limit} levels deep at ${at}; no cadre profile field nests this deep` }));
        invalid++;
        return undefined;
      }
      const rowErrors = plainKeys(obj) ? [] : checkKeys(obj, ctx, warnedKeys, errors);
      const dup = ids.check(ctx.id, ctx);
      if (dup) rowErrors.push(dup);
      if (rowErrors.length > 0) {
        errors.push(...rowErrors);
        invalid++;
        return undefined;
      }
      return { ctx, obj };
    },
  };
}

/** The context of messages about an object: `base` (file, row, line) and the object's id as written, trimmed. */
export function jsonRowContext(obj: Record<string, unknown>, base: RowContext): RowContext {
  const rawId = ownValue(obj, ['id']);
  return typeof rawId === 'string' || typeof rawId === 'number' ? { ...base, id: String(rawId).trim() } : base;
}

/** Builds one scanned object into a validated profile (`positions`: the catalogue's codes, see `buildCadre`). */
export function buildJsonCadre(obj: Record<string, unknown>, ctx: RowContext, positions?: ReadonlySet<string>): BuiltCadre {
  return buildCadre((c) => lookup(obj, c), ctx, positions);
}

export function readJsonCadres(text: string, options: ReadCadresOptions, lines: boolean): ReadCadresResult {
  const { file } = options;
  const errors: RowDiagnostic[] = [];
  const elements = lines ? splitLines(text) : splitDocument(text, file, errors);
  const rows: CadreRow[] = [];
  const positions = positionCodes(options.positions);
  const scanner = createJsonCadreScanner(file);
  let invalid = 0;

  elements.forEach((el, index) => {
    const row = index + 1;
    const scanned = scanner.scan(el, row, errors);
    if (!scanned) return;
    const built = buildJsonCadre(scanned.obj, scanned.ctx, positions);
    errors.push(...built.diagnostics);
    if (!built.profile) { invalid++; return; }
    rows.push({
      row, ...(el.line !== undefined ? { line: el.line } : {}), profile: built.profile,
      ...(built.nomination ? { nomination: built.nomination } : {}),
    });
  });
  return { rows, errors, total: elements.length, invalid: scanner.invalid + invalid, format: lines ? 'jsonl' : 'json' };
}

function ownValue(obj: unknown, path: readonly string[]): unknown {
  let cur = obj;
  for (const key of path) {
    if (typeof cur !== 'object' || cur === null || Array.isArray(cur) || !Object.hasOwn(cur, key)) return undefined;
    cur = (cur as Record<string, unknown>)[key];
  }
  return cur;
}

/** A nested value (`party.status` inside `party`), or the same field written flat with its dotted name. */
function lookup(obj: Record<string, unknown>, column: Column): unknown {
  const nested = ownValue(obj, column.path);
  return nested !== undefined ? nested : column.path.length > 1 ? ownValue(obj, [column.name]) : undefined;
}

/**
 * Forbidden keys anywhere are row errors; a group that is not an object is a row error (its fields would be lost);
 * unknown keys are warned about once per file.
 */
export function checkKeys(obj: Record<string, unknown>, ctx: RowContext, warned: Set<string>, fileErrors: RowDiagnostic[]): RowDiagnostic[] {
  const errors: RowDiagnostic[] = [];
  const walk = (value: unknown, path: string, pattern: string, known: ReadonlySet<string> | undefined): void => {
    if (typeof value !== 'object' || value === null) return;
    if (Array.isArray(value)) { value.forEach((v, i) => walk(v, `${path}[${i}]`, `${pattern}[]`, known)); return; }
    for (const key of Object.keys(value)) {
      const childPath = path === '' ? key : `${path}.${key}`;
      const childPattern = pattern === '' ? key : `${pattern}.${key}`;
      if (key.split('.').some((part) => FORBIDDEN_KEYS.has(part))) { errors.push(forbiddenKeyDiagnostic(ctx, childPath)); continue; }
      const child = (value as Record<string, unknown>)[key];
      if (known && !known.has(childPattern) && !warned.has(childPattern)) {
        warned.add(childPattern);
        const guess = closest(childPattern, [...KNOWN_KEYS]);
        fileErrors.push(rowDiagnostic(ctx, 'cadre/unknown-field', 'warning', childPath,
          { vi: `trường "${childPattern}" không thuộc hồ sơ cán bộ và bị bỏ qua (chỉ báo một lần cho cả tệp)${guess ? `. Có phải "${guess}"?` : ''}`, en: `field "${childPattern}" is not a cadre profile field and is ignored (reported once per file)${guess ? `. Did you mean "${guess}"?` : ''}` }));
      }
      if (NESTED_GROUPS.has(childPattern) && child !== undefined && child !== null && (typeof child !== 'object' || Array.isArray(child))) {
        errors.push(rowDiagnostic(ctx, 'cadre/wrong-type', 'error', childPath, { vi: 'phải là một đối tượng { … }', en: 'must be an object { … }' }));
        continue;
      }
      const childKnown = pattern === '' && key === 'ratings' ? RATING_PATTERNS : known;
      walk(child, childPath, childPattern, childKnown);
    }
  };
  walk(obj, '', '', KNOWN_KEYS);
  return errors;
}

const RATING_PATTERNS = new Set([...KNOWN_KEYS, ...[...RATING_KEYS].map((k) => `ratings[].${k}`)]);

/** The top-level keys `checkKeys` knows without a dot, and each group's own keys. */
const TOP_KEYS: ReadonlySet<string> = new Set([...KNOWN_KEYS].filter((k) => !k.includes('.')));
const GROUP_KEYS: ReadonlyMap<string, ReadonlySet<string>> = new Map([...GROUPS].map((g) => [g,
  new Set(CADRE_COLUMNS.filter((c) => c.path.length === 2 && c.path[0] === g).map((c) => c.path[1]!))]));

const isObject = (v: unknown): v is object => typeof v === 'object' && v !== null;

/**
 * True when `checkKeys` would find nothing to say: every key known and plain (no dot, not forbidden), groups are
 * objects of known keys with plain values, lists hold plain values or rating objects of `year` and `rating`. The
 * common row then skips building a path and a pattern string for every key; any other row takes `checkKeys`.
 */
export function plainKeys(obj: Record<string, unknown>): boolean {
  for (const key of Object.keys(obj)) {
    if (!TOP_KEYS.has(key) || FORBIDDEN_KEYS.has(key)) return false;
    const value = obj[key];
    const group = GROUP_KEYS.get(key);
    if (group) {
      if (value === undefined || value === null) continue;
      if (!isObject(value) || Array.isArray(value)) return false;
      for (const child of Object.keys(value)) {
        if (!group.has(child) || isObject((value as Record<string, unknown>)[child])) return false;
      }
    } else if (!isObject(value)) {
      continue;
    } else if (Array.isArray(value)) {
      for (const item of value) {
        if (!isObject(item)) continue;
        if (key !== 'ratings' || Array.isArray(item)) return false;
        for (const k of Object.keys(item)) if (!RATING_KEYS.has(k) || isObject((item as Record<string, unknown>)[k])) return false;
      }
    } else return false;
  }
  return true;
}

function splitLines(text: string): JsonElement[] {
  const splitter = createJsonLinesSplitter();
  return [...splitter.push(text), ...splitter.end()];
}

function splitDocument(text: string, file: string, errors: RowDiagnostic[]): JsonElement[] {
  const whole = parseJsonLocated(text);
  if (whole.ok) {
    const v = whole.value;
    if (Array.isArray(v)) return withDuplicates(v.map((value) => ({ value })), whole.duplicates, 0, file, errors);
    if (typeof v === 'object' && v !== null && Object.hasOwn(v, 'cadres') && Array.isArray((v as { cadres: unknown }).cadres)) {
      return withDuplicates(((v as { cadres: unknown[] }).cadres).map((value) => ({ value })), whole.duplicates, 1, file, errors);
    }
    errors.push(fileDiagnostic(file, 'json/not-a-list', 'error', '', { vi: 'tệp JSON phải là một mảng cán bộ [ … ] hoặc { "cadres": [ … ] }', en: 'a JSON cadre file must be an array [ … ] or { "cadres": [ … ] }' }));
    return [];
  }
  const at = { line: whole.line, column: whole.column };
  const slices = splitJsonArray(text);
  const lineAt = createLineCounter(text);
  const elements: JsonElement[] = (slices ?? []).map((s) => {
    const r = parseJsonLocated(text.slice(s.start, s.end), s.start, text);
    const line = lineAt(s.start);
    return r.ok ? { value: r.value, line, ...(r.duplicates ? { duplicates: r.duplicates } : {}) } : { parseError: { reason: r.reason, line: r.line, column: r.column }, line };
  });
  if (!elements.some((e) => e.parseError)) {
    errors.push(fileDiagnostic(file, 'json/syntax', 'error', '', { vi: `JSON không hợp lệ: ${whole.reason}`, en: `invalid JSON: ${whole.reason}` }, at,
      elements.length > 0
        ? { vi: 'Các phần tử đọc được của mảng vẫn được kiểm tra.', en: 'The elements of the array that could be read are still checked.' }
        : CHECK_PUNCTUATION));
  }
  return elements;
}

/**
 * Hands each duplicate key of a whole document to its element (`depth`: segments before the element index, 1 under
 * `{ "cadres": [...] }`); one outside every element (a second "cadres") is an error about the file.
 */
function withDuplicates(elements: JsonElement[], duplicates: readonly LocatedDuplicate[] | undefined, depth: number, file: string, errors: RowDiagnostic[]): JsonElement[] {
  for (const d of duplicates ?? []) {
    const index = d.path[depth];
    const el = typeof index === 'number' && d.path.length > depth + 1 ? elements[index] : undefined;
    if (el) { (el.duplicates ??= []).push({ ...d, path: d.path.slice(depth + 1) }); continue; }
    errors.push(fileDiagnostic(file, 'json/duplicate-key', 'error', formatJsonPath(d.path),
      { vi: `khóa "${d.key}" xuất hiện hai lần trong cùng một đối tượng; không biết dùng giá trị nào`, en: `key "${d.key}" appears twice in the same object; which value is meant is ambiguous` }, { line: d.line, column: d.column }));
  }
  return elements;
}

/** Line numbers of increasing offsets, counted incrementally (the slices come in order). */
function createLineCounter(text: string): (offset: number) => number {
  let line = 1;
  let pos = 0;
  return (offset) => {
    for (; pos < offset; pos++) {
      const c = text.charCodeAt(pos);
      if (c === 10 || (c === 13 && text.charCodeAt(pos + 1) !== 10)) line++;
    }
    return line;
  };
}
