import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../../engine/io/parseCsv.ts';
import { ROOT, runLlct } from './runLlct.ts';

const HANOI = join(ROOT, 'fixtures', 'cadres', 'hanoi-2024-central-agencies.csv');
let dir: string;

const llct = (...args: string[]) => runLlct(dir, args);

const FLAGS = ['--level', 'intermediate', '--mode', 'part-time', '--on', '2024-03-01'];
const HANOI_57_350 = ['diff', '--cadres', HANOI, ...FLAGS, '--b', '350-qd-tw'];

interface Change { id: string; row: number; change: string; institutionChanged: boolean; reasonsChanged: boolean; a: { ok: boolean; eligible?: boolean }; b: { ok: boolean; eligible?: boolean } }
const changed = (c: Change) => c.change === 'gained' || c.change === 'lost' || c.change === 'invalid' || c.institutionChanged || c.reasonsChanged;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'llct-diff-'));
  // Row 2 has a misspelt sex: the error names the file, the row and the field; rows 1 and 3 are still compared.
  writeFileSync(join(dir, 'bad-row.csv'), [
    'id,fullName,sex,birthDate,education,party.status,workplace.tier,workplace.province,position,planning,ratings',
    'B-1,Nguyễn Thị Lan,female,1991-06-01,university,full,central,Hà Nội,civil-servant,deputy-head-of-division,"2022:good;2023:good"',
    'B-2,Trần Văn Bình,mle,1980-01-01,university,full,central,Hà Nội,deputy-head-of-division,,',
    'B-3,Lê Văn Cường,male,1980-01-01,university,full,central,Hà Nội,deputy-head-of-division,,"2022:completed;2023:good"',
  ].join('\n'));
  writeFileSync(join(dir, 'thai-binh.json'), JSON.stringify([{
    id: 'TB-1', sex: 'male', birthDate: '1980-01-01', education: 'university', party: { status: 'full' },
    workplace: { tier: 'province', province: 'Thái Bình' }, position: 'deputy-head-of-division',
  }]));
  const hanoi = JSON.parse(readFileSync(HANOI.replace(/\.csv$/, '.json'), 'utf8'));
  writeFileSync(join(dir, 'hanoi.jsonl'), (Array.isArray(hanoi) ? hanoi : hanoi.cadres).map((c: unknown) => JSON.stringify(c)).join('\n'));
  const rs = JSON.parse(readFileSync(join(ROOT, 'rulesets', '57-qd-tw.json'), 'utf8'));
  writeFileSync(join(dir, 'edited-57.json'), JSON.stringify(rs));
  rs.rules[0].conditions.all[0].fact = 'partyStatsu';
  writeFileSync(join(dir, 'broken-57.json'), JSON.stringify(rs));
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('llct diff', () => {
  it('prints one JSON document for the Hà Nội fixture, 57 against 350, listing only the changed cadres; exit 0', async () => {
    const r = await llct(...HANOI_57_350, '--format', 'json');
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(Object.keys(doc)).toEqual(['a', 'b', 'changes', 'errors', 'warnings', 'summary']);
    expect(doc.a).toEqual({ label: '57-QĐ/TW (hiệu lực ngày 01/03/2024)', labelEn: '57-QĐ/TW (in force on 01/03/2024)' });
    expect(doc.b).toMatchObject({ label: '350-QĐ/TW (áp dụng giả định)', ruleset: '350-qd-tw' });
    const s = doc.summary;
    expect(s).toMatchObject({ rows: 210, unreadable: 0, total: 210, a: { eligible: 185, ineligible: 25, invalid: 0 } });
    expect(s.changes.gained + s.changes.lost + s.changes['still-eligible'] + s.changes['still-ineligible'] + s.changes.invalid).toBe(210);
    expect(doc.changes.every(changed)).toBe(true);
    expect(doc.changes).toHaveLength(s.changes.gained + s.changes.lost + s.changes.invalid + s.reasonsChanged + s.institutionChanged);
    const lost = doc.changes.find((c: Change) => c.change === 'lost');
    expect(lost).toMatchObject({ a: { ok: true, regulation: '57-QĐ/TW', eligible: true }, b: { ok: true, regulation: '350-QĐ/TW', eligible: false } });
    expect(lost.b.failures[0]).toEqual(expect.objectContaining({ rule: expect.any(String), citation: expect.stringMatching(/^350-QĐ\/TW Điều/), message: expect.any(String) }));
    expect(s.byRule.gained['tc-part-time-age'].count).toBe(s.changes.gained);
  });

  it('agrees with llct check run each way on the same fixture', async () => {
    const [diff, check57] = await Promise.all([
      llct(...HANOI_57_350, '--format', 'json', '--all'),
      llct('check', '--cadres', HANOI, ...FLAGS, '--format', 'json'),
    ]);
    const changes: Change[] = JSON.parse(diff.stdout).changes;
    const eligible57 = new Set(JSON.parse(check57.stdout).results.filter((v: { eligible: boolean }) => v.eligible).map((v: { id: string }) => v.id));
    expect(changes).toHaveLength(210);
    expect(new Set(changes.filter((c) => c.a.eligible).map((c) => c.id))).toEqual(eligible57);
  });

  it('writes the changed cadres as CSV that parses back, RFC 4180 quoted', async () => {
    const [csv, json] = await Promise.all([llct(...HANOI_57_350, '--format', 'csv'), llct(...HANOI_57_350, '--format', 'json')]);
    expect(csv.code).toBe(0);
    const { records } = parseCsv(csv.stdout);
    // The first nine columns are the documented ones; the special-decision columns come after them.
    expect(records[0]!.fields).toEqual(['id', 'row', 'change', 'aEligible', 'bEligible', 'aInstitution', 'bInstitution', 'aFailures', 'bFailures',
      'byDecision', 'aDecision', 'bDecision', 'specialDecision']);
    const rows = records.slice(1).map((r) => r.fields);
    const changes: Change[] = JSON.parse(json.stdout).changes;
    expect(rows.map((f) => [f[0], Number(f[1]), f[2]])).toEqual(changes.map((c) => [c.id, c.row, c.change]));
    for (const f of rows.filter((x) => x[2] === 'lost')) expect([f[3], f[4], f[5]]).toEqual(['true', 'false', 'le-hong-phong']);
  });

  it('prints a Vietnamese summary for a policy officer first, then the changed cadres', async () => {
    const r = await llct(...HANOI_57_350);
    expect(r.code).toBe(0);
    const [head] = r.stdout.split('Danh sách cán bộ');
    expect(head).toContain('A: 57-QĐ/TW (hiệu lực ngày 01/03/2024)');
    expect(head).toContain('B: 350-QĐ/TW (áp dụng giả định)');
    expect(head).toContain('Cử học: trung cấp, không tập trung, ngày cử 01/03/2024');
    expect(head).toContain('210 cán bộ được so sánh');
    expect(head).toMatch(/Đủ điều kiện: +A 185 \(88,1%\)/);
    expect(head).toContain('Vì sao mất điều kiện');
    expect(head).toContain('350-QĐ/TW Điều 5 khoản 2 (số điều giả định) [tc350-ratings]');
    expect(r.stdout).toMatch(/Hàng +Mã +Họ tên +Thay đổi +A → B +Lý do chính/);
    expect(r.stdout).toMatch(/HN-\d{4} .* mất điều kiện +đủ → chưa đủ/);
  });

  it('speaks English with --lang en', async () => {
    const r = await llct(...HANOI_57_350, '--lang', 'en');
    expect(r.stdout).toContain('B: 350-QĐ/TW (applied hypothetically)');
    expect(r.stdout).toMatch(/Eligible: +A 185 \(88\.1%\)/);
    expect(r.stdout).toContain('Why cadres lose');
  });

  it('gives the same output with --engine reference as with the compiled evaluator', async () => {
    for (const format of ['json', 'table']) {
      const [compiled, reference] = await Promise.all([
        llct(...HANOI_57_350, '--format', format, '--all'),
        llct(...HANOI_57_350, '--format', format, '--all', '--engine', 'reference'),
      ]);
      expect(compiled.code).toBe(0);
      expect(reference.stdout).toBe(compiled.stdout);
    }
  });

  it('compares the same cohort alike from CSV, a JSON document and JSON lines', async () => {
    const runs = await Promise.all([HANOI, HANOI.replace(/\.csv$/, '.json'), 'hanoi.jsonl'].map((f) =>
      llct('diff', '--cadres', f, ...FLAGS, '--b', '350-qd-tw', '--format', 'json', '--all')));
    const docs = runs.map((r) => JSON.parse(r.stdout));
    expect(docs[1].changes).toEqual(docs[0].changes);
    expect(docs[2].changes).toEqual(docs[0].changes);
    expect(docs[2].summary).toEqual(docs[0].summary);
  });

  it('reports a bad row by file, row and field, compares the other rows and exits 1', async () => {
    const r = await llct('diff', '--cadres', 'bad-row.csv', ...FLAGS, '--b', '350-qd-tw', '--format', 'json', '--all');
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.stdout);
    expect(doc.changes.map((c: Change) => [c.id, c.change])).toEqual([['B-1', 'gained'], ['B-3', 'lost']]);
    expect(doc.errors).toHaveLength(1);
    expect(doc.errors[0]).toMatchObject({ file: 'bad-row.csv', row: 2, field: 'sex' });
    expect(doc.summary).toMatchObject({ rows: 3, unreadable: 1, total: 2 });
    expect(r.stderr).toContain('bad-row.csv, hàng 2');
  });

  it('compares two nomination dates with --b-on: a Thái Bình cadre changes school after the 2025-07-01 merger', async () => {
    const r = await llct('diff', '--cadres', 'thai-binh.json', '--level', 'intermediate', '--mode', 'full-time', '--on', '2025-06-15', '--b-on', '2025-07-15', '--format', 'json');
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.b).toMatchObject({ on: '2025-07-15', label: '57-QĐ/TW (hiệu lực ngày 15/07/2025)' });
    expect(doc.changes).toHaveLength(1);
    expect(doc.changes[0]).toMatchObject({
      change: 'still-eligible', institutionChanged: true,
      a: { institution: { id: 'truong-chinh-tri-thai-binh' } }, b: { institution: { id: 'truong-chinh-tri-hung-yen' } },
    });
    const names = doc.changes[0].a.institution as Record<string, unknown>;
    expect(Object.keys(names).sort()).toEqual(['id', 'name', 'nameEn']);
    expect(names.name).toMatch(/^Trường Chính trị/);
    expect(names.nameEn).toMatch(/Political School/);
  });

  it('takes a ruleset file for a side and names it', async () => {
    const r = await llct('diff', '--cadres', 'bad-row.csv', ...FLAGS, '--a', 'edited-57.json', '--b', '350-qd-tw', '--format', 'json');
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.stdout);
    expect(doc.a).toMatchObject({ ruleset: 'edited-57.json', label: '57-QĐ/TW (tệp edited-57.json)' });
    expect(doc.summary.total).toBe(2);
  });

  it('refuses two identical sides with "nothing to compare" and an example; exit 2', async () => {
    for (const args of [[], ['--a', '57-qd-tw', '--b', '57-qd-tw'], ['--b-on', '2024-03-01']]) {
      const r = await llct('diff', '--cadres', HANOI, ...FLAGS, ...args);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toContain('Không có gì để so sánh');
      expect(r.stderr).toContain('--b 350-qd-tw');
    }
    const en = await llct('diff', '--cadres', HANOI, ...FLAGS, '--lang', 'en');
    expect(en.stderr).toContain('Nothing to compare');
  });

  it('suggests the closest shipped ruleset for an unknown id; exit 2', async () => {
    const r = await llct('diff', '--cadres', HANOI, ...FLAGS, '--b', '350-qd-tv');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--b: Không có bộ quy tắc có sẵn "350-qd-tv". Có phải "350-qd-tw"?');
  });

  it('reports a broken ruleset file with its diagnostics and exits 2', async () => {
    const r = await llct('diff', '--cadres', HANOI, ...FLAGS, '--b', 'broken-57.json');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('broken-57.json');
    expect(r.stderr).toContain('partyStatsu');
  });

  it('exits 2 on usage errors: no --cadres, a side date with no regulation, a missing file', async () => {
    const noCadres = await llct('diff', ...FLAGS, '--b', '350-qd-tw');
    expect(noCadres.code).toBe(2);
    expect(noCadres.stderr).toContain('--cadres');
    const early = await llct('diff', '--cadres', HANOI, ...FLAGS, '--b-on', '2021-01-01');
    expect(early.code).toBe(2);
    expect(early.stderr).toContain('--b-on 01/01/2021');
    const missing = await llct('diff', '--cadres', 'nope.csv', ...FLAGS, '--b', '350-qd-tw');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('nope.csv');
  });
});
