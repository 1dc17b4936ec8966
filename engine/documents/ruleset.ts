/**
 * The ruleset document: one regulation (57-QĐ/TW, 350-QĐ/TW), its dates, and its rules in json-rules-engine's
 * condition format with the metadata every rule must carry (level, kind, citation, confidence, source).
 *
 * Semantics of the kinds, per training level:
 * - `subject` rules are alternatives: a cadre is a subject (đối tượng) when at least one passes;
 * - `standard` rules are all required (tiêu chuẩn); a rule limited to some modes is skipped in the others;
 * - `tier` rules are tried in document order; the first that passes names the institution (phân cấp).
 *
 * Every object is strict, as in the lifecycle document: a misspelt key (`notee`) is a `ruleset/unknown-key`
 * diagnostic with a "did you mean", never silently dropped.
 */
import { z } from 'zod/mini';
import { IsoDate } from './cadre.ts';
import { checkDecisionFields, DECISION_FIELDS } from './decision.ts';
import { Confidence, LabelSchema, Mode, RuleKind, TrainingLevel } from './enums.ts';
import type { DocumentKind } from './loadDocument.ts';

/** Whether a citation's article, clause and point were read in the regulation's text or inferred from its layout. */
export const CITATION_NUMBERINGS = ['read', 'assumed'] as const;
export const CitationNumbering = z.enum(CITATION_NUMBERINGS);
export type CitationNumbering = z.infer<typeof CitationNumbering>;

export const Citation = z.strictObject({
  article: z.int().check(z.positive()),
  clause: z.optional(z.int().check(z.positive())),
  point: z.optional(z.string().check(z.regex(/^[a-zđ]$/))),
  /**
   * `read`: the numbering was read in the text (or two official summaries that quote it). `assumed` — and absent,
   * which documents saved before this field existed are — means the number is an inference (e.g. 350-QĐ/TW's
   * articles follow 57-QĐ/TW's layout): every printed citation then says so.
   */
  numbering: z.optional(CitationNumbering),
});
export type Citation = z.infer<typeof Citation>;

/** A fact-to-fact comparison value: `{ "fact": "x", "path": "$.y" }`. */
const FactReference = z.object({ fact: z.string(), path: z.optional(z.string()), params: z.optional(z.record(z.string(), z.unknown())) });

export interface LeafCondition {
  fact: string;
  operator: string;
  value: unknown;
  path?: string;
  params?: Record<string, unknown>;
}
export type Condition = LeafCondition | { all: Condition[] } | { any: Condition[] } | { not: Condition };
export type TopLevelCondition = { all: Condition[] } | { any: Condition[] } | { not: Condition };

const Leaf = z.object({
  fact: z.string().check(z.minLength(1)),
  operator: z.string().check(z.minLength(1)),
  value: z.union([FactReference, z.unknown()]),
  path: z.optional(z.string()),
  params: z.optional(z.record(z.string(), z.unknown())),
});
export const ConditionSchema: z.ZodMiniType<Condition> = z.lazy(() => z.union([
  z.strictObject({ all: z.array(ConditionSchema) }),
  z.strictObject({ any: z.array(ConditionSchema) }),
  z.strictObject({ not: ConditionSchema }),
  z.strictObject(Leaf.shape),
])) as z.ZodMiniType<Condition>;
export const TopLevelConditionSchema: z.ZodMiniType<TopLevelCondition> = z.union([
  z.strictObject({ all: z.array(ConditionSchema) }),
  z.strictObject({ any: z.array(ConditionSchema) }),
  z.strictObject({ not: ConditionSchema }),
]) as z.ZodMiniType<TopLevelCondition>;

/** Where a rule of an effective ruleset comes from (see `Rule.layer`). */
export const RuleLayerSchema = z.strictObject({
  kind: z.enum(['base', 'overlay']),
  /** The base ruleset's id, or the overlay's id. */
  id: z.string().check(z.minLength(1)),
  /** The act the layer (or its change) applies, as written: `350-QĐ/TW`, `10-QĐ/TU`. */
  decision: z.optional(z.string().check(z.minLength(1))),
  /** What the overlay did to the rule. */
  change: z.optional(z.enum(['add', 'replace', 'threshold'])),
  /** The decision record is an illustration (see decision.ts). */
  illustrative: z.optional(z.literal(true)),
});
export type RuleLayer = z.infer<typeof RuleLayerSchema>;

