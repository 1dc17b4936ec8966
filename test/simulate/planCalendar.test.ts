/**
 * Plan calendars: a holiday of any length is skipped whole (class events never fall inside it), and a weekend that
 * lists a day more than once counts it once, with a diagnostic naming the day — never "no working day left".
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createCalendar } from '../../engine/simulate/createCalendar.ts';
import { loadPlan } from '../../engine/simulate/loadPlan.ts';
import { simulateRun } from '../../engine/simulate/simulateRun.ts';
import { WEEKDAYS } from '../../engine/documents/plan.ts';
import { hanoiRaw, planOptions, scenario, spec } from './simulateKit.ts';

const HOLIDAY = { from: '2024-05-10', to: '2025-07-31', label: { vi: 'Nghỉ dài hơn một năm', en: 'A holiday longer than a year' } };
/** As in fixtures/bad-input/long-holiday.plan.json: long enough that a bounded walk of a year ends inside it twice. */
const LONGER = { ...HOLIDAY, to: '2026-12-31' };

describe('a plan calendar', () => {
  it('finds the first working day after a holiday longer than a year, not a day inside it', () => {
    const cal = createCalendar({ weekend: ['saturday', 'sunday'], holidays: [HOLIDAY] });
    expect(cal.onOrAfter('2024-06-01')).toBe('2025-08-01');
    expect(cal.onOrAfter('2024-05-09')).toBe('2024-05-09');
    // 2025-08-02 is a Saturday: the holiday's end and the weekend are passed together.
    const till = createCalendar({ weekend: ['saturday', 'sunday'], holidays: [{ ...HOLIDAY, to: '2025-08-01' }] });
    expect(till.onOrAfter('2024-05-10')).toBe('2025-08-04');
  });

  it('passes overlapping and back-to-back holidays in one go', () => {
    const cal = createCalendar({ weekend: ['sunday'], holidays: [
      { from: '2024-01-01', to: '2024-12-31', label: HOLIDAY.label },
      { from: '2024-06-01', to: '2025-01-10', label: HOLIDAY.label },
      { from: '2025-01-11', to: '2026-02-01', label: HOLIDAY.label },
    ] });
    expect(cal.onOrAfter('2024-03-03')).toBe('2026-02-02');
  });

  it('counts a weekend day listed seven times once: the other six days are working days', () => {
    const cal = createCalendar({ weekend: Array.from({ length: 7 }, () => 'sunday' as const), holidays: [] });
    expect(cal.onOrAfter('2024-06-02')).toBe('2024-06-03');
    expect(cal.isWorkingDay(Date.UTC(2024, 5, 1) / 86_400_000)).toBe(true);
  });

  it('schedules no class event of the Hà Nội plan inside a holiday of more than two years', () => {
    const raw = { ...hanoiRaw() };
    const calendar = raw.calendar as { weekend: string[]; holidays: unknown[] };
    raw.calendar = { ...calendar, holidays: [...calendar.holidays, LONGER] };
    const loaded = loadPlan(raw, planOptions());
    if (!loaded.ok) throw new Error(loaded.diagnostics.map((d) => d.messageEn).join('; '));
    const sc = scenario(spec(loaded.value, { kind: 'generate', count: 300, seed: 1, referenceDate: '2024-02-21' }));
    const inside: string[] = [];
    for (const run of [0, 1, 2]) {
      for (const [k, s] of simulateRun(sc, run, 2024).schedules.entries()) {
        const { approve: _approve, postponement, ...dates } = s;
        for (const [event, at] of Object.entries({ ...dates, ...(postponement?.resume ? { resume: postponement.resume } : {}) })) {
          if (at >= LONGER.from && at <= LONGER.to) inside.push(`run ${run} class ${sc.classes[k]!.plan.id} ${event} ${at}`);
        }
      }
    }
    expect(inside).toEqual([]);
  });
});

describe('plan validation of the weekend', () => {
  const withWeekend = (weekend: readonly string[]) => {
    const raw = hanoiRaw();
    return loadPlan({ ...raw, calendar: { ...(raw.calendar as object), weekend } }, planOptions());
  };

  it('loads a weekend listing Sunday seven times, with one warning naming the day and where it repeats', () => {
    const r = withWeekend(Array.from({ length: 7 }, () => 'sunday'));
    expect(r.ok).toBe(true);
    expect(r.diagnostics.filter((d) => d.code === 'plan/no-working-day')).toEqual([]);
    const repeated = r.diagnostics.filter((d) => d.code === 'plan/duplicate-weekend-day');
    expect(repeated).toEqual([expect.objectContaining({ severity: 'warning', path: 'calendar.weekend[1]', messageEn: 'Weekend day "sunday" is listed 7 times; it counts once.' })]);
  });

  it('refuses a weekend of all seven days, however they are listed', () => {
    for (const weekend of [[...WEEKDAYS], [...WEEKDAYS, 'monday']]) {
      const r = withWeekend(weekend);
      expect(r.ok).toBe(false);
      expect(r.diagnostics.map((d) => d.code)).toContain('plan/no-working-day');
    }
  });

  it('ships the hostile fixture the CLI corpus runs', () => {
    const raw = JSON.parse(readFileSync('fixtures/bad-input/weekend-repeated.plan.json', 'utf8')) as { calendar: { weekend: string[] } };
    expect(raw.calendar.weekend).toEqual(Array.from({ length: 7 }, () => 'sunday'));
  });
});
