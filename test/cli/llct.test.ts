import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasVietnameseProse } from '../vietnameseLetters.ts';
import { xmlProblems } from './xmlWellFormed.ts';
import { ROOT, runLlct } from './runLlct.ts';

const BROKEN_LIFECYCLE = join(ROOT, 'fixtures', 'lifecycle', 'broken-class.lifecycle.json');
let dir: string;

const llct = (...args: string[]) => runLlct(dir, args);

// A semicolon-separated export with a BOM and CRLF line ends, quoted separators in good rows, and one bad row of
// each kind between them.
const MIXED_CSV = '\uFEFF' + [
  'id;fullName;sex;birthDate;education;party.status;workplace.tier;workplace.province;workplace.agency;position;planning;ratings',
  'HN-01;Nguyễn Văn An;male;02/04/1975;university;full;central;Hà Nội;"Bộ Tư pháp, Vụ Pháp luật";deputy-head-of-division;"head-of-division;deputy-director";"2022:good;2023:excellent"',
  'HN-02;Trần Thị Bình;femal;1980-05-05;university;full;central;Hà Nội;Bộ Tài chính;deputy-head-of-division;;',
  'HN-03;Lê Văn Cường;male;31/02/1980;university;full;central;Hà Nội;Bộ Y tế;deputy-head-of-division;;',
  'HN-04;Phạm Thị Dung;female;1979-01-01;;full;central;Hà Nội;Bộ Nội vụ;deputy-head-of-division;;',
  'HN-01;Nguyễn Văn An (bản trùng);male;1975-04-02;university;full;central;Hà Nội;Bộ Tư pháp;deputy-head-of-division;;',
  'HN-06;Hoàng Thị Em;female;1980-05-05;college;probationary;central;Hà Nội;"Ban Tổ chức Trung ương; Vụ Cơ sở";head-of-division;;2023:good|2022:good',
  'HN-07;"Vũ Văn Phúc;male;1978-03-03;university;full;central;Hà Nội;Bộ Công Thương;director;;',
  'HN-08;Đặng Văn Giang;male;1977-07-07;master;none;central;Hà Nội;Bộ Ngoại giao;head-of-division;;',
].join('\r\n') + '\r\n';

const good = (id: string, extra: Record<string, unknown> = {}) => ({
  id, fullName: 'Nguyễn Văn Hùng', sex: 'male', birthDate: '1978-06-15', education: 'university', party: { status: 'full' },
  workplace: { tier: 'central', province: 'Hà Nội', agency: 'Bộ Tư pháp' }, position: 'deputy-head-of-division', ...extra,
});

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'llct-cli-'));
  writeFileSync(join(dir, 'mixed.csv'), MIXED_CSV);
  writeFileSync(join(dir, 'positions.csv'), 'id,fullName,sex,birthDate,education,party.status,workplace.tier,position\nP-1,Ngô Văn Hải,male,1978-06-15,university,full,central,chairman-of-everything\n');
  // G-1 is in planning for head of division at a central agency: a trung cấp subject under 57-QĐ/TW Điều 5 khoản 1
  // (in planning for deputy head of division at central level or a post above); G-2 holds a deputy head's post,
  // below the cao cấp subjects of 350-QĐ/TW (head of division and up).
  writeFileSync(join(dir, 'good.json'), JSON.stringify([good('G-1', { planning: ['head-of-division'] }), good('G-2', { nomination: { level: 'advanced', mode: 'full-time', on: '2025-09-15' } })], null, 2));
  writeFileSync(join(dir, 'broken.json'), [
    '[',
    `  ${JSON.stringify(good('J-1'))},`,
    '  {"id": "J-2" "sex": "male"},',
    `  {"id": "J-3", "sex": "male", "birthDate": "1978-06-15", "education": "university", "__proto__": {"polluted": true}},`,
    `  ${JSON.stringify(good('J-4'))}`,
    ']',
  ].join('\n'));
  const ruleset = JSON.parse(readFileSync(join(ROOT, 'rulesets', '57-qd-tw.json'), 'utf8'));
  ruleset.rules[0].conditions.all[0].fact = 'partyStatsu';
  ruleset.rules[1].conditions.all[0].operator = 'greaterThanInclusiv';
  writeFileSync(join(dir, 'bad-ruleset.json'), JSON.stringify(ruleset, null, 2));
  writeFileSync(join(dir, 'cases.json'), JSON.stringify({
    schema: 'llct/golden-cases', version: 1, ruleset: '57-qd-tw',
    base: { profile: good('CASE'), nomination: { level: 'intermediate', mode: 'full-time', on: '2024-03-01' } },
    cases: [
      { id: 'c-right', title: 'ngày 01/03/2024 áp dụng 57', citation: '57-QĐ/TW Điều 12', expect: { regulation: '57-QĐ/TW' } },
      { id: 'c-wrong', title: 'ca cố ý sai', citation: '57-QĐ/TW Điều 12', expect: { regulation: '350-QĐ/TW' } },
    ],
  }));
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

