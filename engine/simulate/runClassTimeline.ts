/**
 * One class of one run through its lifecycle, on the simulated clock: the events a class really goes through
 * (approval, a drawn postponement, recruitment with the placed nominees, screening by the real `eligible` guard,
 * withdrawals, convening, no-shows, opening, drop-outs and suspensions, attendance, exams and re-sits, graduation),
 * each sent to the lifecycle, which takes it or refuses it with its guard's reason. A refused CLOSE_RECRUITMENT or
 * CONVENE cancels the class with that reason; exams sent too early are sent again when the lifecycle allows. Every
 * placed nominee's outcome is read from the learner's final state. Pure and seeded.
 */
import { isoToDay, dayToIso } from '../generate/civilDays.ts';
import type { LifecycleEvent } from '../lifecycle/context.ts';
import { addMonths } from '../lifecycle/specHelpers.ts';
import { FATE, type Nominee } from './nominate.ts';
import type { Scenario } from './prepareScenario.ts';
import type { ClassSchedule } from './scheduleClass.ts';

/** A class-level event of the timeline; `refused` carries the lifecycle's reason. */
export interface TimelineEntry {
  event: string;
  at: string;
  from?: string;
  to?: string;
  refused?: { code: string; reason: string; reasonEn: string };
  /** Learners in the class after the event, for events that move many (screening, opening, graduation). */
  learners?: number;
}

export type ClassOutcome = 'graduated' | 'cancelled' | 'stalled';

export interface ClassRunResult {
  id: string;
  outcome: ClassOutcome;
  /** Why the class was cancelled or stalled (the refusal or the postponement), both languages. */
  reason?: { vi: string; en: string };
  postponed: boolean;
  timeline: TimelineEntry[];
  placed: number;
  admitted: number;
  atOpening: number;
  graduates: number;
  opened?: string;
  graduated?: string;
}

const WITHDRAW_REASON = { withdraw: 'Cơ quan rút hồ sơ / withdrawn by the agency', noShow: 'Không đến nhập học / did not turn up', dropOut: 'Thôi học / dropped out', suspend: 'Bảo lưu / deferred' };

