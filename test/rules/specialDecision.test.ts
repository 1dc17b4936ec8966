/**
 * The recorded special decision (350-QĐ/TW, trung cấp standards: "trường hợp đặc biệt, cấp có thẩm quyền xem xét,
 * quyết định" — shared/domain/regulation.md, "350 point by point"): only with a record, only a rule the ruleset marks
 * waivable, and the verdict says "eligible by special decision". Expected ages come from the regulation (part-time
 * trung cấp under 350: women from 28).
 */
import { describe, expect, it } from 'vitest';
import { builtinDocuments, createBuiltinChecker } from '../../engine/builtin.ts';
import { CadreProfile, type CadreProfileInput, type Nomination, type SpecialDecision } from '../../engine/documents/cadre.ts';
import { loadDocument } from '../../engine/documents/loadDocument.ts';
import { RULESET_KIND } from '../../engine/documents/ruleset.ts';
import { readCadresFromText } from '../../engine/io/readCadres.ts';
import { createReferenceEvaluator } from '../../engine/rules/createReferenceEvaluator.ts';
import { describeSpecialDecision, verdictWords, waivableRules } from '../../engine/rules/specialDecision.ts';

const docs = builtinDocuments();
const rs350 = docs.rulesets.find((r) => r.id === '350-qd-tw')!;
const rs57 = docs.rulesets.find((r) => r.id === '57-qd-tw')!;
const compiled = createBuiltinChecker();
const reference = createBuiltinChecker({ evaluator: createReferenceEvaluator });

/** A woman of 27 on 01/10/2025: one year short of 350's part-time minimum of 28. */
const woman27: CadreProfileInput = {
  id: 'NA-SD-01', fullName: 'Nguyễn Thị Thảo', sex: 'female', birthDate: '1998-05-05', education: 'university',
  party: { status: 'full' }, politicalTheory: 'elementary',
  workplace: { tier: 'province', province: 'Nghệ An', sector: 'state', agency: 'Sở Nội vụ tỉnh Nghệ An' },
  position: 'deputy-head-of-division', ratings: [{ year: 2023, rating: 'good' }, { year: 2024, rating: 'excellent' }],
};
const decision: SpecialDecision = { waives: 'tc350-part-time-age', decidedBy: 'Ban Thường vụ Tỉnh ủy Nghệ An', number: '1234-QĐ/TU', on: '2025-09-20' };
const partTime: Nomination = { level: 'intermediate', mode: 'part-time', on: '2025-10-01' };

function check(p: Partial<CadreProfileInput>, n: Partial<Nomination>) {
  return compiled.checkSync(CadreProfile.parse({ ...woman27, ...p }), { ...partTime, ...n });
}

