/**
 * Facts: the values rules are written against, derived from a cadre profile and a nomination by pure functions.
 * Every fact is always present (unknown values are `null`) so that json-rules-engine never meets an undefined fact,
 * and the table below is the one list the validator, the compiler and the editor read.
 */
import type { CadreProfile, Nomination } from '../documents/cadre.ts';
import type { PositionCatalogue } from '../documents/catalogue.ts';
import { wholeYearsBetween, yearOf } from '../documents/dates.ts';
import {
  CIVIL_SERVICE_GRADES, EDUCATION_LEVELS, MODES, PARTY_STATUSES, RATINGS, SECTORS, SEXES, THEORY_LEVELS,
  TRAINING_LEVELS, WORKPLACE_TIERS, rankOf, type Label,
} from '../documents/enums.ts';
import { resolveProvince, type ProvinceIndex } from './provinces.ts';

export type FactType = 'number' | 'string' | 'boolean' | 'string[]';

export interface FactSpec {
  type: FactType;
  label: Label;
  /** Allowed values for enum-valued facts (and list items for `string[]`). */
  values?: readonly string[];
  /** May be `null` when the profile does not say. */
  nullable?: boolean;
}

/** Every fact a rule may name. */
export const FACTS = {
  level: { type: 'string', values: TRAINING_LEVELS, label: { vi: 'Trình độ cử đi học', en: 'Training level' } },
  levelRank: { type: 'number', label: { vi: 'Bậc trình độ cử đi học (1 sơ cấp – 3 cao cấp)', en: 'Training level rank (1–3)' } },
  onOrdinal: { type: 'number', label: { vi: 'Ngày cử đi học dạng số YYYYMMDD (ví dụ 20250701)', en: 'Nomination date as the number YYYYMMDD (e.g. 20250701)' } },
  mode: { type: 'string', values: MODES, label: { vi: 'Hình thức học', en: 'Study mode' } },
  onRequest: { type: 'boolean', label: { vi: 'Có nguyện vọng đi học', en: 'Asked to study' } },
  sex: { type: 'string', values: SEXES, label: { vi: 'Giới tính', en: 'Sex' } },
  age: { type: 'number', label: { vi: 'Tuổi (tròn năm tại ngày cử đi học)', en: 'Age (whole years on the nomination date)' } },
  ethnicMinority: { type: 'boolean', label: { vi: 'Người dân tộc thiểu số', en: 'Ethnic minority' } },
  difficultArea: { type: 'boolean', label: { vi: 'Công tác ở vùng khó khăn', en: 'Works in a difficult area' } },
  partyStatus: { type: 'string', values: PARTY_STATUSES, label: { vi: 'Đảng viên', en: 'Party status' } },
  education: { type: 'string', values: EDUCATION_LEVELS, label: { vi: 'Trình độ học vấn', en: 'Education' } },
  educationRank: { type: 'number', label: { vi: 'Bậc học vấn (0 THCS – 5 tiến sĩ)', en: 'Education rank (0–5)' } },
  theoryLevel: { type: 'string', values: THEORY_LEVELS, label: { vi: 'Trình độ LLCT đã có', en: 'Political theory held' } },
  theoryRank: { type: 'number', label: { vi: 'Bậc LLCT đã có (0 chưa có – 3 cao cấp)', en: 'Political theory held rank (0–3)' } },
  workplaceTier: { type: 'string', values: WORKPLACE_TIERS, nullable: true, label: { vi: 'Cấp nơi công tác', en: 'Workplace tier' } },
  sector: { type: 'string', values: SECTORS, nullable: true, label: { vi: 'Khối', en: 'Sector' } },
  province: { type: 'string', nullable: true, label: { vi: 'Tỉnh, thành phố nơi công tác (tại ngày cử)', en: 'Workplace province (on the nomination date)' } },
  position: { type: 'string', nullable: true, label: { vi: 'Chức vụ hiện tại', en: 'Current position' } },
  /**
   * The sector the position catalogue gives the current post (army, police, enterprise, party…), whatever the
   * workplace says: what keeps an army, police or enterprise post out of the civilian rank rules.
   */
  positionSector: { type: 'string', values: SECTORS, nullable: true, label: { vi: 'Khối của chức vụ hiện tại (theo danh mục chức vụ)', en: 'Sector of the current position (from the position catalogue)' } },
  positionRank: { type: 'number', label: { vi: 'Bậc lãnh đạo hiện tại (0 không – 4 vụ trưởng)', en: 'Current leadership rank (0–4)' } },
  planning: { type: 'string[]', label: { vi: 'Chức danh được quy hoạch', en: 'Posts in planning' } },
  planningRank: { type: 'number', label: { vi: 'Bậc lãnh đạo cao nhất được quy hoạch (-1 không)', en: 'Highest planned leadership rank (-1 none)' } },
  civilServiceGrade: { type: 'string', values: CIVIL_SERVICE_GRADES, nullable: true, label: { vi: 'Ngạch', en: 'Civil-service grade' } },
  yearsInGrade: { type: 'number', nullable: true, label: { vi: 'Số năm giữ ngạch', en: 'Years in grade' } },
  candidatePool: { type: 'boolean', label: { vi: 'Trong diện dự nguồn ngạch trên', en: 'In the candidate pool for the next grade' } },
  yearsTeaching: { type: 'number', nullable: true, label: { vi: 'Số năm giảng dạy LLCT', en: 'Years teaching political theory' } },
  ratingLastYear: { type: 'string', values: RATINGS, nullable: true, label: { vi: 'Xếp loại năm liền trước', en: 'Rating, previous year' } },
  ratingYearBefore: { type: 'string', values: RATINGS, nullable: true, label: { vi: 'Xếp loại năm thứ hai liền trước', en: 'Rating, the year before' } },
  ratingRankLastYear: { type: 'number', label: { vi: 'Bậc xếp loại năm liền trước (-1 không có)', en: 'Rating rank, previous year (-1 none)' } },
  ratingRankYearBefore: { type: 'number', label: { vi: 'Bậc xếp loại năm thứ hai liền trước (-1 không có)', en: 'Rating rank, the year before (-1 none)' } },
} as const satisfies Record<string, FactSpec>;