/** `fates`: the run's draws (`Nominations.fates`), read at each nominee's `fateAt`. */
export function runClassTimeline(sc: Scenario, k: number, sch: ClassSchedule, nominees: readonly Nominee[], fates: Float64Array): ClassRunResult {
  const c = sc.classes[k]!;
  const { level, mode, id, name } = c.plan;
  const h = c.stepper.start({ classId: id });
  const timeline: TimelineEntry[] = [];
  const result: ClassRunResult = { id, outcome: 'stalled', postponed: sch.postponement !== undefined, timeline, placed: 0, admitted: 0, atOpening: 0, graduates: 0 };
  const placed = nominees.filter((n) => n.placed);
  const learners = () => h.context().learners;
  const count = (state: string) => { let n = 0; for (const l of learners()) if (l.state === state) n++; return n; };
  // Learners keep the position of their NOMINATE event (learners are only ever appended): `nomineeAt` is the nominee
  // of each learner, `slot` the learner of each placed nominee (-1: not in the class). A learner event goes only to
  // learners it concerns, as a school records attendance or scores only for those studying or sitting.
  const nomineeAt: Nominee[] = [];
  const slot: number[] = new Array<number>(placed.length).fill(-1);
  const stateOf = (j: number) => { const i = slot[j]!; return i < 0 ? '' : learners()[i]!.state; };
  let refusedLearnerEvents = 0;

  const send = (e: LifecycleEvent, show: boolean) => {
    const s = h.send(e);
    if (!s.ok && !show) refusedLearnerEvents++;
    else if (!s.ok) timeline.push({ event: e.type, at: e.at, refused: { code: s.rejection.code, reason: s.rejection.reason, reasonEn: s.rejection.reasonEn } });
    else if (show) timeline.push({ event: e.type, at: e.at, from: s.from, to: s.to });
    return s;
  };
  const stop = (at: string, why: { vi: string; en: string }, outcome: 'cancelled' | 'stalled' = 'cancelled') => {
    if (outcome === 'cancelled') send({ type: 'CANCEL', at, reason: why.vi }, true);
    result.outcome = outcome;
    result.reason = why;
    return finish();
  };
  const finish = (): ClassRunResult => {
    learners().forEach((l, i) => {
      const n = nomineeAt[i];
      if (!n) return;
      n.outcome = outcomeOf(l.state, l.context.note, result.outcome);
      if (l.context.classification) n.classification = l.context.classification;
      if (n.outcome === 'graduated' && result.graduated) n.graduatedOn = result.graduated;
    });
    placed.forEach((n, j) => { if (slot[j]! < 0) n.outcome = result.outcome === 'cancelled' ? 'class-cancelled' : 'in-progress'; });
    return result;
  };
  const refusal = (s: ReturnType<typeof send>) => (s.ok ? { vi: '', en: '' } : { vi: s.rejection.reason, en: s.rejection.reasonEn });

  send({ type: 'APPROVE', at: sch.approve, level, mode, classId: id, name, ...(sc.plan.decision ? { decision: sc.plan.decision } : {}) }, true);
  if (sch.postponement) {
    const why = { vi: `Lớp tạm hoãn ${sch.postponement.months} tháng (rủi ro hoãn lớp theo tham số postponementRisk)`, en: `Class postponed for ${sch.postponement.months} month(s) (postponementRisk parameter)` };
    send({ type: 'POSTPONE', at: sch.postponement.at, reason: why.vi }, true);
    if (sch.postponement.cancel) {
      for (const n of placed) n.outcome = 'class-cancelled';
      return stop(sch.postponement.cancel, { vi: `${why.vi}, rồi hủy (tham số cancellationAfterPostponement)`, en: `${why.en}, then cancelled (cancellationAfterPostponement parameter)` });
    }
    send({ type: 'RESUME', at: sch.postponement.resume! }, true);
  }
  send({ type: 'OPEN_RECRUITMENT', at: sch.recruitmentOpens }, true);
  placed.forEach((n, j) => {
    const p = sc.cadres[n.cadre]!;
    const before = learners().length;
    send({ type: 'NOMINATE', at: n.on, learnerId: p.id, profile: p, agency: sc.plan.agencies[n.agency]!.name ?? sc.plan.agencies[n.agency]!.id, nominatedOn: n.on }, false);
    const l = learners()[before];
    if (l === undefined) return;
    if (l.context.id !== p.id) throw new Error(`simulator bug: NOMINATE of ${p.id} added ${l.context.id} in class ${id}`);
    slot[j] = before;
    nomineeAt[before] = n;
  });
  result.placed = learners().length;
  const closed = send({ type: 'CLOSE_RECRUITMENT', at: sch.recruitmentCloses }, true);
  if (!closed.ok) return stop(sch.recruitmentCloses, refusal(closed));
  placed.forEach((n, j) => { if (stateOf(j) === 'screening') { sc.focus(n.cadre, level, mode, n.on, n.screening); send({ type: 'SCREEN', at: sch.screen, learnerId: sc.cadres[n.cadre]!.id }, false); } });
  result.admitted = count('admitted');
  const p = sc.params;
  placed.forEach((n, j) => { if (stateOf(j) === 'admitted' && fates[n.fateAt + FATE.withdraw]! < p.withdrawalBeforeConvening / 100) send({ type: 'WITHDRAW', at: sch.withdrawals, learnerId: sc.cadres[n.cadre]!.id, reason: WITHDRAW_REASON.withdraw }, false); });
  const convened = send({ type: 'CONVENE', at: sch.convene }, true);
  if (!convened.ok) return stop(sch.convene, refusal(convened));
  timeline[timeline.length - 1]!.learners = count('admitted');
  placed.forEach((n, j) => { if (stateOf(j) === 'admitted' && fates[n.fateAt + FATE.noShow]! < p.noShow / 100) send({ type: 'WITHDRAW', at: sch.opens, learnerId: sc.cadres[n.cadre]!.id, reason: WITHDRAW_REASON.noShow }, false); });
  send({ type: 'OPEN', at: sch.opens }, true);
  result.opened = sch.opens;
  result.atOpening = count('studying');
  timeline[timeline.length - 1]!.learners = result.atOpening;

  // During the course: drop-outs and suspensions on their drawn day, in date order.
  const start = isoToDay(sch.opens);
  const length = Math.max(2, isoToDay(sch.exams) - start - 1);
  const during: LifecycleEvent[] = [];
  for (let j = 0; j < placed.length; j++) {
    const n = placed[j]!;
    if (stateOf(j) !== 'studying') continue;
    const day = dayToIso(start + 1 + Math.floor(fates[n.fateAt + FATE.when]! * (length - 1)));
    const learnerId = sc.cadres[n.cadre]!.id;
    if (fates[n.fateAt + FATE.dropOut]! < p.dropOut / 100) during.push({ type: 'WITHDRAW', at: day, learnerId, reason: WITHDRAW_REASON.dropOut });
    else if (fates[n.fateAt + FATE.suspend]! < p.suspension / 100) during.push({ type: 'SUSPEND', at: day, learnerId, reason: WITHDRAW_REASON.suspend });
  }
  during.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  for (const e of during) send(e, false);
  if (refusedLearnerEvents > 0) throw new Error(`simulator bug: ${refusedLearnerEvents} learner event(s) refused in class ${id}`);

  const threshold = sc.learnerParam('attendanceThreshold', level, mode);
  const attendanceDay = dayToIso(isoToDay(sch.exams) - 1);
  for (let j = 0; j < placed.length; j++) {
    const n = placed[j]!;
    if (stateOf(j) !== 'studying') continue;
    const u = fates[n.fateAt + FATE.attendance]!;
    const low = p.lowAttendance / 100;
    const percent = u < low ? Math.max(0, threshold - 1 - Math.floor((u / low) * 30)) : Math.min(100, threshold + Math.floor(((u - low) / (1 - low)) * (101 - threshold)));
    send({ type: 'RECORD_ATTENDANCE', at: attendanceDay, learnerId: sc.cadres[n.cadre]!.id, percent }, false);
  }
  let exams = sch.exams;
  let started = send({ type: 'START_EXAMS', at: exams }, true);
  if (!started.ok) {
    const months = sc.input.classLifecycle.parameters.programmeMonths;
    const due = months && typeof months.value !== 'number' ? months.value[level]?.[mode] : months?.value;
    exams = sc.calendar.onOrAfter(addMonths(sch.opens, typeof due === 'number' ? due : c.plan.durationMonths));
    started = send({ type: 'START_EXAMS', at: exams > sch.exams ? exams : sch.exams }, true);
    if (!started.ok) return stop(exams, refusal(started), 'stalled');
  }
  // Exam-period events fall on working days too (a Tết break moves them on).
  const day = (n: number) => sc.calendar.onOrAfter(dayToIso(isoToDay(exams) + n));
  const marks = { pass: sc.learnerParam('examPassMark', level, mode), good: sc.learnerParam('goodFrom', level, mode), veryGood: sc.learnerParam('veryGoodFrom', level, mode) };
  const examDay = day(7);
  for (let j = 0; j < placed.length; j++) {
    const n = placed[j]!;
    if (stateOf(j) !== 'exam-eligible') continue;
    const pass = fates[n.fateAt + FATE.exam]! < p.examPass / 100;
    send({ type: 'RECORD_EXAM', at: examDay, learnerId: sc.cadres[n.cadre]!.id, scores: scoresFor(fates, n, pass, marks, p.veryGoodShare, p.goodShare) }, false);
  }
  send({ type: 'FINISH_EXAMS', at: day(14) }, true);
  let last = 14;
  for (let sitting = 1; sitting <= 10 && count('re-sit') > 0; sitting++) {
    last = 14 + 16 * sitting;
    const resitDay = day(last);
    for (const [i, l] of learners().entries()) {
      if (l.state !== 're-sit') continue;
      const n = nomineeAt[i]!;
      const pass = (sitting === 1 ? fates[n.fateAt + FATE.resit]! : (fates[n.fateAt + FATE.resit]! * (sitting + 1)) % 1) < p.resitPass / 100;
      send({ type: 'RECORD_EXAM', at: resitDay, learnerId: l.context.id, scores: scoresFor(fates, n, pass, marks, p.veryGoodShare, p.goodShare) }, false);
    }
  }
  const graduation = sc.calendar.onOrAfter(day(Math.max(p.graduationAfterExamsDays, last + 1)));
  const graduated = send({ type: 'GRADUATE', at: graduation }, true);
  if (!graduated.ok) return stop(graduation, refusal(graduated), 'stalled');
  result.outcome = 'graduated';
  result.graduated = graduation;
  result.graduates = count('diploma-issued');
  timeline[timeline.length - 1]!.learners = result.graduates;
  return finish();
}