describe('a recorded special decision', () => {
  it('makes a 27-year-old woman eligible for part-time trung cấp by special decision, naming the waived rule', () => {
    const r = check({}, { specialDecision: decision });
    if (!r.ok) throw new Error(r.diagnostics[0]!.message);
    expect(r.verdict.eligible).toBe(true);
    expect(r.verdict.failures).toEqual([]);
    expect(r.verdict.specialDecision).toMatchObject({ ...decision, applied: true, citation: '350-QĐ/TW Điều 5 khoản 2 (số điều giả định)' });
    expect(r.verdict.specialDecision!.waived!.message).toContain('27 tuổi (nữ)');
    expect(verdictWords(r.verdict, 'vi')).toBe('Đủ điều kiện theo quyết định đặc biệt');
    expect(verdictWords(r.verdict, 'en')).toBe('Eligible by special decision');
    const text = describeSpecialDecision(r.verdict.specialDecision!, 'vi');
    expect(text).toContain('tc350-part-time-age');
    expect(text).toContain('Quyết định số 1234-QĐ/TU ngày 20/09/2025 của Ban Thường vụ Tỉnh ủy Nghệ An');
  });

  it('waives nothing without the record: the same cadre is not eligible', () => {
    const r = check({}, {});
    if (!r.ok) throw new Error('refused');
    expect(r.verdict.eligible).toBe(false);
    expect(r.verdict.failures.map((f) => f.rule)).toEqual(['tc350-part-time-age']);
    expect(r.verdict.specialDecision).toBeUndefined();
    expect(verdictWords(r.verdict, 'vi')).toBe('Chưa đủ điều kiện');
  });

  it('is recorded but not applied when the rule passes anyway, and the verdict is plainly eligible', () => {
    const r = check({ birthDate: '1980-05-10' }, { specialDecision: decision });
    if (!r.ok) throw new Error('refused');
    expect(r.verdict.eligible).toBe(true);
    expect(r.verdict.specialDecision).toMatchObject({ applied: false });
    expect(verdictWords(r.verdict, 'vi')).toBe('Đủ điều kiện');
    expect(describeSpecialDecision(r.verdict.specialDecision!, 'en')).toContain('not needed');
  });

  it('gives the same verdict through json-rules-engine', async () => {
    const r = await reference.check(CadreProfile.parse(woman27), { ...partTime, specialDecision: decision });
    if (!r.ok) throw new Error('refused');
    expect(r.verdict.eligible).toBe(true);
    expect(r.verdict.specialDecision?.applied).toBe(true);
  });

  it.each([
    ['a rule the regulation does not let be waived', { waives: 'tc350-not-held' }, {}, 'nomination/special-decision-not-waivable', 'nomination.specialDecision.waives'],
    ['a rule of another regulation', { waives: 'tc-part-time-age' }, {}, 'nomination/special-decision-unknown-rule', 'nomination.specialDecision.waives'],
    ['a part-time rule for a full-time nomination', {}, { mode: 'full-time' as const }, 'nomination/special-decision-not-applicable', 'nomination.specialDecision.waives'],
    ['a decision dated after the nomination', { on: '2025-10-02' }, {}, 'nomination/special-decision-after-nomination', 'nomination.specialDecision.on'],
  ])('is refused, naming the field, for %s', (_what, change, n, code, path) => {
    const r = check({}, { ...n, specialDecision: { ...decision, ...change } });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.diagnostics[0]).toMatchObject({ code, path, severity: 'error' });
    expect(r.diagnostics[0]!.message).toMatch(/quyết định đặc biệt|quy tắc "tc/i);
    expect(r.diagnostics[0]!.messageEn).toMatch(/special decision|rule "tc/i);
  });

  it('suggests the waivable rule when the rule id is misspelt', () => {
    const r = check({}, { specialDecision: { ...decision, waives: 'tc350-part-time-ages' } });
    if (r.ok) throw new Error('accepted');
    expect(r.diagnostics[0]!.hint).toContain('tc350-part-time-age');
  });

  it('cannot waive anything under 57-QĐ/TW, which states no special case', () => {
    const r = check({}, { on: '2024-03-01', specialDecision: { ...decision, waives: 'tc-part-time-age', on: '2024-02-20' } });
    if (r.ok) throw new Error('accepted');
    expect(r.diagnostics[0]!.code).toBe('nomination/special-decision-not-waivable');
    expect(r.diagnostics[0]!.hint).toContain('57-QĐ/TW không có quy tắc nào được miễn');
  });
});

describe('which rules may be waived', () => {
  it('is every standard of the trung cấp list under 350-QĐ/TW (the special-case clause closes the whole list), and nothing under 57-QĐ/TW', () => {
    expect(waivableRules(rs350)).toEqual(['tc350-party-member', 'tc350-education', 'tc350-ratings', 'tc350-part-time-age']);
    // Not the inferred "not already held" standard, nor any cao cấp standard: no source puts them under the clause.
    expect(rs350.rules.filter((r) => r.kind === 'standard' && r.waivable !== true).map((r) => r.id))
      .toEqual(expect.arrayContaining(['tc350-not-held', 'cc350-full-party-member', 'cc350-education', 'cc350-part-time-age']));
    expect(waivableRules(rs57)).toEqual([]);
  });

  it('is a flag the schema refuses on anything but a standard rule, naming the rule', () => {
    const raw = structuredClone(rs350) as unknown as { rules: Array<Record<string, unknown>> };
    const at = raw.rules.findIndex((r) => r.id === 'tc350-army');
    raw.rules[at]!.waivable = true;
    const loaded = loadDocument(RULESET_KIND, raw);
    expect(loaded.ok).toBe(false);
    if (loaded.ok) return;
    expect(loaded.diagnostics.map((d) => d.path)).toContain(`rules[${at}].waivable`);
  });

  it('is accepted on a standard rule', () => {
    const raw = structuredClone(rs350) as unknown as { rules: Array<Record<string, unknown>> };
    raw.rules.find((r) => r.id === 'tc350-ratings')!.waivable = true;
    expect(loadDocument(RULESET_KIND, raw).ok).toBe(true);
  });
});

describe('a special decision in a cadre file', () => {
  const header = 'id,sex,birthDate,education,party.status,nomination.specialDecision.waives,nomination.specialDecision.decidedBy,nomination.specialDecision.number,nomination.specialDecision.on';
  const read = (text: string, file: string) => readCadresFromText(text, { file, positions: docs.positions });

  it('is read from the four CSV columns, dates in DD/MM/YYYY too', () => {
    const r = read(`${header}\nA1,female,1998-05-05,university,full,tc350-part-time-age,Ban Thường vụ Tỉnh ủy Nghệ An,1234-QĐ/TU,20/09/2025\n`, 'x.csv');
    expect(r.errors).toEqual([]);
    expect(r.rows[0]!.nomination?.specialDecision).toEqual(decision);
  });

  it('is a row error naming the row and the missing field when a column is left empty', () => {
    const r = read(`${header}\nA1,female,1998-05-05,university,full,tc350-part-time-age,Ban Thường vụ Tỉnh ủy Nghệ An,,20/09/2025\n`, 'x.csv');
    expect(r.rows).toEqual([]);
    expect(r.errors).toEqual([expect.objectContaining({ row: 1, path: 'nomination.specialDecision.number', severity: 'error' })]);
  });

  it('is a row error naming the field when the date is not a date', () => {
    const r = read(`${header}\nA1,female,1998-05-05,university,full,tc350-part-time-age,Ban Thường vụ Tỉnh ủy Nghệ An,1234-QĐ/TU,31/02/2025\n`, 'x.csv');
    expect(r.errors).toEqual([expect.objectContaining({ row: 1, path: 'nomination.specialDecision.on' })]);
  });

  it('is read from JSON, and a decision that is not an object is a row error naming the field', () => {
    const base = { id: 'A1', sex: 'female', birthDate: '1998-05-05', education: 'university' };
    const ok = read(JSON.stringify([{ ...base, nomination: { specialDecision: decision } }]), 'x.json');
    expect(ok.errors).toEqual([]);
    expect(ok.rows[0]!.nomination?.specialDecision).toEqual(decision);
    const bad = read(JSON.stringify([{ ...base, nomination: { specialDecision: 'QĐ 1234' } }]), 'x.json');
    expect(bad.rows).toEqual([]);
    expect(bad.errors).toEqual([expect.objectContaining({ row: 1, path: 'nomination.specialDecision', code: 'cadre/wrong-type' })]);
  });

  it('is a row error naming the field when JSON leaves out who decided', () => {
    const { decidedBy: _dropped, ...partial } = decision;
    const r = read(JSON.stringify([{ id: 'A1', sex: 'female', birthDate: '1998-05-05', education: 'university', nomination: { specialDecision: partial } }]), 'x.json');
    expect(r.rows).toEqual([]);
    expect(r.errors.map((e) => e.path)).toEqual(['nomination.specialDecision.decidedBy']);
  });
});
