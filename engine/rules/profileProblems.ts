/**
 * Data a verdict must not be built on: a profile that is impossible or ambiguous on the nomination date. Each is
 * an error on the cadre's row, naming the field, never a verdict (a cadre born after the nomination was judged at
 * age −6; the same year rated twice gave a verdict that depended on the order of the two). Pure and cheap: ISO dates
 * compare as strings, and the ratings are walked once.
 */
import { diagnostic, type Diagnostic } from '../diagnostics/Diagnostic.ts';
import type { Label } from '../documents/enums.ts';
import type { CadreProfile } from '../documents/cadre.ts';

/** Ages (whole years on the nomination date) a cadre can plausibly be nominated at. */
export const MIN_WORKING_AGE = 16;
export const MAX_WORKING_AGE = 70;

/** Whole years from `birth` to `on` (ISO dates; a birthday on `on` counts). */
function ageOn(birth: string, on: string): number {
  const years = Number(on.slice(0, 4)) - Number(birth.slice(0, 4));
  return on.slice(5) >= birth.slice(5) ? years : years - 1;
}

const fmt = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

/** The problems of `profile` for a nomination on `on` (ISO date); empty for a sound profile. */
export function profileProblems(profile: CadreProfile, on: string): Diagnostic[] {
  const out: Diagnostic[] = [];
  const birth = profile.birthDate;
  const problem = (code: string, field: string, message: Label) => out.push(diagnostic(code, 'error', field, message));
  if (birth > on) {
    problem('cadre/born-after-nomination', 'birthDate', { vi: `sinh ngày ${fmt(birth)}, sau ngày cử đi học ${fmt(on)}`, en: `born on ${fmt(birth)}, after the nomination date ${fmt(on)}` });
  } else {
    const age = ageOn(birth, on);
    if (age < MIN_WORKING_AGE || age > MAX_WORKING_AGE) {
      problem('cadre/implausible-age', 'birthDate', { vi: `${age} tuổi tại ngày cử ${fmt(on)}, ngoài độ tuổi công tác (${MIN_WORKING_AGE}–${MAX_WORKING_AGE})`, en: `${age} years old on the nomination date ${fmt(on)}, outside working age (${MIN_WORKING_AGE}–${MAX_WORKING_AGE})` });
    }
  }
  const before = (field: string, date: string | undefined, what: { vi: string; en: string }) => {
    if (date !== undefined && date < birth) {
      problem('cadre/dates-out-of-order', field, { vi: `${what.vi} ${fmt(date)} trước ngày sinh ${fmt(birth)}`, en: `${what.en} ${fmt(date)} is before the birth date ${fmt(birth)}` });
    }
  };
  // Partial profiles (built by hand, defaults not filled in) are checked for what they hold.
  const party = (profile.party as CadreProfile['party'] | undefined) ?? { status: 'none' };
  before('party.joinedOn', party.joinedOn, { vi: 'ngày vào Đảng', en: 'the date of joining the Party' });
  before('party.fullOn', party.fullOn, { vi: 'ngày chính thức', en: 'the date of full membership' });
  if (party.joinedOn !== undefined && party.fullOn !== undefined && party.fullOn < party.joinedOn) {
    problem('cadre/dates-out-of-order', 'party.fullOn', { vi: `ngày chính thức ${fmt(party.fullOn)} trước ngày vào Đảng ${fmt(party.joinedOn)}`, en: `full membership on ${fmt(party.fullOn)} is before joining on ${fmt(party.joinedOn)}` });
  }
  before('civilService.since', (profile.civilService as CadreProfile['civilService'] | undefined)?.since, { vi: 'ngày giữ ngạch', en: 'the start in grade' });
  before('lecturer.teachingSince', profile.lecturer?.teachingSince, { vi: 'ngày bắt đầu giảng dạy', en: 'the start of teaching' });
  const year = Number(on.slice(0, 4));
  const seen = new Set<number>();
  for (const r of (profile.ratings as CadreProfile['ratings'] | undefined) ?? []) {
    if (r.year > year) {
      problem('cadre/rating-after-nomination', 'ratings', { vi: `xếp loại năm ${r.year}, sau năm cử đi học ${year}`, en: `a rating for ${r.year}, after the nomination year ${year}` });
    }
    if (seen.has(r.year)) {
      problem('cadre/duplicate-rating-year', 'ratings', { vi: `năm ${r.year} được xếp loại hai lần; mỗi năm chỉ một xếp loại`, en: `${r.year} is rated twice; one rating per year` });
    }
    seen.add(r.year);
  }
  return out;
}