export const RuleSchema = z.strictObject({
  id: z.string().check(z.regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'mã quy tắc viết thường, nối bằng gạch ngang')),
  level: TrainingLevel,
  kind: RuleKind,
  /** Short Vietnamese title shown in lists; English alongside. */
  title: LabelSchema,
  citation: Citation,
  confidence: Confidence,
  /** Where the rule was read: a public source or the reason it is assumed. */
  source: z.string().check(z.minLength(1)),
  note: z.optional(z.string()),
  /** Modes the rule applies to; all modes when absent. */
  modes: z.optional(z.array(Mode).check(z.minLength(1))),
  conditions: TopLevelConditionSchema,
  /**
   * Failure message (standard, subject) or decision text (tier), with `{fact}` placeholders filled from the
   * cadre's facts, e.g. "{age} tuổi ({sexLabel})".
   */
  message: LabelSchema,
  /** Tier rules: an institution id of the catalogue, or `@provincial-school` / `@district-centre` (by province). */
  institution: z.optional(z.string()),
  /**
   * The regulation lets the competent level decide special cases of this standard (350-QĐ/TW: "trường hợp đặc
   * biệt, cấp có thẩm quyền xem xét, quyết định"): a nomination may waive it with a recorded special decision
   * (`nomination.specialDecision`). Standard rules only; absent means not waivable.
   */
  waivable: z.optional(z.boolean()),
  /**
   * Keys of the provisions of the regulation's outline (`llct/regulation-outline`) this rule encodes, e.g.
   * `tc.subjects.army`. Empty or absent: the rule cites no provision (the coverage map lists it).
   */
  provisions: z.optional(z.array(z.string().check(z.minLength(1)))),
  /**
   * The regulation code this rule was carried over from (e.g. `57-QĐ/TW`) when no source of this regulation states
   * it: the verdict's warning for an assumed rule then says the group or standard is a carry-over.
   */
  carriedOverFrom: z.optional(z.string().check(z.minLength(1))),
}).check(z.refine((r) => r.waivable !== true || r.kind === 'standard', {
  message: 'chỉ quy tắc tiêu chuẩn (standard) mới được đánh dấu waivable',
  params: { en: 'only a standard rule may be marked waivable' },
  path: ['waivable'],
}));
/**
 * A rule. `layer` is never written in a document (the schema refuses it): `resolveOverlays` (engine/overlays/) sets
 * it on the rules of an effective ruleset — the base ruleset, or an overlay and the decision of the change that
 * added or altered the rule — and a failure of the rule carries it (`Failure.layer`).
 */
export type Rule = z.infer<typeof RuleSchema> & { layer?: RuleLayer };

/** What a failed subject check (no subject rule passed) cites, per level. */
export const SubjectGroup = z.strictObject({
  citation: Citation, title: LabelSchema, confidence: Confidence,
  /**
   * For a level no confirmed rule covers: the regulation text that would settle it, shown with every verdict at
   * that level whose rules are all `assumed`.
   */
  settledBy: z.optional(LabelSchema),
});

/**
 * What a verdict says for a nomination at a level the regulation does not regulate (350-QĐ/TW has no sơ cấp):
 * never eligible, one reason with its own citation (another text, written out) and confidence.
 */
export const OutOfScopeSchema = z.strictObject({
  message: LabelSchema,
  /** The texts that say so, written out, e.g. "Quy định 360-QĐ/TW; Quy chế 1147-QĐ/BTGDVTW Điều 3 khoản 1". */
  citation: LabelSchema,
  confidence: Confidence,
  source: z.string().check(z.minLength(1)),
  /** The inference the reason rests on, stated. */
  note: z.optional(LabelSchema),
});
export type OutOfScope = z.infer<typeof OutOfScopeSchema>;

