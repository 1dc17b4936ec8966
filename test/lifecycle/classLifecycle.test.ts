import { describe, expect, it } from 'vitest';
import { CLASSIFICATION_LABELS, type ClassContext } from '../../engine/lifecycle/context.ts';
import { createClassLifecycle } from '../../engine/lifecycle/createClassLifecycle.ts';
import { checkEligibility, defaultClassLifecycle, eligibleProfile, happyPath, learnerStates, notPartyProfile, sendAll } from './lifecycleTestKit.ts';

const ids = (n: number, prefix = 'L') => Array.from({ length: n }, (_, i) => `${prefix}${String(i + 1).padStart(2, '0')}`);
const ctxOf = (run: { snapshot: { context: unknown } }) => run.snapshot.context as ClassContext;

describe('the default class lifecycle', () => {
  it('refuses CONVENE with 12 admitted learners when the minimum is 30, naming the guard, the parameter and both numbers', () => {
    const lc = defaultClassLifecycle();
    const events = happyPath(ids(12)).slice(0, -2);
    const run = sendAll(lc, lc.start(), events);
    const step = lc.send(run, { type: 'CONVENE', at: '2024-05-06' });
    expect(step.ok).toBe(false);
    if (step.ok) return;
    expect(step.run).toBe(run);
    expect(step.rejection).toMatchObject({ event: 'CONVENE', code: 'lifecycle/too-few-learners', guard: 'learnerCount' });
    expect(step.rejection.reason).toBe('CONVENE bị từ chối (Sĩ số học viên): Có 12 học viên ở trạng thái Trúng tuyển (admitted); cần tối thiểu 30 (minClassSize).');
    expect(step.rejection.reasonEn).toContain('12 learner(s) in state Admitted (admitted); at least 30 (minClassSize) needed');
  });

  it('convenes once the minimum number of learners is admitted, and refuses more than the maximum for the level and mode', () => {
    const lc = defaultClassLifecycle({ minClassSize: 3 });
    const ok = sendAll(lc, lc.start(), happyPath(ids(3)).slice(0, -1));
    expect(ok.snapshot.value).toBe('convened');
    const tooMany = sendAll(lc, lc.start(), happyPath(ids(71)).slice(0, -2));
    const step = lc.send(tooMany, { type: 'CONVENE', at: '2024-05-06' });
    expect(step.ok ? '' : step.rejection.reason).toContain('Có 71 học viên ở trạng thái Trúng tuyển (admitted); tối đa 70 (maxClassSize)');
  });

  it('does not convene while a dossier is still being screened', () => {
    const lc = defaultClassLifecycle({ minClassSize: 1 });
    const run = sendAll(lc, lc.start(), happyPath(['A', 'B']).slice(0, -3));
    const step = lc.send(run, { type: 'CONVENE', at: '2024-05-06' });
    expect(step.ok ? '' : step.rejection.code).toBe('lifecycle/learners-pending');
    expect(step.ok ? '' : step.rejection.reason).toContain('Còn 1 học viên ở trạng thái Đang xét hồ sơ (screening): B');
  });

  it('rejects a dossier against the regulation in force on the nomination date, keeping the failed rules with citations', () => {
    const lc = defaultClassLifecycle({ minClassSize: 1 });
    const run = sendAll(lc, lc.start(), happyPath(['A', 'X'], { X: notPartyProfile('X') }));
    expect(learnerStates(run)).toEqual({ A: 'studying', X: 'rejected' });
    const x = ctxOf(run).learners.find((l) => l.context.id === 'X')!.context;
    expect(x.verdict).toMatchObject({ eligible: false, regulation: '57-QĐ/TW', ruleset: '57-qd-tw' });
    expect(x.verdict!.failures.map((f) => f.rule)).toEqual(['tc-party-member']);
    expect(x.verdict!.failures[0]!.citation).toMatch(/^57-QĐ\/TW Điều 5/);
  });

  it('applies 350-QĐ/TW to a cadre nominated on or after 2025-08-29: two years rated good or better are then required', () => {
    const lc = defaultClassLifecycle({ minClassSize: 1 });
    const weak = eligibleProfile('W', { ratings: [{ year: 2023, rating: 'good' }, { year: 2024, rating: 'completed' }] });
    const events = (on: string) => [
      { type: 'APPROVE', at: '2025-06-01', level: 'intermediate', mode: 'full-time' },
      { type: 'OPEN_RECRUITMENT', at: '2025-06-02' },
      { type: 'NOMINATE', at: on, learnerId: 'W', profile: weak },
      { type: 'CLOSE_RECRUITMENT', at: '2025-10-01' },
      { type: 'SCREEN', at: '2025-10-02', learnerId: 'W' },
    ];
    const under57 = sendAll(lc, lc.start(), events('2025-08-28'));
    const under350 = sendAll(lc, lc.start(), events('2025-09-15'));
    expect(learnerStates(under57)).toEqual({ W: 'admitted' });
    expect(learnerStates(under350)).toEqual({ W: 'rejected' });
    const verdict = ctxOf(under350).learners[0]!.context.verdict!;
    expect(verdict.regulation).toBe('350-QĐ/TW');
    expect(verdict.failures.map((f) => f.rule).join(' ')).toMatch(/rating/);
  });

  it('refuses START_EXAMS before the programme length for the level and mode has passed since opening', () => {
    const lc = defaultClassLifecycle({ minClassSize: 1 });
    const run = sendAll(lc, lc.start(), happyPath(['A']));
    const early = lc.send(run, { type: 'START_EXAMS', at: '2024-11-15' });
    expect(early.ok ? '' : early.rejection.reason).toBe(
      'START_EXAMS bị từ chối (Đủ số tháng kể từ mốc): Chưa đủ 6 (programmeMonths) tháng kể từ mốc "opened" 16/05/2024: sớm nhất 16/11/2024, sự kiện ngày 15/11/2024.');
    expect(lc.send(run, { type: 'START_EXAMS', at: '2024-11-16' }).ok).toBe(true);
  });

  it('declares exam eligibility from attendance, classifies graduates giỏi/khá/trung bình and allows one re-sit', () => {
    const lc = defaultClassLifecycle({ minClassSize: 1 });
    const people = ['G', 'K', 'T', 'R', 'F', 'N'];
    let run = sendAll(lc, lc.start(), [
      ...happyPath(people),
      ...people.map((id) => ({ type: 'RECORD_ATTENDANCE', at: '2024-11-01', learnerId: id, percent: id === 'N' ? 79 : 80 })),
      { type: 'START_EXAMS', at: '2024-11-18' },
      { type: 'RECORD_EXAM', at: '2024-11-20', learnerId: 'G', scores: [8, 8.5, 7.5] },
      { type: 'RECORD_EXAM', at: '2024-11-20', learnerId: 'K', scores: [7, 7, 7.5] },
      { type: 'RECORD_EXAM', at: '2024-11-20', learnerId: 'T', scores: [5, 6, 9.9] },
      { type: 'RECORD_EXAM', at: '2024-11-20', learnerId: 'R', scores: [4.9, 9, 9] },
      { type: 'RECORD_EXAM', at: '2024-11-20', learnerId: 'F', scores: [3, 9, 9] },
    ]);
    expect(learnerStates(run)).toEqual({ G: 'graduated', K: 'graduated', T: 'graduated', R: 're-sit', F: 're-sit', N: 'not-exam-eligible' });
    run = sendAll(lc, run, [
      { type: 'FINISH_EXAMS', at: '2024-11-29' },
      { type: 'RECORD_EXAM', at: '2024-12-05', learnerId: 'R', scores: [5, 9, 9] },
      { type: 'RECORD_EXAM', at: '2024-12-05', learnerId: 'F', scores: [4, 9, 9] },
    ]);
    const byId = Object.fromEntries(ctxOf(run).learners.map((l) => [l.context.id, l]));
    expect(byId.F!.state).toBe('failed');
    expect(byId.F!.context.attempts).toBe(2);
    expect(byId.R!.state).toBe('graduated');
    const classification = (id: string) => byId[id]!.context.classification;
    expect([classification('G'), classification('K'), classification('T'), classification('R'), classification('F')])
      .toEqual(['very-good', 'good', 'average', 'good', null]);
    expect(CLASSIFICATION_LABELS[classification('G')!].vi).toBe('giỏi');
    expect(byId.G!.context.average).toBe(8);
  });

  it('refuses GRADUATE while a learner still waits for a re-sit, then graduates and issues the diplomas', () => {
    const lc = defaultClassLifecycle({ minClassSize: 1 });
    const run = sendAll(lc, lc.start(), [
      ...happyPath(['A', 'B']),
      { type: 'RECORD_ATTENDANCE', at: '2024-11-01', learnerId: 'A', percent: 95 },
      { type: 'RECORD_ATTENDANCE', at: '2024-11-01', learnerId: 'B', percent: 95 },
      { type: 'START_EXAMS', at: '2024-11-18' },
      { type: 'RECORD_EXAM', at: '2024-11-20', learnerId: 'A', scores: [7, 7, 7] },
      { type: 'RECORD_EXAM', at: '2024-11-20', learnerId: 'B', scores: [4, 7, 7] },
      { type: 'FINISH_EXAMS', at: '2024-11-29' },
    ]);
    const blocked = lc.send(run, { type: 'GRADUATE', at: '2024-12-01' });
    expect(blocked.ok ? '' : blocked.rejection.reason).toContain('Còn 1 học viên ở trạng thái Đang học (studying), Đủ điều kiện dự thi (exam-eligible), Chờ thi lại (re-sit): B');
    const done = sendAll(lc, run, [
      { type: 'RECORD_EXAM', at: '2024-12-05', learnerId: 'B', scores: [6, 7, 7] },
      { type: 'GRADUATE', at: '2024-12-20' },
    ]);
    expect(done.snapshot.value).toBe('graduated');
    expect(done.snapshot.status).toBe('done');
    expect(learnerStates(done)).toEqual({ A: 'diploma-issued', B: 'diploma-issued' });
  });

  it('refuses FINISH_EXAMS while an exam-eligible learner has no result', () => {
    const lc = defaultClassLifecycle({ minClassSize: 1 });
    const run = sendAll(lc, lc.start(), [
      ...happyPath(['A']), { type: 'RECORD_ATTENDANCE', at: '2024-11-01', learnerId: 'A', percent: 95 }, { type: 'START_EXAMS', at: '2024-11-18' },
    ]);
    const step = lc.send(run, { type: 'FINISH_EXAMS', at: '2024-11-29' });
    expect(step.ok ? '' : step.rejection.reason).toContain('Còn 1 học viên ở trạng thái Đủ điều kiện dự thi (exam-eligible): A');
  });

  it('resumes a postponed class in the state it was postponed from', () => {
    const lc = defaultClassLifecycle({ minClassSize: 1 });
    for (const upTo of ['approved', 'recruiting', 'screening', 'convened'] as const) {
      const events = happyPath(['A']);
      let run = lc.start();
      for (const e of events) {
        if (run.snapshot.value === upTo) break;
        run = sendAll(lc, run, [e]);
      }
      run = sendAll(lc, run, [{ type: 'POSTPONE', at: '2024-05-10', reason: 'thiếu giảng viên' }]);
      expect(ctxOf(run).postponedFrom).toBe(upTo);
      run = sendAll(lc, run, [{ type: 'RESUME', at: '2024-06-01' }]);
      expect(run.snapshot.value).toBe(upTo);
      expect(ctxOf(run).postponedFrom).toBeNull();
    }
  });

  it('withdraws every learner not yet studying when the class is cancelled', () => {
    const lc = defaultClassLifecycle({ minClassSize: 1 });
    const run = sendAll(lc, lc.start(), [...happyPath(['A', 'X'], { X: notPartyProfile('X') }).slice(0, -2), { type: 'CANCEL', at: '2024-05-01', reason: 'thiếu kinh phí' }]);
    expect(run.snapshot.value).toBe('cancelled');
    expect(learnerStates(run)).toEqual({ A: 'withdrawn', X: 'rejected' });
    expect(ctxOf(run).learners[0]!.context.note).toBe('Lớp bị hủy / class cancelled');
  });

  it('passes a learner event on with the learner lifecycle’s own reason when the learner cannot take it', () => {
    const lc = defaultClassLifecycle({ minClassSize: 1 });
    const run = sendAll(lc, lc.start(), [...happyPath(['A']), { type: 'SUSPEND', at: '2024-06-01', learnerId: 'A', reason: 'ốm' }]);
    const step = lc.send(run, { type: 'RECORD_ATTENDANCE', at: '2024-06-02', learnerId: 'A', percent: 90 });
    expect(step.ok).toBe(false);
    expect(step.ok ? '' : step.rejection.reason).toBe(
      'RECORD_ATTENDANCE bị từ chối: Học viên A: RECORD_ATTENDANCE không được phép ở trạng thái Bảo lưu (suspended); được phép: RESUME_STUDY, WITHDRAW. RECORD_ATTENDANCE chỉ dùng ở: studying.');
  });

  it('refuses events dated before the last accepted one, unknown fields, bad payload types and unknown event types', () => {
    const lc = defaultClassLifecycle();
    const run = sendAll(lc, lc.start(), [{ type: 'APPROVE', at: '2024-02-21', level: 'intermediate', mode: 'full-time' }]);
    const cases: Array<[unknown, string]> = [
      [{ type: 'OPEN_RECRUITMENT', at: '2024-02-20' }, 'lifecycle/out-of-order'],
      [{ type: 'OPEN_RECRUITMENT', at: '21/02/2024' }, 'lifecycle/bad-date'],
      [{ type: 'OPEN_RECRUITMENT', at: '2024-02-30' }, 'lifecycle/bad-date'],
      [{ type: 'OPEN_RECRUITMENT', at: '2024-03-01', when: 'now' }, 'lifecycle/bad-payload'],
      [{ type: 'OPEN_RECRUTMENT', at: '2024-03-01' }, 'lifecycle/unknown-event'],
      [{ type: 'APPROVE', at: '2024-03-01', level: 'intermediate', mode: 'evening' }, 'lifecycle/bad-payload'],
      ['APPROVE', 'lifecycle/bad-payload'],
    ];
    for (const [event, code] of cases) {
      const step = lc.send(run, event);
      expect(step.ok ? 'accepted' : step.rejection.code, JSON.stringify(event)).toBe(code);
      expect(step.run).toBe(run);
    }
    const typo = lc.send(run, { type: 'OPEN_RECRUTMENT', at: '2024-03-01' });
    expect(typo.ok ? '' : typo.rejection.reason).toContain('Có phải "OPEN_RECRUITMENT"?');
  });

  it('refuses a nomination whose profile is not a valid cadre profile, naming the field', () => {
    const lc = defaultClassLifecycle();
    const run = sendAll(lc, lc.start(), happyPath([]).slice(0, 2));
    const step = lc.send(run, { type: 'NOMINATE', at: '2024-03-05', learnerId: 'A', profile: { ...eligibleProfile('A'), birthDate: '1985-02-30' } });
    expect(step.ok ? '' : step.rejection.reason).toMatch(/NOMINATE: trường "profile" không phải hồ sơ cán bộ hợp lệ: birthDate:/);
  });

  it('refuses a nomination on impossible data with the row check of llct check, so no verdict is made on it', () => {
    const lc = defaultClassLifecycle();
    const run = sendAll(lc, lc.start(), happyPath([]).slice(0, 2));
    const cases: Array<[Record<string, unknown>, string, string, RegExp]> = [
      [{ birthDate: '2030-01-01' }, '2024-03-05', 'cadre/born-after-nomination', /field "birthDate": born on 01\/01\/2030, after the nomination date 05\/03\/2024/],
      [{ birthDate: '1940-01-01' }, '2024-03-05', 'cadre/implausible-age', /field "birthDate": 84 years old/],
      [{ party: { status: 'full', joinedOn: '2010-05-01', fullOn: '2009-05-01' } }, '2024-03-05', 'cadre/dates-out-of-order', /field "party.fullOn"/],
      [{ ratings: [{ year: 2025, rating: 'good' }] }, '2024-03-05', 'cadre/rating-after-nomination', /field "ratings": a rating for 2025/],
      [{ ratings: [{ year: 2023, rating: 'good' }, { year: 2023, rating: 'not-completed' }] }, '2024-03-05', 'cadre/duplicate-rating-year', /2023 is rated twice/],
    ];
    for (const [extra, at, code, reason] of cases) {
      const step = lc.send(run, { type: 'NOMINATE', at, learnerId: 'A', profile: { ...eligibleProfile('A'), ...extra } });
      expect(step.ok).toBe(false);
      if (step.ok) continue;
      expect(step.rejection.code).toBe(code);
      expect(step.rejection.reasonEn).toMatch(/^NOMINATE refused: The profile of A cannot be judged: /);
      expect(step.rejection.reasonEn).toMatch(reason);
      expect(step.rejection.reason).toMatch(/^NOMINATE bị từ chối: Hồ sơ của A không dùng được để xét: /);
    }
  });

  it('judges the profile on the nomination date the event gives (nominatedOn), not the date it was recorded', () => {
    const lc = defaultClassLifecycle();
    const run = sendAll(lc, lc.start(), happyPath([]).slice(0, 2));
    const profile = { ...eligibleProfile('A'), ratings: [{ year: 2024, rating: 'good' }] };
    const early = lc.send(run, { type: 'NOMINATE', at: '2024-03-05', nominatedOn: '2023-12-01', learnerId: 'A', profile });
    expect(early.ok ? '' : early.rejection.code).toBe('cadre/rating-after-nomination');
    expect(lc.send(run, { type: 'NOMINATE', at: '2024-03-05', learnerId: 'A', profile }).ok).toBe(true);
  });

  it('records the history entry with the learners an event moved', () => {
    const lc = defaultClassLifecycle({ minClassSize: 1 });
    const run = sendAll(lc, lc.start(), happyPath(['A', 'B']).slice(0, -1));
    const step = lc.send(run, { type: 'OPEN', at: '2024-05-16' });
    expect(step.ok && step.entry).toEqual({
      event: 'OPEN', from: 'convened', to: 'in-session', at: '2024-05-16',
      learners: [{ id: 'A', from: 'admitted', to: 'studying' }, { id: 'B', from: 'admitted', to: 'studying' }],
    });
  });
});

