import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LIFECYCLE_KIND, type Lifecycle, type LifecycleInput } from '../../engine/documents/lifecycle.ts';
import { loadDocument } from '../../engine/documents/loadDocument.ts';
import { builtinLifecycles, BUILTIN_LIFECYCLE_JSON } from '../../engine/lifecycle/builtinLifecycles.ts';
import { createLifecycleRegistry } from '../../engine/lifecycle/createLifecycleRegistry.ts';
import { loadLifecycle } from '../../engine/lifecycle/loadLifecycle.ts';
import { validateLifecycle } from '../../engine/lifecycle/validateLifecycle.ts';
import { hasVietnameseProse } from '../vietnameseLetters.ts';

const registry = createLifecycleRegistry();
const { classLifecycle, learnerLifecycle } = builtinLifecycles();
const classJson = () => structuredClone(BUILTIN_LIFECYCLE_JSON['class-default']) as LifecycleInput & Record<string, never>;

function diagnose(raw: unknown) {
  const loaded = loadDocument(LIFECYCLE_KIND, raw);
  if (!loaded.ok) throw new Error(loaded.diagnostics.map((d) => `${d.path}: ${d.message}`).join('; '));
  return validateLifecycle(loaded.value, { registry, learnerLifecycle });
}
const codes = (raw: unknown) => diagnose(raw).filter((d) => d.severity !== 'info').map((d) => `${d.severity} ${d.code} ${d.path}`);

