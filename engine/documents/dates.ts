/**
 * Calendar dates as ISO `YYYY-MM-DD` strings. These are civil dates with no time zone: nothing here reads the clock
 * or converts through `Date`'s local time, so a date means the same day in Hà Nội, in CI and in the browser.
 */

export interface CivilDate { year: number; month: number; day: number }

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;
const VN = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

export function daysInMonth(year: number, month: number): number {
  return month === 2 && isLeapYear(year) ? 29 : DAYS_IN_MONTH[month - 1] ?? 0;
}

/** The years dates may fall in: a year outside is refused as out of range, not as a day that does not exist. */
export const MIN_YEAR = 1900;
export const MAX_YEAR = 2200;

/**
 * Why a date-shaped text (`YYYY-MM-DD` or `DD/MM/YYYY`) is refused when its year is outside MIN_YEAR–MAX_YEAR,
 * naming the limit crossed; `undefined` for any other text.
 */
export function yearOutOfRange(text: string): { vi: string; en: string } | undefined {
  const t = text.trim();
  const m = ISO.exec(t) ?? VN.exec(t);
  if (!m) return undefined;
  const year = Number(ISO.test(t) ? m[1] : m[3]);
  if (year < MIN_YEAR) return { vi: `năm ${year} trước ${MIN_YEAR}, ngoài khoảng ngày được hỗ trợ (${MIN_YEAR}–${MAX_YEAR})`, en: `the year ${year} is before ${MIN_YEAR}, outside the supported range (${MIN_YEAR}–${MAX_YEAR})` };
  if (year > MAX_YEAR) return { vi: `năm ${year} sau ${MAX_YEAR}, ngoài khoảng ngày được hỗ trợ (${MIN_YEAR}–${MAX_YEAR})`, en: `the year ${year} is after ${MAX_YEAR}, outside the supported range (${MIN_YEAR}–${MAX_YEAR})` };
  return undefined;
}

function valid(d: CivilDate): boolean {
  return d.year >= MIN_YEAR && d.year <= MAX_YEAR && d.month >= 1 && d.month <= 12 && d.day >= 1 && d.day <= daysInMonth(d.year, d.month);
}

/** Parses a strict ISO date; `undefined` when the text is not a date or the day does not exist (2023-02-31). */
export function parseIsoDate(text: string): CivilDate | undefined {
  const m = ISO.exec(text);
  if (!m) return undefined;
  const d = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
  return valid(d) ? d : undefined;
}

/** Reads `YYYY-MM-DD` or the Vietnamese `DD/MM/YYYY` and returns the ISO form, or `undefined` when not a real day. */
export function normalizeDate(text: string): string | undefined {
  const t = text.trim();
  const vn = VN.exec(t);
  const d = vn ? { year: Number(vn[3]), month: Number(vn[2]), day: Number(vn[1]) } : parseIsoDate(t);
  return d && valid(d) ? toIso(d) : undefined;
}

export function toIso(d: CivilDate): string {
  return `${String(d.year).padStart(4, '0')}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
}

/** Shows an ISO date as DD/MM/YYYY, the form every person-facing text uses. Non-dates pass through unchanged. */
export function formatDate(iso: string): string {
  const d = parseIsoDate(iso);
  return d ? `${String(d.day).padStart(2, '0')}/${String(d.month).padStart(2, '0')}/${d.year}` : iso;
}

function mustParse(iso: string): CivilDate {
  const d = parseIsoDate(iso);
  if (!d) throw new Error(`not an ISO date: ${iso}`);
  return d;
}

/**
 * Whole years completed from `from` to `on` (both ISO dates): an anniversary falling on `on` counts.
 * A 29 February start completes its year on 1 March in common years (the anniversary day does not exist, so
 * the year is not complete on 28 February). Negative when `on` is before `from`.
 */
export function wholeYearsBetween(from: string, on: string): number {
  const a = mustParse(from);
  const b = mustParse(on);
  let years = b.year - a.year;
  if (b.month < a.month || (b.month === a.month && b.day < a.day)) years -= 1;
  return years;
}

/** Compares ISO dates as text (valid because the form is fixed-width). */
export function compareDates(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The calendar year of an ISO date. */
export function yearOf(iso: string): number {
  return mustParse(iso).year;
}