export type FactName = keyof typeof FACTS;
export const FACT_NAMES = Object.keys(FACTS) as FactName[];

export interface Facts {
  level: string; levelRank: number; onOrdinal: number; mode: string; onRequest: boolean;
  sex: string; age: number; ethnicMinority: boolean; difficultArea: boolean;
  partyStatus: string; education: string; educationRank: number; theoryLevel: string; theoryRank: number;
  workplaceTier: string | null; sector: string | null; province: string | null;
  position: string | null; positionSector: string | null; positionRank: number; planning: string[]; planningRank: number;
  civilServiceGrade: string | null; yearsInGrade: number | null; candidatePool: boolean; yearsTeaching: number | null;
  ratingLastYear: string | null; ratingYearBefore: string | null; ratingRankLastYear: number; ratingRankYearBefore: number;
}

export interface FactContext {
  positions: ReadonlyMap<string, { rank: number; tier?: string | undefined; sector?: string | undefined }>;
  provinces: ProvinceIndex;
}

/** Index the position catalogue once; `deriveFacts` reads it per cadre. */
export function indexPositions(catalogue: PositionCatalogue): FactContext['positions'] {
  return new Map(catalogue.positions.map((p) => [p.code, p]));
}

export interface DerivedFacts {
  facts: Facts;
  /** Notes about how a fact was derived (a merged province), shown with the verdict; often the shared empty list. */
  notes: readonly string[];
}

/**
 * `YYYYMMDD` as a number for a strict, existing ISO date (the checks of `parseIsoDate`), else `undefined`. Year,
 * month and day stay comparable: whole years between two dates are `floor((b - a) / 10000)`.
 */
