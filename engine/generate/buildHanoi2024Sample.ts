/**
 * The Hà Nội 2024 sample (fixtures/cadres/hanoi-2024-central-agencies.*): 210 cadres of 16 central agencies located
 * in Hà Nội, in the shape of the trung cấp opening of 2024-05-16 at Trường Đào tạo cán bộ Lê Hồng Phong (3 classes,
 * 210 cadres from 16 central agencies; Tạp chí Cộng sản; legal basis 57-QĐ/TW, Kế hoạch 215-KH/TU of 2024-02-21).
 * The real nominees and the real list of agencies are not public: names and records are synthetic, the agencies
 * are real central bodies as named in early 2024.
 *
 * The nomination date is 2024-03-01 (trung cấp, part-time). Most cadres are eligible under 57-QĐ/TW; a realistic
 * minority is not, one reason each, so a demo shows real failures. `roles` says which is which; the expectation for
 * each role is stated next to it and checked by test/generate against the shipped ruleset.
 */
import type { CadreProfileInput } from '../documents/cadre.ts';
import { wholeYearsBetween } from '../documents/dates.ts';
import type { Education, PartyStatus, Sector, Sex, TheoryLevel } from '../documents/enums.ts';
import { birthDateForAge, drawGrade, drawParty, drawRatings } from './careerDraws.ts';
import { dayToIso, isoToDay } from './civilDays.ts';
import { createRng, weighted, type Rng } from './createRng.ts';
import { pickFullName } from './vietnameseNames.ts';

export const HANOI_2024_NOMINATION_DATE = '2024-03-01';
export const HANOI_2024_SEED = 20240516;

/** The 16 agencies with the number of cadres each sends (210 in all). */
export const HANOI_2024_AGENCIES: readonly { name: string; sector: Sector; cadres: number }[] = [
  { name: 'Bộ Tư pháp', sector: 'state', cadres: 14 },
  { name: 'Bộ Tài chính', sector: 'state', cadres: 18 },
  { name: 'Bộ Y tế', sector: 'state', cadres: 15 },
  { name: 'Bộ Công Thương', sector: 'state', cadres: 15 },
  { name: 'Bộ Nội vụ', sector: 'state', cadres: 12 },
  { name: 'Bộ Giáo dục và Đào tạo', sector: 'state', cadres: 14 },
  { name: 'Bộ Tài nguyên và Môi trường', sector: 'state', cadres: 13 },
  { name: 'Bộ Kế hoạch và Đầu tư', sector: 'state', cadres: 13 },
  { name: 'Bộ Khoa học và Công nghệ', sector: 'state', cadres: 11 },
  { name: 'Bộ Xây dựng', sector: 'state', cadres: 12 },
  { name: 'Thanh tra Chính phủ', sector: 'state', cadres: 10 },
  { name: 'Ngân hàng Nhà nước Việt Nam', sector: 'state', cadres: 16 },
  { name: 'Kiểm toán Nhà nước', sector: 'state', cadres: 13 },
  { name: 'Bảo hiểm xã hội Việt Nam', sector: 'public-service', cadres: 14 },
  { name: 'Thông tấn xã Việt Nam', sector: 'public-service', cadres: 10 },
  { name: 'Đài Tiếng nói Việt Nam', sector: 'public-service', cadres: 10 },
];

/**
 * Each role, how many cadres have it, and what 57-QĐ/TW says for trung cấp part-time on 2024-03-01:
 * `eligible`, or the one rule that fails (`subject` = in no subject group).
 */