describe('lifecycle diagnostics', () => {
  it('find no error in the shipped lifecycles, only warnings for the assumed parameters', () => {
    const all = [...validateLifecycle(classLifecycle, { registry, learnerLifecycle }), ...validateLifecycle(learnerLifecycle, { registry })];
    expect(all.filter((d) => d.severity !== 'warning')).toEqual([]);
    expect(new Set(all.map((d) => d.code))).toEqual(new Set(['lifecycle/assumed-parameter']));
    expect(all.map((d) => d.path).sort()).toEqual([
      'parameters.attendanceThreshold', 'parameters.examPassMark', 'parameters.goodFrom', 'parameters.maxClassSize',
      'parameters.minClassSize', 'parameters.programmeMonths', 'parameters.resitAllowance', 'parameters.veryGoodFrom',
    ]);
  });

  it('report every planted fault of the broken sample file with its path, a "did you mean" where one fits, and a hint', () => {
    const raw = JSON.parse(readFileSync(new URL('../../fixtures/lifecycle/broken-class.lifecycle.json', import.meta.url), 'utf8'));
    const found = diagnose(raw);
    expect(codes(raw)).toEqual([
      'error lifecycle/unknown-action states.planned.on.APPROVE[0].actions[1].type',
      'error lifecycle/payload-not-declared events.NOMINATE.payload',
      'error lifecycle/unknown-guard states.recruiting.on.CONVENE[0].guard.and[0].type',
      'error lifecycle/unknown-state-ref states.recruiting.on.CONVENE[0].guard.and[1].params.states[0]',
      'error lifecycle/unknown-parameter states.recruiting.on.CONVENE[0].guard.and[1].params.max.param',
      'error lifecycle/dangling-target states.recruiting.on.CANCEL[0].target',
      'error lifecycle/unguarded-overlap states.convened.on.OPEN[1]',
      'error lifecycle/unknown-guard states.in-session.on.GRADUATE[0].guard.type',
      'error lifecycle/final-has-transitions states.cancelled.on',
      'warning lifecycle/unreachable-state states.archived',
      'error lifecycle/no-path-to-final states.limbo',
      'error lifecycle/parameter-out-of-range parameters.minClassSize.value',
      'warning lifecycle/assumed-parameter parameters.minClassSize',
    ]);
    const message = (code: string, at = 0) => found.filter((d) => d.code === code)[at]!;
    expect(message('lifecycle/unknown-action').message).toContain('Có phải "stampDate"?');
    expect(message('lifecycle/unknown-guard').messageEn).toContain('Did you mean "learnerCount"?');
    expect(message('lifecycle/unknown-guard', 1).hint).toBe('"eligible" chỉ dùng được trong quy trình học viên.');
    expect(message('lifecycle/unknown-guard', 1).hintEn).toBe('"eligible" can only be used in learner lifecycles.');
    expect(message('lifecycle/unknown-parameter').hintEn).toBe('Declare the parameter under "parameters", or correct the name.');
    expect(message('lifecycle/parameter-out-of-range').hintEn).toBe('Choose a value from 1 to 1000.');
    const hinted = found.filter((d) => d.hint !== undefined);
    expect(hinted.map((d) => d.code)).toEqual([
      'lifecycle/unknown-action', 'lifecycle/unknown-guard', 'lifecycle/unknown-parameter', 'lifecycle/unguarded-overlap', 'lifecycle/unknown-guard',
      'lifecycle/final-has-transitions', 'lifecycle/unreachable-state', 'lifecycle/no-path-to-final', 'lifecycle/parameter-out-of-range',
    ]);
    for (const d of hinted) expect(hasVietnameseProse(d.hintEn ?? 'missing: chưa có'), `${d.code}: ${d.hintEn}`).toBe(false);
    expect(message('lifecycle/dangling-target').message).toBe('Đích "canceled" không phải một trạng thái. Có phải "cancelled"?');
    expect(message('lifecycle/unknown-state-ref').message).toContain('Có phải "admitted"?');
    expect(message('lifecycle/parameter-out-of-range').messageEn).toBe(
      'Parameter "minClassSize" = 0 is outside the allowed range [1, 1000], whole numbers (learners).');
    expect(found.filter((d) => d.severity === 'error').every((d) => d.message && d.messageEn && d.path)).toBe(true);
  });

  it('refuse a minimum class size above the maximum for some level and mode', () => {
    const raw = classJson();
    (raw.parameters as Record<string, { value: unknown }>).minClassSize!.value = 60;
    const found = diagnose(raw).filter((d) => d.code === 'lifecycle/parameter-inconsistent');
    expect(found.map((d) => d.messageEn)).toEqual(['"minClassSize" (60) is greater than "maxClassSize" (50) for advanced/full-time.']);
  });

  it('warn about a transition hidden behind an unguarded one, and about a table parameter with a missing cell', () => {
    const raw = classJson();
    const states = raw.states as Record<string, { on: Record<string, unknown[]> }>;
    states.approved!.on.OPEN_RECRUITMENT!.push({ target: 'cancelled', guard: { type: 'learnerCount', params: { states: ['admitted'], min: 1 } } });
    delete (raw.parameters as Record<string, { value: Record<string, Record<string, number>> }>).programmeMonths!.value.advanced!['part-time'];
    expect(codes(raw).filter((c) => !c.includes('assumed'))).toEqual([
      'warning lifecycle/shadowed-transition states.approved.on.OPEN_RECRUITMENT[1]',
      'warning lifecycle/parameter-missing-cell parameters.programmeMonths.value',
    ]);
  });

  it('check guard parameters against the guard’s schema and the units of referenced parameters', () => {
    const raw = classJson();
    const states = raw.states as Record<string, { on: Record<string, Array<Record<string, unknown>>> }>;
    states.recruiting!.on.CLOSE_RECRUITMENT![0]!.guard = { type: 'learnerCount', params: { states: ['nominated'] } };
    states['in-session']!.on.START_EXAMS![0]!.guard = { type: 'monthsSince', params: { since: 'opened', months: { param: 'minClassSize' } } };
    const found = diagnose(raw).filter((d) => d.code === 'lifecycle/bad-params' || d.code === 'lifecycle/parameter-unit-mismatch');
    expect(found.map((d) => `${d.severity} ${d.code} ${d.path}`)).toEqual([
      'error lifecycle/bad-params states.recruiting.on.CLOSE_RECRUITMENT[0].guard.params',
      'warning lifecycle/parameter-unit-mismatch states.in-session.on.START_EXAMS[0].guard.params.months.param',
    ]);
    expect(found[0]!.message).toContain('cần min hoặc max');
    expect(found[0]!.messageEn).toContain('needs min or max');
    expect(hasVietnameseProse(found[0]!.messageEn)).toBe(false);
  });

  it('check what the class sends to its learners against the learner lifecycle', () => {
    const raw = classJson();
    const states = raw.states as Record<string, { on: Record<string, Array<Record<string, unknown>>> }>;
    states.convened!.on.OPEN![0]!.actions = [{ type: 'broadcastToLearners', params: { event: 'START_STUDYING' } }];
    states.screening!.on.CONVENE![0]!.actions = [{ type: 'forwardToLearner' }];
    const found = codes(raw).filter((c) => !c.includes('assumed'));
    expect(found).toEqual([
      'error lifecycle/payload-not-declared events.CONVENE.payload',
      'error lifecycle/unknown-learner-event states.screening.on.CONVENE[0].actions',
      'error lifecycle/unknown-learner-event states.convened.on.OPEN[0].actions[0].params.event',
    ]);
  });

  it('require events used in states to be declared, and a learner lifecycle with the id the class names', () => {
    const raw = classJson();
    delete (raw.events as Record<string, unknown>).RESUME;
    const loaded = loadDocument(LIFECYCLE_KIND, raw);
    if (!loaded.ok) throw new Error('schema');
    const other: Lifecycle = { ...learnerLifecycle, id: 'learner-other' };
    const found = validateLifecycle(loaded.value, { registry, learnerLifecycle: other }).filter((d) => d.severity === 'error');
    expect(found.map((d) => `${d.code} ${d.path}`)).toEqual([
      'lifecycle/learner-lifecycle-mismatch learnerLifecycle',
      'lifecycle/unknown-event states.postponed.on.RESUME',
    ]);
  });

  it('load through parse → migrate → validate: schema errors and newer versions are refused with a path', () => {
    const newer = loadLifecycle({ ...classJson(), version: 2 }, { registry, learnerLifecycle });
    expect(newer.ok ? [] : newer.diagnostics.map((d) => d.code)).toEqual(['document/newer-version']);
    const wrongKind = loadLifecycle({ ...classJson(), schema: 'llct/ruleset' }, { registry, learnerLifecycle });
    expect(wrongKind.ok ? [] : wrongKind.diagnostics.map((d) => d.code)).toEqual(['document/wrong-kind']);
    const raw = classJson();
    (raw.states as Record<string, Record<string, unknown>>).planned!.on = { approve: [] };
    const bad = loadLifecycle(raw, { registry, learnerLifecycle });
    expect(bad.ok ? [] : bad.diagnostics.map((d) => `${d.code} ${d.path}`)).toEqual(['document/schema states.planned.on.approve']);
    const ok = loadLifecycle(classJson(), { registry, learnerLifecycle });
    expect(ok.ok && ok.value.id).toBe('class-default');
  });
});
