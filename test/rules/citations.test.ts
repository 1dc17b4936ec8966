/**
 * A citation says whether its numbering was read (shared/domain/regulation.md: no article of 350-QĐ/TW has been read;
 * of 57-QĐ/TW only Điều 4), in Vietnamese and in the English form English output uses.
 */
import { describe, expect, it } from 'vitest';
import { builtinDocuments } from '../../engine/builtin.ts';
import { citationIn, citationText, formatCitation } from '../../engine/documents/ruleset.ts';
import { carriedOverText } from '../../engine/rules/carriedOver.ts';

const rulesets = builtinDocuments().rulesets;
const rs = (id: string) => rulesets.find((r) => r.id === id)!;

describe('citations', () => {
  it('mark an assumed number, and an absent numbering counts as assumed', () => {
    expect(formatCitation('350-QĐ/TW', { article: 5, clause: 2, numbering: 'assumed' })).toBe('350-QĐ/TW Điều 5 khoản 2 (số điều giả định)');
    expect(formatCitation('350-QĐ/TW', { article: 5, clause: 2 })).toBe('350-QĐ/TW Điều 5 khoản 2 (số điều giả định)');
    expect(formatCitation('57-QĐ/TW', { article: 4, clause: 1, point: 'a', numbering: 'read' })).toBe('57-QĐ/TW Điều 4 khoản 1 điểm a');
  });

  it('are written in English as English does', () => {
    expect(citationText('350-QĐ/TW', { article: 5, clause: 2 }, 'en')).toBe('Regulation 350-QĐ/TW, Art. 5(2) (article number assumed)');
    expect(citationText('57-QĐ/TW', { article: 4, clause: 1, point: 'a', numbering: 'read' }, 'en')).toBe('Regulation 57-QĐ/TW, Art. 4(1)(a)');
    expect(citationIn('Quy định 360-QĐ/TW (29/08/2025); Quy chế 1147-QĐ/BTGDVTW Điều 3 khoản 1 (01/12/2025)', 'en'))
      .toBe('Regulation 360-QĐ/TW (29/08/2025); Rules 1147-QĐ/BTGDVTW, Art. 3(1) (01/12/2025)');
    expect(citationIn('350-QĐ/TW Điều 5 khoản 2 (số điều giả định)', 'vi')).toBe('350-QĐ/TW Điều 5 khoản 2 (số điều giả định)');
  });

  it('of 350-QĐ/TW are all assumed; of 57-QĐ/TW only Điều 4 was read', () => {
    const numbering = (id: string) => [...rs(id).rules.map((r) => r.citation), ...Object.values(rs(id).subjectGroups).map((g) => g.citation)];
    expect(numbering('350-qd-tw').filter((c) => c.numbering !== 'assumed')).toEqual([]);
    const read57 = numbering('57-qd-tw').filter((c) => c.numbering === 'read');
    expect(read57.length).toBeGreaterThan(0);
    expect(read57.every((c) => c.article === 4)).toBe(true);
    expect(numbering('57-qd-tw').filter((c) => c.article === 4 && c.numbering !== 'read')).toEqual([]);
  });

  it('name the 350 groups and standards carried over from 57-QĐ/TW, and keep them assumed', () => {
    const carried = rs('350-qd-tw').rules.filter((r) => r.carriedOverFrom === '57-QĐ/TW');
    expect(carried.map((r) => r.id)).toEqual(expect.arrayContaining(['cc350-principal-specialist', 'cc350-lecturer', 'cc350-full-party-member', 'cc350-education']));
    expect(carried.filter((r) => r.confidence !== 'assumed').map((r) => r.id)).toEqual([]);
    const lecturer = rs('350-qd-tw').rules.find((r) => r.id === 'cc350-lecturer')!;
    expect(carriedOverText(lecturer, '350-QĐ/TW')?.vi).toBe('nhóm đối tượng mang sang từ 57-QĐ/TW, không thấy trong nguồn nào của 350-QĐ/TW');
    expect(lecturer.note).toContain('5 năm');
    // The part-time cao cấp age is 350's own (Lào Cai's mirror), not a carry-over.
    expect(rs('350-qd-tw').rules.find((r) => r.id === 'cc350-part-time-age')!.carriedOverFrom).toBeUndefined();
  });

  it('name both readings where the 350 sources conflict, and the one the ruleset follows', () => {
    for (const id of ['cc350-division-heads', 'cc350-upper-party-committee']) {
      const note = rs('350-qd-tw').rules.find((r) => r.id === id)!.note!;
      expect(note).toContain('hai cách đọc');
      expect(note).toContain('Bộ quy tắc theo cách (1)');
    }
    expect(rs('350-qd-tw').rules.find((r) => r.id === 'cc350-division-heads')!.note).toMatch(/cấp xã trở lên.*cấp tỉnh trở lên/s);
  });

  it('list the corrected army posts: phó chủ nhiệm chính trị at trung cấp, the five cao cấp posts', () => {
    const values = (id: string) => (rs('350-qd-tw').rules.find((r) => r.id === id)!.conditions as { all: Array<{ value: string[] }> }).all[0]!.value;
    expect(values('tc350-army')).toContain('regiment-deputy-political-head');
    expect(rs('350-qd-tw').rules.find((r) => r.id === 'tc350-army')!.title.vi).toContain('phó chủ nhiệm chính trị');
    expect(rs('350-qd-tw').rules.find((r) => r.id === 'tc350-army')!.title.vi).not.toContain('phó chính ủy');
    expect(values('cc350-army')).toEqual(expect.arrayContaining(['brigade-commander', 'provincial-military-commander', 'strategic-agency-commander', 'mod-hospital-institute-director', 'mod-enterprise-director']));
    expect(values('cc350-army')).not.toContain('regiment-deputy-political-head');
    const positions = builtinDocuments().positions.positions;
    expect(positions.find((p) => p.code === 'regiment-deputy-political-head')?.name.vi).toBe('Phó Chủ nhiệm chính trị trung đoàn và tương đương');
  });
});
