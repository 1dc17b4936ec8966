/**
 * What shared/domain/regulation.md ("350 point by point", "350, checked again") says the rulesets must state beyond
 * single verdicts: sơ cấp after 29/08/2025 is out of 350's scope and says so; the confidence corrections; army, police and enterprise
 * posts pass only through their own lists (the golden cases pin the verdicts; these pin the data behind them).
 */
import { describe, expect, it } from 'vitest';
import { builtinDocuments, createBuiltinChecker } from '../../engine/builtin.ts';
import { CadreProfile, type CadreProfileInput, type Nomination } from '../../engine/documents/cadre.ts';
import type { TrainingLevel } from '../../engine/documents/enums.ts';
import { createChecker } from '../../engine/rules/createChecker.ts';
import { deriveFacts, indexPositions } from '../../engine/rules/facts.ts';
import { indexProvinces } from '../../engine/rules/provinces.ts';

const docs = builtinDocuments();
const rs = (id: string) => docs.rulesets.find((r) => r.id === id)!;
const rule = (rulesetId: string, id: string) => rs(rulesetId).rules.find((r) => r.id === id)!;
const checker = createBuiltinChecker();
const { positions, institutions } = docs;

const partyMember: CadreProfileInput = {
  id: 'SC-01', sex: 'male', birthDate: '1990-01-01', education: 'upper-secondary', party: { status: 'full' },
  workplace: { tier: 'commune', province: 'Nghệ An', sector: 'party' }, position: 'party-member',
};
function verdict(p: CadreProfileInput, n: Nomination) {
  const r = checker.checkSync(CadreProfile.parse(p), n);
  if (!r.ok) throw new Error(r.diagnostics[0]!.message);
  return r.verdict;
}

describe('sơ cấp after 350-QĐ/TW', () => {
  const on350: Nomination = { level: 'elementary', mode: 'full-time', on: '2025-08-29' };

  it('rests only on assumed rules in the ruleset', () => {
    const elementary = rs('350-qd-tw').rules.filter((r) => r.level === 'elementary');
    expect(elementary.length).toBeGreaterThan(0);
    expect(elementary.filter((r) => r.confidence !== 'assumed').map((r) => r.id)).toEqual([]);
    expect(rs('350-qd-tw').subjectGroups.elementary?.confidence).toBe('assumed');
  });

  it('is out of the scope of 350-QĐ/TW: never eligible, one reported reason citing 360-QĐ/TW and Quy chế 1147, in both languages', () => {
    const v = verdict(partyMember, on350);
    expect(v.regulation).toBe('350-QĐ/TW');
    expect(v.eligible).toBe(false);
    expect(v.outOfScope).toBe(true);
    expect(v.failures).toHaveLength(1);
    const f = v.failures[0]!;
    expect(f).toMatchObject({ rule: '350-qd-tw-elementary-out-of-scope', kind: 'scope', confidence: 'reported' });
    expect(f.message).toContain('350-QĐ/TW quy định đào tạo trung cấp và cao cấp; sơ cấp không còn trong quy định này');
    expect(f.message).toContain('trung tâm chính trị xã, phường, đặc khu');
    expect(f.citation).toContain('Quy định 360-QĐ/TW');
    expect(f.citation).toContain('Quy chế 1147-QĐ/BTGDVTW Điều 3 khoản 1');
    expect(f.citationEn).toContain('Rules 1147-QĐ/BTGDVTW, Art. 3(1)');
    expect(f.messageEn).toContain('the elementary level is no longer in it');
    // No rule of 57's sơ cấp lists is applied, not even the ones 350's document keeps for a one-line edit.
    expect(v.checked).toEqual([]);
    expect(v.subjects).toEqual([]);
    expect(v.institution).toBeNull();
    // The inference behind it is stated in the ruleset, where the editor shows it.
    expect(rs('350-qd-tw').regulation.outOfScope?.note?.vi).toMatch(/Suy luận/);
    expect(rs('350-qd-tw').regulation.outOfScope?.note?.en).toMatch(/^Inference/);
  });

  it('is a one-line edit of the ruleset: with sơ cấp back in regulation.levels the kept rules judge it again', () => {
    const base = rs('350-qd-tw');
    const widened = { ...base, regulation: { ...base.regulation, levels: ['elementary', 'intermediate', 'advanced'] as TrainingLevel[] } };
    const checker = createChecker({ rulesets: [rs('57-qd-tw'), widened], positions, institutions });
    const o = checker.checkSync(CadreProfile.parse(partyMember), on350);
    if (!o.ok) throw new Error('refused');
    expect(o.verdict.outOfScope).toBeUndefined();
    expect(o.verdict.subjects).toContain('sc350-party-member');
  });

  it('judges sơ cấp the day before under 57-QĐ/TW, without a warning, and trung cấp under 350-QĐ/TW as usual', () => {
    const before = verdict(partyMember, { ...on350, on: '2025-08-28' });
    expect(before.regulation).toBe('57-QĐ/TW');
    expect(before.outOfScope).toBeUndefined();
    expect(before.eligible).toBe(true);
    expect(before.warnings).toBeUndefined();
    const deputy: CadreProfileInput = { ...partyMember, education: 'university', position: 'deputy-head-of-division', workplace: { tier: 'province', province: 'Nghệ An', sector: 'state' }, ratings: [{ year: 2023, rating: 'good' }, { year: 2024, rating: 'good' }] };
    expect(verdict(deputy, { level: 'intermediate', mode: 'full-time', on: '2025-10-01' }).warnings).toBeUndefined();
  });
});