export function dateNumber(iso: string): number | undefined {
  if (iso.length !== 10 || iso.charCodeAt(4) !== 45 || iso.charCodeAt(7) !== 45) return undefined;
  // Unrolled: a digit is a code from 48 to 57, so `code - 48` read as unsigned is at most 9.
  const y0 = iso.charCodeAt(0) - 48; const y1 = iso.charCodeAt(1) - 48; const y2 = iso.charCodeAt(2) - 48; const y3 = iso.charCodeAt(3) - 48;
  const m0 = iso.charCodeAt(5) - 48; const m1 = iso.charCodeAt(6) - 48; const d0 = iso.charCodeAt(8) - 48; const d1 = iso.charCodeAt(9) - 48;
  if ((y0 >>> 0) > 9 || (y1 >>> 0) > 9 || (y2 >>> 0) > 9 || (y3 >>> 0) > 9 || (m0 >>> 0) > 9 || (m1 >>> 0) > 9 || (d0 >>> 0) > 9 || (d1 >>> 0) > 9) return undefined;
  const year = y0 * 1000 + y1 * 100 + y2 * 10 + y3;
  const month = m0 * 10 + m1;
  const day = d0 * 10 + d1;
  if (year < 1900 || year > 2200 || month < 1 || month > 12 || day < 1) return undefined;
  // daysInMonth of documents/dates.ts, without building its table on every call.
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  if (day > (month === 2 ? (leap ? 29 : 28) : month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31)) return undefined;
  return year * 10000 + month * 100 + day;
}

/** `wholeYearsBetween` (which also throws on a date that is not one), on the numeric fast path when it can. */
function yearsBetween(from: string, onNumber: number | undefined, on: string): number {
  const a = dateNumber(from);
  if (a === undefined || onNumber === undefined) return wholeYearsBetween(from, on);
  return Math.floor((onNumber - a) / 10000);
}

function ratingIn(ratings: CadreProfile['ratings'], year: number): string | null {
  for (let i = 0; i < ratings.length; i++) if (ratings[i]!.year === year) return ratings[i]!.rating ?? null;
  return null;
}

function sinceYears(d: string | undefined, onNumber: number | undefined, on: string): number | null {
  return d === undefined ? null : Math.max(0, yearsBetween(d, onNumber, on));
}

const NO_NOTES: readonly string[] = Object.freeze([]);

/** The nomination date last seen and its `dateNumber`: a cohort is mostly checked for one date. */
let lastOn = '';
let lastOnNumber: number | undefined;

/** What a workplace province gives the facts on a date: the province's name then, and notes (shared, frozen). */
interface ProvinceFacts { province: string; notes: readonly string[] }
/** Per province index, for one date at a time; at most `MAX_PROVINCE_INPUTS` spellings, then it starts over. */
const PROVINCE_FACTS = new WeakMap<ProvinceIndex, { on: string; byInput: Map<string, ProvinceFacts> }>();
const MAX_PROVINCE_INPUTS = 10_000;

function provinceFacts(index: ProvinceIndex, input: string, on: string): ProvinceFacts {
  let memo = PROVINCE_FACTS.get(index);
  if (!memo || memo.on !== on) { memo = { on, byInput: new Map() }; PROVINCE_FACTS.set(index, memo); }
  let found = memo.byInput.get(input);
  if (found === undefined) {
    const resolved = resolveProvince(index, input, on);
    found = resolved
      ? { province: resolved.province.name, notes: resolved.note ? Object.freeze([resolved.note]) : NO_NOTES }
      : { province: input.trim(), notes: Object.freeze([`Không nhận ra tỉnh, thành phố "${input}" trong danh mục.`]) };
    if (memo.byInput.size >= MAX_PROVINCE_INPUTS) memo.byInput.clear();
    memo.byInput.set(input, found);
  }
  return found;
}

