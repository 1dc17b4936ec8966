/**
 * `llct diff` (the real binary) on rows that record a special decision, in every format it writes (table, json, csv;
 * diff has no junit), Vietnamese and English. The cadres, as a CSV file with the contract's dotted headers: SD-1, a
 * woman of 27 nominated for part-time trung cấp on 01/10/2025 with a decision of 20/09/2025 waiving 350-QĐ/TW's
 * part-time age (women from 28; regulation.md "350 point by point": special cases decided by the competent level);
 * SD-2 the same woman without the decision; SD-3 a woman of 29 with the decision (350 admits her without it).
 * 57-QĐ/TW (women from 33) has no rule a decision may waive.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../../engine/io/parseCsv.ts';
import { runLlct } from './runLlct.ts';

let dir: string;
const llct = (...args: string[]) => runLlct(dir, args);
const DIFF = ['diff', '--cadres', 'cadres.csv', '--a', '57-qd-tw', '--b', '350-qd-tw'];

const HEAD = 'id,fullName,sex,birthDate,party.status,education,politicalTheory,workplace.tier,workplace.province,workplace.sector,position,ratings,'
  + 'nomination.level,nomination.mode,nomination.on,nomination.specialDecision.waives,nomination.specialDecision.decidedBy,'
  + 'nomination.specialDecision.number,nomination.specialDecision.on';
const row = (id: string, birth: string, withDecision: boolean) => [
  id, 'Nguyễn Thị Thảo', 'female', birth, 'full', 'university', 'elementary', 'province', 'Nghệ An', 'state', 'deputy-head-of-division',
  '2023:good;2024:good', 'intermediate', 'part-time', '2025-10-01',
  ...(withDecision ? ['tc350-part-time-age', 'Ban Thường vụ Tỉnh ủy Nghệ An', '1234-QĐ/TU', '20/09/2025'] : ['', '', '', '']),
].join(',');

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'llct-diff-special-'));
  writeFileSync(join(dir, 'cadres.csv'), [HEAD, row('SD-1', '1998-05-05', true), row('SD-2', '1998-05-05', false), row('SD-3', '1996-05-05', true)].join('\n'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Side { ok: boolean; eligible?: boolean; specialDecision?: Record<string, unknown> }
interface Change { id: string; change: string; byDecision?: string; a: Side; b: Side }

describe('llct diff with a special decision, 57-QĐ/TW against 350-QĐ/TW', () => {
  it('json: the row is compared (not refused), gained by the decision alone, each side saying what it did with it', async () => {
    const r = await llct(...DIFF, '--format', 'json', '--all');
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as { changes: Change[]; errors: unknown[]; summary: { specialDecisions: unknown; changes: Record<string, number> } };
    expect(doc.errors).toEqual([]);
    const [sd1, sd2, sd3] = doc.changes;
    expect(sd1).toMatchObject({ id: 'SD-1', change: 'gained', byDecision: 'b' });
    expect(sd1!.a.specialDecision).toMatchObject({
      waives: 'tc350-part-time-age', number: '1234-QĐ/TU', on: '2025-09-20', decidedBy: 'Ban Thường vụ Tỉnh ủy Nghệ An',
      use: 'not-applicable', applied: false, reason: 'nomination/special-decision-unknown-rule', verdict: 'Chưa đủ điều kiện',
    });
    expect(sd1!.a.specialDecision!.message).toContain('57-QĐ/TW không có quy tắc nào được miễn bằng quyết định đặc biệt');
    expect(sd1!.b.specialDecision).toMatchObject({ use: 'applied', applied: true, citation: '350-QĐ/TW Điều 5 khoản 2 (số điều giả định)', verdict: 'Đủ điều kiện theo quyết định đặc biệt' });
    expect(sd2).toMatchObject({ id: 'SD-2', change: 'still-ineligible' });
    expect(sd2!.byDecision).toBeUndefined();
    expect(sd2!.b.specialDecision).toBeUndefined();
    expect(sd3).toMatchObject({ id: 'SD-3', change: 'gained', b: { specialDecision: { use: 'not-needed' } } });
    expect(sd3!.byDecision).toBeUndefined();
    expect(doc.summary.changes.invalid).toBe(0);
    expect(doc.summary.specialDecisions).toEqual({
      recorded: 2, a: { applied: 0, 'not-needed': 0, 'not-applicable': 2 }, b: { applied: 1, 'not-needed': 1, 'not-applicable': 0 }, gained: 1, lost: 0,
    });
  });

  it('table: the state "eligible by special decision", the flag, and the decision in the main reason', async () => {
    const r = await llct(...DIFF);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Có quyết định đặc biệt: +2 \(A: áp dụng 0, không cần 0, không áp dụng được 2; B: áp dụng 1, không cần 1/);
    expect(r.stdout).toMatch(/Thay đổi chỉ do quyết định đặc biệt: +được thêm 1, mất 0/);
    const line = r.stdout.split('\n').find((l) => l.includes('SD-1'))!;
    expect(line).toContain('được thêm, chỉ do quyết định đặc biệt');
    expect(line).toContain('chưa đủ → đủ theo quyết định đặc biệt');
    expect(line).toContain('đủ điều kiện theo 350-QĐ/TW (bên B) nhờ quyết định đặc biệt số 1234-QĐ/TU ngày 20/09/2025 của Ban Thường vụ Tỉnh ủy Nghệ An');
    expect(line).toContain('chưa đủ điều kiện theo 57-QĐ/TW (bên A): 57-QĐ/TW không có quy tắc nào được miễn bằng quyết định đặc biệt');
    expect(r.stdout.split('\n').find((l) => l.includes('SD-3'))).toContain('bên A: quyết định đặc biệt số 1234-QĐ/TU ngày 20/09/2025 của Ban Thường vụ Tỉnh ủy Nghệ An không áp dụng được');
  });

  it('table in English', async () => {
    const r = await llct(...DIFF, '--lang', 'en');
    const line = r.stdout.split('\n').find((l) => l.includes('SD-1'))!;
    expect(line).toContain('gained, by special decision alone');
    expect(line).toContain('not eligible → eligible by special decision');
    expect(line).toContain('eligible under 350-QĐ/TW (side B) by special decision no. 1234-QĐ/TU of 20/09/2025, Ban Thường vụ Tỉnh ủy Nghệ An');
    expect(line).toContain('not eligible under 57-QĐ/TW (side A): 57-QĐ/TW has no rule a special decision may waive');
  });

  it('csv: byDecision, each side’s use of the decision and the decision in words, after the nine documented columns', async () => {
    const r = await llct(...DIFF, '--format', 'csv');
    const [header, ...rows] = parseCsv(r.stdout).records.map((x) => x.fields);
    expect(header!.slice(9)).toEqual(['byDecision', 'aDecision', 'bDecision', 'specialDecision']);
    const cell = (id: string, name: string) => rows.find((f) => f[0] === id)![header!.indexOf(name)];
    expect([cell('SD-1', 'change'), cell('SD-1', 'byDecision'), cell('SD-1', 'aDecision'), cell('SD-1', 'bDecision')]).toEqual(['gained', 'b', 'not-applicable', 'applied']);
    expect(cell('SD-1', 'specialDecision')).toBe('Quyết định đặc biệt số 1234-QĐ/TU ngày 20/09/2025 của Ban Thường vụ Tỉnh ủy Nghệ An'
      + ' | bên A: quyết định không áp dụng được, xét không có quyết định: 57-QĐ/TW không có quy tắc nào được miễn bằng quyết định đặc biệt'
      + ' | bên B: miễn quy tắc tc350-part-time-age (350-QĐ/TW Điều 5 khoản 2 (số điều giả định))');
    expect([cell('SD-3', 'byDecision'), cell('SD-3', 'bDecision')]).toEqual(['', 'not-needed']);
    const en = await llct(...DIFF, '--format', 'csv', '--lang', 'en');
    expect(en.stdout).toContain('side B: rule tc350-part-time-age (Regulation 350-QĐ/TW, Art. 5(2) (article number assumed)) waived');
  });

  it('the other way round (350 in force on 01/10/2025 against 57 applied hypothetically): lost by the decision alone', async () => {
    const r = await llct('diff', '--cadres', 'cadres.csv', '--b', '57-qd-tw', '--format', 'json');
    const changes = (JSON.parse(r.stdout) as { changes: Change[] }).changes;
    expect(changes.find((c) => c.id === 'SD-1')).toMatchObject({ change: 'lost', byDecision: 'a' });
  });
});
