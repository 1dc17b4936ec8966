/**
 * Draws for the dated parts of a synthetic career: birth date for an age, Party membership, civil-service grade and
 * yearly ratings. Dates are ISO civil dates; `refDay` is the reference date as a day number (see civilDays.ts).
 * Pure functions of the RNG state.
 */
import type { CivilServiceGrade, PartyStatus, Rating } from '../documents/enums.ts';
import { dayToIso, isoToDay, shiftYears } from './civilDays.ts';
import { weighted, type Rng } from './createRng.ts';

const YEAR = 365.2425;

/** The day numbers of the earliest and latest birth dates at which a cadre is exactly `age` on `reference`. */
export function birthDayRange(reference: string, age: number): readonly [earliest: number, latest: number] {
  return [isoToDay(shiftYears(reference, -(age + 1))) + 1, isoToDay(shiftYears(reference, -age))];
}

/** A birth date at which the cadre is exactly `age` whole years old on `reference` (uniform over that year of age). */
export function birthDateForAge(rng: Rng, reference: string, age: number): string {
  const [earliest, latest] = birthDayRange(reference, age);
  return dayToIso(rng.int(earliest, latest));
}

export interface PartyRecord { status: PartyStatus; joinedOn?: string; fullOn?: string }

/**
 * Party membership consistent with the birth date: joined at 18 or later; a probationary member joined within the
 * 12 months before the reference date; a full member completed the 12-month probation (fullOn = joinedOn + 1 year)
 * before it.
 */
export function drawParty(rng: Rng, status: PartyStatus, birthDate: string, refDay: number, birthDay = isoToDay(birthDate)): PartyRecord {
  if (status === 'none') return { status };
  // 18 years hold at most 5 leap days: one day more is past the 18th birthday whatever the birth date.
  const adult = birthDay + 18 * 365 + 6;
  if (status === 'probationary') {
    const joined = Math.max(adult, refDay - rng.int(15, 350));
    return { status, joinedOn: dayToIso(Math.min(joined, refDay - 1)) };
  }
  const latest = refDay - 400;
  const typical = birthDay + Math.round(Math.max(18.2, rng.normal(27, 4)) * YEAR);
  const joined = Math.max(adult, Math.min(typical, latest - rng.int(0, 240)));
  const joinedOn = dayToIso(joined);
  return { status, joinedOn, fullOn: shiftYears(joinedOn, 1) };
}

export interface GradeRecord { grade: CivilServiceGrade; since: string; candidatePool: boolean }

/**
 * A civil-service grade and the date it was reached. `careerStart` is the recruitment day number; a principal
 * specialist is typically appointed 9–15 years into a career, a senior specialist 6–10 years after that.
 */
export function drawGrade(rng: Rng, grade: CivilServiceGrade, careerStart: number, refDay: number): GradeRecord {
  let since = careerStart;
  if (grade !== 'specialist') since += Math.round(rng.int(9, 15) * YEAR) + rng.int(0, 200);
  if (grade === 'senior-specialist') since += Math.round(rng.int(6, 10) * YEAR);
  since = Math.min(since, refDay - rng.int(30, 700));
  since = Math.max(since, careerStart);
  const years = (refDay - since) / YEAR;
  const candidatePool = grade !== 'senior-specialist' && years >= (grade === 'specialist' ? 9 : 4) && rng.chance(0.25);
  return { grade, since: dayToIso(since), candidatePool };
}

const RATING_TABLE = weighted<Rating>([['excellent', 0.15], ['good', 0.7], ['completed', 0.13], ['not-completed', 0.02]]);

/**
 * Ratings (đánh giá, xếp loại) for the `years` calendar years before `refYear`, skipping years before `firstYear`.
 * Each cadre has a usual rating that most years repeat; about one year in three is drawn afresh.
 */
export function drawRatings(rng: Rng, refYear: number, firstYear: number, years = 3): { year: number; rating: Rating }[] {
  const usual = RATING_TABLE.draw(rng);
  const out: { year: number; rating: Rating }[] = [];
  for (let y = refYear - years; y < refYear; y++) {
    if (y < firstYear) continue;
    out.push({ year: y, rating: rng.chance(0.67) ? usual : RATING_TABLE.draw(rng) });
  }
  return out;
}
