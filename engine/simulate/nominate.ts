/**
 * The nomination step of one run: every agency a class serves draws candidates from its own cadres (in a random order
 * of its own, without replacement across the run) until its quota × `nominationsPerSeat` is sent. An agency sends its
 * nominations for a class in one dispatch (công văn cử cán bộ), dated on one of the four weeks before recruitment
 * closes (drawn): that date is the nomination date, which selects the regulation. Each candidate is
 * checked by the regulation in force on the nomination date (the same checker the lifecycle's guards use): a cadre
 * whose tiering names another institution is reported and not placed; an ineligible one is caught by the agency with
 * probability `agencyPrecheck` and replaced. The school's seats go first come, first served (by nomination date);
 * the rest wait. Cadres who already hold the level are never drawn. Pure and seeded.
 */
import { dayToIso, isoToDay } from '../generate/civilDays.ts';
import { createRng, fillUniforms, type Rng } from '../generate/createRng.ts';
import type { Classification } from '../lifecycle/context.ts';
import type { Screening } from '../rules/screenVerdict.ts';
import type { Scenario } from './prepareScenario.ts';
import type { ClassSchedule } from './scheduleClass.ts';
import { streamSeed } from './seeds.ts';

/** Where a candidate ended: every candidate an agency considered has exactly one. */
export const NOMINEE_OUTCOMES = [
  'other-institution', 'no-regulation', 'caught-by-agency', 'waiting-list', 'class-cancelled', 'rejected', 'withdrawn', 'no-show',
  'dropped-out', 'suspended', 'not-exam-eligible', 'failed', 'graduated', 'in-progress',
] as const;
export type NomineeOutcome = (typeof NOMINEE_OUTCOMES)[number];

/** Uniform draws of one cadre in one run, in a fixed order whatever happens (common random numbers). */
export const FATE = { spare: 0, precheck: 1, withdraw: 2, noShow: 3, dropOut: 4, when: 5, suspend: 6, attendance: 7, exam: 8, resit: 9, band: 10, jitter: 11 } as const;

export interface Nominee {
  cadre: number;
  agency: number;
  /** Index into `scenario.classes`. */
  cls: number;
  on: string;
  /**
   * Where the cadre's draws in this run start in the run's `fates` (draw `f` of `FATE` is `fates[fateAt + f]`), made
   * for a candidate the agency may send (the right institution); -1 for one it never could. The draws do not depend
   * on when they are made.
   */
  fateAt: number;
  /** The check by the regulation in force on `on` (shared with every cadre of the same outcome); undefined when none applies. */
  screening: Screening | undefined;
  /** Institution the tiering names (`null` when none). */
  institution: string | null;
  outcome: NomineeOutcome;
  /** Sent to the school and given a seat (a NOMINATE event). */
  placed: boolean;
  classification?: Classification;
  graduatedOn?: string;
}

export interface Nominations {
  /** By class (index into `scenario.classes`), every candidate considered, in nomination order. */
  byClass: Nominee[][];
  /** Seats an agency could not fill for lack of candidates, by class then agency index. */
  shortfall: Array<Map<number, number>>;
  /** The draws of the run's candidates, `FATE_COUNT` each (see `Nominee.fateAt`): one array, not one per candidate. */
  fates: Float64Array;
}

export const FATE_COUNT = Object.keys(FATE).length;

interface Shuffle { drawn: number; order: Int32Array; rng: Rng }

export function nominate(sc: Scenario, run: number, schedules: readonly ClassSchedule[]): Nominations {
  const shuffles: Array<Shuffle | undefined> = [];
  const draw = (a: number): number => {
    const pool = sc.pools[a]!;
    const s = (shuffles[a] ??= { drawn: 0, order: pool.slice(), rng: createRng(streamSeed(run, sc.agencyKeys[a]!)) });
    if (s.drawn >= pool.length) return -1;
    // Fisher–Yates one step at a time: only as much of the order is drawn as the quotas need.
    const j = s.drawn + Math.floor(s.rng.next() * (pool.length - s.drawn));
    const picked = s.order[j]!;
    s.order[j] = s.order[s.drawn]!;
    s.order[s.drawn] = picked;
    s.drawn++;
    return picked;
  };
  const precheck = sc.params.agencyPrecheck / 100;
  let fates = new Float64Array(FATE_COUNT * 256);
  let drawn = 0;
  const drawFate = (key: number): number => {
    if (drawn + FATE_COUNT > fates.length) {
      const more = new Float64Array(fates.length * 2);
      more.set(fates);
      fates = more;
    }
    fillUniforms(streamSeed(run, key), fates, drawn, FATE_COUNT);
    drawn += FATE_COUNT;
    return drawn - FATE_COUNT;
  };
  const byClass: Nominee[][] = [];
  const shortfall: Array<Map<number, number>> = [];
  sc.classes.forEach((c, k) => {
    const sch = schedules[k]!;
    const list: Nominee[] = [];
    const short = new Map<number, number>();
    byClass.push(list);
    shortfall.push(short);
    if (sch.postponement?.cancel) return;
    const { level, mode } = c.plan;
    const first = isoToDay(sch.recruitmentOpens);
    const close = isoToDay(sch.recruitmentCloses);
    const rng = createRng(streamSeed(run, c.key ^ 0x5bd1e995));
    // One dispatch per agency, all its candidates dated alike; the class's lists are the dispatches in date order
    // (stable: agencies dispatching the same day keep the plan's order).
    const dispatches: Array<{ day: number; considered: Nominee[]; sent: Nominee[] }> = [];
    for (const { agency, quota } of c.serves) {
      const target = Math.round(quota * sc.params.nominationsPerSeat);
      const day = Math.max(first, close - 7 * rng.int(0, 3) - 1);
      const on = dayToIso(day);
      const nomination = { level, mode, on };
      const considered: Nominee[] = [];
      const sent: Nominee[] = [];
      dispatches.push({ day, considered, sent });
      let n = 0;
      while (n < target) {
        const cadre = draw(agency);
        if (cadre < 0) { short.set(agency, target - n); break; }
        if (sc.holds(cadre, level)) continue;
        const o = sc.screen(cadre, nomination);
        const nominee: Nominee = { cadre, agency, cls: k, on, fateAt: -1, screening: o.ok ? o : undefined, institution: o.ok ? o.institution : null, outcome: 'in-progress', placed: false };
        considered.push(nominee);
        if (!o.ok) { nominee.outcome = 'no-regulation'; continue; }
        if (nominee.institution !== c.plan.institution) { nominee.outcome = 'other-institution'; continue; }
        nominee.fateAt = drawFate(sc.cadreKeys[cadre]!);
        if (!o.eligible && fates[nominee.fateAt + FATE.precheck]! < precheck) { nominee.outcome = 'caught-by-agency'; continue; }
        n++;
        sent.push(nominee);
      }
    }
    dispatches.sort((a, b) => a.day - b.day);
    let seats = 0;
    for (const d of dispatches) {
      for (const x of d.considered) list.push(x);
      for (const x of d.sent) { if (seats < c.plan.maxSize) { x.placed = true; seats++; } else x.outcome = 'waiting-list'; }
    }
  });
  return { byClass, shortfall, fates };
}
