/**
 * Guards judged against parameters and rules before any class runs (issue 11, point 3): a guard that can never
 * pass or always passes, and the states that then cannot be reached or left, for the levels and modes concerned.
 */
import { describe, expect, it } from 'vitest';
import { builtinDocuments } from '../../engine/builtin.ts';
import type { Lifecycle } from '../../engine/documents/lifecycle.ts';
import type { Ruleset } from '../../engine/documents/ruleset.ts';
import { analyseGuards } from '../../engine/lifecycle/analyseGuards.ts';
import { builtinLifecycles } from '../../engine/lifecycle/builtinLifecycles.ts';
import { withParameters } from './lifecycleTestKit.ts';

const { classLifecycle, learnerLifecycle } = builtinLifecycles();
const rulesets = builtinDocuments().rulesets;
const codes = (doc: Lifecycle, rs: readonly Ruleset[] = rulesets) => analyseGuards(doc, { rulesets: rs }).map((d) => `${d.severity} ${d.code} ${d.path}`);

describe('analyseGuards', () => {
  it('says of the shipped lifecycles and rulesets only that a sơ cấp learner is out of 350-QĐ/TW\'s scope from 29/08/2025', () => {
    expect(codes(classLifecycle)).toEqual([]);
    const learner = analyseGuards(learnerLifecycle, { rulesets });
    expect(learner.map((d) => `${d.severity} ${d.code} ${d.path}`)).toEqual(['warning lifecycle/guard-never-passes-sometimes states.screening.on.SCREEN[0].guard']);
    expect(learner[0]!.message).toBe('Điều kiện của SCREEN ở "screening" không thỏa khi sơ cấp không thuộc phạm vi 350-QĐ/TW (cử từ 29/08/2025): mọi người được cử đều chưa đủ điều kiện.');
    expect(learner[0]!.messageEn).toContain('elementary is outside the scope of 350-QĐ/TW (nominated from 29/08/2025)');
    // Without 350 (57 alone, which regulates sơ cấp), nothing.
    expect(codes(learnerLifecycle, rulesets.filter((r) => r.id === '57-qd-tw'))).toEqual([]);
  });

  it('a minimum class size above the maximum of one level and mode: that cell can never convene, nor graduate', () => {
    // maxClassSize is 50 for cao cấp tập trung and 70 or 90 elsewhere (class-default.json).
    const doc = withParameters(classLifecycle, { minClassSize: 60 });
    expect(codes(doc)).toEqual([
      'warning lifecycle/guard-never-passes states.screening.on.CONVENE[0].guard',
      'warning lifecycle/final-unreachable-by-guards states.graduated',
    ]);
    const d = analyseGuards(doc, { rulesets })[0]!;
    expect(d.message).toBe('Điều kiện của CONVENE ở "screening" không bao giờ thỏa với cao cấp tập trung: tối thiểu minClassSize = 60 lớn hơn tối đa maxClassSize = 50.');
    expect(d.messageEn).toContain('advanced full-time');
  });

  it('above every maximum: an error for every level and mode', () => {
    expect(codes(withParameters(classLifecycle, { minClassSize: 100 }))).toEqual([
      'error lifecycle/guard-never-passes states.screening.on.CONVENE[0].guard',
      'error lifecycle/final-unreachable-by-guards states.graduated',
    ]);
  });

  it('no re-sit allowed closes the re-sit loop; a pass mark above 10 leaves no way to graduate', () => {
    const r57 = rulesets.filter((r) => r.id === '57-qd-tw');
    expect(codes(withParameters(learnerLifecycle, { resitAllowance: 0 }), r57)).toEqual([
      'error lifecycle/guard-never-passes states.exam-eligible.on.RECORD_EXAM[1].guard',
      'error lifecycle/guard-never-passes states.re-sit.on.RECORD_EXAM[1].guard',
    ]);
    // graduated is not final (the diploma follows): the final state no learner reaches is diploma-issued.
    expect(codes(withParameters(learnerLifecycle, { examPassMark: 11 }), r57)).toEqual([
      'error lifecycle/guard-never-passes states.exam-eligible.on.RECORD_EXAM[0].guard',
      'error lifecycle/guard-never-passes states.re-sit.on.RECORD_EXAM[0].guard',
      'error lifecycle/final-unreachable-by-guards states.diploma-issued',
    ]);
  });

  it('a pass mark of 0 always passes: the guard decides nothing', () => {
    expect(codes(withParameters(learnerLifecycle, { examPassMark: 0 }))).toContain('warning lifecycle/guard-always-passes states.exam-eligible.on.RECORD_EXAM[0].guard');
  });

  it('a re-sit whose only ways out never pass is a loop with no exit', () => {
    const doc = structuredClone(withParameters(learnerLifecycle, { examPassMark: 11 }));
    doc.states['re-sit']!.on = { RECORD_EXAM: doc.states['re-sit']!.on.RECORD_EXAM!.filter((t) => t.target !== 'failed') };
    expect(codes(doc)).toContain('error lifecycle/no-exit-by-guards states.re-sit');
  });

  it('an eligible guard for a level no subject rule covers: never with one ruleset, a warning naming it with two', () => {
    const [r57, r350] = [rulesets.find((r) => r.id === '57-qd-tw')!, rulesets.find((r) => r.id === '350-qd-tw')!];
    // 350 as if it regulated sơ cấp (no `levels`) but without a sơ cấp subject rule.
    const { levels: _levels, ...regulation } = r350.regulation;
    const noElementary: Ruleset = { ...r350, regulation, rules: r350.rules.filter((r) => !(r.level === 'elementary' && r.kind === 'subject')) };
    const both = analyseGuards(learnerLifecycle, { rulesets: [r57, noElementary] });
    expect(both.map((d) => `${d.severity} ${d.code} ${d.path}`)).toEqual(['warning lifecycle/guard-never-passes-sometimes states.screening.on.SCREEN[0].guard']);
    expect(both[0]!.message).toBe('Điều kiện của SCREEN ở "screening" không thỏa khi không quy tắc đối tượng nào cho sơ cấp tập trung trong 350-QĐ/TW (cử từ 29/08/2025).');
    const only = codes(learnerLifecycle, [noElementary]);
    expect(only).toContain('warning lifecycle/guard-never-passes states.screening.on.SCREEN[0].guard');
    // Nobody admitted at sơ cấp: the finals after admission are out of reach there (rejected and withdrawn are not).
    expect(only).toContain('warning lifecycle/final-unreachable-by-guards states.diploma-issued');
    expect(only).not.toContain('warning lifecycle/final-unreachable-by-guards states.rejected');
  });
});
