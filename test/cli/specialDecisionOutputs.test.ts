/**
 * The recorded special decision and the out-of-scope verdict in every output of the real `llct` binary (check
 * json/csv/table/junit, explain), Vietnamese by default and English with --lang en. The cadres: a woman of 27
 * nominated for part-time trung cấp on 01/10/2025 (350-QĐ/TW: women from 28) with a decision waiving that age, the
 * same woman without it, one whose decision waives the two-year rating standard (the special-case clause closes the
 * whole trung cấp standards list), and a Party member nominated for sơ cấp on 15/09/2025 (out of 350's scope).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runLlct } from './runLlct.ts';
import { xmlProblems } from './xmlWellFormed.ts';

let dir: string;
const llct = (...args: string[]) => runLlct(dir, args);

const woman = {
  fullName: 'Nguyễn Thị Thảo', sex: 'female', birthDate: '1998-05-05', education: 'university', party: { status: 'full' },
  politicalTheory: 'elementary', workplace: { tier: 'province', province: 'Nghệ An', sector: 'state', agency: 'Sở Nội vụ tỉnh Nghệ An' },
  position: 'deputy-head-of-division', ratings: [{ year: 2023, rating: 'good' }, { year: 2024, rating: 'good' }],
};
const decision = { waives: 'tc350-part-time-age', decidedBy: 'Ban Thường vụ Tỉnh ủy Nghệ An', number: '1234-QĐ/TU', on: '2025-09-20' };
const CADRES = [
  { id: 'SD-1', ...woman, nomination: { level: 'intermediate', mode: 'part-time', on: '2025-10-01', specialDecision: decision } },
  { id: 'SD-2', ...woman, nomination: { level: 'intermediate', mode: 'part-time', on: '2025-10-01' } },
  { id: 'SC-1', ...woman, politicalTheory: 'none', position: 'party-member', nomination: { level: 'elementary', mode: 'full-time', on: '2025-09-15' } },
  { id: 'SD-BAD', ...woman, nomination: { level: 'intermediate', mode: 'part-time', on: '2025-10-01', specialDecision: { ...decision, waives: 'tc350-not-held' } } },
  // Born 1996: 29 on 01/10/2025, over 350's 28, so the decision is recorded but not needed.
  { id: 'SD-29', ...woman, birthDate: '1996-05-05', nomination: { level: 'intermediate', mode: 'part-time', on: '2025-10-01', specialDecision: decision } },
  // 29 on 01/10/2025, rated "completed" in 2024: the decision waives the rating standard.
  { id: 'SD-RT', ...woman, birthDate: '1996-05-05', ratings: [{ year: 2023, rating: 'good' }, { year: 2024, rating: 'completed' }],
    nomination: { level: 'intermediate', mode: 'part-time', on: '2025-10-01', specialDecision: { ...decision, waives: 'tc350-ratings', number: '1250-QĐ/TU' } } },
];

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'llct-special-'));
  writeFileSync(join(dir, 'cadres.json'), JSON.stringify(CADRES, null, 2));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('llct check with a special decision and a level out of the regulation\'s scope', () => {
  it('json: eligible with the decision named, nothing waived without it, sơ cấp out of scope and counted apart, the bad decision a row error', async () => {
    const r = await llct('check', '--cadres', 'cadres.json', '--format', 'json');
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.stdout) as {
      results: Array<{ id: string; eligible: boolean; outOfScope?: boolean; failures: Array<{ rule: string; kind: string; citation: string; citationEn: string; confidence: string; message: string }>; specialDecision?: Record<string, unknown>; warnings?: Array<{ code: string; message: string }> }>;
      errors: Array<{ row: number; field: string; code: string }>;
      summary: Record<string, number>;
    };
    const byId = new Map(doc.results.map((x) => [x.id, x]));
    expect(byId.get('SD-1')).toMatchObject({ eligible: true, failures: [] });
    expect(byId.get('SD-1')!.specialDecision).toMatchObject({ ...decision, applied: true, verdict: 'Đủ điều kiện theo quyết định đặc biệt', citation: '350-QĐ/TW Điều 5 khoản 2 (số điều giả định)' });
    expect(byId.get('SD-2')).toMatchObject({ eligible: false, failures: [{ rule: 'tc350-part-time-age' }] });
    expect(byId.get('SD-2')!.specialDecision).toBeUndefined();
    const sc = byId.get('SC-1')!;
    expect(sc).toMatchObject({ eligible: false, outOfScope: true });
    expect(sc.failures).toEqual([expect.objectContaining({ rule: '350-qd-tw-elementary-out-of-scope', kind: 'scope', confidence: 'reported' })]);
    expect(sc.failures[0]!.citation).toBe('Quy định 360-QĐ/TW (29/08/2025); Quy chế 1147-QĐ/BTGDVTW Điều 3 khoản 1 (01/12/2025)');
    expect(sc.failures[0]!.citationEn).toBe('Regulation 360-QĐ/TW (29/08/2025); Rules 1147-QĐ/BTGDVTW, Art. 3(1) (01/12/2025)');
    expect(sc.warnings).toBeUndefined();
    expect(byId.get('SD-RT')).toMatchObject({ eligible: true, failures: [] });
    expect(byId.get('SD-RT')!.specialDecision).toMatchObject({ waives: 'tc350-ratings', applied: true, verdict: 'Đủ điều kiện theo quyết định đặc biệt' });
    expect(byId.get('SD-RT')!.specialDecision!.message).toContain('2024');
    // Out of scope is not eligible, and counted apart from ordinary ineligibility.
    expect(doc.summary).toEqual({ total: 6, eligible: 3, ineligible: 1, outOfScope: 1, invalid: 1 });
    expect(byId.get('SD-BAD')).toBeUndefined();
    expect(byId.get('SD-29')!.specialDecision).toMatchObject({ applied: false, verdict: 'Đủ điều kiện' });
    expect(byId.get('SD-29')!.specialDecision!.message).toBe('Quyết định số 1234-QĐ/TU ngày 20/09/2025 của Ban Thường vụ Tỉnh ủy Nghệ An miễn quy tắc tc350-part-time-age (Tuổi học hệ không tập trung: nữ từ 28, nam từ 30; 350-QĐ/TW Điều 5 khoản 2 (số điều giả định)), nhưng không cần dùng: quy tắc đã đạt');
    expect(doc.errors).toEqual([expect.objectContaining({ row: 4, field: 'nomination.specialDecision.waives', code: 'nomination/special-decision-not-waivable' })]);
  });

  it('csv: the verdict in words, the warning and the decision in their own columns', async () => {
    const r = await llct('check', '--cadres', 'cadres.json', '--format', 'csv');
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]!.endsWith(',verdict,warnings,specialDecision')).toBe(true);
    const sd1 = lines.find((l) => l.startsWith('1,SD-1,'))!;
    expect(sd1).toContain('Đủ điều kiện theo quyết định đặc biệt');
    expect(sd1).toContain('Miễn quy tắc tc350-part-time-age');
    expect(sd1).toContain('1234-QĐ/TU ngày 20/09/2025');
    expect(lines.find((l) => l.startsWith('2,SD-2,'))).toContain(',Chưa đủ điều kiện,,');
    const sc = lines.find((l) => l.startsWith('3,SC-1,'))!;
    expect(sc).toContain('350-qd-tw-elementary-out-of-scope');
    expect(sc).toContain('Chưa đủ điều kiện (không thuộc phạm vi 350-QĐ/TW)');
    const rt = lines.find((l) => l.startsWith('6,SD-RT,'))!;
    expect(rt).toContain('Miễn quy tắc tc350-ratings');
    expect(rt).toContain('1250-QĐ/TU');
  });

  it('table and junit, in English too', async () => {
    const table = await llct('check', '--cadres', 'cadres.json', '--format', 'table');
    expect(table.stdout).toContain('đủ điều kiện theo quyết định đặc biệt');
    expect(table.stdout).toContain('⚖ Miễn quy tắc tc350-part-time-age');
    expect(table.stdout).toContain('chưa đủ điều kiện (không thuộc phạm vi 350-QĐ/TW)');
    expect(table.stdout).toContain('1 không thuộc phạm vi quy định');
    const en = await llct('check', '--cadres', 'cadres.json', '--format', 'table', '--lang', 'en');
    expect(en.stdout).toContain('eligible by special decision');
    expect(en.stdout).toContain('waived by decision no. 1234-QĐ/TU of 20/09/2025');
    expect(en.stdout).toContain('(Regulation 360-QĐ/TW (29/08/2025); Rules 1147-QĐ/BTGDVTW, Art. 3(1) (01/12/2025))');
    expect(en.stdout).toContain("1 out of the regulation's scope");
    const junit = await llct('check', '--cadres', 'cadres.json', '--format', 'junit');
    expect(xmlProblems(junit.stdout)).toEqual([]);
    expect(junit.stdout).toContain('theo quyết định đặc biệt');
    expect(junit.stdout).toContain('không thuộc phạm vi quy định');
  });

  it('explain: the conclusion, the waived standard, and the out-of-scope reason with its inference', async () => {
    const r = await llct('explain', '--cadres', 'cadres.json', '--id', 'SD-1');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('ĐỦ ĐIỀU KIỆN THEO QUYẾT ĐỊNH ĐẶC BIỆT');
    expect(r.stdout).toContain('⚖ Miễn quy tắc tc350-part-time-age');
    expect(r.stdout).toMatch(/✗ Tuổi học hệ không tập trung.*miễn theo quyết định đặc biệt/);
    const sc = await llct('explain', '--cadres', 'cadres.json', '--id', 'SC-1', '--lang', 'en');
    expect(sc.stdout).toContain('350-QĐ/TW regulates intermediate and advanced training; the elementary level is no longer in it');
    expect(sc.stdout).toContain('[reported]');
    expect(sc.stdout).toContain('Inference (the full text of 350-QĐ/TW was not read)');
  });
});
