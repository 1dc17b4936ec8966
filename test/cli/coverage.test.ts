import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasVietnameseProse } from '../vietnameseLetters.ts';
import { ROOT, runLlct } from './runLlct.ts';

let dir: string;
const llct = (...args: string[]) => runLlct(dir, args);

/**
 * A two-rule regulation taking effect in 2030 (so that its cases select it): one subject, one standard, each cited
 * provision encoded and each rule passing in one case and failing in the other — nothing for --fail-on to find.
 */
function writeMini() {
  const rs57 = JSON.parse(readFileSync(join(ROOT, 'rulesets', '57-qd-tw.json'), 'utf8'));
  const keep = (id: string, provisions: string[]) => ({ ...rs57.rules.find((r: { id: string }) => r.id === id), provisions });
  const ruleset = {
    ...rs57, id: 'mini',
    regulation: { ...rs57.regulation, code: 'MINI-QĐ/TW', signedOn: '2030-01-01', effectiveFrom: '2030-01-01', levels: ['intermediate'] },
    rules: [keep('tc-division-leadership', ['tc.division']), keep('tc-party-member', ['tc.party'])],
  };
  const provision = (key: string, vi: string) => ({ key, label: { vi, en: key }, quote: vi, sources: ['s1'], confidence: 'confirmed' });
  const outline = {
    schema: 'llct/regulation-outline', version: 1, regulation: 'MINI-QĐ/TW', ruleset: 'mini', title: 'Thử',
    sources: [{ id: 's1', title: 'Nguồn thử <b>&</b>' }],
    provisions: [provision('tc.division', 'Phó trưởng phòng <cấp tỉnh> & tương đương'), provision('tc.party', 'Đảng viên')],
  };
  const g57 = JSON.parse(readFileSync(join(ROOT, 'fixtures', 'golden', '57-qd-tw.cases.json'), 'utf8'));
  const cases = {
    schema: 'llct/golden-cases', version: 1, ruleset: 'mini',
    base: { profile: g57.base.profile, nomination: { level: 'intermediate', mode: 'full-time', on: '2030-03-01' } },
    cases: [
      { id: 'm-1', title: 'Phó trưởng phòng, đảng viên', citation: 'MINI-QĐ/TW Điều 5', expect: { eligible: true } },
      { id: 'm-2', title: 'Công chức, chưa là đảng viên', citation: 'MINI-QĐ/TW Điều 5', profile: { position: 'civil-servant', party: { status: 'none' } }, expect: { eligible: false } },
    ],
  };
  writeFileSync(join(dir, 'mini.json'), JSON.stringify(ruleset));
  writeFileSync(join(dir, 'mini.outline.json'), JSON.stringify(outline));
  writeFileSync(join(dir, 'mini.cases.json'), JSON.stringify(cases));
  // The same outline with a third provision no rule encodes.
  writeFileSync(join(dir, 'gap.outline.json'), JSON.stringify({ ...outline, provisions: [...outline.provisions, provision('tc.ratings', 'Hai năm liên tục')] }));
}
const MINI = ['--ruleset', 'mini.json', '--outline', 'mini.outline.json', '--cases', 'mini.cases.json', '--regulation', 'mini'];

