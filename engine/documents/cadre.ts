/**
 * The cadre profile (hồ sơ cán bộ) and the nomination (cử đi học) of the interchange contract. Field names, enums
 * and defaults are those of shared/domain/contracts.md; optional fields may be added, none renamed.
 */
import { z } from 'zod/mini';
import { normalizeDate } from './dates.ts';
import {
  CivilServiceGrade, Education, Mode, PartyStatus, Rating, Sector, Sex, TheoryLevel, TrainingLevel, WorkplaceTier,
} from './enums.ts';

/** An ISO date that exists on the calendar (rejects 2023-02-31). */
export const IsoDate = z.string().check(z.refine((s) => normalizeDate(s) === s, {
  message: 'ngày không hợp lệ (cần YYYY-MM-DD, và ngày phải có thật)',
  params: { en: 'not a valid date (YYYY-MM-DD, and the day must exist)' },
}));

/** A position code of the catalogue; checked against the catalogue by `validateCadre`, not by the schema. */
export const PositionCode = z.string().check(z.regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'mã chức vụ phải viết thường, nối bằng gạch ngang'));

export const RatingEntry = z.object({ year: z.int().check(z.gte(1950), z.lte(2200)), rating: Rating });

export const CadreProfile = z.object({
  id: z.string().check(z.trim(), z.minLength(1, 'thiếu mã cán bộ')),
  fullName: z.optional(z.string()),
  sex: Sex,
  birthDate: IsoDate,
  ethnicMinority: z._default(z.boolean(), false),
  difficultArea: z._default(z.boolean(), false),
  party: z._default(z.object({
    status: z._default(PartyStatus, 'none'),
    joinedOn: z.optional(IsoDate),
    fullOn: z.optional(IsoDate),
  }), { status: 'none' }),
  education: Education,
  politicalTheory: z._default(TheoryLevel, 'none'),
  workplace: z._default(z.object({
    tier: z.optional(WorkplaceTier),
    province: z.optional(z.string()),
    sector: z.optional(Sector),
    agency: z.optional(z.string()),
  }), {}),
  position: z.optional(PositionCode),
  planning: z._default(z.array(PositionCode), []),
  civilService: z._default(z.object({
    grade: z.optional(CivilServiceGrade),
    since: z.optional(IsoDate),
    candidatePool: z._default(z.boolean(), false),
  }), { candidatePool: false }),
  lecturer: z.optional(z.object({ teachingSince: z.optional(IsoDate) })),
  ratings: z._default(z.array(RatingEntry), []),
  /** Optional: the nomination for this row, which wins over the command-line flags. */
  nomination: z.optional(z.lazy(() => NominationPartial)),
});
export type CadreProfile = z.infer<typeof CadreProfile>;
/** A profile as written in a file, before defaults are filled in. */
export type CadreProfileInput = z.input<typeof CadreProfile>;

/**
 * A recorded special decision (trường hợp đặc biệt, cấp có thẩm quyền xem xét, quyết định): the competent level
 * waives one standard rule for this nomination. Every field is required once the record is given; only a rule its
 * ruleset marks `waivable` may be named (checked against the ruleset the nomination date selects).
 */
export const SpecialDecision = z.strictObject({
  /** Id of the rule waived, e.g. `tc350-part-time-age`. */
  waives: z.string().check(z.trim(), z.regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'mã quy tắc được miễn phải viết thường, nối bằng gạch ngang (ví dụ tc350-part-time-age)')),
  /** Who decided: the competent level, e.g. `Ban Thường vụ Tỉnh ủy Nghệ An`. */
  decidedBy: z.string().check(z.trim(), z.minLength(1, 'thiếu cấp có thẩm quyền đã quyết định')),
  /** The decision's number, e.g. `1234-QĐ/TU`. */
  number: z.string().check(z.trim(), z.minLength(1, 'thiếu số quyết định')),
  /** The decision's date (on or before the nomination date). */
  on: IsoDate,
});
export type SpecialDecision = z.infer<typeof SpecialDecision>;

export const Nomination = z.object({
  level: TrainingLevel,
  mode: Mode,
  on: IsoDate,
  /** The cadre asked to study (sơ cấp's "người có nguyện vọng"); optional, default false. */
  onRequest: z.optional(z.boolean()),
  /** Optional: a recorded special decision waiving one `waivable` standard rule. Without it nothing is waived. */
  specialDecision: z.optional(SpecialDecision),
});
export type Nomination = z.infer<typeof Nomination>;
export const NominationPartial = z.partial(Nomination);
