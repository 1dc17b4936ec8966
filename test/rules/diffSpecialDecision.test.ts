/**
 * The cohort diff when a nomination records a special decision (trường hợp đặc biệt). regulation.md, "350 point by
 * point": 350-QĐ/TW lets the competent level decide special cases of trung cấp's part-time age (women ≥ 28, men ≥ 30);
 * 57-QĐ/TW has no such clause (women ≥ 33, men ≥ 35), so its ruleset has no waivable rule. The cadres: a woman born
 * 05/05/1998, full Party member, university, deputy head of division in Nghệ An, rated good in 2023 and 2024, nominated
 * for part-time trung cấp on 01/10/2025 — 27 years old, too young under both regulations.
 */
import { describe, expect, it } from 'vitest';
import { builtinDocuments } from '../../engine/builtin.ts';
import type { CadreProfile, Nomination, SpecialDecision } from '../../engine/documents/cadre.ts';
import { CadreProfile as CadreProfileSchema } from '../../engine/documents/cadre.ts';
import { createReferenceEvaluator } from '../../engine/rules/createReferenceEvaluator.ts';
import { createCohortDiff } from '../../engine/rules/diff/createCohortDiff.ts';
import { createDiffSide, type DiffSideSpec } from '../../engine/rules/diff/createDiffSide.ts';
import type { CadreDiff, SideResult } from '../../engine/rules/diff/diffVerdicts.ts';
import { isChanged, mainReason, reasonText } from '../../engine/rules/diff/mainReason.ts';

const profile = (over: Partial<CadreProfile> & { id: string }): CadreProfile => CadreProfileSchema.parse({
  sex: 'female', birthDate: '1998-05-05', education: 'university', party: { status: 'full' }, politicalTheory: 'elementary',
  workplace: { tier: 'province', province: 'Nghệ An', sector: 'state', agency: 'Sở Nội vụ tỉnh Nghệ An' },
  position: 'deputy-head-of-division', ratings: [{ year: 2023, rating: 'good' }, { year: 2024, rating: 'good' }], ...over,
});
const decision: SpecialDecision = { waives: 'tc350-part-time-age', decidedBy: 'Ban Thường vụ Tỉnh ủy Nghệ An', number: '1234-QĐ/TU', on: '2025-09-20' };
const plain: Nomination = { level: 'intermediate', mode: 'part-time', on: '2025-10-01' };
const decided: Nomination = { ...plain, specialDecision: decision };

const young = profile({ id: 'SD-27' });

function cohort(a: DiffSideSpec, b: DiffSideSpec) {
  const sa = createDiffSide(a, builtinDocuments(), plain.on);
  const sb = createDiffSide(b, builtinDocuments(), plain.on);
  if (!sa.ok || !sb.ok) throw new Error('the shipped sides must build');
  return createCohortDiff({ a: sa.side, b: sb.side });
}
const ok = (s: SideResult) => { if (!s.ok) throw new Error(`side refused: ${s.diagnostics[0]?.code}`); return s; };

