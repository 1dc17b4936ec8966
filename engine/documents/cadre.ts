/**
 * The cadre profile (hồ sơ cán bộ) and the nomination (cử đi học) of the interchange contract. Field names, enums
 * and defaults are those of shared/domain/contracts.md; optional fields may be added, none renamed.
 */
import { z } from 'zod';
import { normalizeDate } from './dates.ts';
import {
  CivilServiceGrade, Education, Mode, PartyStatus, Rating, Sector, Sex, TheoryLevel, TrainingLevel, WorkplaceTier,
} from './enums.ts';

/** An ISO date that exists on the calendar (rejects 2023-02-31). */
export const IsoDate = z.string().refine((s) => normalizeDate(s) === s, {
  message: 'ngày không hợp lệ (cần YYYY-MM-DD, và ngày phải có thật)',
  params: { en: 'not a valid date (YYYY-MM-DD, and the day must exist)' },
});

/** A position code of the catalogue; checked against the catalogue by `validateCadre`, not by the schema. */
export const PositionCode = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'mã chức vụ phải viết thường, nối bằng gạch ngang');

export const RatingEntry = z.object({ year: z.number().int().min(1950).max(2200), rating: Rating });

export const CadreProfile = z.object({
  id: z.string().trim().min(1, 'thiếu mã cán bộ'),
  fullName: z.string().optional(),
  sex: Sex,
  birthDate: IsoDate,
  ethnicMinority: z.boolean().default(false),
  difficultArea: z.boolean().default(false),
  party: z.object({
    status: PartyStatus.default('none'),
    joinedOn: IsoDate.optional(),
    fullOn: IsoDate.optional(),
  }).default({ status: 'none' }),
  education: Education,
  politicalTheory: TheoryLevel.default('none'),
  workplace: z.object({
    tier: WorkplaceTier.optional(),
    province: z.string().optional(),
    sector: Sector.optional(),
    agency: z.string().optional(),
  }).default({}),
  position: PositionCode.optional(),
  planning: z.array(PositionCode).default([]),
  civilService: z.object({
    grade: CivilServiceGrade.optional(),
    since: IsoDate.optional(),
    candidatePool: z.boolean().default(false),
  }).default({ candidatePool: false }),
  lecturer: z.object({ teachingSince: IsoDate.optional() }).optional(),
  ratings: z.array(RatingEntry).default([]),
  /** Optional: the nomination for this row, which wins over the command-line flags. */
  nomination: z.lazy(() => NominationPartial).optional(),
});
export type CadreProfile = z.infer<typeof CadreProfile>;
/** A profile as written in a file, before defaults are filled in. */
export type CadreProfileInput = z.input<typeof CadreProfile>;

/**
 * A recorded special decision (trường hợp đặc biệt, cấp có thẩm quyền xem xét, quyết định): the competent level
 * waives one standard rule for this nomination. Every field is required once the record is given; only a rule its
 * ruleset marks `waivable` may be named (checked against the ruleset the nomination date selects).
 */
export const SpecialDecision = z.object({
  /** Id of the rule waived, e.g. `tc350-part-time-age`. */
  waives: z.string().trim().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'mã quy tắc được miễn phải viết thường, nối bằng gạch ngang (ví dụ tc350-part-time-age)'),
  /** Who decided: the competent level, e.g. `Ban Thường vụ Tỉnh ủy Nghệ An`. */
  decidedBy: z.string().trim().min(1, 'thiếu cấp có thẩm quyền đã quyết định'),
  /** The decision's number, e.g. `1234-QĐ/TU`. */
  number: z.string().trim().min(1, 'thiếu số quyết định'),
  /** The decision's date (on or before the nomination date). */
  on: IsoDate,
}).strict();
export type SpecialDecision = z.infer<typeof SpecialDecision>;

export const Nomination = z.object({
  level: TrainingLevel,
  mode: Mode,
  on: IsoDate,
  /** The cadre asked to study (sơ cấp's "người có nguyện vọng"); optional, default false. */
  onRequest: z.boolean().optional(),
  /** Optional: a recorded special decision waiving one `waivable` standard rule. Without it nothing is waived. */
  specialDecision: SpecialDecision.optional(),
});
export type Nomination = z.infer<typeof Nomination>;
export const NominationPartial = Nomination.partial();