beforeAll(() => { dir = mkdtempSync(join(tmpdir(), 'llct-coverage-')); writeMini(); });
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('llct coverage', () => {
  it('prints both shipped regulations as a Vietnamese table with counts by status', async () => {
    const r = await llct('coverage');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('57-QĐ/TW (57-qd-tw)');
    expect(r.stdout).toContain('350-QĐ/TW (350-qd-tw)');
    expect(r.stdout.match(/^Số điều khoản theo trạng thái: đã kiểm thử \d+, đã mã hóa \d+, giả định \d+, chưa mã hóa \d+$/gm)).toHaveLength(2);
    expect(r.stdout).toContain('Điều 4 khoản 1 điểm a');
    expect(r.stdout).toContain('(số điều giả định)');
    expect(hasVietnameseProse(r.stdout)).toBe(true);
  }, 60_000);

  it('speaks English with --lang en and narrows to one regulation by its code', async () => {
    const r = await llct('coverage', '--regulation', '350-QĐ/TW', '--lang', 'en');
    expect(r.code).toBe(0);
    expect(r.stdout).not.toContain('57-QĐ/TW (57-qd-tw)');
    expect(r.stdout).toMatch(/^Provisions by status: tested \d+, encoded \d+, assumed \d+, not encoded \d+$/m);
    expect(r.stdout).toContain('Provisions no rule encodes (2): tc.standards.special-case, effect.transition');
    const short = await llct('coverage', '--regulation', '350', '--lang', 'en');
    expect(short.stdout).toBe(r.stdout);
  }, 60_000);

  it('gives JSON with each provision, its status and the golden cases of each rule both ways', async () => {
    const r = await llct('coverage', ...MINI, '--format', 'json');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.regulations).toHaveLength(1);
    const [m] = out.regulations;
    expect(m.counts).toEqual({ tested: 2, encoded: 0, assumed: 0, 'not-encoded': 0 });
    const division = m.provisions.find((p: { key: string }) => p.key === 'tc.division');
    expect(division.status).toBe('tested');
    expect(division.rules).toEqual([{ id: 'tc-division-leadership', confidence: 'confirmed', passedIn: ['m-1'], failedIn: ['m-2'] }]);
  }, 60_000);

  it('writes a self-contained HTML page in the chosen language, with the source text escaped', async () => {
    const r = await llct('coverage', ...MINI, '--format', 'html', '--lang', 'en');
    expect(r.code).toBe(0);
    expect(r.stdout.startsWith('<!doctype html>\n<html lang="en">')).toBe(true);
    expect(r.stdout).toContain('<h1>Regulation coverage</h1>');
    expect(r.stdout).toContain('Phó trưởng phòng &#60;cấp tỉnh&#62; &#38; tương đương');
    expect(r.stdout).not.toMatch(/<script|src=|href="http/);
    const vi = await llct('coverage', ...MINI, '--format', 'html');
    expect(vi.stdout).toContain('<html lang="vi">');
    expect(vi.stdout).toContain('Độ phủ quy định');
  }, 60_000);

  it('exits 0 with --fail-on when nothing is uncovered, untested or assumed', async () => {
    const r = await llct('coverage', ...MINI, '--fail-on', 'uncovered', '--fail-on', 'untested', '--fail-on', 'assumed');
    expect(r.code).toBe(0);
    expect(r.stderr).not.toContain('--fail-on');
  }, 60_000);

  it('exits 1 with --fail-on uncovered when a provision is not encoded, and only then', async () => {
    const gap = await llct('coverage', '--ruleset', 'mini.json', '--outline', 'gap.outline.json', '--cases', 'mini.cases.json', '--regulation', 'mini', '--fail-on', 'uncovered');
    expect(gap.code).toBe(1);
    expect(gap.stderr).toContain('uncovered');
    const untested = await llct('coverage', '--ruleset', 'mini.json', '--outline', 'gap.outline.json', '--cases', 'mini.cases.json', '--regulation', 'mini', '--fail-on', 'untested');
    expect(untested.code).toBe(0);
  }, 60_000);

  it('exits 1 with --fail-on untested when a rule lacks a failing case, and with --fail-on assumed on the shipped 350', async () => {
    const cases = JSON.parse(readFileSync(join(dir, 'mini.cases.json'), 'utf8'));
    writeFileSync(join(dir, 'one.cases.json'), JSON.stringify({ ...cases, cases: [cases.cases[0]] }));
    const r = await llct('coverage', '--ruleset', 'mini.json', '--outline', 'mini.outline.json', '--cases', 'one.cases.json', '--regulation', 'mini', '--fail-on', 'untested', '--lang', 'en');
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('Rules without a golden case (2): tc-division-leadership (failing), tc-party-member (failing)');
    const assumed = await llct('coverage', '--regulation', '350-qd-tw', '--fail-on', 'assumed');
    expect(assumed.code).toBe(1);
  }, 60_000);

  it('exits 2 on a usage error: an unknown regulation, a --fail-on value it does not know, an outline that does not load', async () => {
    const unknown = await llct('coverage', '--regulation', '351-qd-tw', '--lang', 'en');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('Did you mean "350-qd-tw"?');
    const bad = await llct('coverage', '--fail-on', 'uncoverd');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('uncovered');
    writeFileSync(join(dir, 'broken.outline.json'), JSON.stringify({ schema: 'llct/regulation-outline', version: 1, regulation: 'X', ruleset: 'mini', title: 'X', sources: [], provisions: [] }));
    const broken = await llct('coverage', '--outline', 'broken.outline.json');
    expect(broken.code).toBe(2);
    expect(broken.stderr).toContain('broken.outline.json');
  }, 60_000);
});