describe('a special decision under 350-QĐ/TW compared against 57-QĐ/TW', () => {
  it('gains under 350 by the decision alone; 57 judges her without it and says why', () => {
    const d = cohort({ ruleset: '57-qd-tw' }, { ruleset: '350-qd-tw' }).add(young, decided);
    expect(d.change).toBe('gained');
    expect(d.byDecision).toBe('b');
    const a = ok(d.a);
    const b = ok(d.b);
    expect(a.eligible).toBe(false);
    expect(a.failures.map((f) => f.rule)).toEqual(['tc-part-time-age']);
    expect(a.specialDecision).toMatchObject({ ...decision, use: 'not-applicable', reason: { code: 'nomination/special-decision-unknown-rule' } });
    expect(a.specialDecision!.reason!.text.vi).toBe('57-QĐ/TW không có quy tắc nào được miễn bằng quyết định đặc biệt');
    expect(b.eligible).toBe(true);
    expect(b.failures).toEqual([]);
    expect(b.specialDecision).toMatchObject({ ...decision, use: 'applied', rule: { citation: '350-QĐ/TW Điều 5 khoản 2 (số điều giả định)' } });
    const text = reasonText(mainReason(d), 'vi');
    expect(text).toContain('đủ điều kiện theo 350-QĐ/TW (bên B) nhờ quyết định đặc biệt số 1234-QĐ/TU ngày 20/09/2025 của Ban Thường vụ Tỉnh ủy Nghệ An');
    expect(text).toContain('chưa đủ điều kiện theo 57-QĐ/TW (bên A): 57-QĐ/TW không có quy tắc nào được miễn bằng quyết định đặc biệt');
    expect(text).toContain('Bên A còn vướng: 27 tuổi (nữ)');
    expect(reasonText(mainReason(d), 'en')).toContain('eligible under 350-QĐ/TW (side B) by special decision no. 1234-QĐ/TU of 20/09/2025');
  });

  it('loses under 57 by the decision alone when the sides are the other way round', () => {
    const d = cohort({ ruleset: '350-qd-tw' }, { ruleset: '57-qd-tw' }).add(young, decided);
    expect(d.change).toBe('lost');
    expect(d.byDecision).toBe('a');
    expect(ok(d.a).specialDecision?.use).toBe('applied');
    expect(ok(d.b).specialDecision?.use).toBe('not-applicable');
  });

  it('follows the regulation in force: on 01/10/2025 that is 350, so 57 applied hypothetically loses her', () => {
    const d = cohort({}, { ruleset: '57-qd-tw' }).add(young, decided);
    expect([d.change, d.byDecision, ok(d.a).regulation]).toEqual(['lost', 'a', '350-QĐ/TW']);
  });

  it('waives nothing without the record: both sides not eligible, no decision shown', () => {
    const d = cohort({ ruleset: '57-qd-tw' }, { ruleset: '350-qd-tw' }).add(young, plain);
    expect(d.change).toBe('still-ineligible');
    expect(d.byDecision).toBeUndefined();
    expect(ok(d.a).specialDecision).toBeUndefined();
    expect(ok(d.b).failures.map((f) => f.rule)).toEqual(['tc350-part-time-age']);
  });

  it('a woman of 29 needs no decision under 350 (28 is enough): the gain is the new age, not the decision', () => {
    const older = profile({ id: 'SD-29', birthDate: '1996-05-05' });
    const diff = cohort({ ruleset: '57-qd-tw' }, { ruleset: '350-qd-tw' });
    const d = diff.add(older, decided);
    expect(d.change).toBe('gained');
    expect(d.byDecision).toBeUndefined();
    expect(ok(d.b).specialDecision?.use).toBe('not-needed');
    expect(ok(d.a).specialDecision?.use).toBe('not-applicable');
    expect(reasonText(mainReason(d), 'vi')).toMatch(/^Hết vướng: 29 tuổi \(nữ\).*Quyết định đặc biệt: bên A: quyết định đặc biệt số 1234-QĐ\/TU .* không áp dụng được/);
    expect(Object.keys(diff.summary().byRule.gained)).toEqual(['tc-part-time-age']);
  });

  it('the decision waives only its rule: a non-member stays not eligible on both sides, for other reasons', () => {
    const d = cohort({ ruleset: '57-qd-tw' }, { ruleset: '350-qd-tw' }).add(profile({ id: 'SD-NM', party: { status: 'none' } }), decided);
    expect(d.change).toBe('still-ineligible');
    expect(d.byDecision).toBeUndefined();
    expect(ok(d.a).failures.map((f) => f.rule).sort()).toEqual(['tc-part-time-age', 'tc-party-member']);
    expect(ok(d.b).failures.map((f) => f.rule)).toEqual(['tc350-party-member']);
    expect(ok(d.b).specialDecision?.use).toBe('applied');
    expect(d.reasonsChanged).toBe(true);
    expect(reasonText(mainReason(d), 'vi')).toContain('bên B: miễn quy tắc tc350-part-time-age (350-QĐ/TW Điều 5 khoản 2 (số điều giả định)) theo quyết định đặc biệt số 1234-QĐ/TU');
  });

  it('a decision neither side may use is the row’s fault: not comparable, as llct check refuses it', () => {
    // tc350-not-held is an inference outside the standards list the special-case clause closes: not waivable.
    const wrong: Nomination = { ...plain, specialDecision: { ...decision, waives: 'tc350-not-held' } };
    const d = cohort({ ruleset: '57-qd-tw' }, { ruleset: '350-qd-tw' }).add(young, wrong);
    expect(d.change).toBe('invalid');
    expect(d.a.ok ? [] : d.a.diagnostics.map((x) => x.code)).toEqual(['nomination/special-decision-unknown-rule']);
    expect(d.b.ok ? [] : d.b.diagnostics.map((x) => x.code)).toEqual(['nomination/special-decision-not-waivable']);
    expect(isChanged(d)).toBe(true);
  });

  it('side B nominated before the decision was taken cannot use it: judged without it, with the reason', () => {
    const d = cohort({ ruleset: '350-qd-tw' }, { ruleset: '350-qd-tw', on: '2025-09-01' }).add(young, decided);
    expect(d.change).toBe('lost');
    expect(d.byDecision).toBe('a');
    const b = ok(d.b);
    expect(b.specialDecision).toMatchObject({ use: 'not-applicable', reason: { code: 'nomination/special-decision-after-nomination' } });
    expect(b.specialDecision!.reason!.text.vi).toContain('Quyết định đặc biệt ngày 20/09/2025 sau ngày cử đi học 01/09/2025');
  });

  it('the same decision used on both sides: still eligible on both, by decision on both, not listed', () => {
    const d = cohort({ ruleset: '350-qd-tw' }, { ruleset: '350-qd-tw', on: '2025-11-01' }).add(young, decided);
    expect(d.change).toBe('still-eligible');
    expect([ok(d.a).specialDecision?.use, ok(d.b).specialDecision?.use]).toEqual(['applied', 'applied']);
    expect(isChanged(d)).toBe(false);
  });

  it('counts decisions per side and the changes resting on them alone, outside the per-rule "why gained" tally', () => {
    const diff = cohort({ ruleset: '57-qd-tw' }, { ruleset: '350-qd-tw' });
    const rows: CadreDiff[] = [
      diff.add(young, decided),
      diff.add(profile({ id: 'SD-29', birthDate: '1996-05-05' }), decided),
      diff.add(profile({ id: 'SD-NM', party: { status: 'none' } }), decided),
      diff.add(profile({ id: 'SD-plain' }), plain),
    ];
    const s = diff.summary();
    expect(rows.map((d) => d.change)).toEqual(['gained', 'gained', 'still-ineligible', 'still-ineligible']);
    expect(s.specialDecisions).toEqual({
      recorded: 3,
      a: { applied: 0, 'not-needed': 0, 'not-applicable': 3 },
      b: { applied: 2, 'not-needed': 1, 'not-applicable': 0 },
      gained: 1, lost: 0,
    });
    expect(s.byRule.gained['tc-part-time-age']?.count).toBe(1);
    expect(s.byRule.a['tc-part-time-age']?.count).toBe(4);
  });

  it('json-rules-engine (the reference) compares a decision row the same way', async () => {
    const ref = { evaluator: createReferenceEvaluator };
    const slow = cohort({ ruleset: '57-qd-tw', ...ref }, { ruleset: '350-qd-tw', ...ref });
    const fast = cohort({ ruleset: '57-qd-tw' }, { ruleset: '350-qd-tw' });
    expect(await slow.addAsync(young, decided)).toEqual(fast.add(young, decided));
  });
});
