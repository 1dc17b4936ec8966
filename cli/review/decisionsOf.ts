/**
 * The decision fields of a ruleset, lifecycle or plan as the review reads them: `revision`, `decisions` and
 * `published`, parsed with the engine's own schemas (engine/documents/decision.ts) from the raw document, so a
 * field that does not read is a problem of the review (in both languages) while the rest of the document is judged
 * by its own schema.
 */
import { z } from 'zod/mini';
import { checkDecisionFields, DECISION_FIELDS, type Decision, type Published } from '../../engine/documents/decision.ts';
import type { Label } from '../../engine/documents/enums.ts';
import { locate } from '../../engine/diagnostics/Diagnostic.ts';
import { describeSchemaIssues } from '../../engine/diagnostics/describeSchemaIssues.ts';

export { DECISION_KIND_LABELS, DECISION_KINDS, type Decision, type DecisionKind } from '../../engine/documents/decision.ts';

/** One publication: this revision of the document is in force under this decision. */
export type Publication = Published;

/** What a document says about its decisions; `problems` name the fields that do not read (in both languages). */
export interface DecisionFields {
  revision?: number;
  decisions: Decision[];
  published: Publication[];
  problems: Label[];
}

/** Where a document's head revision stands. */
export type PublicationState =
  | { state: 'published'; revision: number; publication: Publication; decision: Decision }
  | { state: 'draft'; revision?: number; reason: Label };

/** The decision fields alone, any other key of the document let through (its own schema judges those). */
const Fields = z.looseObject({ revision: z.optional(z.int().check(z.gte(1))), ...DECISION_FIELDS }).check(z.superRefine(checkDecisionFields));

/** Reads the decision fields of a raw document; absent lists are empty, a field that does not read is a problem. */
export function decisionsOf(raw: unknown): DecisionFields {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { decisions: [], published: [], problems: [] };
  const read = describeSchemaIssues(Fields, raw);
  if (!read.success) return { decisions: [], published: [], problems: read.issues.map((i) => {
    const at = locate(i.path).path;
    return { vi: `${at}: ${i.vi}`, en: `${at}: ${i.en}` };
  }) };
  const { revision, decisions, published } = read.data;
  return { ...(revision !== undefined ? { revision } : {}), decisions: [...(decisions ?? [])], published: [...(published ?? [])], problems: [] };
}

/** Whether the document's current revision is published under a decision it carries, and if not, why. */
export function publicationState(fields: DecisionFields): PublicationState {
  const { revision } = fields;
  if (revision === undefined) return { state: 'draft', reason: { vi: 'tài liệu không ghi số phiên bản (revision)', en: 'the document has no revision number' } };
  const publication = fields.published.find((p) => p.revision === revision);
  if (!publication) return { state: 'draft', revision, reason: { vi: `bản ${revision} chưa được ban hành theo quyết định nào (published không nêu bản này)`, en: `revision ${revision} is not published under any decision (published does not name it)` } };
  const decision = fields.decisions.find((d) => d.id === publication.decision);
  if (!decision) return { state: 'draft', revision, reason: { vi: `bản ${revision} nêu quyết định "${publication.decision}" không có trong decisions`, en: `revision ${revision} names decision "${publication.decision}", which is not in decisions` } };
  return { state: 'published', revision, publication, decision };
}