export const RulesetSchema = z.strictObject({
  schema: z.literal('llct/ruleset'),
  version: z.literal(1),
  id: z.string().check(z.regex(/^[a-z0-9]+(-[a-z0-9]+)*$/)),
  regulation: z.strictObject({
    /** e.g. `57-QĐ/TW`: the name every verdict reports. */
    code: z.string().check(z.minLength(1)),
    title: z.string().check(z.minLength(1)),
    signedOn: IsoDate,
    /** First nomination date the ruleset applies to. */
    effectiveFrom: IsoDate,
    effectiveConfidence: Confidence,
    note: z.optional(z.string()),
    sources: z._default(z.array(z.string()), []),
    /**
     * The training levels this regulation regulates; absent means all three. A nomination at another level is
     * judged "out of scope" with `outOfScope`'s reason, and the rules written for that level stay in the document,
     * unused, so that a text proving otherwise is a one-line edit.
     */
    levels: z.optional(z.array(TrainingLevel).check(z.minLength(1))),
    outOfScope: z.optional(OutOfScopeSchema),
  }),
  subjectGroups: z.record(TrainingLevel, SubjectGroup),
  rules: z.array(RuleSchema).check(z.minLength(1)),
  /** The policy revision of this document (bumped when a change is published); absent counts as 1. */
  revision: z.optional(z.int().check(z.gte(1))),
  ...DECISION_FIELDS,
}).check(z.superRefine(checkDecisionFields));
export type Ruleset = z.infer<typeof RulesetSchema>;

export const RULESET_KIND: DocumentKind<typeof RulesetSchema> = {
  kind: 'llct/ruleset',
  version: 1,
  schema: RulesetSchema,
};

/** The mark an assumed numbering carries in every printed citation, per language. */
export const ASSUMED_NUMBERING_MARK = { vi: '(số điều giả định)', en: '(article number assumed)' } as const;

/**
 * A citation made by `formatCitation` (or any Vietnamese citation text), in `lang`. English writes it as English
 * does: "350-QĐ/TW Điều 5 khoản 2 (số điều giả định)" → "Regulation 350-QĐ/TW, Art. 5(2) (article number assumed)"
 * (the regulation code is a name and stays as it is). JSON outputs keep the Vietnamese text, as the interchange
 * contract shows it.
 */
export function citationIn(text: string, lang: 'vi' | 'en'): string {
  if (lang === 'vi') return text;
  return text
    .replace(/Điều (\d+)(?: khoản (\d+))?(?: điểm (\p{L}))?/gu,
      (_, article: string, clause?: string, point?: string) => `Art. ${article}${clause ? `(${clause})` : ''}${point ? `(${point})` : ''}`)
    .replace(/Quy định (\d+[a-z]?-QĐ\/)/gu, 'Regulation $1')
    .replace(/Quy chế (\d+[a-z]?-QĐ\/)/gu, 'Rules $1')
    .replace(/(^|[\s;(])(\d+[a-z]?-QĐ\/TW) Art\./gu, (_, lead: string, code: string) => `${lead}Regulation ${code}, Art.`)
    .replace(/(\d+[a-z]?-QĐ\/\p{Lu}+) Art\./gu, '$1, Art.')
    .replaceAll(ASSUMED_NUMBERING_MARK.vi, ASSUMED_NUMBERING_MARK.en);
}

/** `formatCitation` in `lang`: what every page and report prints for a rule's citation. */
export function citationText(code: string, c: Citation, lang: 'vi' | 'en'): string {
  return citationIn(formatCitation(code, c), lang);
}

/** Whether a citation's numbering was read in the text (absent counts as assumed). */
export function numberingRead(c: Pick<Citation, 'numbering'>): boolean {
  return c.numbering === 'read';
}

/**
 * The article/clause/point of a rule as Vietnamese citation text: "57-QĐ/TW Điều 4 khoản 1" when the numbering was
 * read, "350-QĐ/TW Điều 5 khoản 2 (số điều giả định)" when it is assumed (or not recorded).
 */
export function formatCitation(code: string, c: Citation): string {
  const parts = [code, `Điều ${c.article}`, c.clause ? `khoản ${c.clause}` : '', c.point ? `điểm ${c.point}` : ''];
  if (!numberingRead(c)) parts.push(ASSUMED_NUMBERING_MARK.vi);
  return parts.filter(Boolean).join(' ');
}
