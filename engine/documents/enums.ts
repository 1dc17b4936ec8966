/**
 * The enumerations of the interchange contracts (shared/domain/contracts.md), declared once.
 * Every type and every label table derives from these tuples; order matters where the contract says "ordered".
 */
import { z } from 'zod/mini';
import './zodLocale.ts';

export const SEXES = ['male', 'female'] as const;
export const PARTY_STATUSES = ['none', 'probationary', 'full'] as const;
/** Ordered from lowest to highest: the rank of a value is its index. */
export const EDUCATION_LEVELS = ['lower-secondary', 'upper-secondary', 'college', 'university', 'master', 'doctorate'] as const;
/** Ordered: the rank of a political-theory level is its index (none = 0). */
export const THEORY_LEVELS = ['none', 'elementary', 'intermediate', 'advanced'] as const;
export const TRAINING_LEVELS = ['elementary', 'intermediate', 'advanced'] as const;
export const MODES = ['full-time', 'part-time'] as const;
export const WORKPLACE_TIERS = ['central', 'province', 'district', 'commune'] as const;
export const SECTORS = ['party', 'state', 'front', 'mass-organisation', 'public-service', 'enterprise', 'army', 'police'] as const;
export const CIVIL_SERVICE_GRADES = ['specialist', 'principal-specialist', 'senior-specialist'] as const;
/** Ordered from lowest to highest. */
export const RATINGS = ['not-completed', 'completed', 'good', 'excellent'] as const;
export const CONFIDENCES = ['confirmed', 'reported', 'assumed'] as const;
export const RULE_KINDS = ['subject', 'standard', 'tier'] as const;

export const Sex = z.enum(SEXES);
export const PartyStatus = z.enum(PARTY_STATUSES);
export const Education = z.enum(EDUCATION_LEVELS);
export const TheoryLevel = z.enum(THEORY_LEVELS);
export const TrainingLevel = z.enum(TRAINING_LEVELS);
export const Mode = z.enum(MODES);
export const WorkplaceTier = z.enum(WORKPLACE_TIERS);
export const Sector = z.enum(SECTORS);
export const CivilServiceGrade = z.enum(CIVIL_SERVICE_GRADES);
export const Rating = z.enum(RATINGS);
export const Confidence = z.enum(CONFIDENCES);
export const RuleKind = z.enum(RULE_KINDS);

export type Sex = z.infer<typeof Sex>;
export type PartyStatus = z.infer<typeof PartyStatus>;
export type Education = z.infer<typeof Education>;
export type TheoryLevel = z.infer<typeof TheoryLevel>;
export type TrainingLevel = z.infer<typeof TrainingLevel>;
export type Mode = z.infer<typeof Mode>;
export type WorkplaceTier = z.infer<typeof WorkplaceTier>;
export type Sector = z.infer<typeof Sector>;
export type CivilServiceGrade = z.infer<typeof CivilServiceGrade>;
export type Rating = z.infer<typeof Rating>;
export type Confidence = z.infer<typeof Confidence>;
export type RuleKind = z.infer<typeof RuleKind>;

/** A person-facing label, Vietnamese first. */
export interface Label { vi: string; en: string }
export const LabelSchema = z.object({ vi: z.string().check(z.minLength(1)), en: z.string().check(z.minLength(1)) });

/** Labels for every enum value, so the CLI, the editor and the explanations read from one table. */
export const LABELS = {
  sex: { male: { vi: 'nam', en: 'male' }, female: { vi: 'nữ', en: 'female' } },
  partyStatus: {
    none: { vi: 'chưa là đảng viên', en: 'not a Party member' },
    probationary: { vi: 'đảng viên dự bị', en: 'probationary Party member' },
    full: { vi: 'đảng viên chính thức', en: 'full Party member' },
  },
  education: {
    'lower-secondary': { vi: 'tốt nghiệp THCS', en: 'lower-secondary' },
    'upper-secondary': { vi: 'tốt nghiệp THPT', en: 'upper-secondary' },
    college: { vi: 'cao đẳng', en: 'college' },
    university: { vi: 'đại học', en: 'university' },
    master: { vi: 'thạc sĩ', en: "master's" },
    doctorate: { vi: 'tiến sĩ', en: 'doctorate' },
  },
  theoryLevel: {
    none: { vi: 'chưa có', en: 'none' },
    elementary: { vi: 'sơ cấp', en: 'elementary' },
    intermediate: { vi: 'trung cấp', en: 'intermediate' },
    advanced: { vi: 'cao cấp', en: 'advanced' },
  },
  mode: {
    'full-time': { vi: 'tập trung', en: 'full-time' },
    'part-time': { vi: 'không tập trung', en: 'part-time' },
  },
  workplaceTier: {
    central: { vi: 'trung ương', en: 'central' },
    province: { vi: 'cấp tỉnh', en: 'province' },
    district: { vi: 'cấp huyện', en: 'district' },
    commune: { vi: 'cấp xã', en: 'commune' },
  },
  sector: {
    party: { vi: 'cơ quan đảng', en: 'Party' },
    state: { vi: 'cơ quan nhà nước', en: 'State' },
    front: { vi: 'Mặt trận Tổ quốc', en: 'Fatherland Front' },
    'mass-organisation': { vi: 'tổ chức chính trị - xã hội', en: 'mass organisation' },
    'public-service': { vi: 'đơn vị sự nghiệp công lập', en: 'public service unit' },
    enterprise: { vi: 'doanh nghiệp nhà nước', en: 'state enterprise' },
    army: { vi: 'quân đội', en: 'army' },
    police: { vi: 'công an', en: 'police' },
  },
  civilServiceGrade: {
    specialist: { vi: 'chuyên viên', en: 'specialist' },
    'principal-specialist': { vi: 'chuyên viên chính', en: 'principal specialist' },
    'senior-specialist': { vi: 'chuyên viên cao cấp', en: 'senior specialist' },
  },
  rating: {
    'not-completed': { vi: 'không hoàn thành nhiệm vụ', en: 'not completed' },
    completed: { vi: 'hoàn thành nhiệm vụ', en: 'completed' },
    good: { vi: 'hoàn thành tốt nhiệm vụ', en: 'good' },
    excellent: { vi: 'hoàn thành xuất sắc nhiệm vụ', en: 'excellent' },
  },
  /** Rule kinds as the editor and the diffs name them (lower case; capitalise at the start of a label). */
  ruleKind: {
    subject: { vi: 'đối tượng', en: 'subject' },
    standard: { vi: 'tiêu chuẩn', en: 'standard' },
    tier: { vi: 'phân cấp', en: 'tiering' },
  },
  confidence: {
    confirmed: { vi: 'đã xác nhận', en: 'confirmed' },
    reported: { vi: 'theo một nguồn', en: 'reported' },
    assumed: { vi: 'giả định', en: 'assumed' },
  },
} as const satisfies Record<string, Record<string, Label>>;

/** Rank of a value in an ordered tuple; -1 when absent. */
export function rankOf<T extends string>(ordered: readonly T[], value: T | undefined | null): number {
  return value == null ? -1 : ordered.indexOf(value);
}