export const HANOI_2024_ROLES = {
  /** Specialist in planning for deputy head of division (Art. 5(1)). */
  'planned-specialist': { count: 113, expect: 'eligible' },
  /** Sitting deputy head of division in a central body. */
  'deputy-head': { count: 36, expect: 'eligible' },
  /** Specialist grade for 6 years or more, not in planning; one exactly 6 years on the day. */
  'long-specialist': { count: 30, expect: 'eligible' },
  /** Political-theory lecturer at a ministry's academy. */
  lecturer: { count: 3, expect: 'eligible' },
  /** A woman turning 33 on the nomination date (a birthday on the day counts). */
  'woman-turning-33': { count: 1, expect: 'eligible' },
  /** A man turning 35 on the nomination date. */
  'man-turning-35': { count: 1, expect: 'eligible' },
  /** Ethnic-minority cadre with upper-secondary education (enough for a minority cadre). */
  'minority-upper-secondary': { count: 1, expect: 'eligible' },
  /** Women aged 30–32: part-time needs 33. */
  'young-woman': { count: 7, expect: 'tc-part-time-age' },
  /** Men aged 33–34: part-time needs 35. */
  'young-man': { count: 7, expect: 'tc-part-time-age' },
  /** A woman turning 33 the day after the nomination date. */
  'woman-day-short': { count: 1, expect: 'tc-part-time-age' },
  /** A man turning 35 the day after the nomination date. */
  'man-day-short': { count: 1, expect: 'tc-part-time-age' },
  /** Not a Party member. */
  'no-party': { count: 4, expect: 'tc-party-member' },
  /** Upper-secondary only, not a minority, not in a difficult area. */
  'upper-secondary': { count: 2, expect: 'tc-education' },
  /** Already holds trung cấp. */
  'holds-intermediate': { count: 1, expect: 'tc-not-held' },
  /** Specialist for 3 years and for one day short of 6, not in planning, no post: in no subject group. */
  'no-subject': { count: 2, expect: 'subject' },
} as const satisfies Record<string, { count: number; expect: string }>;

export type Hanoi2024Role = keyof typeof HANOI_2024_ROLES;

export interface Hanoi2024Sample {
  cadres: CadreProfileInput[];
  /** The role of each cadre, by id. */
  roles: Record<string, Hanoi2024Role>;
}

const EDUCATION = weighted<Education>([['university', 0.6], ['master', 0.35], ['doctorate', 0.03], ['college', 0.02]]);
const THEORY = weighted<TheoryLevel>([['none', 0.55], ['elementary', 0.45]]);
const PARTY = weighted<PartyStatus>([['full', 0.94], ['probationary', 0.06]]);
/** Roles that need a civil-service grade, so only for state agencies (public-service staff hold none). */
const GRADED_ROLES: readonly Hanoi2024Role[] = ['long-specialist', 'no-subject'];
const LECTURER_AGENCIES = ['Bộ Tư pháp', 'Bộ Tài chính', 'Bộ Giáo dục và Đào tạo'];

function shuffle<T>(rng: Rng, items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}

/** Builds the sample. Pure and deterministic: the fixture files are this function's output. */
export function buildHanoi2024Sample(seed = HANOI_2024_SEED): Hanoi2024Sample {
  const rng = createRng(seed);
  const slots = HANOI_2024_AGENCIES.flatMap((a) => Array.from({ length: a.cadres }, () => a));
  const roleOf: (Hanoi2024Role | undefined)[] = slots.map(() => undefined);
  const order = shuffle(rng, slots.map((_, i) => i));
  const free = (pred: (i: number) => boolean) => order.find((i) => roleOf[i] === undefined && pred(i));

  for (const agency of LECTURER_AGENCIES) roleOf[free((i) => slots[i]!.name === agency)!] = 'lecturer';
  for (const role of GRADED_ROLES) {
    for (let k = 0; k < HANOI_2024_ROLES[role].count; k++) roleOf[free((i) => slots[i]!.sector === 'state')!] = role;
  }
  const rest = shuffle(rng, (Object.keys(HANOI_2024_ROLES) as Hanoi2024Role[])
    .filter((r) => r !== 'lecturer' && !GRADED_ROLES.includes(r))
    .flatMap((r) => Array.from({ length: HANOI_2024_ROLES[r].count }, () => r)));
  for (const role of rest) roleOf[free(() => true)!] = role;

  const cadres: CadreProfileInput[] = [];
  const roles: Record<string, Hanoi2024Role> = {};
  let noSubject = 0;
  let longSpecialist = 0;
  slots.forEach((agency, i) => {
    const role = roleOf[i]!;
    const id = `HN-${String(i + 1).padStart(4, '0')}`;
    roles[id] = role;
    cadres.push(buildCadre(rng, id, role, agency, role === 'no-subject' ? noSubject++ : role === 'long-specialist' ? longSpecialist++ : 0));
  });
  return { cadres, roles };
}