const FLAGS = ['--level', 'intermediate', '--mode', 'part-time', '--on', '2024-03-01'];

describe('llct check', () => {
  it('prints the contract JSON for a clean file and exits 0; a row nomination wins over the flags', async () => {
    const r = await llct('check', '--cadres', 'good.json', ...FLAGS, '--format', 'json');
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(Object.keys(doc)).toEqual(expect.arrayContaining(['results', 'errors', 'summary']));
    expect(doc.errors).toEqual([]);
    expect(doc.summary).toEqual({ total: 2, eligible: 1, ineligible: 1, outOfScope: 0, invalid: 0 });
    const [a, b] = doc.results;
    // 57-QĐ/TW Điều 5: a subject (in planning, khoản 1), full Party member, university, a man of 45 (part-time from
    // 35): eligible, trained in Hà Nội at Lê Hồng Phong (Điều 8).
    expect(a).toMatchObject({ id: 'G-1', level: 'intermediate', mode: 'part-time', on: '2024-03-01', regulation: '57-QĐ/TW', eligible: true, failures: [] });
    expect(a.subjects).toContain('tc-planning');
    expect(a.institution.id).toBe('le-hong-phong');
    // 350-QĐ/TW, cao cấp: a deputy head of division is not among the subjects; every standard is met.
    expect(b).toMatchObject({ id: 'G-2', level: 'advanced', mode: 'full-time', on: '2025-09-15', regulation: '350-QĐ/TW', eligible: false });
    expect(b.failures.map((f: { rule: string }) => f.rule)).toEqual(['350-qd-tw-advanced-subject']);
    for (const v of doc.results) {
      expect(v.eligible).toBe(v.failures.length === 0);
      for (const f of v.failures) expect(f).toEqual(expect.objectContaining({ rule: expect.any(String), citation: expect.any(String), message: expect.any(String) }));
      expect(v.institution === null || (typeof v.institution.id === 'string' && typeof v.institution.name === 'string')).toBe(true);
    }
    expect(a.institution).toMatchObject({ id: 'le-hong-phong', name: 'Trường Đào tạo cán bộ Lê Hồng Phong' });
  });

  it('reads a BOM + semicolon + CRLF file, reports each bad row by file, row and field, checks the good rows, exits 1', async () => {
    const r = await llct('check', '--cadres', 'mixed.csv', ...FLAGS, '--format', 'json');
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.stdout);
    expect(doc.results.map((v: { id: string }) => v.id)).toEqual(['HN-01', 'HN-06', 'HN-08']);
    expect(doc.summary).toMatchObject({ total: 8, invalid: 5 });
    const errors = doc.errors.map((e: { row: number; field: string; code: string }) => [e.row, e.field, e.code]);
    expect(errors).toEqual([
      [2, 'sex', 'cadre/unknown-value'],
      [3, 'birthDate', 'cadre/impossible-date'],
      [4, 'education', 'cadre/missing-field'],
      [5, 'id', 'cadre/duplicate-id'],
      [7, 'fullName', 'csv/unterminated-quote'],
    ]);
    for (const e of doc.errors) {
      expect(e.file).toBe('mixed.csv');
      expect(e.message).toContain(`mixed.csv, hàng ${e.row}`);
      expect(e.message).toContain(`trường "${e.field}"`);
    }
    expect(doc.errors[0].message).toContain('Có phải "female"?');
    expect(doc.errors[3].message).toContain('trùng với hàng 1');
    expect([doc.errors[1].hint, doc.errors[1].hintEn]).toEqual([
      'Kiểm tra ngày và tháng (ví dụ 31/02 không tồn tại; DD/MM/YYYY là ngày/tháng/năm).',
      'Check the day and the month (31/02 does not exist, for example; DD/MM/YYYY is day/month/year).',
    ]);
    expect(r.stderr).toContain('mixed.csv, hàng 3 (dòng 4) [HN-03], trường "birthDate"');
  });

  it('prints English hints and no Vietnamese ones with --lang en: an impossible date and an unknown position code, in text and JSON', async () => {
    const text = await llct('check', '--cadres', 'mixed.csv', ...FLAGS, '--lang', 'en');
    expect(text.code).toBe(1);
    expect(text.stdout).toContain('mixed.csv, row 3 (line 4) [HN-03], field "birthDate": the date "31/02/1980" does not exist on the calendar'
      + ' — hint: Check the day and the month (31/02 does not exist, for example; DD/MM/YYYY is day/month/year).');
    const hints = `${text.stdout}${text.stderr}`.split('\n').filter((l) => l.includes(' — hint: ')).map((l) => l.split(' — hint: ')[1]!);
    expect(hints).toHaveLength(4);
    for (const h of hints) expect(hasVietnameseProse(h), h).toBe(false);
    expect(`${text.stdout}${text.stderr}`).not.toContain('gợi ý');

    const json = await llct('check', '--cadres', 'positions.csv', ...FLAGS, '--lang', 'en', '--format', 'json');
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout).errors).toMatchObject([{
      row: 1, field: 'position', code: 'cadre/unknown-position',
      hint: 'See the position catalogue in rulesets/positions.json.', hintEn: 'See the position catalogue in rulesets/positions.json.',
    }]);
    expect(json.stderr).toContain('field "position": position code "chairman-of-everything" is not in the position catalogue'
      + ' — hint: See the position catalogue in rulesets/positions.json.');
    const vi = await llct('check', '--cadres', 'positions.csv', ...FLAGS, '--format', 'json');
    expect(JSON.parse(vi.stdout).errors[0]).toMatchObject({
      hint: 'Xem danh mục chức vụ trong rulesets/positions.json.', hintEn: 'See the position catalogue in rulesets/positions.json.',
    });
  });

  it('reports malformed JSON and __proto__ keys in English with --lang en, still checking the good elements', async () => {
    const r = await llct('check', '--cadres', 'broken.json', ...FLAGS, '--format', 'json', '--lang', 'en');
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.stdout);
    expect(doc.results.map((v: { id: string }) => v.id)).toEqual(['J-1', 'J-4']);
    expect(doc.errors.map((e: { row: number; field: string; code: string }) => [e.row, e.field, e.code])).toEqual([
      [2, '', 'json/syntax'], [3, '__proto__', 'cadre/forbidden-key'],
    ]);
    expect(doc.errors[0].message).toMatch(/^broken\.json, row 2 \(line 3\), whole row: invalid JSON at line 3, column 16/);
    expect(doc.errors[1].message).toMatch(/^broken\.json, row 3 \(line 4\) \[J-3\], field "__proto__": forbidden field name/);
    expect(doc.summary).toMatchObject({ total: 4, invalid: 2 });
  });

  it('writes well-formed JUnit: an invalid row is an errored testcase, an ineligible one passes with its reasons', async () => {
    const r = await llct('check', '--cadres', 'mixed.csv', ...FLAGS, '--format', 'junit');
    expect(r.code).toBe(1);
    expect(xmlProblems(r.stdout)).toEqual([]);
    expect(r.stdout.match(/<testcase /g)).toHaveLength(8);
    expect(r.stdout.match(/<error /g)).toHaveLength(5);
    expect(r.stdout).toContain('errors="5"');
    expect(r.stdout).not.toContain('<failure');
    const hn08 = /<testcase classname="llct\.check\.intermediate" name="HN-08 \(hàng 8\)"[^>]*>(.*?)<\/testcase>/s.exec(r.stdout);
    expect(hn08?.[1]).toMatch(/^<system-out>chưa đủ điều kiện học trung cấp \(không tập trung\) ngày 01\/03\/2024 theo 57-QĐ\/TW\n- .*đảng viên/s);
  });

  it('exits 2 for a nomination date before 57-QĐ/TW given by flag, and for a missing file', async () => {
    const early = await llct('check', '--cadres', 'good.json', '--level', 'intermediate', '--mode', 'part-time', '--on', '2022-02-07');
    expect(early.code).toBe(2);
    expect(early.stderr).toContain('07/02/2022');
    expect(early.stdout).toBe('');
    const missing = await llct('check', '--cadres', 'nope.csv', ...FLAGS);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('nope.csv: không tìm thấy tệp');
  });

  it('exits 2 with the path and a hint for a ruleset with an unknown fact and operator', async () => {
    const r = await llct('check', '--cadres', 'good.json', ...FLAGS, '--ruleset', 'bad-ruleset.json', '--format', 'json');
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('bad-ruleset.json [rules[0].conditions.all[0].fact]: Không có dữ kiện "partyStatsu".');
    expect(r.stderr).toContain('Có phải "partyStatus"?');
    expect(r.stderr).toContain('bad-ruleset.json [rules[1].conditions.all[0].operator]');
    expect(r.stderr).toContain('Có phải "greaterThanInclusive"?');
    const en = await llct('check', '--cadres', 'good.json', ...FLAGS, '--ruleset', 'bad-ruleset.json', '--lang', 'en');
    expect(en.code).toBe(2);
    expect(en.stderr).toContain('bad-ruleset.json [rules[0].conditions.all[0].fact]: Unknown fact "partyStatsu". — hint: Did you mean "partyStatus"? Valid facts: ');
    expect(en.stderr).toContain('— hint: Did you mean "greaterThanInclusive"? Valid operators: ');
    expect(en.stderr).not.toMatch(/Có phải|gợi ý|hợp lệ/);
  });

  it('exits 2 on an unknown option with a "did you mean"', async () => {
    const r = await llct('check', '--cadre', 'good.json');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Lệnh check không có tùy chọn --cadre. Có phải --cadres?');
  });
});

