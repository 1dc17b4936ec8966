/**
 * A seeded synthetic cohort of cadre profiles (hồ sơ cán bộ) in the file shape of the interchange contract, for
 * demos, load tests and benchmarks. Pure: the same options give byte-identical output in Node and in the browser,
 * and the first N profiles of a larger cohort with the same seed are the N profiles of a smaller one.
 *
 * What a generated cohort looks like (the ranges are asserted by test/generate): a little under 40% women; ages mostly
 * 25–55; mostly university graduates, with master's degrees common at central and provincial level and
 * upper-secondary only at commune level; about three quarters full Party members; ethnic-minority and
 * difficult-area shares following the province; every post a code of rulesets/positions.json.
 */
import type { CadreProfileInput } from '../documents/cadre.ts';
import { normalizeDate } from '../documents/dates.ts';
import type { Diagnostic } from '../diagnostics/Diagnostic.ts';
import { diagnostic } from '../diagnostics/Diagnostic.ts';
import type { CivilServiceGrade, Education, PartyStatus, Sector, Sex, WorkplaceTier } from '../documents/enums.ts';
import { agencyBookOn, agencyName, type AgencySpec } from './agencies.ts';
import { birthDayRange, drawGrade, drawParty, drawRatings } from './careerDraws.ts';
import { dayToIso, isoToDay, yearOfDay } from './civilDays.ts';
import { createRng, weighted, type Rng, type Seed, type Weighted } from './createRng.ts';
import {
  GRADED_SECTORS, NEXT_POST, PARTY_ONLY, POST_TABLES, SECTORS_BY_TIER, THEORY_HELD, postKey, seniorityOf, tierTable,
  type Seniority,
} from './positionMix.ts';
import { findProvinceOn, provincesOn, type ProvinceCatalogue, type ProvinceProfile } from './provinceProfiles.ts';
import { pickFullName } from './vietnameseNames.ts';

export interface GenerateOptions {
  /** The provinces that exist over time and their schools (`provinceCatalogue(institutions)`; the faces pass the shipped catalogue). */
  provinces: ProvinceCatalogue;
  /** Number of profiles, a non-negative integer. */
  count: number;
  /** Same seed ⇒ same cohort. */
  seed: Seed;
  /** ISO date the cohort describes (ages, ratings, Party and grade dates are as of this day). Default 2024-03-01. */
  referenceDate?: string;
  /** Only workplaces in this province (catalogue name or alias; a merged province becomes its successor). */
  province?: string;
  /** Only these workplaces, by weight. */
  agencies?: readonly AgencySpec[];
  /** Id prefix, default `GEN-`; ids are the prefix and a 1-based number padded to 6 digits (`GEN-000001`). */
  idPrefix?: string;
}

export const DEFAULT_REFERENCE_DATE = '2024-03-01';

/** Problems with the options, as diagnostics (the CLI shows them); empty when the options are usable. */
export function checkGenerateOptions(options: GenerateOptions): Diagnostic[] {
  const out: Diagnostic[] = [];
  const ref = options.referenceDate ?? DEFAULT_REFERENCE_DATE;
  if (!Number.isInteger(options.count) || options.count < 0) {
    out.push(diagnostic('generate/count', 'error', 'count', { vi: `Số lượng phải là số nguyên không âm (nhận "${options.count}").`, en: `The count must be a non-negative integer (got "${options.count}").` }));
  }
  if (normalizeDate(ref) !== ref || ref < '1990-01-01') {
    out.push(diagnostic('generate/reference-date', 'error', 'referenceDate', { vi: `Ngày tham chiếu "${ref}" không hợp lệ (cần YYYY-MM-DD, từ 1990).`, en: `Reference date "${ref}" is not valid (expected YYYY-MM-DD, from 1990).` }));
    return out;
  }
  for (const name of [options.province, ...(options.agencies ?? []).map((a) => a.province)]) {
    if (name !== undefined && !findProvinceOn(options.provinces, name, ref)) {
      out.push(diagnostic('generate/province', 'error', 'province', { vi: `Không có tỉnh, thành phố "${name}" trong danh mục.`, en: `No province named "${name}" in the catalogue.` }, { vi: 'Dùng tên trong rulesets/institutions.json, ví dụ "Thái Bình".', en: 'Use a name from rulesets/institutions.json, e.g. "Thái Bình".' }));
    }
  }
  if (options.agencies && (options.agencies.length === 0 || !options.agencies.some((a) => (a.weight ?? 1) > 0))) {
    out.push(diagnostic('generate/agency', 'error', 'agencies', { vi: 'Danh sách cơ quan rỗng.', en: 'The agency list is empty.' }));
  }
  return out;
}

