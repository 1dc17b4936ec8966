/**
 * Catalogues: positions (chức vụ, with a leadership rank), provinces over time (the 2025 merger from 63 to 34) and
 * institutions (trường, học viện). Data lives in rulesets/*.json; these are their schemas.
 */
import { z } from 'zod/mini';
import { IsoDate } from './cadre.ts';
import { Confidence, LabelSchema, Sector, WorkplaceTier } from './enums.ts';
import type { DocumentKind } from './loadDocument.ts';

export const PositionSchema = z.object({
  code: z.string().check(z.regex(/^[a-z0-9]+(-[a-z0-9]+)*$/)),
  name: LabelSchema,
  /** Tier the post belongs to when the post itself fixes it (commune posts). */
  tier: z.optional(WorkplaceTier),
  sector: z.optional(Sector),
  /**
   * Leadership rank, comparable across bodies: 0 no leadership post, 1 deputy head of division (phó trưởng phòng)
   * or equivalent, 2 head of division, 3 deputy director (phó vụ trưởng, phó giám đốc sở), 4 director and above.
   */
  rank: z.int().check(z.gte(0), z.lte(6)),
});
export type Position = z.infer<typeof PositionSchema>;

export const PositionCatalogueSchema = z.object({
  schema: z.literal('llct/positions'),
  version: z.literal(1),
  positions: z.array(PositionSchema).check(z.minLength(1)),
});
export type PositionCatalogue = z.infer<typeof PositionCatalogueSchema>;
export const POSITIONS_KIND: DocumentKind<typeof PositionCatalogueSchema> = { kind: 'llct/positions', version: 1, schema: PositionCatalogueSchema };

export const InstitutionSchema = z.object({
  id: z.string().check(z.regex(/^[a-z0-9]+(-[a-z0-9]+)*$/)),
  name: LabelSchema,
  confidence: Confidence,
  note: z.optional(z.string()),
});
export type Institution = z.infer<typeof InstitutionSchema>;

export const ProvinceSchema = z.object({
  /** Official Vietnamese name without the "Tỉnh"/"Thành phố" prefix, e.g. `Hà Nội`, `Thái Bình`. */
  name: z.string().check(z.minLength(1)),
  city: z._default(z.boolean(), false),
  /** Other spellings accepted in input (without diacritics, "TP. HCM"). Matching also ignores case and diacritics. */
  aliases: z._default(z.array(z.string()), []),
  /** Last day the province existed; absent while it still exists. */
  until: z.optional(IsoDate),
  /** The province it merged into on the day after `until`. */
  successor: z.optional(z.string()),
  /** The province's political school. */
  school: InstitutionSchema,
});
export type Province = z.infer<typeof ProvinceSchema>;

export const InstitutionCatalogueSchema = z.object({
  schema: z.literal('llct/institutions'),
  version: z.literal(1),
  sources: z.array(z.string()),
  /** Confidence of the province list and merger mapping. */
  provincesConfidence: Confidence,
  institutions: z.array(InstitutionSchema),
  provinces: z.array(ProvinceSchema).check(z.minLength(1)),
});
export type InstitutionCatalogue = z.infer<typeof InstitutionCatalogueSchema>;
export const INSTITUTIONS_KIND: DocumentKind<typeof InstitutionCatalogueSchema> = { kind: 'llct/institutions', version: 1, schema: InstitutionCatalogueSchema };
