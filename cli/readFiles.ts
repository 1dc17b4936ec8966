/**
 * File access for the commands: reading text with readable errors, and loading rulesets (parse, validate, load).
 */
import { isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { diagnostic, hasErrors, hintIn, type Diagnostic } from '../engine/diagnostics/Diagnostic.ts';
import { validateRuleset } from '../engine/diagnostics/validateRuleset.ts';
import { findTooDeep, MAX_DOCUMENT_DEPTH } from '../engine/documents/findTooDeep.ts';
import { loadDocument, tooDeepDiagnostic } from '../engine/documents/loadDocument.ts';
import { RULESET_KIND, type Ruleset } from '../engine/documents/ruleset.ts';
import { duplicateKeyDiagnostics } from '../engine/io/duplicateKeyDiagnostics.ts';
import { parseJsonLocated } from '../engine/io/parseJsonLocated.ts';
import { builtinCatalogues, builtinDocuments } from '../engine/builtin.ts';
import type { Lang } from './parseArgs.ts';
import { escapeControls } from '../engine/io/escapeControls.ts';
import type { InputEncoding } from '../engine/io/detectEncoding.ts';
import { InputProblem, inputPath, openInput, readWholeInput } from './openInput.ts';

/** The repository root (where rulesets/ and fixtures/ live), whatever the working directory. */
export const PACKAGE_ROOT = fileURLToPath(new URL('..', import.meta.url));

export function resolvePath(cwd: string, path: string): string {
  return isAbsolute(path) ? path : resolve(cwd, path);
}

/** `warnings`: what the reading found worth a word (see OpenedInput.warnings). */
export type TextRead = { ok: true; text: string; warnings: Diagnostic[] } | { ok: false; diagnostic: Diagnostic };

/** Whole files read as text (documents, and a cadre file for `explain`) are refused beyond this many characters. */
const MAX_TEXT_CHARS = 512 * 1024 * 1024;

/**
 * Reads a text file (or `-`, a pipe, a FIFO: see openInput.ts) as strict UTF-8, or in `encoding`; a missing or
 * unreadable file, a device or bytes in another encoding are a diagnostic naming it. A BOM is dropped.
 */
export async function readText(cwd: string, file: string, encoding?: InputEncoding): Promise<TextRead> {
  const opened = await openInput(inputPath(cwd, file), file, encoding);
  if (!opened.ok) return opened;
  try {
    const text = await readWholeInput(opened.input, file, MAX_TEXT_CHARS);
    return { ok: true, text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, warnings: opened.input.warnings };
  } catch (e) {
    if (e instanceof InputProblem) return { ok: false, diagnostic: e.diagnostic };
    return { ok: false, diagnostic: unreadableFile(file, e) };
  } finally {
    await opened.input.close();
  }
}

/** The diagnostic for a file that cannot be opened or read (`e`: the error thrown by node:fs). */
export function unreadableFile(file: string, e: unknown): Diagnostic {
  const code = (e as NodeJS.ErrnoException).code;
  const [vi, en] = code === 'ENOENT' ? ['không tìm thấy tệp', 'file not found']
    : code === 'EISDIR' ? ['đây là thư mục, không phải tệp', 'is a directory, not a file']
      : code === 'EACCES' ? ['không có quyền đọc tệp', 'permission denied']
        : ['không đọc được tệp', `cannot read the file (${code ?? String(e)})`];
  return { code: 'file/unreadable', severity: 'error', path: '', segments: [], file, message: `${file}: ${vi}`, messageEn: `${file}: ${en}` };
}

/**
 * Reads and parses a JSON document; a syntax error is a diagnostic with line and column, and so is a key written
 * twice in one object (`json/duplicate-key`, at its path: the first one is returned).
 */
export async function readJson(cwd: string, file: string): Promise<{ ok: true; value: unknown } | { ok: false; diagnostic: Diagnostic }> {
  const t = await readText(cwd, file);
  if (!t.ok) return t;
  const p = parseJsonLocated(t.text);
  if (p.ok && p.duplicates) return { ok: false, diagnostic: { ...duplicateKeyDiagnostics(p.duplicates)[0]!, file } };
  if (p.ok) {
    const deep = findTooDeep(p.value, MAX_DOCUMENT_DEPTH);
    return deep ? { ok: false, diagnostic: { ...tooDeepDiagnostic(deep), file } } : p;
  }
  return { ok: false, diagnostic: {
    code: 'json/syntax', severity: 'error', path: '', segments: [], file,
    message: `${file}, dòng ${p.line} cột ${p.column}: JSON không hợp lệ: ${p.reason}`,
    messageEn: `${file}, line ${p.line} column ${p.column}: invalid JSON: ${p.reason}`,
  } };
}

export type RulesetLoad = { ok: true; rulesets: Ruleset[]; diagnostics: Diagnostic[] } | { ok: false; diagnostics: Diagnostic[] };

/** Loads user rulesets: every diagnostic of `validateRuleset` is returned; any error fails the load. */
export async function loadRulesetFiles(cwd: string, files: readonly string[]): Promise<RulesetLoad> {
  const rulesets: Ruleset[] = [];
  const loadedFrom: string[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const file of files) {
    const j = await readJson(cwd, file);
    if (!j.ok) { diagnostics.push(j.diagnostic); continue; }
    const found = validateRuleset(j.value, { ...builtinCatalogues(), file });
    diagnostics.push(...found);
    if (hasErrors(found)) continue;
    const loaded = loadDocument(RULESET_KIND, j.value);
    if (loaded.ok) {
      // Two rulesets in force from the same date: which one applies would depend on the order of the flags.
      const twin = rulesets.findIndex((r) => r.regulation.effectiveFrom === loaded.value.regulation.effectiveFrom);
      if (twin >= 0) {
        const other = loadedFrom[twin]!;
        const on = loaded.value.regulation.effectiveFrom;
        diagnostics.push({ ...diagnostic('ruleset/same-effective-date', 'error', 'regulation.effectiveFrom',
          { vi: `có hiệu lực cùng ngày ${on} với ${other}; không biết áp dụng bộ nào cho ngày đó`, en: `takes effect on ${on}, the same day as ${other}; which one applies that day would be ambiguous` },
          { vi: 'Sửa regulation.effectiveFrom của một trong hai bộ, hoặc chỉ đưa một bộ.', en: 'Change regulation.effectiveFrom of one of them, or pass only one.' }), file });
      }
      rulesets.push(loaded.value);
      loadedFrom.push(file);
    } else diagnostics.push(...loaded.diagnostics.map((d) => ({ ...d, file })));
  }
  return hasErrors(diagnostics) ? { ok: false, diagnostics } : { ok: true, rulesets, diagnostics };
}

/**
 * The rulesets a command runs: the shipped ones, or those of `--ruleset FILE…`. Prints their diagnostics to stderr;
 * `undefined` when any is in error (the command then exits 2).
 */
export async function rulesetsFromFlags(ctx: { cwd: string; err: (text: string) => void }, files: readonly string[] | undefined, lang: Lang): Promise<Ruleset[] | undefined> {
  if (!files || files.length === 0) return builtinDocuments().rulesets;
  const loaded = await loadRulesetFiles(ctx.cwd, files);
  for (const d of loaded.diagnostics) if (d.severity !== 'info') ctx.err(`${formatDiagnostic(d, lang)}\n`);
  return loaded.ok ? loaded.rulesets : undefined;
}

/** One diagnostic as a line of text: row diagnostics already name file, row and field; others get file and path. */
export function formatDiagnostic(d: Diagnostic, lang: Lang): string {
  const text = lang === 'en' ? d.messageEn : d.message;
  const severity = d.severity === 'error' ? (lang === 'en' ? 'error' : 'lỗi') : d.severity === 'warning' ? (lang === 'en' ? 'warning' : 'cảnh báo') : 'info';
  const located = d.file !== undefined && !text.startsWith(d.file)
    ? `${d.file}${d.path ? ` [${d.path}]` : ''}: ${text}`
    : text;
  const hint = hintIn(d, lang);
  // Messages quote ids and values from the file: their control characters never reach the terminal.
  return escapeControls(`${severity}: ${located}${hint ? ` — ${lang === 'en' ? 'hint' : 'gợi ý'}: ${hint}` : ''}`);
}