const EDUCATION: Readonly<Record<WorkplaceTier, Weighted<Education>>> = {
  central: weighted([['doctorate', 0.05], ['master', 0.3], ['university', 0.62], ['college', 0.03]]),
  province: weighted([['doctorate', 0.015], ['master', 0.22], ['university', 0.705], ['college', 0.06]]),
  district: weighted([['doctorate', 0.003], ['master', 0.08], ['university', 0.8], ['college', 0.09], ['upper-secondary', 0.027]]),
  commune: weighted([['master', 0.03], ['university', 0.66], ['college', 0.14], ['upper-secondary', 0.15], ['lower-secondary', 0.02]]),
};
const LECTURER_EDUCATION = weighted<Education>([['doctorate', 0.15], ['master', 0.55], ['university', 0.3]]);

const PARTY: Readonly<Record<'leader' | 'armed' | 'staff' | 'grassroots', Weighted<PartyStatus>>> = {
  leader: weighted([['full', 0.95], ['probationary', 0.05]]),
  armed: weighted([['full', 0.9], ['probationary', 0.1]]),
  staff: weighted([['full', 0.68], ['probationary', 0.09], ['none', 0.23]]),
  grassroots: weighted([['full', 0.45], ['probationary', 0.1], ['none', 0.45]]),
};

const FEMALE_SHARE: Readonly<Record<WorkplaceTier, number>> = { central: 0.53, province: 0.5, district: 0.45, commune: 0.38 };
const AGE: Readonly<Record<Seniority, readonly [mean: number, sd: number, min: number]>> = {
  senior: [46, 6, 30], middle: [40, 7, 26], staff: [37, 8.5, 22],
};
/** Oldest age still in service (retirement in 2024: men 61, women 56 years 4 months; rising by 2035 to 62 and 60). */
const MAX_AGE: Readonly<Record<Sex, number>> = { male: 60, female: 56 };

const GRADES: Readonly<Record<Seniority, Weighted<CivilServiceGrade>>> = {
  senior: weighted([['specialist', 0.1], ['principal-specialist', 0.65], ['senior-specialist', 0.25]]),
  middle: weighted([['specialist', 0.6], ['principal-specialist', 0.4]]),
  staff: weighted([['specialist', 0.9], ['principal-specialist', 0.1]]),
};

interface Place { tier: WorkplaceTier; sector: Sector; province: ProvinceProfile; agency: string | undefined }