/** The nominee's outcome from the learner's final state (and, for a withdrawal, the reason recorded with it). */
function outcomeOf(state: string, note: string | null, klass: ClassRunResult['outcome']): Nominee['outcome'] {
  switch (state) {
    case 'diploma-issued': case 'graduated': return 'graduated';
    case 'rejected': return 'rejected';
    case 'failed': return 'failed';
    case 'not-exam-eligible': return 'not-exam-eligible';
    case 'suspended': return 'suspended';
    case 'withdrawn':
      return note === WITHDRAW_REASON.noShow ? 'no-show' : note === WITHDRAW_REASON.dropOut ? 'dropped-out'
        : note === WITHDRAW_REASON.withdraw ? 'withdrawn' : 'class-cancelled';
    default: return klass === 'cancelled' ? 'class-cancelled' : 'in-progress';
  }
}

/** Three block scores on the 10-point scale, in steps of 0.25: all at or above the pass mark when `pass`. */
function scoresFor(fates: Float64Array, n: Nominee, pass: boolean, m: { pass: number; good: number; veryGood: number }, veryGoodShare: number, goodShare: number): number[] {
  const j = fates[n.fateAt + FATE.jitter]!;
  const q = (x: number) => Math.floor(x * 4) / 4;
  if (!pass) return [q(Math.min(10, m.good + j)), q(Math.min(10, m.pass + j)), Math.max(0, q(m.pass - 0.25 - j * 2))];
  const b = fates[n.fateAt + FATE.band]! * 100;
  const lo = b < veryGoodShare ? m.veryGood : b < veryGoodShare + goodShare ? m.good : m.pass;
  const hi = b < veryGoodShare ? 10 : b < veryGoodShare + goodShare ? m.veryGood - 0.25 : m.good - 0.25;
  const s = q(lo + j * Math.max(0, hi - lo));
  return [s, s, s];
}

