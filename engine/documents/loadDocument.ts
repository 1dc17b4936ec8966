/**
 * Load = parse → migrate → validate. Every document kind (ruleset, lifecycle, plan, catalogue) declares its current
 * version, its zod schema and one migration per older version; old documents are upgraded step by step, documents
 * from a newer version are refused with a clear reason rather than misread.
 */
import type { z } from 'zod/mini';
import { closest, diagnostic, type Diagnostic } from '../diagnostics/Diagnostic.ts';
import { describeSchemaIssues } from '../diagnostics/describeSchemaIssues.ts';
import { findTooDeep, formatDeepPath, MAX_DOCUMENT_DEPTH, type TooDeep } from './findTooDeep.ts';
import { objectKeysAt } from './objectKeysAt.ts';

export type Migration = (doc: Record<string, unknown>) => Record<string, unknown>;

export interface DocumentKind<S extends z.ZodMiniType> {
  /** Value of the document's `schema` field, e.g. `llct/ruleset`. */
  kind: string;
  version: number;
  schema: S;
  /** `migrations[n]` upgrades a version-n document to n+1. */
  migrations?: Record<number, Migration>;
}

export type LoadResult<T> =
  | { ok: true; value: T; diagnostics: Diagnostic[]; migratedFrom?: number }
  | { ok: false; diagnostics: Diagnostic[] };

export function loadDocument<S extends z.ZodMiniType>(kind: DocumentKind<S>, raw: unknown): LoadResult<z.infer<S>> {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return fail(diagnostic('document/not-an-object', 'error', '', { vi: `Tài liệu ${kind.kind} phải là một đối tượng JSON.`, en: `A ${kind.kind} document must be a JSON object.` }));
  }
  const deep = findTooDeep(raw, MAX_DOCUMENT_DEPTH);
  if (deep) return fail(tooDeepDiagnostic(deep));
  let doc = raw as Record<string, unknown>;
  if (doc.schema !== undefined && doc.schema !== kind.kind) {
    return fail(diagnostic('document/wrong-kind', 'error', 'schema', { vi: `Tài liệu có schema "${String(doc.schema)}", cần "${kind.kind}".`, en: `Document has schema "${String(doc.schema)}", expected "${kind.kind}".` }));
  }
  const version = doc.version ?? 1;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return fail(diagnostic('document/bad-version', 'error', 'version', { vi: `Phiên bản "${String(version)}" không hợp lệ.`, en: `Version "${String(version)}" is not a positive integer.` }));
  }
  if (version > kind.version) {
    return fail(diagnostic('document/newer-version', 'error', 'version',
      { vi: `Tài liệu phiên bản ${version} mới hơn phiên bản phần mềm hỗ trợ (${kind.version}); không đọc để tránh hiểu sai.`, en: `Document version ${version} is newer than this software supports (${kind.version}); refusing to misread it.` },
      { vi: 'Cập nhật LLCT Studio rồi mở lại.', en: 'Update LLCT Studio, then open the document again.' }));
  }
  for (let v = version; v < kind.version; v++) {
    const step = kind.migrations?.[v];
    if (!step) {
      return fail(diagnostic('document/no-migration', 'error', 'version', { vi: `Không có bước chuyển đổi từ phiên bản ${v}.`, en: `No migration from version ${v}.` }));
    }
    doc = step(doc);
  }
  const parsed = describeSchemaIssues(kind.schema, { ...doc, schema: kind.kind, version: kind.version });
  if (!parsed.success) {
    return fail(...parsed.issues.flatMap((i) => (i.unknownKeys
      ? i.unknownKeys.map((key) => unknownKey(kind, i.path, key))
      : [diagnostic('document/schema', 'error', i.path, { vi: i.vi, en: i.en })])));
  }
  return version < kind.version
    ? { ok: true, value: parsed.data, diagnostics: [], migratedFrom: version }
    : { ok: true, value: parsed.data, diagnostics: [] };
}

/**
 * A key the schema does not allow (schemas are strict: a misspelt key would otherwise be dropped without a word),
 * coded by document kind (`ruleset/unknown-key`), located at the key itself, with the closest allowed key.
 */
function unknownKey<S extends z.ZodMiniType>(kind: DocumentKind<S>, at: readonly PropertyKey[], key: string): Diagnostic {
  const allowed = objectKeysAt(kind.schema, at) ?? [];
  const guess = closest(key, allowed);
  const hint = guess
    ? { vi: `Có phải "${guess}"?`, en: `Did you mean "${guess}"?` }
    : allowed.length > 0 ? { vi: `Các khóa hợp lệ: ${allowed.join(', ')}.`, en: `Valid keys: ${allowed.join(', ')}.` } : undefined;
  return diagnostic(`${kind.kind.replace(/^llct\//, '')}/unknown-key`, 'error', [...at, key],
    { vi: `Khóa "${key}" không có trong lược đồ ${kind.kind}.`, en: `Unknown key "${key}" in a ${kind.kind} document.` }, hint);
}

/** A value nested deeper than the limit (see findTooDeep.ts), located where the limit is crossed. */
export function tooDeepDiagnostic(deep: TooDeep): Diagnostic {
  const at = formatDeepPath(deep.segments);
  return { ...diagnostic('document/too-deep', 'error', '', { vi: `Lồng quá ${deep.limit} cấp tại ${at}.`, en: `Nested more than ${deep.limit} levels deep at ${at}.` },
    { vi: `Không tài liệu hợp lệ nào lồng sâu như vậy; kiểm tra tệp có bị sinh lỗi không. Giới hạn: ${deep.limit} cấp.`, en: `No valid document nests this deep; check how the file was produced. Limit: ${deep.limit} levels.` }),
  path: deep.segments.length <= 12 ? at : '', segments: deep.segments.length <= 12 ? deep.segments : [] };
}

function fail(...diagnostics: Diagnostic[]): { ok: false; diagnostics: Diagnostic[] } {
  return { ok: false, diagnostics };
}