/** Lazily yields the cohort: use this for very large counts (a million profiles) to keep memory flat. */
export function* iterateCohort(options: GenerateOptions): Generator<CadreProfileInput> {
  const problems = checkGenerateOptions(options);
  if (problems.length > 0) throw new RangeError(problems.map((d) => d.messageEn).join(' '));
  const ref = options.referenceDate ?? DEFAULT_REFERENCE_DATE;
  const refDay = isoToDay(ref);
  const refYear = Number(ref.slice(0, 4));
  const rng = createRng(options.seed);
  const book = agencyBookOn(ref);
  const prefix = options.idPrefix ?? 'GEN-';
  const drawPlace = placeDrawer(options, ref, book.districts);
  const birthDays = Array.from({ length: 71 }, (_, age) => birthDayRange(ref, age));

  for (let i = 1; i <= options.count; i++) {
    const place = drawPlace(rng);
    const { tier, sector, province } = place;
    const position = POST_TABLES[postKey(tier, sector)]!.draw(rng);
    const seniority = seniorityOf(position);
    const lecturer = position === 'lecturer';
    const armed = sector === 'army' || sector === 'police';

    const femaleShare = (armed ? 0.1 : FEMALE_SHARE[tier]) * (seniority === 'senior' ? 0.6 : 1);
    const sex: Sex = rng.chance(femaleShare) ? 'female' : 'male';
    const [mean, sd, min] = AGE[seniority];
    const age = Math.min(MAX_AGE[sex], Math.max(min, Math.round(rng.normal(mean, sd))));
    const [earliest, latest] = birthDays[age]!;
    const birthDay = rng.int(earliest, latest);
    const birthDate = dayToIso(birthDay);

    const minorityFactor = tier === 'commune' ? 0.9 : tier === 'district' ? 0.8 : 0.6;
    const ethnicMinority = tier === 'central' ? rng.chance(0.04) : rng.chance(province.minorityShare * minorityFactor);
    const difficultArea = tier === 'commune' ? rng.chance(Math.min(0.9, 0.06 + 0.95 * province.minorityShare))
      : tier === 'district' ? rng.chance(0.03 + 0.6 * province.minorityShare)
        : tier === 'province' ? rng.chance(0.25 * province.minorityShare) : false;

    const partyStatus = (PARTY_ONLY.has(position) ? PARTY.leader : armed ? PARTY.armed
      : position === 'commune-non-full-time-worker' || position === 'union-member' ? PARTY.grassroots : PARTY.staff).draw(rng);
    const careerStart = Math.min(refDay - 60, birthDay + Math.round(Math.min(32, Math.max(21, rng.normal(24.5, 1.8))) * 365.2425));

    const profile: CadreProfileInput = {
      id: `${prefix}${String(i).padStart(6, '0')}`,
      fullName: pickFullName(rng, sex, province.region, ethnicMinority),
      sex,
      birthDate,
      ethnicMinority,
      difficultArea,
      party: drawParty(rng, partyStatus, birthDate, refDay, birthDay),
      education: (lecturer ? LECTURER_EDUCATION : EDUCATION[tier]).draw(rng),
      politicalTheory: THEORY_HELD[seniority].draw(rng),
      workplace: {
        tier, province: province.name, sector, agency: place.agency ?? agencyName(rng, book, tier, sector, province, lecturer),
      },
      position,
      planning: planningFor(rng, position),
    };
    const graded = (GRADED_SECTORS.has(sector) && tier !== 'commune' && !lecturer)
      || (position === 'commune-civil-servant' && rng.chance(0.7));
    if (graded) {
      let grade = GRADES[seniority].draw(rng);
      if (grade === 'senior-specialist' && (tier === 'district' || tier === 'commune')) grade = 'principal-specialist';
      if (grade === 'principal-specialist' && seniority === 'staff' && age < 40) grade = 'specialist';
      profile.civilService = drawGrade(rng, grade, careerStart, refDay);
    }
    if (lecturer) profile.lecturer = { teachingSince: dayToIso(Math.min(refDay - 30, careerStart + rng.int(0, 1100))) };
    profile.ratings = drawRatings(rng, refYear, yearOfDay(careerStart));
    yield profile;
  }
}

/** Generates the whole cohort as an array (see `iterateCohort` for the lazy form and the contract). */
export function generateCohort(options: GenerateOptions): CadreProfileInput[] {
  const out: CadreProfileInput[] = [];
  for (const p of iterateCohort(options)) out.push(p);
  return out;
}

function planningFor(rng: Rng, position: string): string[] {
  const next = NEXT_POST[position];
  return next && rng.chance(next[1]) ? [next[0]] : [];
}

/** Builds the per-cadre workplace draw once: from the given agencies, or from tiers, provinces and sectors. */
function placeDrawer(options: GenerateOptions, ref: string, districts: boolean): (rng: Rng) => Place {
  if (options.agencies) {
    const table = weighted(options.agencies.map((a) => {
      const province = findProvinceOn(options.provinces, a.province ?? options.province ?? 'Hà Nội', ref)!;
      return [{ tier: a.tier, sector: a.sector, province, agency: a.name }, a.weight ?? 1] as const;
    }));
    return (rng) => table.draw(rng);
  }
  const all = provincesOn(options.provinces, ref);
  const hanoi = all.find((p) => p.name === 'Hà Nội')!;
  const fixedName = options.province === undefined ? undefined : findProvinceOn(options.provinces, options.province, ref)!.name;
  const fixed = all.find((p) => p.name === fixedName);
  const tiers = weighted(tierTable(districts).filter(([t]) => t !== 'central' || fixed === undefined || fixed === hanoi));
  const provinces = weighted(all.map((p) => [p, p.population] as const));
  const sectors = Object.fromEntries(
    Object.entries(SECTORS_BY_TIER).map(([t, table]) => [t, weighted(table)]),
  ) as Record<WorkplaceTier, Weighted<Sector>>;
  return (rng) => {
    const tier = tiers.draw(rng);
    const province = tier === 'central' ? hanoi : fixed ?? provinces.draw(rng);
    return { tier, sector: sectors[tier].draw(rng), province, agency: undefined };
  };
}