describe('llct validate, test, explain, generate', () => {
  it('validate --format json lists each ruleset error with its path and exits 2', async () => {
    const r = await llct('validate', '--ruleset', 'bad-ruleset.json', '--format', 'json');
    expect(r.code).toBe(2);
    const doc = JSON.parse(r.stdout);
    expect(doc.files[0].valid).toBe(false);
    const errors = doc.files[0].diagnostics.filter((d: { severity: string }) => d.severity === 'error');
    expect(errors.map((d: { code: string; path: string }) => [d.code, d.path])).toEqual([
      ['ruleset/unknown-fact', 'rules[0].conditions.all[0].fact'],
      ['ruleset/unknown-operator', 'rules[1].conditions.all[0].operator'],
    ]);
    expect(errors[0].segments).toEqual(['rules', 0, 'conditions', 'all', 0, 'fact']);
    expect(errors[0].hint).toMatch(/^Có phải "partyStatus"\? Dữ kiện hợp lệ: /);
    expect(errors[0].hintEn).toMatch(/^Did you mean "partyStatus"\? Valid facts: /);
    const en = JSON.parse((await llct('validate', '--ruleset', 'bad-ruleset.json', '--format', 'json', '--lang', 'en')).stdout);
    const enErrors = en.files[0].diagnostics.filter((d: { severity: string }) => d.severity === 'error');
    expect(enErrors.map((d: { hint: string }) => d.hint)).toEqual(enErrors.map((d: { hintEn: string }) => d.hintEn));
    expect(enErrors[1].hint).toMatch(/^Did you mean "greaterThanInclusive"\? Valid operators: /);
  });

  it('lifecycle validate --lang en gives the broken sample file\'s hints in English, as text and as JSON', async () => {
    const text = await llct('lifecycle', 'validate', '--workflow', BROKEN_LIFECYCLE, '--lang', 'en');
    expect(text.code).toBe(2);
    const hints = text.stdout.split('\n').filter((l) => l.trimStart().startsWith('hint: '));
    expect(hints).toHaveLength(9);
    expect(hints).toContain('      hint: "eligible" can only be used in learner lifecycles.');
    expect(hints).toContain('      hint: Remove "final", or remove the transitions.');
    for (const h of hints) expect(hasVietnameseProse(h), h).toBe(false);
    expect(text.stdout).not.toContain('gợi ý');
    const json = JSON.parse((await llct('lifecycle', 'validate', '--workflow', BROKEN_LIFECYCLE, '--lang', 'en', '--format', 'json')).stdout);
    const hinted = json.files[0].diagnostics.filter((d: { hint?: string }) => d.hint !== undefined);
    expect(hinted).toHaveLength(9);
    for (const d of hinted) expect([d.hint, hasVietnameseProse(d.hint)]).toEqual([d.hintEn, false]);
  });

  it('test runs a case file, prints "N passed, M failed" last and exits 1 when a case fails', async () => {
    const r = await llct('test', '--cases', 'cases.json');
    expect(r.code).toBe(1);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines.at(-1)).toBe('1 passed, 1 failed');
    expect(r.stdout).toContain('✓ c-right');
    expect(r.stdout).toContain('✗ c-wrong');
    expect(r.stdout).toContain('regulation: expected 350-QĐ/TW, got 57-QĐ/TW');
  });

  it('explain prints the regulation, why it applies, each rule with ✓/✗ and the institution', async () => {
    const r = await llct('explain', '--cadres', 'good.json', '--id', 'G-1', ...FLAGS);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Cán bộ G-1 — Nguyễn Văn Hùng (nam, sinh 15/06/1978; 45 tuổi tại ngày cử)');
    expect(r.stdout).toContain('Quy định áp dụng: 57-QĐ/TW');
    expect(r.stdout).toContain('vì ngày cử 01/03/2024 từ 08/02/2022');
    expect(r.stdout).toMatch(/✓ .*57-QĐ\/TW Điều 5/);
    expect(r.stdout).toContain('Cơ sở đào tạo: Trường Đào tạo cán bộ Lê Hồng Phong');
  });

  it('generate writes a CSV cohort that the reader takes back without errors', async () => {
    const r = await llct('generate', '--count', '25', '--seed', '3', '--format', 'csv', '--out', 'gen.csv');
    expect(r.code).toBe(0);
    const check = await llct('check', '--cadres', 'gen.csv', ...FLAGS, '--format', 'csv');
    expect(check.code).toBe(0);
    const lines = check.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('row,id,level,mode,on,regulation,eligible,institution.id,institution.name,failures,citations,messages,verdict,warnings,specialDecision');
    expect(lines).toHaveLength(26);
  });

  it('generate writes CSV to a .csv file without --format, and JSON elsewhere', async () => {
    expect((await llct('generate', '--count', '3', '--seed', '3', '--out', 'inferred.csv')).code).toBe(0);
    expect((await llct('generate', '--count', '3', '--seed', '3', '--out', 'inferred.json')).code).toBe(0);
    const csv = await llct('check', '--cadres', 'inferred.csv', ...FLAGS, '--format', 'json');
    const json = await llct('check', '--cadres', 'inferred.json', ...FLAGS, '--format', 'json');
    expect(csv.code).toBe(0);
    expect(JSON.parse(csv.stdout)).toEqual(JSON.parse(json.stdout));
  });
});
