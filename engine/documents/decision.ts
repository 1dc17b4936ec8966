/**
 * Decisions as data: the act (a Quy định of the Ban Bí thư, a Tỉnh ủy's Quyết định, a Ban Tổ chức's Hướng dẫn, a
 * Công văn) a published version of a ruleset, lifecycle or plan — or an overlay's change — was made under.
 *
 * A document carries two optional fields:
 * - `decisions`: the acts its published versions were published under;
 * - `published`: `{ revision, on, decision, note? }` entries. The document's `revision` is a draft unless an entry
 *   names it. A document with neither field is valid: files written before they existed read unchanged.
 *
 * Dates are civil ISO dates (documents/dates.ts). Cross-field checks (applies-from not before signing, a published
 * entry naming a decision the document does not carry) are zod refinements whose messages name the field path, in
 * Vietnamese with the English as `params.en`, like every custom check of the documents.
 */
import { z } from 'zod/mini';
import { IsoDate } from './cadre.ts';
import { compareDates, formatDate } from './dates.ts';
import { Confidence } from './enums.ts';

/** Kinds of act, declared once: quy định, quyết định, hướng dẫn, công văn. */
export const DECISION_KINDS = ['quy-dinh', 'quyet-dinh', 'huong-dan', 'cong-van'] as const;
export const DecisionKind = z.enum(DECISION_KINDS);
export type DecisionKind = z.infer<typeof DecisionKind>;

export const DECISION_KIND_LABELS = {
  'quy-dinh': { vi: 'Quy định', en: 'Regulation' },
  'quyet-dinh': { vi: 'Quyết định', en: 'Decision' },
  'huong-dan': { vi: 'Hướng dẫn', en: 'Guidance' },
  'cong-van': { vi: 'Công văn', en: 'Official letter' },
} as const satisfies Record<DecisionKind, { vi: string; en: string }>;

/**
 * A Party act's number and symbol as written: the number (digits, possibly a lower-case letter), a hyphen, the
 * kind's symbol in capitals (`QĐ`, `HD`, `CV`, `KH`, `KL`…), a slash, and the issuer's symbol in capitals and digits,
 * possibly in hyphenated parts: `350-QĐ/TW`, `10-QĐ/TU`, `25-HD/BTCTW`, `1147-QĐ/BTGDVTW`, `6468-QĐ/HVCTQG`.
 * Spaces, lower-case symbols and a missing slash are refused: the number is what people search for, exactly.
 */
export const DECISION_NUMBER_PATTERN = /^\d{1,5}[a-z]?-[A-ZĐ]{1,5}\/[A-ZĐ0-9]{1,15}(?:-[A-ZĐ0-9]{1,15})*$/u;

export const DecisionNumber = z.string().check(z.refine((s) => DECISION_NUMBER_PATTERN.test(s), {
  message: 'số hiệu văn bản không đúng dạng "số-KÝ HIỆU/CƠ QUAN", ví dụ 350-QĐ/TW, 10-QĐ/TU, 25-HD/BTCTW',
  params: { en: 'the act\'s number is not in the form "number-SYMBOL/ISSUER", e.g. 350-QĐ/TW, 10-QĐ/TU, 25-HD/BTCTW' },
}));

const DecisionId = z.string().check(z.regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'mã viết thường, nối bằng gạch ngang (vd. 350-qd-tw)'));

/** The whole decision record, before its date checks. */
const DecisionShape = z.strictObject({
  /** Kebab-case id the document's `published` entries and an overlay's changes name, e.g. `350-qd-tw`. */
  id: DecisionId,
  kind: DecisionKind,
  /** As written, e.g. `10-QĐ/TU` (see `DECISION_NUMBER_PATTERN`). */
  number: DecisionNumber,
  /** The issuing body, as written: "Ban Bí thư", "Tỉnh ủy Lào Cai". */
  issuedBy: z.string().check(z.minLength(1)),
  /** Who signed it, when a source says; absent when no source does (never guessed). */
  signer: z.optional(z.string().check(z.minLength(1))),
  title: z.string().check(z.minLength(1)),
  signedOn: IsoDate,
  /** First day the act applies (to nominations dated that day or later). Not before `signedOn`. */
  appliesFrom: IsoDate,
  /** How `appliesFrom` is known: `assumed` when no source states it (e.g. taken as the signing date). */
  appliesFromConfidence: z.optional(Confidence),
  /** Last day the act applies, when it has an end; after `appliesFrom`. */
  appliesUntil: z.optional(IsoDate),
  /** What the act does, in a sentence or two (our own words). */
  summary: z.string().check(z.minLength(1)),
  /** An address or a file reference where the act (or what is known of it) was read. */
  source: z.string().check(z.minLength(1)),
  /** The record is an illustration (an example modelled on a real act, not its content): shown wherever it shows. */
  illustrative: z.optional(z.literal(true)),
});

/** A decision record with its date checks: applies-from not before signing; applies-until after applies-from. */
export const DecisionSchema = DecisionShape.check(z.superRefine((d, ctx) => {
  if (compareDates(d.appliesFrom, d.signedOn) < 0) {
    ctx.addIssue({
      code: 'custom', path: ['appliesFrom'],
      message: `appliesFrom (${d.appliesFrom}) sớm hơn ngày ký signedOn (${d.signedOn}): văn bản không áp dụng trước khi ký`,
      params: { en: `appliesFrom (${d.appliesFrom}) is before signedOn (${d.signedOn}): an act does not apply before it is signed` },
    });
  }
  if (d.appliesUntil !== undefined && compareDates(d.appliesUntil, d.appliesFrom) <= 0) {
    ctx.addIssue({
      code: 'custom', path: ['appliesUntil'],
      message: `appliesUntil (${d.appliesUntil}) phải sau appliesFrom (${d.appliesFrom})`,
      params: { en: `appliesUntil (${d.appliesUntil}) must be after appliesFrom (${d.appliesFrom})` },
    });
  }
}));
export type Decision = z.infer<typeof DecisionSchema>;

