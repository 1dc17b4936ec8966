/**
 * The figures of one run as a flat record, the unit the Monte Carlo aggregates (and what worker threads send back):
 * counts by outcome, by class, agency, month of graduation and failed rule, capacity use, and class dates as day
 * numbers (NaN when the class never got there). Names are stable: `graduates`, `class.tc-01.graduates`,
 * `agency.bo-tu-phap.nominated`, `month.2025-02.graduates`, `rule.tc-party-member.ineligible`. Pure.
 */
import { isoToDay } from '../generate/civilDays.ts';
import type { Scenario } from './prepareScenario.ts';
import type { Nominee } from './nominate.ts';
import type { RunResult } from './simulateRun.ts';

export type RunFigures = Record<string, number>;

/** Figures whose missing value means "did not happen" (a date), not zero. */
export const isDateFigure = (name: string): boolean => name.endsWith('On');

const named = (kind: string, id: string, what: string) => `${kind}.${id}.${what}`;
/** Figures counted per candidate, by rule id and by graduation date: no name is built per candidate. */
const RULE_NAMES = new Map<string, string>();
const MONTH_NAMES = new Map<string, string>();
function remembered(names: Map<string, string>, key: string, make: (key: string) => string): string {
  let n = names.get(key);
  if (n === undefined) { n = make(key); if (names.size < 20_000) names.set(key, n); }
  return n;
}
const ruleFigure = (rule: string) => `rule.${rule}.ineligible`;
const monthFigure = (on: string) => `month.${on.slice(0, 7)}.graduates`;

const FIXED = ['candidates', 'nominated', 'placed', 'waitingList', 'otherInstitution', 'noRegulation', 'caughtByAgency', 'eligible', 'ineligible',
  'rejected', 'admitted', 'atOpening', 'graduates', 'graduates.veryGood', 'graduates.good', 'graduates.average', 'withdrawn', 'noShow', 'droppedOut',
  'suspended', 'notExamEligible', 'failed', 'classCancelled', 'inProgress', 'shortfall', 'classes.graduated', 'classes.cancelled', 'classes.stalled', 'classes.postponed'] as const;
const OUTCOME_FIGURE: Record<Nominee['outcome'], (typeof FIXED)[number]> = {
  'waiting-list': 'waitingList', 'other-institution': 'otherInstitution', 'no-regulation': 'noRegulation', 'caught-by-agency': 'caughtByAgency',
  rejected: 'rejected', withdrawn: 'withdrawn', 'no-show': 'noShow', 'dropped-out': 'droppedOut', suspended: 'suspended', 'not-exam-eligible': 'notExamEligible',
  failed: 'failed', 'class-cancelled': 'classCancelled', 'in-progress': 'inProgress', graduated: 'graduates',
};
const CLASSIFICATION_FIGURE = { 'very-good': 'graduates.veryGood', good: 'graduates.good', average: 'graduates.average' } as const;

export function runFigures(sc: Scenario, r: RunResult): RunFigures {
  const f: RunFigures = {};
  for (let i = 0; i < FIXED.length; i++) f[FIXED[i]!] = 0;
  // Counts by agency index and by name, turned into figures at the end (only those that happened, as before).
  const agencies = sc.plan.agencies;
  const nominatedBy = new Int32Array(agencies.length);
  const graduatesBy = new Int32Array(agencies.length);
  const counted = new Map<string, number>();
  const count = (name: string) => { counted.set(name, (counted.get(name) ?? 0) + 1); };
  // Index loops throughout: for…of here allocated an iterator result per candidate.
  const byClass = r.nominations.byClass;
  for (let k = 0; k < byClass.length; k++) {
    const list = byClass[k]!;
    for (let j = 0; j < list.length; j++) {
      const n = list[j]!;
      f.candidates!++;
      f[OUTCOME_FIGURE[n.outcome]]!++;
      if (n.placed || n.outcome === 'waiting-list') { f.nominated!++; nominatedBy[n.agency]!++; }
      if (n.placed) f.placed!++;
      if (n.screening && n.outcome !== 'other-institution') {
        if (n.screening.eligible) f.eligible!++;
        else { f.ineligible!++; const fails = n.screening.failures; for (let i = 0; i < fails.length; i++) count(remembered(RULE_NAMES, fails[i]!, ruleFigure)); }
      }
      if (n.outcome === 'graduated') {
        graduatesBy[n.agency]!++;
        if (n.classification) f[CLASSIFICATION_FIGURE[n.classification]]!++;
        if (n.graduatedOn) count(remembered(MONTH_NAMES, n.graduatedOn, monthFigure));
      }
    }
  }
  agencies.forEach((a, i) => {
    if (nominatedBy[i]! > 0) f[named('agency', a.id, 'nominated')] = nominatedBy[i]!;
    if (graduatesBy[i]! > 0) f[named('agency', a.id, 'graduates')] = graduatesBy[i]!;
  });
  counted.forEach((v, name) => { f[name] = v; });
  let capacity = 0;
  r.classes.forEach((c, k) => {
    const id = sc.classes[k]!.plan.id;
    capacity += sc.classes[k]!.plan.maxSize;
    f[`classes.${c.outcome}`]!++;
    if (c.postponed) f['classes.postponed']!++;
    f.admitted! += c.admitted;
    f.atOpening! += c.atOpening;
    f[named('class', id, 'atOpening')] = c.atOpening;
    f[named('class', id, 'graduates')] = c.graduates;
    f[named('class', id, 'openedOn')] = c.opened ? isoToDay(c.opened) : NaN;
    f[named('class', id, 'graduatedOn')] = c.graduated ? isoToDay(c.graduated) : NaN;
    f[named('class', id, 'cancelled')] = c.outcome === 'cancelled' ? 1 : 0;
    f[named('class', id, 'postponed')] = c.postponed ? 1 : 0;
  });
  for (const m of r.nominations.shortfall) for (const v of m.values()) f.shortfall! += v;
  f.capacityUse = capacity === 0 ? 0 : Math.round((f.atOpening! / capacity) * 1000) / 10;
  return f;
}
