import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CadreProfile } from '../../engine/documents/cadre.ts';
import type { ClassContext } from '../../engine/lifecycle/context.ts';
import { replayEvents } from '../../engine/lifecycle/replayEvents.ts';
import { checkEligibility, defaultClassLifecycle, referenceChecker } from './lifecycleTestKit.ts';

const read = (name: string) => JSON.parse(readFileSync(new URL(`../../fixtures/lifecycle/${name}`, import.meta.url), 'utf8')) as Array<Record<string, unknown>>;
const fullClass = read('class-full.events.json');
const rejectedRun = read('class-rejected.events.json');
const CLASS_PATH = ['planned', 'approved', 'recruiting', 'screening', 'convened', 'in-session', 'examinations', 'graduation-review', 'graduated'];

describe('the full-class fixture (Lê Hồng Phong, trung cấp tập trung, 2024)', () => {
  const lc = defaultClassLifecycle();
  const result = replayEvents(lc, fullClass);

  it('goes from planned to graduated through the contract states with every event accepted, in date order', () => {
    expect(result.state).toBe('graduated');
    expect(result.rejected).toEqual([]);
    expect(result.history).toHaveLength(fullClass.length);
    const moves = result.history.filter((h) => h.from !== h.to).map((h) => h.to);
    expect(['planned', ...moves]).toEqual(CLASS_PATH);
    const dates = result.history.map((h) => h.at);
    expect(dates).toEqual([...dates].sort());
    expect(result.history.find((h) => h.event === 'OPEN')!.at).toBe('2024-05-16');
  });

  it('ends with each learner where the events put them, rejected dossiers naming the failed rule', () => {
    const count = (state: string) => result.learners.filter((l) => l.state === state).length;
    expect(result.learners).toHaveLength(34);
    expect([count('diploma-issued'), count('rejected'), count('withdrawn'), count('suspended'), count('not-exam-eligible')]).toEqual([29, 2, 1, 1, 1]);
    expect(result.learners.filter((l) => l.state === 'rejected').map((l) => [l.id, l.failedRules])).toEqual([
      ['HN-0018', ['tc-party-member']], ['HN-0034', ['tc-not-held']],
    ]);
  });

  it('classifies each graduate from the average of the last sitting: ≥ 8 giỏi, ≥ 7 khá, else trung bình (all blocks ≥ 5)', () => {
    const lastScores = new Map<string, number[]>();
    for (const e of fullClass) if (e.type === 'RECORD_EXAM') lastScores.set(e.learnerId as string, e.scores as number[]);
    for (const l of result.learners.filter((x) => x.state === 'diploma-issued')) {
      const scores = lastScores.get(l.id)!;
      const avg = scores.reduce((a, b) => a + b, 0) / scores.length;
      expect(scores.every((s) => s >= 5)).toBe(true);
      expect(l.classification).toBe(avg >= 8 ? 'very-good' : avg >= 7 ? 'good' : 'average');
    }
    const kinds = new Set(result.learners.map((l) => l.classification).filter(Boolean));
    expect(kinds).toEqual(new Set(['very-good', 'good', 'average']));
  });

  it('screens with the synchronous evaluator exactly as the json-rules-engine reference would', async () => {
    const ctx = result.run.snapshot.context as ClassContext;
    for (const l of ctx.learners) {
      const profile = CadreProfile.parse(fullClass.find((e) => e.learnerId === l.context.id && e.type === 'NOMINATE')!.profile);
      const reference = await referenceChecker.check(profile, l.context.nomination);
      const sync = checkEligibility(profile, l.context.nomination);
      expect(sync).toEqual(reference);
      expect(l.context.verdict!.eligible).toBe(reference.ok && reference.verdict.eligible);
    }
  });

  it('is deterministic: replaying twice gives byte-identical output', () => {
    const again = replayEvents(defaultClassLifecycle(), fullClass);
    expect(JSON.stringify({ ...again, run: null })).toBe(JSON.stringify({ ...result, run: null }));
  });
});

describe('the rejected-events fixture (a part-time class that never reaches its minimum size)', () => {
  const result = replayEvents(defaultClassLifecycle(), rejectedRun);

  it('rejects each illegal event with a reason, leaves the state unchanged and goes on to the cancellation', () => {
    expect(result.state).toBe('cancelled');
    expect(result.rejected.map((r) => `${r.index} ${r.event} ${r.code}`)).toEqual([
      '0 OPEN_RECRUITMENT lifecycle/event-not-allowed',
      '1 APPROVE lifecycle/bad-payload',
      '18 NOMINATE lifecycle/bad-payload',
      '19 NOMINATE lifecycle/duplicate-learner',
      '21 CONVENE lifecycle/learners-pending',
      '36 SCREEN lifecycle/unknown-learner',
      '37 NOMINATE lifecycle/event-not-allowed',
      '38 CONVENE lifecycle/too-few-learners',
      '39 RECORD_ATTENDANCE lifecycle/out-of-order',
      '41 OPEN lifecycle/event-not-allowed',
      '44 APPROVE lifecycle/final-state',
    ]);
    expect(result.history).toHaveLength(rejectedRun.length - result.rejected.length);
    const convene = result.rejected.find((r) => r.code === 'lifecycle/too-few-learners')!;
    expect(convene.reason).toBe('CONVENE bị từ chối (Sĩ số học viên): Có 12 học viên ở trạng thái Trúng tuyển (admitted); cần tối thiểu 30 (minClassSize).');
    expect(result.rejected[2]!.reason).toContain('"learnerID" không có trong khai báo sự kiện. Có phải "learnerId"?');
  });

  it('screens out the two cadres too young for part-time study (57-QĐ/TW Điều 5 khoản 2) and withdraws the rest on cancellation', () => {
    expect(result.learners.filter((l) => l.state === 'rejected').map((l) => l.failedRules)).toEqual([['tc-part-time-age'], ['tc-part-time-age']]);
    expect(result.learners.filter((l) => l.state === 'withdrawn')).toHaveLength(12);
    const moves = result.history.filter((h) => h.from !== h.to).map((h) => `${h.from}→${h.to}`);
    expect(moves).toEqual(['planned→approved', 'approved→recruiting', 'recruiting→screening', 'screening→postponed', 'postponed→screening', 'screening→cancelled']);
  });
});
