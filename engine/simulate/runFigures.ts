/**
 * The figures of one run as a flat record, the unit the Monte Carlo aggregates (and what worker threads send back):
 * counts by outcome, by class, agency, month of graduation and failed rule, capacity use, and class dates as day
 * numbers (NaN when the class never got there). Names are stable: `graduates`, `class.tc-01.graduates`,
 * `agency.bo-tu-phap.nominated`, `month.2025-02.graduates`, `rule.tc-party-member.ineligible`. Pure.
 */
import { isoToDay } from '../generate/civilDays.ts';
import type { Scenario } from './prepareScenario.ts';
import { allNominees, type RunResult } from './simulateRun.ts';

export type RunFigures = Record<string, number>;

/** Figures whose missing value means "did not happen" (a date), not zero. */
export const isDateFigure = (name: string): boolean => name.endsWith('On');

export function runFigures(sc: Scenario, r: RunResult): RunFigures {
  const f: RunFigures = {};
  const add = (name: string, by = 1) => { f[name] = (f[name] ?? 0) + by; };
  const nominees = allNominees(r);
  for (const key of ['candidates', 'nominated', 'placed', 'waitingList', 'otherInstitution', 'noRegulation', 'caughtByAgency', 'eligible', 'ineligible',
    'rejected', 'admitted', 'atOpening', 'graduates', 'graduates.veryGood', 'graduates.good', 'graduates.average', 'withdrawn', 'noShow', 'droppedOut',
    'suspended', 'notExamEligible', 'failed', 'classCancelled', 'inProgress', 'shortfall', 'classes.graduated', 'classes.cancelled', 'classes.stalled', 'classes.postponed']) f[key] = 0;
  const camel: Record<string, string> = {
    'waiting-list': 'waitingList', 'other-institution': 'otherInstitution', 'no-regulation': 'noRegulation', 'caught-by-agency': 'caughtByAgency',
    rejected: 'rejected', withdrawn: 'withdrawn', 'no-show': 'noShow', 'dropped-out': 'droppedOut', suspended: 'suspended', 'not-exam-eligible': 'notExamEligible',
    failed: 'failed', 'class-cancelled': 'classCancelled', 'in-progress': 'inProgress', graduated: 'graduates',
  };
  const classification = { 'very-good': 'graduates.veryGood', good: 'graduates.good', average: 'graduates.average' } as const;
  for (const n of nominees) {
    add('candidates');
    add(camel[n.outcome]!);
    const agency = sc.plan.agencies[n.agency]!.id;
    if (n.placed || n.outcome === 'waiting-list') { add('nominated'); add(`agency.${agency}.nominated`); }
    if (n.placed) add('placed');
    if (n.screening && n.outcome !== 'other-institution') {
      if (n.screening.eligible) add('eligible');
      else { add('ineligible'); for (const rule of n.screening.failures) add(`rule.${rule}.ineligible`); }
    }
    if (n.outcome === 'graduated') {
      add(`agency.${agency}.graduates`);
      if (n.classification) add(classification[n.classification]);
      if (n.graduatedOn) add(`month.${n.graduatedOn.slice(0, 7)}.graduates`);
    }
  }
  let capacity = 0;
  r.classes.forEach((c, k) => {
    const id = sc.classes[k]!.plan.id;
    capacity += sc.classes[k]!.plan.maxSize;
    add(`classes.${c.outcome}`);
    if (c.postponed) add('classes.postponed');
    f.admitted! += c.admitted;
    f.atOpening! += c.atOpening;
    f[`class.${id}.atOpening`] = c.atOpening;
    f[`class.${id}.graduates`] = c.graduates;
    f[`class.${id}.openedOn`] = c.opened ? isoToDay(c.opened) : NaN;
    f[`class.${id}.graduatedOn`] = c.graduated ? isoToDay(c.graduated) : NaN;
    f[`class.${id}.cancelled`] = c.outcome === 'cancelled' ? 1 : 0;
    f[`class.${id}.postponed`] = c.postponed ? 1 : 0;
  });
  for (const m of r.nominations.shortfall) for (const v of m.values()) add('shortfall', v);
  f.capacityUse = capacity === 0 ? 0 : Math.round((f.atOpening! / capacity) * 1000) / 10;
  return f;
}
