/**
 * One run of a plan: seeded schedules (postponements), nominations and screening, then every class through its
 * lifecycle. Run `index` of a Monte Carlo started with `seed` gives the same result whoever runs it. Pure.
 */
import { createRng, type Seed } from '../generate/createRng.ts';
import { nominate, type Nominations, type Nominee } from './nominate.ts';
import type { Scenario } from './prepareScenario.ts';
import { runClassTimeline, type ClassRunResult } from './runClassTimeline.ts';
import { scheduleClass, type ClassSchedule } from './scheduleClass.ts';
import { runSeed, streamSeed } from './seeds.ts';

export interface RunResult {
  run: number;
  seed: number;
  schedules: ClassSchedule[];
  /** By class, in `scenario.classes` order. */
  classes: ClassRunResult[];
  nominations: Nominations;
}

export function simulateRun(sc: Scenario, index: number, seed: Seed): RunResult {
  const rs = runSeed(seed, index);
  const schedules = sc.classes.map((c) => scheduleClass(c.plan, sc.plan.approvedOn, sc.params, sc.calendar, createRng(streamSeed(rs, c.key))));
  const nominations = nominate(sc, rs, schedules);
  const classes = sc.classes.map((_, k) => runClassTimeline(sc, k, schedules[k]!, nominations.byClass[k]!, nominations.fates));
  return { run: index, seed: rs, schedules, classes, nominations };
}

/** Every candidate of the run, in class order then nomination order. */
export function allNominees(r: RunResult): Nominee[] {
  return r.nominations.byClass.flat();
}
