/**
 * Validation reports problems as data; throwing is reserved for bugs. The editor shows diagnostics inline, the
 * CLI maps them to exit codes and JSON. `path` locates the problem inside the document (`rules[3].conditions.all[0]`)
 * and `segments` says the same as data (`['rules', 3, 'conditions', 'all', 0]`) for whoever must walk to the spot
 * (the editor's canvas); `file` and `row` are filled in by whoever read the input.
 */
import { z } from 'zod/mini';
import type { Label } from '../documents/enums.ts';

export type Severity = 'error' | 'warning' | 'info';

/** One step of a path into a document: an object key or an array index. */
export type PathSegment = string | number;

interface DiagnosticFields {
  /** Stable, readable code such as `ruleset/unknown-fact`. */
  code: string;
  severity: Severity;
  /** Location inside the document or row (dotted field path for rows), as text: `rules[3].conditions.all[0].fact`. */
  path: string;
  /**
   * The same location as segments: `['rules', 3, 'conditions', 'all', 0, 'fact']`; `[]` for the whole document.
   * Always agrees with `path` (`formatPath(segments) === path`); build diagnostics with `diagnostic()` so it does.
   */
  segments: readonly PathSegment[];
  /** Vietnamese message: the default language of every person-facing text. */
  message: string;
  /** The same message in English. */
  messageEn: string;
  file?: string;
  /** 1-based data row (CSV: the line after the header is row 1; JSON: array index + 1). */
  row?: number;
}

/**
 * What to do about it, when there is something to say: `hint` (Vietnamese) and `hintEn` (English) come together or
 * not at all — the type refuses one without the other. Build hints with `diagnostic(…, { vi, en })`.
 */
export type DiagnosticHint = { hint?: undefined; hintEn?: undefined } | { hint: string; hintEn: string };

export type Diagnostic = DiagnosticFields & DiagnosticHint;

/**
 * `path` is either the text form (`rules[3].conditions.all[0].fact`, parsed with `parsePath`) or the segments (zod's
 * issue path, symbols written as text); both `path` and `segments` are filled either way. `message` and `hint` are
 * `Label`s so that neither can be given in one language only; the diagnostic carries them as `message`/`messageEn`
 * and `hint`/`hintEn`, the field names every JSON output writes.
 */
export function diagnostic(
  code: string, severity: Severity, path: string | readonly PropertyKey[], message: Label, hint?: Label,
): Diagnostic {
  const located = locate(path);
  return { code, severity, path: located.path, segments: located.segments, message: message.vi, messageEn: message.en, ...hintFields(hint) };
}

/** `path` and `segments` from either form, to spread into a diagnostic built by hand. */
export function locate(path: string | readonly PropertyKey[]): { path: string; segments: readonly PathSegment[] } {
  if (typeof path === 'string') return { path, segments: parsePath(path) };
  const segments = path.map((p) => (typeof p === 'number' ? p : String(p)));
  return { path: formatPath(segments), segments };
}

/** `hint`/`hintEn` from a hint in both languages, to spread into a diagnostic built by hand. */
export function hintFields(hint: Label | undefined): DiagnosticHint {
  return hint === undefined ? {} : { hint: hint.vi, hintEn: hint.en };
}

/** A diagnostic's hint as a `Label`, to carry it over when re-wrapping the diagnostic; `undefined` when it has none. */
export function hintOf(d: Diagnostic): Label | undefined {
  return d.hint === undefined ? undefined : { vi: d.hint, en: d.hintEn };
}

/** The hint in one language (`vi`: `hint`, `en`: `hintEn`); `undefined` when the diagnostic has none. */
export function hintIn(d: Diagnostic, lang: 'vi' | 'en'): string | undefined {
  return lang === 'en' ? d.hintEn : d.hint;
}

/** The message in one language (`vi`: `message`, `en`: `messageEn`). */
export function messageIn(d: Pick<Diagnostic, 'message' | 'messageEn'>, lang: 'vi' | 'en'): string {
  return lang === 'en' ? d.messageEn : d.message;
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}

/** The closest candidate by edit distance, for "did you mean …" hints; `undefined` when nothing is close. */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestScore = Infinity;
  for (const c of candidates) {
    const s = editDistance(word.toLowerCase(), c.toLowerCase());
    if (s < bestScore) { best = c; bestScore = s; }
  }
  return best !== undefined && bestScore <= Math.max(2, Math.floor(word.length / 3)) ? best : undefined;
}

function editDistance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0]!;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = prev[j]!;
      prev[j] = Math.min(prev[j]! + 1, prev[j - 1]! + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = tmp;
    }
  }
  return prev[b.length]!;
}

/** Formats a zod issue path (or `Diagnostic.segments`) as `a.b[2].c`; the inverse of `parsePath`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const p of path) {
    if (typeof p === 'number') out += `[${p}]`;
    else out += out === '' ? String(p) : `.${String(p)}`;
  }
  return out;
}

/**
 * Parses a path written as `formatPath` writes it: `rules[3].conditions.all[0].fact` →
 * `['rules', 3, 'conditions', 'all', 0, 'fact']`; `''` → `[]`; a dotted row field `party.status` →
 * `['party', 'status']`. Only bracketed digits become numbers (a key `2024` stays a string); a key that itself
 * contains `.` or `[` cannot be told apart from a path, as in `formatPath`.
 */
export function parsePath(path: string): PathSegment[] {
  const out: PathSegment[] = [];
  for (const m of path.matchAll(/\[(\d+)\]|([^.[\]]+)/g)) out.push(m[1] !== undefined ? Number(m[1]) : m[2]!);
  return out;
}

/**
 * Validates with zod and, on failure, returns the issues with messages in both languages: the schema's own custom
 * messages (Vietnamese) win, with the English one a custom check gives as `params: { en }`; zod's built-in
 * messages come from its Vietnamese and English locales. An issue about keys a strict object does not allow carries
 * them as `unknownKeys` (its `path` is the object's), so that callers can point at each key.
 */
export function safeParseBilingual<S extends z.ZodMiniType>(schema: S, data: unknown):
  | { success: true; data: z.infer<S> }
  | { success: false; issues: Array<{ path: PropertyKey[]; vi: string; en: string; unknownKeys?: string[] }> } {
  const vi = schema.safeParse(data, { error: z.locales.vi().localeError });
  if (vi.success) return { success: true, data: vi.data };
  const en = schema.safeParse(data, { error: z.locales.en().localeError });
  const enIssues = en.success ? [] : en.error.issues;
  return {
    success: false,
    issues: vi.error.issues.map((issue, k) => {
      const en = issue.code === 'custom' && typeof issue.params?.en === 'string' ? issue.params.en as string : enIssues[k]?.message ?? issue.message;
      return issue.code === 'unrecognized_keys'
        ? { path: issue.path, vi: issue.message, en, unknownKeys: issue.keys }
        : { path: issue.path, vi: issue.message, en };
    }),
  };
}