/** Derives the facts of one cadre for one nomination. Pure; dates are civil dates (see documents/dates.ts). */
export function deriveFacts(profile: CadreProfile, nomination: Nomination, ctx: FactContext): DerivedFacts {
  const on = nomination.on;
  if (on !== lastOn) { lastOn = on; lastOnNumber = dateNumber(on); }
  const onNumber = lastOnNumber;
  const year = onNumber === undefined ? yearOf(on) : Math.floor(onNumber / 10000);
  const ratingLastYear = ratingIn(profile.ratings, year - 1);
  const ratingYearBefore = ratingIn(profile.ratings, year - 2);

  let province: string | null = null;
  let notes: readonly string[] = NO_NOTES;
  if (profile.workplace.province) {
    const p = provinceFacts(ctx.provinces, profile.workplace.province, on);
    province = p.province;
    notes = p.notes;
  }
  const position = profile.position ?? null;
  const post = position === null ? undefined : ctx.positions.get(position);
  let planningRank = -1;
  for (const code of profile.planning) planningRank = Math.max(planningRank, ctx.positions.get(code)?.rank ?? -1);

  return {
    notes,
    facts: {
      level: nomination.level,
      levelRank: rankOf(TRAINING_LEVELS, nomination.level) + 1,
      onOrdinal: onNumber ?? Number(on.replaceAll('-', '')),
      mode: nomination.mode,
      onRequest: nomination.onRequest ?? false,
      sex: profile.sex,
      age: yearsBetween(profile.birthDate, onNumber, on),
      ethnicMinority: profile.ethnicMinority,
      difficultArea: profile.difficultArea,
      partyStatus: profile.party.status,
      education: profile.education,
      educationRank: rankOf(EDUCATION_LEVELS, profile.education),
      theoryLevel: profile.politicalTheory,
      theoryRank: rankOf(THEORY_LEVELS, profile.politicalTheory),
      // A post that fixes its tier or sector (commune posts, army and police posts) fills them in when the profile is silent.
      workplaceTier: profile.workplace.tier ?? post?.tier ?? null,
      sector: profile.workplace.sector ?? post?.sector ?? null,
      province,
      position,
      positionSector: post?.sector ?? null,
      positionRank: post?.rank ?? 0,
      planning: profile.planning,
      planningRank,
      civilServiceGrade: profile.civilService.grade ?? null,
      yearsInGrade: profile.civilService.grade ? sinceYears(profile.civilService.since, onNumber, on) : null,
      candidatePool: profile.civilService.candidatePool,
      yearsTeaching: sinceYears(profile.lecturer?.teachingSince, onNumber, on),
      ratingLastYear,
      ratingYearBefore,
      ratingRankLastYear: rankOf(RATINGS, ratingLastYear),
      ratingRankYearBefore: rankOf(RATINGS, ratingYearBefore),
    },
  };
}

/**
 * Writes the facts' values into `out` in `FACT_NAMES` order (`out[k]` is `facts[FACT_NAMES[k]]`): one load per fact
 * from objects that all have the shape `deriveFacts` gives, for evaluators that read facts by position. Reads every
 * name whatever the object holds (a missing fact gives `undefined`).
 */
export function readFactValues(facts: Readonly<Record<string, unknown>>, out: unknown[]): void {
  const f = facts as unknown as Partial<Facts>;
  out[0] = f.level; out[1] = f.levelRank; out[2] = f.onOrdinal; out[3] = f.mode; out[4] = f.onRequest;
  out[5] = f.sex; out[6] = f.age; out[7] = f.ethnicMinority; out[8] = f.difficultArea;
  out[9] = f.partyStatus; out[10] = f.education; out[11] = f.educationRank; out[12] = f.theoryLevel; out[13] = f.theoryRank;
  out[14] = f.workplaceTier; out[15] = f.sector; out[16] = f.province;
  out[17] = f.position; out[18] = f.positionSector; out[19] = f.positionRank; out[20] = f.planning; out[21] = f.planningRank;
  out[22] = f.civilServiceGrade; out[23] = f.yearsInGrade; out[24] = f.candidatePool; out[25] = f.yearsTeaching;
  out[26] = f.ratingLastYear; out[27] = f.ratingYearBefore; out[28] = f.ratingRankLastYear; out[29] = f.ratingRankYearBefore;
}
