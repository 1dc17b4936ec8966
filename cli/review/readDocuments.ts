/**
 * The documents of one side of a review: the JSON files in the folders `llct validate`, `llct test`, `llct lifecycle`
 * and `llct simulate` read their shipped documents from, each classified by its `schema` field.
 */
import type { Diagnostic } from '../../engine/diagnostics/Diagnostic.ts';
import { duplicateKeyDiagnostics } from '../../engine/io/duplicateKeyDiagnostics.ts';
import { parseJsonLocated } from '../../engine/io/parseJsonLocated.ts';
import type { Tree } from './openTree.ts';

/**
 * Where documents live: `rulesets/` (rulesets, catalogues, outlines, `rulesets/lifecycles/`), `fixtures/golden/`
 * (golden cases), `fixtures/plans/` (plans), and `overlays/` or `fixtures/overlays/` (provincial overlays, with
 * their golden cases beside them). Other folders are not reviewed.
 */
export const DOCUMENT_FOLDERS = ['rulesets', 'fixtures/golden', 'fixtures/plans', 'overlays', 'fixtures/overlays'] as const;

/** The document kinds a review describes (by `schema`); other JSON files in the folders are passed over. */
export const REVIEWED_KINDS = ['llct/ruleset', 'llct/ruleset-overlay', 'llct/lifecycle', 'llct/plan', 'llct/golden-cases', 'llct/positions', 'llct/institutions'] as const;
export type ReviewedKind = (typeof REVIEWED_KINDS)[number];

/** One file of a side. `raw` is absent when the JSON does not parse (then `problem` says why). */
export interface SideDocument {
  path: string;
  text: string;
  kind?: ReviewedKind;
  raw?: unknown;
  problem?: Diagnostic;
}

/** A JSON file's kind, if it is one a review describes. */
function kindOf(raw: unknown): ReviewedKind | undefined {
  const schema = typeof raw === 'object' && raw !== null ? (raw as { schema?: unknown }).schema : undefined;
  return typeof schema === 'string' && (REVIEWED_KINDS as readonly string[]).includes(schema) ? schema as ReviewedKind : undefined;
}

function parsed(path: string, text: string): SideDocument {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const p = parseJsonLocated(body);
  if (!p.ok) {
    return { path, text, problem: { code: 'json/syntax', severity: 'error', path: '', segments: [], file: path,
      message: `${path}, dòng ${p.line} cột ${p.column}: JSON không hợp lệ: ${p.reason}`, messageEn: `${path}, line ${p.line} column ${p.column}: invalid JSON: ${p.reason}` } };
  }
  const kind = kindOf(p.value);
  const doc: SideDocument = { path, text, raw: p.value, ...(kind ? { kind } : {}) };
  return p.duplicates ? { ...doc, problem: { ...duplicateKeyDiagnostics(p.duplicates)[0]!, file: path } } : doc;
}

/**
 * Every `.json` file under the document folders whose `schema` is a reviewed kind, by path. A file that does not
 * parse (or repeats a key) is kept with its problem, so that a broken document on the head side is reported rather
 * than silently dropped.
 */
export async function readDocuments(tree: Tree): Promise<Map<string, SideDocument>> {
  const out = new Map<string, SideDocument>();
  for (const path of await tree.list(DOCUMENT_FOLDERS)) {
    if (!path.endsWith('.json')) continue;
    const doc = parsed(path, await tree.read(path));
    if (doc.kind !== undefined || doc.problem !== undefined) out.set(path, doc);
  }
  return out;
}
