import { describe, expect, it } from 'vitest';
import { builtinLifecycles } from '../../engine/lifecycle/builtinLifecycles.ts';
import { createLifecycleRegistry } from '../../engine/lifecycle/createLifecycleRegistry.ts';
import type { ClassContext } from '../../engine/lifecycle/context.ts';
import { createClassLifecycle } from '../../engine/lifecycle/createClassLifecycle.ts';
import { checkEligibility, consistencyProblems, defaultClassLifecycle, happyPath, sendAll } from './lifecycleTestKit.ts';

const { classLifecycle, learnerLifecycle } = builtinLifecycles();

describe('the shipped lifecycle documents', () => {
  it('use the class state and event ids of the interchange contract, graduated and cancelled being final', () => {
    const states = ['planned', 'approved', 'recruiting', 'screening', 'convened', 'in-session', 'examinations', 'graduation-review', 'graduated', 'postponed', 'cancelled'];
    const events = ['APPROVE', 'OPEN_RECRUITMENT', 'CLOSE_RECRUITMENT', 'CONVENE', 'OPEN', 'START_EXAMS', 'FINISH_EXAMS', 'GRADUATE', 'POSTPONE', 'RESUME', 'CANCEL'];
    expect(Object.keys(classLifecycle.states)).toEqual(expect.arrayContaining(states));
    expect(Object.keys(classLifecycle.events)).toEqual(expect.arrayContaining(events));
    expect(classLifecycle.initial).toBe('planned');
    expect(Object.entries(classLifecycle.states).filter(([, s]) => s.final).map(([id]) => id)).toEqual(['graduated', 'cancelled']);
    expect(classLifecycle.learnerLifecycle).toBe(learnerLifecycle.id);
  });

  it('give the learner the steps of the issue: screening, admission or rejection, study, suspension, exams, re-sit, graduation, diploma', () => {
    expect(Object.keys(learnerLifecycle.states)).toEqual([
      'nominated', 'screening', 'admitted', 'rejected', 'studying', 'suspended', 'withdrawn', 'exam-eligible', 'not-exam-eligible', 're-sit',
      'graduated', 'failed', 'diploma-issued',
    ]);
    expect(learnerLifecycle.states.screening!.on.SCREEN![0]!.guard).toEqual({ type: 'eligible' });
  });

  it('cite the figures regulation.md reports and mark the others assumed with a note', () => {
    const p = classLifecycle.parameters;
    expect(p.minClassSize).toMatchObject({ value: 30, confidence: 'assumed' });
    expect(p.minClassSize!.source).toContain('45–70');
    expect(p.maxClassSize!.value).toMatchObject({ intermediate: { 'full-time': 70 }, advanced: { 'full-time': 50, 'part-time': 90 } });
    expect(p.maxClassSize!.source).toMatch(/≈ 70/);
    expect(p.programmeMonths!.value).toEqual({
      elementary: { 'full-time': 1, 'part-time': 1 }, intermediate: { 'full-time': 6, 'part-time': 8 }, advanced: { 'full-time': 8, 'part-time': 24 },
    });
    expect(p.programmeMonths).toMatchObject({ confidence: 'reported', assumedCells: ['elementary/part-time'] });
    for (const [name, q] of Object.entries(learnerLifecycle.parameters)) expect([name, q.confidence]).toEqual([name, 'assumed']);
    expect(learnerLifecycle.parameters).toMatchObject({ attendanceThreshold: { value: 80, unit: 'percent' }, examPassMark: { value: 5 }, resitAllowance: { value: 1 } });
  });

  it('become XState machines with the same states, built from names in a registry whose entries all say what they do in both languages', () => {
    const lc = defaultClassLifecycle();
    expect(lc.runtime.machine.id).toBe('class-default');
    expect(Object.keys(lc.runtime.machine.root.states)).toEqual(Object.keys(classLifecycle.states));
    const registry = createLifecycleRegistry();
    for (const table of [registry.class.guards, registry.class.actions, registry.learner.guards, registry.learner.actions]) {
      for (const [name, spec] of Object.entries(table)) {
        expect([name, spec.label.vi.length > 0, spec.label.en.length > 0, spec.description.vi.length > 20, spec.description.en.length > 20]).toEqual([name, true, true, true, true]);
      }
    }
  });

  it('keep the class consistent only because of their guards: without the GRADUATE guard the consistency check catches a learner left waiting for a re-sit', () => {
    const unguarded = structuredClone(classLifecycle);
    delete unguarded.states['graduation-review']!.on.GRADUATE![0]!.guard;
    const lc = createClassLifecycle({
      lifecycle: { ...unguarded, parameters: { ...unguarded.parameters, minClassSize: { ...unguarded.parameters.minClassSize!, value: 1 } } },
      learnerLifecycle, checkEligibility,
    });
    const run = sendAll(lc, lc.start(), [
      ...happyPath(['A']),
      { type: 'RECORD_ATTENDANCE', at: '2024-11-01', learnerId: 'A', percent: 95 },
      { type: 'START_EXAMS', at: '2024-11-18' },
      { type: 'RECORD_EXAM', at: '2024-11-20', learnerId: 'A', scores: [4, 7, 7] },
      { type: 'FINISH_EXAMS', at: '2024-11-29' },
      { type: 'GRADUATE', at: '2024-12-20' },
    ]);
    expect(consistencyProblems(lc, String(run.snapshot.value), run.snapshot.context as ClassContext)).toEqual(['A (re-sit) in class graduated: still in progress after graduation']);
  });
});
