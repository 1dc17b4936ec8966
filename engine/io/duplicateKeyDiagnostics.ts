/**
 * Duplicate keys in a JSON document (a ruleset, a lifecycle, events, golden cases, a snapshot, a workspace) as
 * errors with their paths: JSON.parse keeps the last of the two silently, so which value a document means would be
 * a guess. Pure.
 */
import { diagnostic, type Diagnostic } from '../diagnostics/Diagnostic.ts';
import type { LocatedDuplicate } from './parseJsonLocated.ts';

/** One `json/duplicate-key` error per duplicate, at its path, naming its line and column. */
export function duplicateKeyDiagnostics(duplicates: readonly LocatedDuplicate[]): Diagnostic[] {
  return duplicates.map((d) => diagnostic('json/duplicate-key', 'error', d.path,
    { vi: `khóa "${d.key}" xuất hiện hai lần trong cùng một đối tượng (dòng ${d.line}, cột ${d.column}); không biết dùng giá trị nào`, en: `key "${d.key}" appears twice in the same object (line ${d.line}, column ${d.column}); which value is meant is ambiguous` },
    { vi: 'Xóa một trong hai khóa.', en: 'Remove one of the two keys.' }));
}
