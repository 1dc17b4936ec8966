/**
 * The reason a listing shows first for a compared cadre (llct diff's table and CSV, the editor's comparison view).
 * Expectations from shared/domain/regulation.md, as in diffVerdicts.test.ts: 57-QĐ/TW part-time trung cấp needs
 * women ≥ 33; 350-QĐ/TW women ≥ 28 and "good" or better in each of the two years before; Thái Bình merged into
 * Hưng Yên on 2025-07-01; 57 applies from 2022-02-08.
 */
import { describe, expect, it } from 'vitest';
import { builtinDocuments } from '../../engine/builtin.ts';
import { CadreProfile, type CadreProfileInput, type Nomination } from '../../engine/documents/cadre.ts';
import { createCohortDiff } from '../../engine/rules/diff/createCohortDiff.ts';
import { createDiffSide } from '../../engine/rules/diff/createDiffSide.ts';
import { isChanged, mainReason, reasonText } from '../../engine/rules/diff/mainReason.ts';

const woman32: CadreProfileInput = {
  id: 'R-01', sex: 'female', birthDate: '1991-06-01', education: 'university', party: { status: 'full' },
  workplace: { tier: 'central', province: 'Hà Nội', sector: 'state' }, position: 'civil-servant', planning: ['deputy-head-of-division'],
  ratings: [{ year: 2022, rating: 'good' }, { year: 2023, rating: 'good' }],
};
const partTime: Nomination = { level: 'intermediate', mode: 'part-time', on: '2024-03-01' };
const side = (spec: Parameters<typeof createDiffSide>[0]) => {
  const made = createDiffSide(spec, builtinDocuments(), '2024-03-01');
  if (!made.ok) throw new Error(made.diagnostic.message);
  return made.side;
};
const compare57with350 = (p: Partial<CadreProfileInput>) =>
  createCohortDiff({ a: side({}), b: side({ ruleset: '350-qd-tw' }) }).add(CadreProfile.parse({ ...woman32, ...p }), partTime);

describe('the main reason of a compared cadre', () => {
  it('says what no longer blocks one who gained: 57\'s part-time age, with its article', () => {
    const d = compare57with350({});
    expect(d.change).toBe('gained');
    expect(isChanged(d)).toBe(true);
    const [part] = mainReason(d);
    expect(part!.lead).toEqual({ vi: 'Hết vướng', en: 'No longer blocked by' });
    expect(part!.citation).toBe('57-QĐ/TW Điều 5 khoản 2 (số điều giả định)');
    expect(part!.text.vi).toContain('32 tuổi');
    expect(reasonText(mainReason(d), 'en')).toMatch(/^No longer blocked by: .*\(Regulation 57-QĐ\/TW, Art. 5\(2\) \(article number assumed\)\)$/);
    expect(reasonText(mainReason(d), 'vi')).toMatch(/\(57-QĐ\/TW Điều 5 khoản 2 \(số điều giả định\)\)$/);
  });

  it('gives the rule of side B that side A did not have for one who lost: 350\'s two rated years', () => {
    const d = compare57with350({ birthDate: '1980-01-01', ratings: [{ year: 2022, rating: 'completed' }, { year: 2023, rating: 'good' }] });
    expect(d.change).toBe('lost');
    const parts = mainReason(d);
    expect(parts).toHaveLength(1);
    expect(parts[0]!.lead).toBeUndefined();
    expect(parts[0]!.citation).toBe('350-QĐ/TW Điều 5 khoản 2 (số điều giả định)');
    expect(d.b.ok && d.b.failures.map((f) => f.message)).toContain(parts[0]!.text.vi);
  });

  it('is empty, and the cadre unlisted, when nothing changed', () => {
    const d = compare57with350({ birthDate: '1980-01-01' });
    expect(d.change).toBe('still-eligible');
    expect(isChanged(d)).toBe(false);
    expect(mainReason(d)).toEqual([]);
  });

  it('names the two schools when only the school changed, and the side that could not be checked', () => {
    const thaiBinh = CadreProfile.parse({ ...woman32, id: 'TB', birthDate: '1980-01-01', workplace: { tier: 'province', province: 'Thái Bình', sector: 'state' }, position: 'deputy-head-of-division', planning: [] });
    const fullTime: Nomination = { ...partTime, mode: 'full-time' };
    const moved = createCohortDiff({ a: side({ on: '2025-06-15' }), b: side({ on: '2025-07-15' }) }).add(thaiBinh, fullTime);
    expect(reasonText(mainReason(moved), 'vi')).toBe('Cơ sở đào tạo: Trường Chính trị tỉnh Thái Bình → Trường Chính trị tỉnh Hưng Yên');
    const refused = createCohortDiff({ a: side({ on: '2021-12-01' }), b: side({ ruleset: '57-qd-tw' }) }).add(thaiBinh, fullTime);
    const [part] = mainReason(refused);
    expect(part!.lead).toEqual({ vi: 'Bên A', en: 'Side A' });
    expect(part!.text.vi).toContain('Không có quy định nào áp dụng');
  });
});