const ON = HANOI_2024_NOMINATION_DATE;
const REF_DAY = isoToDay(ON);

function buildCadre(rng: Rng, id: string, role: Hanoi2024Role, agency: { name: string; sector: Sector }, nth: number): CadreProfileInput {
  const sex: Sex = role === 'young-woman' || role === 'woman-turning-33' || role === 'woman-day-short' ? 'female'
    : role === 'young-man' || role === 'man-turning-35' || role === 'man-day-short' ? 'male'
      : rng.chance(0.52) ? 'female' : 'male';
  const minAge = sex === 'female' ? 33 : 35;
  const birthDate = role === 'woman-turning-33' ? '1991-03-01' : role === 'man-turning-35' ? '1989-03-01'
    : role === 'woman-day-short' ? '1991-03-02' : role === 'man-day-short' ? '1989-03-02'
      : role === 'young-woman' ? birthDateForAge(rng, ON, rng.int(30, 32))
        : role === 'young-man' ? birthDateForAge(rng, ON, rng.int(33, 34))
          : birthDateForAge(rng, ON, Math.min(sex === 'female' ? 54 : 57, Math.max(minAge, Math.round(rng.normal(role === 'deputy-head' ? 42 : 39, 5)))));
  const ethnicMinority = role === 'minority-upper-secondary' || rng.chance(0.03);
  const careerStart = isoToDay(birthDate) + Math.round(rng.int(22, 27) * 365.2425) + rng.int(0, 300);

  const lecturer = role === 'lecturer';
  const sector: Sector = lecturer ? 'public-service' : agency.sector === 'state' && rng.chance(0.03) ? 'party' : agency.sector;
  const position = lecturer ? 'lecturer' : role === 'deputy-head' ? 'deputy-head-of-division' : 'civil-servant';
  const planning = role === 'deputy-head' ? (rng.chance(0.4) ? ['head-of-division'] : [])
    : role === 'long-specialist' || role === 'no-subject' || lecturer ? [] : ['deputy-head-of-division'];

  const profile: CadreProfileInput = {
    id,
    fullName: pickFullName(rng, sex, 'north', ethnicMinority),
    sex,
    birthDate,
    ethnicMinority,
    difficultArea: false,
    party: drawParty(rng, role === 'no-party' ? 'none' : PARTY.draw(rng), birthDate, REF_DAY),
    education: role === 'upper-secondary' || role === 'minority-upper-secondary' ? 'upper-secondary'
      : lecturer ? (rng.chance(0.5) ? 'doctorate' : 'master') : EDUCATION.draw(rng),
    politicalTheory: role === 'holds-intermediate' ? 'intermediate' : THEORY.draw(rng),
    workplace: { tier: 'central', province: 'Hà Nội', sector, agency: agency.name },
    position,
    planning,
  };
  if (role === 'long-specialist' || role === 'no-subject') {
    // Boundaries first: exactly 6 years in grade on the day (subject) and one day short (not a subject).
    const since = role === 'long-specialist'
      ? (nth === 0 ? '2018-03-01' : dayToIso(REF_DAY - Math.round(rng.int(6, Math.min(14, wholeYearsBetween(birthDate, ON) - 23)) * 365.2425) - rng.int(1, 300)))
      : (nth === 0 ? '2018-03-02' : dayToIso(REF_DAY - Math.round(3 * 365.2425) - rng.int(1, 200)));
    profile.civilService = { grade: 'specialist', since, candidatePool: false };
  } else if (agency.sector === 'state' && !lecturer) {
    const principal = role === 'deputy-head' ? rng.chance(0.4) : rng.chance(0.12);
    profile.civilService = drawGrade(rng, principal ? 'principal-specialist' : 'specialist', Math.min(careerStart, REF_DAY - 400), REF_DAY);
  }
  if (lecturer) profile.lecturer = { teachingSince: dayToIso(Math.min(careerStart, REF_DAY - 800)) };
  profile.ratings = drawRatings(rng, 2024, 2021);
  return profile;
}