/** One published revision of a document: which revision, when, under which of the document's decisions. */
export const PublishedSchema = z.strictObject({
  revision: z.int().check(z.gte(1)),
  /** The day the revision was published (ban hành) in the project. */
  on: IsoDate,
  /** The id of a decision in the document's `decisions`. */
  decision: DecisionId,
  note: z.optional(z.string().check(z.minLength(1))),
});
export type Published = z.infer<typeof PublishedSchema>;

/** The optional fields rulesets, lifecycles and plans share (spread into their object shapes). */
export const DECISION_FIELDS = {
  /** The acts the document's published versions were published under. */
  decisions: z.optional(z.array(DecisionSchema)),
  /** The published revisions; the document's `revision` is a draft unless listed here. */
  published: z.optional(z.array(PublishedSchema)),
};

/** What `checkDecisionFields` reads from a document. */
export interface DecisionFields { revision?: number | undefined; decisions?: readonly Decision[] | undefined; published?: readonly Published[] | undefined }

/**
 * Cross-field checks of `decisions` and `published`, as a zod refinement for the document schemas: decision ids are
 * unique; each published entry names a decision of the document, is not dated before that decision was signed, and
 * names a revision once and no later than the document's own `revision` (when the document has one).
 */
export function checkDecisionFields(doc: DecisionFields, ctx: z.core.$RefinementCtx): void {
  const byId = new Map<string, number>();
  (doc.decisions ?? []).forEach((d, i) => {
    const first = byId.get(d.id);
    if (first !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['decisions', i, 'id'], message: `decisions[${i}].id "${d.id}" trùng với decisions[${first}]`, params: { en: `decisions[${i}].id "${d.id}" duplicates decisions[${first}]` } });
    } else byId.set(d.id, i);
  });
  const revisions = new Map<number, number>();
  (doc.published ?? []).forEach((p, i) => {
    const at = `published[${i}]`;
    const k = byId.get(p.decision);
    if (k === undefined) {
      const known = [...byId.keys()];
      ctx.addIssue({
        code: 'custom', path: ['published', i, 'decision'],
        message: `${at}.decision "${p.decision}" không có trong decisions${known.length > 0 ? ` (có: ${known.join(', ')})` : ' (tài liệu chưa ghi văn bản nào)'}`,
        params: { en: `${at}.decision "${p.decision}" is not in decisions${known.length > 0 ? ` (there: ${known.join(', ')})` : ' (the document lists no decision)'}` },
      });
    } else {
      const d = doc.decisions![k]!;
      if (compareDates(p.on, d.signedOn) < 0) {
        ctx.addIssue({
          code: 'custom', path: ['published', i, 'on'],
          message: `${at}.on (${p.on}) sớm hơn ngày ký của ${d.number} (${d.signedOn}): không ban hành theo một văn bản chưa ký`,
          params: { en: `${at}.on (${p.on}) is before ${d.number} was signed (${d.signedOn}): a version cannot be published under an act not yet signed` },
        });
      }
    }
    const twin = revisions.get(p.revision);
    if (twin !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['published', i, 'revision'], message: `${at}.revision ${p.revision} đã ban hành ở published[${twin}]`, params: { en: `${at}.revision ${p.revision} is already published at published[${twin}]` } });
    } else revisions.set(p.revision, i);
    if (doc.revision !== undefined && p.revision > doc.revision) {
      ctx.addIssue({ code: 'custom', path: ['published', i, 'revision'], message: `${at}.revision ${p.revision} lớn hơn revision của tài liệu (${doc.revision})`, params: { en: `${at}.revision ${p.revision} is later than the document's revision (${doc.revision})` } });
    }
  });
}

/** The published entry of the document's current revision; `undefined` when that revision is a draft. */
export function publishedEntry(doc: DecisionFields): Published | undefined {
  const revision = doc.revision ?? 1;
  return doc.published?.find((p) => p.revision === revision);
}

/** The decision a published entry names (`undefined` for a draft or a dangling name). */
export function decisionOf(doc: DecisionFields, entry: Published | undefined): Decision | undefined {
  return entry === undefined ? undefined : doc.decisions?.find((d) => d.id === entry.decision);
}

/** Whether a decision applies on `on` (an ISO date): from `appliesFrom`, up to and including `appliesUntil`. */
export function decisionAppliesOn(d: Pick<Decision, 'appliesFrom' | 'appliesUntil'>, on: string): boolean {
  return compareDates(d.appliesFrom, on) <= 0 && (d.appliesUntil === undefined || compareDates(on, d.appliesUntil) <= 0);
}

/** The label of an illustration, shown beside every illustrative decision or overlay. */
export const ILLUSTRATIVE_MARK = { vi: 'minh họa', en: 'illustrative' } as const;

/** "10-QĐ/TU ngày 28/11/2025" / "10-QĐ/TU of 28/11/2025", with "(minh họa)" when the record is illustrative. */
export function decisionText(d: Pick<Decision, 'number' | 'signedOn' | 'illustrative'>, lang: 'vi' | 'en'): string {
  const date = formatDate(d.signedOn);
  const base = lang === 'vi' ? `${d.number} ngày ${date}` : `${d.number} of ${date}`;
  return d.illustrative ? `${base} (${ILLUSTRATIVE_MARK[lang]})` : base;
}

