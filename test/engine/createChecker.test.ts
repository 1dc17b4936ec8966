import { describe, expect, it } from 'vitest';
import { builtinDocuments, createBuiltinChecker } from '../../engine/builtin.ts';
import { CadreProfile, type CadreProfileInput, type Nomination } from '../../engine/documents/cadre.ts';
import { createReferenceEvaluator } from '../../engine/rules/createReferenceEvaluator.ts';

const checker = createBuiltinChecker({ evaluator: createReferenceEvaluator });
const woman32: CadreProfileInput = {
  id: 'HN-T01', fullName: 'Nguyễn Thị Lan', sex: 'female', birthDate: '1991-06-01', education: 'university',
  party: { status: 'full' }, workplace: { tier: 'central', province: 'Hà Nội', sector: 'state', agency: 'Bộ Tư pháp' },
  position: 'civil-servant', planning: ['deputy-head-of-division'],
};
const partTime: Nomination = { level: 'intermediate', mode: 'part-time', on: '2024-03-01' };
async function verdict(p: Partial<CadreProfileInput>, n: Partial<Nomination> = {}) {
  const r = await checker.check(CadreProfile.parse({ ...woman32, ...p }), { ...partTime, ...n });
  if (!r.ok) throw new Error(r.diagnostics[0]!.message);
  return r.verdict;
}

describe('an eligibility verdict', () => {
  it('gives the cadre value and the requirement in the failure message, with the citation', async () => {
    const v = await verdict({});
    expect(v.eligible).toBe(false);
    expect(v.regulation).toBe('57-QĐ/TW');
    expect(v.failures).toHaveLength(1);
    expect(v.failures[0]).toMatchObject({ rule: 'tc-part-time-age', citation: '57-QĐ/TW Điều 5 khoản 2 (số điều giả định)', confidence: 'confirmed' });
    expect(v.failures[0]!.message).toContain('32 tuổi (nữ)');
    expect(v.failures[0]!.message).toContain('nữ từ 33 tuổi');
    expect(v.failures[0]!.messageEn).toContain('Age 32 (female)');
  });

  it('names the school even when the cadre is not eligible', async () => {
    const v = await verdict({});
    expect(v.institution).toMatchObject({ id: 'le-hong-phong', name: { vi: 'Trường Đào tạo cán bộ Lê Hồng Phong' } });
  });

  it('does not apply the part-time age rule to full-time study', async () => {
    const v = await verdict({}, { mode: 'full-time' });
    expect(v.eligible).toBe(true);
    expect(v.failures).toEqual([]);
    expect(v.checked.map((c) => c.rule)).not.toContain('tc-part-time-age');
  });

  it('explains a cadre outside every subject group with one failure listing each group', async () => {
    const v = await verdict({ planning: [] }, { mode: 'full-time' });
    expect(v.failures.map((f) => f.rule)).toEqual(['57-qd-tw-intermediate-subject']);
    const alternatives = v.failures[0]!.alternatives!.map((a) => a.rule);
    expect(alternatives).toContain('tc-planning');
    expect(alternatives).toHaveLength(v.checked.filter((c) => c.kind === 'subject').length);
    expect(v.failures[0]!.message).toContain('quy hoạch: không');
  });

  it('lists the assumed rules the verdict relies on', async () => {
    const v = await verdict({}, { mode: 'full-time' });
    expect(v.assumed).toEqual(['tc-not-held']);
  });

  it('refuses a synchronous check when the evaluator is asynchronous', () => {
    expect(() => checker.checkSync(CadreProfile.parse(woman32), partTime)).toThrow(/synchronous/);
  });
});

describe('a what-if checker that applies one ruleset regardless of the date', () => {
  const [rs57, rs350] = builtinDocuments().rulesets;
  const whatIf = createBuiltinChecker({ rulesets: [rs350!], regardlessOfDate: true });
  const profile = CadreProfile.parse(woman32);

  it('applies 350-QĐ/TW to a nomination of 2024, before 350 took effect', () => {
    const r = whatIf.checkSync(profile, partTime);
    if (!r.ok) throw new Error(r.diagnostics[0]!.message);
    expect(r.verdict.regulation).toBe('350-QĐ/TW');
    expect(r.verdict.on).toBe('2024-03-01');
    // 350 lowers the part-time age for women to 28 (regulation.md), so the 32-year-old passes it.
    expect(r.verdict.checked).toContainEqual({ rule: 'tc350-part-time-age', kind: 'standard', passed: true });
    expect(whatIf.rulesetOn('2020-01-01')?.id).toBe('350-qd-tw');
  });

  it('without the option, finds no regulation for 350 alone on a 2024 date', () => {
    const r = createBuiltinChecker({ rulesets: [rs350!] }).checkSync(profile, partTime);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.diagnostics[0]!.code).toBe('nomination/no-regulation');
  });

  it('refuses more than one ruleset, since it could not choose between them', () => {
    expect(() => createBuiltinChecker({ rulesets: [rs57!, rs350!], regardlessOfDate: true })).toThrow(/one ruleset/);
  });
});

describe('a nomination at a level the ruleset in force does not cover', () => {
  const [rs57, rs350] = builtinDocuments().rulesets;
  const withoutElementary = { ...rs57!, rules: rs57!.rules.filter((r) => r.level !== 'elementary') };
  const withoutElementarySubjects = { ...rs57!, rules: rs57!.rules.filter((r) => !(r.level === 'elementary' && r.kind === 'subject')) };
  const profile = CadreProfile.parse(woman32);

  it('is refused with ruleset/no-rule-for-level on nomination.level, by both evaluators, with or without other rules of the level', async () => {
    for (const ruleset of [withoutElementary, withoutElementarySubjects]) {
      for (const evaluator of [createReferenceEvaluator, undefined]) {
        const c = createBuiltinChecker({ rulesets: [ruleset, rs350!], ...(evaluator ? { evaluator } : {}) });
        const r = await c.check(profile, { ...partTime, level: 'elementary' });
        expect(r.ok).toBe(false);
        if (r.ok) continue;
        expect(r.diagnostics.map((d) => [d.code, d.path])).toEqual([['ruleset/no-rule-for-level', 'nomination.level']]);
        expect(r.diagnostics[0]!.messageEn).toContain('no verdict can be made');
      }
    }
  });

  it('leaves the levels it covers judged as before', async () => {
    const c = createBuiltinChecker({ rulesets: [withoutElementary, rs350!], evaluator: createReferenceEvaluator });
    const r = await c.check(profile, partTime);
    expect(r.ok && r.verdict.failures.map((f) => f.rule)).toEqual(['tc-part-time-age']);
  });
});
