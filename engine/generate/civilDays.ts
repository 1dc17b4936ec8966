/**
 * Civil dates as day numbers (days since 1970-01-01 in the proleptic Gregorian calendar), for drawing random dates
 * quickly without `Date`. Algorithms after Howard Hinnant's "chrono-compatible low-level date algorithms".
 * Pure integer arithmetic: no time zone is involved.
 */
import { isLeapYear } from '../documents/dates.ts';

/** Day number of a civil date; month 1–12. */
export function dayNumber(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

const digit = (s: string, i: number) => s.charCodeAt(i) - 48;

/** Day number of an ISO `YYYY-MM-DD` date (the text is trusted: validate it first). */
export function isoToDay(iso: string): number {
  return dayNumber(
    digit(iso, 0) * 1000 + digit(iso, 1) * 100 + digit(iso, 2) * 10 + digit(iso, 3),
    digit(iso, 5) * 10 + digit(iso, 6),
    digit(iso, 8) * 10 + digit(iso, 9),
  );
}

const PAD2 = Array.from({ length: 32 }, (_, i) => String(i).padStart(2, '0'));

/** Year, month (1–12) and day of a day number: the inverse of `dayNumber`. */
function civilOf(n: number): { year: number; month: number; day: number } {
  const z = n + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day: doy - Math.floor((153 * mp + 2) / 5) + 1 };
}

/** ISO `YYYY-MM-DD` of a day number (years 1000–9999). */
export function dayToIso(n: number): string {
  const { year, month, day } = civilOf(n);
  return `${year}-${PAD2[month]}-${PAD2[day]}`;
}

/** The calendar year a day number falls in. */
export function yearOfDay(n: number): number {
  return civilOf(n).year;
}

/** The same calendar day `years` later (earlier when negative); 29 February becomes 28 February in common years. */
export function shiftYears(iso: string, years: number): string {
  const y = Number(iso.slice(0, 4)) + years;
  const md = iso.slice(5);
  if (md === '02-29' && !isLeapYear(y)) return `${y}-02-28`;
  return `${y}-${md}`;
}
