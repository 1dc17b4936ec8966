/**
 * Working days of a plan's calendar: weekends and holidays (Tết, national days) are skipped when an event of the
 * simulated timeline is scheduled. Dates are ISO `YYYY-MM-DD` civil dates; no time zone is involved. Pure.
 */
import { dayToIso, isoToDay } from '../generate/civilDays.ts';
import { WEEKDAYS, type PlanCalendar } from '../documents/plan.ts';

export interface Calendar {
  /** Whether `day` (a day number, see civilDays.ts) is a working day. */
  isWorkingDay(day: number): boolean;
  /** The first working day on or after `iso`. */
  onOrAfter(iso: string): string;
  /** `iso` moved by `days` calendar days (negative: earlier). */
  addDays(iso: string, days: number): string;
}

export function createCalendar(calendar: PlanCalendar): Calendar {
  // 1970-01-01 (day 0) was a Thursday: index 3 of WEEKDAYS.
  const weekend = new Set(calendar.weekend.map((d) => WEEKDAYS.indexOf(d)));
  const holidays = calendar.holidays.map((h) => [isoToDay(h.from), isoToDay(h.to)] as const);
  const isWorkingDay = (day: number): boolean => {
    if (weekend.has((((day + 3) % 7) + 7) % 7)) return false;
    for (const [from, to] of holidays) if (day >= from && day <= to) return false;
    return true;
  };
  const memo = new Map<string, string>();
  return {
    isWorkingDay,
    onOrAfter(iso) {
      const hit = memo.get(iso);
      if (hit !== undefined) return hit;
      let day = isoToDay(iso);
      for (let i = 0; i < 366 && !isWorkingDay(day); i++) day++;
      const out = dayToIso(day);
      memo.set(iso, out);
      return out;
    },
    addDays: (iso, days) => dayToIso(isoToDay(iso) + days),
  };
}