describe('combined guards in a lifecycle document', () => {
  it('decide in the XState machine exactly as their explanation says (and / or / not)', () => {
    const base = defaultClassLifecycle().lifecycle;
    const doc = structuredClone(base);
    doc.states.recruiting!.on.CLOSE_RECRUITMENT![0]!.guard = {
      and: [
        { not: { type: 'learnerCount', params: { states: ['nominated'], max: 0 } } },
        { or: [{ type: 'learnerCount', params: { states: ['nominated'], min: 3 } }, { type: 'learnerCount', params: { states: ['nominated'], max: 1 } }] },
      ],
    };
    const lc = createClassLifecycle({ lifecycle: doc, learnerLifecycle: defaultClassLifecycle().learnerLifecycle, checkEligibility });
    const upTo = (n: number) => sendAll(lc, lc.start(), happyPath(ids(n)).slice(0, 2 + n));
    const close = { type: 'CLOSE_RECRUITMENT', at: '2024-04-10' };
    const outcomes = [0, 1, 2, 3].map((n) => {
      const run = upTo(n);
      const step = lc.send(run, close);
      expect(run.snapshot.can(close)).toBe(step.ok);
      return step.ok ? 'closed' : step.rejection.reasonEn;
    });
    expect(outcomes).toEqual([
      'CLOSE_RECRUITMENT refused: Negated condition does not hold: 0 learner(s) in state Nominated (nominated).',
      'closed',
      'CLOSE_RECRUITMENT refused: 2 learner(s) in state Nominated (nominated); at least 3 needed. Or: 2 learner(s) in state Nominated (nominated); at most 1.',
      'closed',
    ]);
  });
});
