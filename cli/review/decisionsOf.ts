/**
 * The decision fields of a ruleset, lifecycle or plan (issue 22): `revision`, `decisions` and `published`, read from
 * the raw document with plain guards. Isolated here because the engine's document schemas do not know these fields
 * yet (they are strict: `ruleset/unknown-key`, `lifecycle/unknown-key`, `plan/unknown-key`); at the merge with the
 * decision schemas this file is replaced by theirs and `withoutDecisionFields` goes away.
 */
import type { Label } from '../../engine/documents/enums.ts';

/** The kinds of legal act a decision may be. */
export const DECISION_KINDS = ['quy-dinh', 'quyet-dinh', 'huong-dan', 'cong-van'] as const;
export type DecisionKind = (typeof DECISION_KINDS)[number];

/** How a kind is named in each language. */
export const DECISION_KIND_LABELS: Readonly<Record<DecisionKind, Label>> = {
  'quy-dinh': { vi: 'Quy định', en: 'Regulation' },
  'quyet-dinh': { vi: 'Quyết định', en: 'Decision' },
  'huong-dan': { vi: 'Hướng dẫn', en: 'Guidance' },
  'cong-van': { vi: 'Công văn', en: 'Official letter' },
};

/** A decision a document's versions are published under; dates are ISO `YYYY-MM-DD`. */
export interface Decision {
  id: string;
  kind: DecisionKind;
  /** As written: "10-QĐ/TU". */
  number: string;
  issuedBy: string;
  signer: string;
  title: string;
  signedOn: string;
  appliesFrom: string;
  appliesUntil?: string;
  summary: string;
  source: string;
  illustrative?: boolean;
}

/** One publication: this revision of the document is in force under this decision. */
export interface Publication { revision: number; on: string; decision: string; note?: string }

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

const ISO = /^\d{4}-\d{2}-\d{2}$/;
const REQUIRED_TEXT = ['id', 'number', 'issuedBy', 'signer', 'title', 'summary', 'source'] as const;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isText = (v: unknown): v is string => typeof v === 'string' && v.trim() !== '';

function readDecision(v: unknown, at: string, problems: Label[]): Decision | undefined {
  if (!isRecord(v)) { problems.push({ vi: `${at}: không phải một đối tượng`, en: `${at}: not an object` }); return undefined; }
  const missing = REQUIRED_TEXT.filter((k) => !isText(v[k]));
  const badDates = (['signedOn', 'appliesFrom'] as const).filter((k) => typeof v[k] !== 'string' || !ISO.test(v[k]));
  if (v.appliesUntil !== undefined && (typeof v.appliesUntil !== 'string' || !ISO.test(v.appliesUntil))) badDates.push('appliesUntil' as never);
  const kindOk = typeof v.kind === 'string' && (DECISION_KINDS as readonly string[]).includes(v.kind);
  if (missing.length > 0) problems.push({ vi: `${at}: thiếu ${missing.join(', ')}`, en: `${at}: missing ${missing.join(', ')}` });
  if (badDates.length > 0) problems.push({ vi: `${at}: ngày không đúng dạng YYYY-MM-DD: ${badDates.join(', ')}`, en: `${at}: dates not written YYYY-MM-DD: ${badDates.join(', ')}` });
  if (!kindOk) problems.push({ vi: `${at}.kind: phải là một trong ${DECISION_KINDS.join(', ')}`, en: `${at}.kind: must be one of ${DECISION_KINDS.join(', ')}` });
  if (missing.length > 0 || badDates.length > 0 || !kindOk) return undefined;
  if ((v.appliesFrom as string) < (v.signedOn as string)) {
    problems.push({ vi: `${at}: ngày áp dụng trước ngày ký`, en: `${at}: applies from a date before it was signed` });
  }
  return {
    id: v.id as string, kind: v.kind as DecisionKind, number: v.number as string, issuedBy: v.issuedBy as string,
    signer: v.signer as string, title: v.title as string, signedOn: v.signedOn as string, appliesFrom: v.appliesFrom as string,
    ...(typeof v.appliesUntil === 'string' ? { appliesUntil: v.appliesUntil } : {}),
    summary: v.summary as string, source: v.source as string,
    ...(v.illustrative === true ? { illustrative: true } : {}),
  };
}

function readPublication(v: unknown, at: string, problems: Label[]): Publication | undefined {
  const ok = isRecord(v) && Number.isInteger(v.revision) && typeof v.on === 'string' && ISO.test(v.on) && isText(v.decision);
  if (!ok) {
    problems.push({ vi: `${at}: cần revision (số nguyên), on (YYYY-MM-DD) và decision (mã một quyết định)`, en: `${at}: needs revision (an integer), on (YYYY-MM-DD) and decision (a decision id)` });
    return undefined;
  }
  return { revision: v.revision as number, on: v.on as string, decision: v.decision as string, ...(isText(v.note) ? { note: v.note } : {}) };
}

/** Reads the decision fields of a raw document; absent lists are empty, a field that does not read is a problem. */
export function decisionsOf(raw: unknown): DecisionFields {
  const problems: Label[] = [];
  if (!isRecord(raw)) return { decisions: [], published: [], problems };
  const list = (key: string) => {
    const v = raw[key];
    if (v === undefined) return [];
    if (Array.isArray(v)) return v;
    problems.push({ vi: `${key}: phải là một danh sách`, en: `${key}: must be a list` });
    return [];
  };
  const decisions = list('decisions').map((d, i) => readDecision(d, `decisions[${i}]`, problems)).filter((d): d is Decision => d !== undefined);
  const published = list('published').map((p, i) => readPublication(p, `published[${i}]`, problems)).filter((p): p is Publication => p !== undefined);
  for (const [i, p] of published.entries()) {
    if (!decisions.some((d) => d.id === p.decision)) {
      problems.push({ vi: `published[${i}].decision: không có quyết định "${p.decision}" trong decisions`, en: `published[${i}].decision: there is no decision "${p.decision}" in decisions` });
    }
  }
  const revision = raw.revision;
  if (revision !== undefined && !(Number.isInteger(revision) && (revision as number) >= 1)) {
    problems.push({ vi: 'revision: phải là số nguyên từ 1', en: 'revision: must be an integer from 1' });
  }
  return { ...(Number.isInteger(revision) && (revision as number) >= 1 ? { revision: revision as number } : {}), decisions, published, problems };
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

/** The keys the decision format adds to each kind, which today's engine schemas refuse. */
const ADDED_KEYS: Readonly<Record<string, readonly string[]>> = {
  'llct/ruleset': ['revision', 'decisions', 'published'],
  'llct/plan': ['revision', 'decisions', 'published'],
  // The lifecycle schema has its own `revision` already.
  'llct/lifecycle': ['decisions', 'published'],
};

/**
 * The raw document without the decision fields, for the engine's schemas of today (which refuse unknown keys).
 * To be removed once the engine's schemas carry these fields.
 */
export function withoutDecisionFields(raw: unknown): unknown {
  if (!isRecord(raw) || typeof raw.schema !== 'string') return raw;
  const keys = ADDED_KEYS[raw.schema];
  if (!keys) return raw;
  return Object.fromEntries(Object.entries(raw).filter(([k]) => !keys.includes(k)));
}
