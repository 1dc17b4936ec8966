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

/**
 * The calendar of a plan. A day listed twice in `weekend` counts once; a holiday may be of any length (the first
 * working day after it is found by jumping past it, not by a bounded walk). A weekend of all seven days leaves no
 * working day: plan validation refuses it (`plan/no-working-day`), and asking this calendar for one then is a bug.
 */
export function createCalendar(calendar: PlanCalendar): Calendar {
  // 1970-01-01 (day 0) was a Thursday: index 3 of WEEKDAYS.
  const weekend = new Set(calendar.weekend.map((d) => WEEKDAYS.indexOf(d)));
  const holidays = calendar.holidays.map((h) => [isoToDay(h.from), isoToDay(h.to)] as const);
  const isWeekend = (day: number): boolean => weekend.has((((day + 3) % 7) + 7) % 7);
  /** The last day of a holiday `day` falls in (the latest, when holidays overlap), or undefined. */
  const holidayEnd = (day: number): number | undefined => {
    let end: number | undefined;
    for (const [from, to] of holidays) if (day >= from && day <= to && (end === undefined || to > end)) end = to;
    return end;
  };
  const isWorkingDay = (day: number): boolean => !isWeekend(day) && holidayEnd(day) === undefined;
  const memo = new Map<string, string>();
  return {
    isWorkingDay,
    onOrAfter(iso) {
      const hit = memo.get(iso);
      if (hit !== undefined) return hit;
      if (weekend.size >= 7) throw new Error('the calendar has no working day (plan validation refuses such a plan)');
      let day = isoToDay(iso);
      // Each step passes a whole holiday or one weekend day: at most 6 weekend days in a row between holidays.
      for (;;) {
        const end = holidayEnd(day);
        if (end !== undefined) day = end + 1;
        else if (isWeekend(day)) day++;
        else break;
      }
      const out = dayToIso(day);
      memo.set(iso, out);
      return out;
    },
    addDays: (iso, days) => dayToIso(isoToDay(iso) + days),
  };
}