describe('confidence corrections', () => {
  it("57's upper-secondary exception rests on one report for difficult areas: reported, not confirmed", () => {
    const r = rule('57-qd-tw', 'tc-education');
    expect(r.confidence).toBe('reported');
    expect(r.note).toMatch(/dân tộc thiểu số/);
    expect(r.note).toMatch(/một báo cáo/);
  });

  it("350's two-year rating rule says that reading it as calendar years is an inference", () => {
    expect(rule('350-qd-tw', 'tc350-ratings').note).toMatch(/hai năm dương lịch.*suy luận/);
  });

  it("350's cao cấp part-time age is 33/35 from the provincial mirror, reported", () => {
    const r = rule('350-qd-tw', 'cc350-part-time-age');
    expect(r.confidence).toBe('reported');
    expect(r.source).toMatch(/10-QĐ\/TU/);
    expect(JSON.stringify(r.conditions)).toMatch(/"value":33.*"value":35/);
  });

  it('the commune Party committee rule says executive committee, notes the standing-committee reading and 298-QĐ/TW', () => {
    const r = rule('350-qd-tw', 'cc350-upper-party-committee');
    expect(r.confidence).toBe('reported');
    expect(r.note).toMatch(/ban chấp hành/);
    expect(r.note).toMatch(/ban thường vụ/);
    expect(r.note).toMatch(/298-QĐ\/TW/);
  });
});

describe('army, police and enterprise posts', () => {
  const ctx = { positions: indexPositions(docs.positions), provinces: indexProvinces(docs.institutions) };
  const n: Nomination = { level: 'advanced', mode: 'full-time', on: '2025-10-01' };

  it('carry the sector the catalogue gives the post, whatever the workplace says', () => {
    const p = CadreProfile.parse({ ...partyMember, position: 'regiment-deputy-commander', workplace: { tier: 'province', sector: 'state' } });
    const f = deriveFacts(p, n, ctx).facts;
    expect(f.positionSector).toBe('army');
    expect(f.sector).toBe('state');
    expect(deriveFacts(CadreProfile.parse({ ...partyMember, position: 'head-of-division' }), n, ctx).facts.positionSector).toBeNull();
  });

  it('do not pass the civilian head-of-division rule even when the workplace claims a civilian sector', () => {
    const p: CadreProfileInput = { ...partyMember, education: 'university', position: 'regiment-deputy-commander', workplace: { tier: 'province', province: 'Nghệ An', sector: 'state' } };
    const v = verdict(p, n);
    expect(v.eligible).toBe(false);
    expect(v.checked.find((c) => c.rule === 'cc350-division-heads')?.passed).toBe(false);
  });

  it('have their new codes in the catalogue, each with a Vietnamese and an English label', () => {
    const codes = new Set(docs.positions.positions.map((p) => p.code));
    for (const code of ['commune-police-deputy-chief', 'regiment-deputy-chief-of-staff', 'regiment-deputy-commissar', 'army-office-head',
      'regiment-commissar', 'police-deputy-head-of-division', 'enterprise-division-head', 'enterprise-board-member', 'enterprise-executive']) {
      expect(codes.has(code), code).toBe(true);
      const name = docs.positions.positions.find((p) => p.code === code)!.name;
      expect(name.vi).not.toBe(name.en);
      expect(name.vi.normalize('NFC')).toBe(name.vi);
    }
  });
});
