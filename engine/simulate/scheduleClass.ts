/**
 * The planned dates of one class in one run: a possible postponement (drawn from the plan's risk), then recruitment,
 * screening, convening, opening and exams on working days of the plan's calendar. Dates never go backwards. Pure.
 */
import { isoToDay, dayToIso } from '../generate/civilDays.ts';
import type { Rng } from '../generate/createRng.ts';
import type { PlanParameterValues } from '../documents/planParameters.ts';
import type { PlanClass } from '../documents/plan.ts';
import { addMonths } from '../lifecycle/specHelpers.ts';
import type { Calendar } from './createCalendar.ts';

export interface ClassSchedule {
  approve: string;
  /** Drawn postponement: `resume` (or `cancel`) after `months`. */
  postponement?: { at: string; months: number; resume?: string; cancel?: string };
  recruitmentOpens: string;
  recruitmentCloses: string;
  screen: string;
  withdrawals: string;
  convene: string;
  opens: string;
  exams: string;
}

export function scheduleClass(c: PlanClass, approvedOn: string, params: PlanParameterValues, cal: Calendar, rng: Rng): ClassSchedule {
  const approve = approvedOn;
  let shift = 0;
  let postponement: ClassSchedule['postponement'];
  const postpone = rng.next() < params.postponementRisk / 100;
  const months = 1 + Math.floor(rng.next() * params.postponementMonths);
  const cancel = rng.next() < params.cancellationAfterPostponement / 100;
  if (postpone) {
    const back = cal.onOrAfter(addMonths(approve, months));
    postponement = cancel ? { at: approve, months, cancel: back } : { at: approve, months, resume: back };
    shift = months;
  }
  const after = (iso: string, floor: string) => (iso > floor ? iso : cal.onOrAfter(dayToIso(isoToDay(floor) + 1)));
  const opens = cal.onOrAfter(shift > 0 ? addMonths(c.opensOn, shift) : c.opensOn);
  const start = postponement?.resume ?? approve;
  const recruitmentOpens = after(cal.onOrAfter(cal.addDays(opens, -params.recruitmentLeadDays)), start);
  const recruitmentCloses = after(cal.onOrAfter(cal.addDays(opens, -params.screeningLeadDays)), recruitmentOpens);
  const screen = after(cal.onOrAfter(cal.addDays(recruitmentCloses, 5)), recruitmentCloses);
  const withdrawals = after(cal.onOrAfter(cal.addDays(screen, 3)), screen);
  const convene = after(cal.onOrAfter(cal.addDays(opens, -params.convenedLeadDays)), withdrawals);
  const opensAt = after(opens, convene);
  return {
    approve, ...(postponement ? { postponement } : {}), recruitmentOpens, recruitmentCloses, screen, withdrawals, convene,
    opens: opensAt, exams: cal.onOrAfter(addMonths(opensAt, c.durationMonths)),
  };
}
