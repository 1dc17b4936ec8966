/**
 * Reading a file the user imports: a whole workspace, or one ruleset. Pure: the caller applies the result only when
 * it is `ok`, so a refused file never touches the current workspace. Every refusal names the file and, where it
 * can, the line and column or the path inside the document.
 */
import { diagnostic, type Diagnostic } from '../../engine/diagnostics/Diagnostic.ts';
import { validateRuleset } from '../../engine/diagnostics/validateRuleset.ts';
import { loadDocument } from '../../engine/documents/loadDocument.ts';
import { RULESET_KIND, type Ruleset } from '../../engine/documents/ruleset.ts';
import { duplicateKeyDiagnostics } from '../../engine/io/duplicateKeyDiagnostics.ts';
import { parseJsonLocated } from '../../engine/io/parseJsonLocated.ts';
import type { Catalogues } from './analyseRuleset.ts';
import { documentProblems } from './documentProblems.ts';
import { readWorkspace } from './readWorkspace.ts';
import { findForbiddenKey, type WorkspaceDocument } from './workspaceDocument.ts';
import { findTooDeep, MAX_DOCUMENT_DEPTH } from '../../engine/documents/findTooDeep.ts';
import { tooDeepDiagnostic } from '../../engine/documents/loadDocument.ts';

/** Larger files are refused before parsing (a workspace of both rulesets with versions is well under 5 MB). */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

export type ImportResult<T> = { ok: true; value: T; migratedFrom?: number; warnings: Diagnostic[] } | { ok: false; diagnostics: Diagnostic[] };

function withFile(ds: Diagnostic[], file: string): Diagnostic[] {
  return ds.map((d) => ({ ...d, file }));
}

function parse(text: string, file: string): { ok: true; value: unknown } | { ok: false; diagnostics: Diagnostic[] } {
  if (text.length > MAX_IMPORT_BYTES) {
    const mb = (text.length / 1024 / 1024).toFixed(1);
    return { ok: false, diagnostics: withFile([diagnostic('import/too-large', 'error', '', { vi: `Tệp quá lớn (${mb} MB); giới hạn là 20 MB.`, en: `File too large (${mb} MB); the limit is 20 MB.` })], file) };
  }
  const p = parseJsonLocated(text.replace(/^\uFEFF/, ''));
  if (!p.ok) {
    return { ok: false, diagnostics: withFile([diagnostic('import/json', 'error', '', { vi: `JSON không hợp lệ ở dòng ${p.line}, cột ${p.column}: ${p.reason}`, en: `Invalid JSON at line ${p.line}, column ${p.column}: ${p.reason}` })], file) };
  }
  if (p.duplicates) return { ok: false, diagnostics: withFile(duplicateKeyDiagnostics(p.duplicates), file) };
  return { ok: true, value: p.value };
}

/** The file's JSON, or why it does not read (too large, not JSON, a key repeated): what every import starts with. */
export { parse as parseImportText };

/**
 * A whole workspace file, read as the stored workspace is read (readWorkspace.ts), every record checked: a record
 * that would be set aside refuses the file with its reasons (an import is all or nothing, the current workspace stays
 * as it was). Documents that are invalid but whole (an empty title, a plan cell still being typed) come in as they
 * are, as an exported workspace holds them; their problems, the ones the CLI gives, are returned as `warnings` and
 * shown as diagnostics in their views.
 */
export function importWorkspaceText(text: string, file: string, catalogues?: Catalogues): ImportResult<WorkspaceDocument> {
  const p = parse(text, file);
  if (!p.ok) return p;
  // The whole file first: too deep to read, or a key that could reach an object's prototype, refuses it as such.
  const deep = findTooDeep(p.value, MAX_DOCUMENT_DEPTH);
  if (deep) return { ok: false, diagnostics: withFile([tooDeepDiagnostic(deep)], file) };
  const forbidden = findForbiddenKey(p.value);
  if (forbidden) {
    const key = String(forbidden[forbidden.length - 1]);
    return { ok: false, diagnostics: withFile([diagnostic('workspace/forbidden-key', 'error', forbidden.join('.'), { vi: `Khoá bị cấm "${key}" trong tệp.`, en: `Forbidden key "${key}" in the file.` })], file) };
  }
  const read = readWorkspace(p.value);
  if (!read.ok) return { ok: false, diagnostics: withFile(read.diagnostics, file) };
  if (read.setAside.length > 0) return { ok: false, diagnostics: withFile(read.setAside.flatMap((part) => [...part.reasons]), file) };
  if (!read.document.records.some((r) => r.type === 'ruleset')) {
    return { ok: false, diagnostics: withFile([diagnostic('workspace/no-ruleset', 'error', 'records', { vi: 'Không gian làm việc không có bộ quy tắc nào.', en: 'The workspace has no ruleset.' })], file) };
  }
  const warnings = withFile(documentProblems(read.document.records, catalogues), file);
  return read.migratedFrom === undefined
    ? { ok: true, value: read.document, warnings }
    : { ok: true, value: read.document, migratedFrom: read.migratedFrom, warnings };
}

/** A ruleset file: refused on any error diagnostic; warnings (and assumed-rule notes) come along. */
export function importRulesetText(text: string, file: string, catalogues: Catalogues): ImportResult<Ruleset> {
  const p = parse(text, file);
  if (!p.ok) return p;
  const forbidden = findForbiddenKey(p.value);
  if (forbidden) {
    const key = String(forbidden[forbidden.length - 1]);
    return { ok: false, diagnostics: withFile([diagnostic('import/forbidden-key', 'error', forbidden.join('.'), { vi: `Khoá bị cấm "${key}" trong tệp.`, en: `Forbidden key "${key}" in the file.` })], file) };
  }
  const diagnostics = validateRuleset(p.value, { ...catalogues, file });
  if (diagnostics.some((d) => d.severity === 'error')) return { ok: false, diagnostics: diagnostics.filter((d) => d.severity === 'error') };
  const loaded = loadDocument(RULESET_KIND, p.value);
  if (!loaded.ok) return { ok: false, diagnostics: withFile(loaded.diagnostics, file) };
  return { ok: true, value: loaded.value, warnings: diagnostics.filter((d) => d.severity === 'warning') };
}

/** The exported ruleset file: the plain ruleset, two-space JSON and a final newline. */
export function rulesetFileText(ruleset: Ruleset): string {
  return `${JSON.stringify(ruleset, null, 2)}\n`;
}
