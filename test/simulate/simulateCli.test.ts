/**
 * `llct simulate` as CI runs it: the real binary (bin/llct.mjs) on the Hà Nội 2024 plan. The same seed gives the same
 * bytes with any number of worker threads; a bad plan is exit 2 with diagnostics naming the file and the path; the
 * HTML report is one offline file under a hash-based CSP; CSV neutralises formula cells; --compare reports the
 * 57 → 350 differences with the rules behind them.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runLlct } from '../cli/runLlct.ts';
import { hanoiRaw } from './simulateKit.ts';

const PLAN = 'fixtures/plans/ha-noi-2024.json';
const SAMPLE = 'fixtures/cadres/hanoi-2024-central-agencies.json';
const tmp = mkdtempSync(join(tmpdir(), 'llct-simulate-'));

describe('llct simulate', () => {
  it('gives the same JSON, byte for byte, on the main thread and on two workers', async () => {
    const args = ['simulate', '--plan', PLAN, '--runs', '6', '--seed', '11', '--format', 'json'];
    const [main, two] = await Promise.all([runLlct(ROOT, [...args, '--workers', '0']), runLlct(ROOT, [...args, '--workers', '2'])]);
    expect(main.code, main.stderr).toBe(0);
    expect(two.code, two.stderr).toBe(0);
    expect(two.stdout).toBe(main.stdout);
    const r = JSON.parse(main.stdout) as { runs: number; classes: unknown[]; kpis: Array<{ name: string; stats: { p50: number; p5: number; p95: number } }> };
    expect(r.runs).toBe(6);
    expect(r.classes).toHaveLength(20);
    const nominated = r.kpis.find((k) => k.name === 'nominated')!.stats;
    expect(nominated.p95).toBeLessThanOrEqual(1390);
    expect(nominated.p5).toBeLessThanOrEqual(nominated.p50);
  }, 120_000);

  it('refuses a bad plan with exit 2 and diagnostics that name the file, the path and a fix', async () => {
    const raw = hanoiRaw();
    (raw.classes as Array<Record<string, unknown>>)[4]!.minSise = 20;
    const file = join(tmp, 'bad-plan.json');
    writeFileSync(file, JSON.stringify(raw));
    const r = await runLlct(ROOT, ['simulate', '--plan', file, '--runs', '2', '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${file} [classes[4].minSise]`);
    expect(r.stderr).toContain('Did you mean "minSize"?');
    expect(r.stdout).toBe('');
  });

  it('refuses contradictory options with exit 2 and a pointer to --help', async () => {
    const r = await runLlct(ROOT, ['simulate', '--plan', PLAN, '--cadres', SAMPLE, '--generate', '100']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('llct simulate --help');
    const c = await runLlct(ROOT, ['simulate', '--plan', PLAN, '--compare']);
    expect(c.code).toBe(2);
  });

  it('writes a self-contained HTML report: Chart.js inlined, a CSP by hashes, nothing fetched from the network', async () => {
    const out = join(tmp, 'report.html');
    const r = await runLlct(ROOT, ['simulate', '--plan', PLAN, '--cadres', SAMPLE, '--runs', '3', '--format', 'html', '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    const html = readFileSync(out, 'utf8');
    expect(html).toMatch(/<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'sha256-[^']+' 'sha256-[^']+'; style-src 'sha256-[^']+'/);
    expect(html).not.toMatch(/<(script|link|img)[^>]+(src|href)="https?:/);
    expect(html).toContain('Chart.js v4');
    expect(html).toContain('Trường Đào tạo cán bộ Lê Hồng Phong');
    expect(html).toContain('16/05/2024');
    // The plan's figures are named in the report's language (the plan gives both), not by their English keys.
    expect(html).toContain('<th>Số lớp dự kiến cho cơ quan Trung ương năm 2024</th>');
    expect(html).not.toContain('<th>classes planned for central agencies in 2024</th>');
    // Numbers as each language writes them: 1.390 in Vietnamese, 1,390 in English.
    expect(html).toContain('<td>1.390</td>');
    const en = join(tmp, 'report-en.html');
    const r2 = await runLlct(ROOT, ['simulate', '--plan', PLAN, '--cadres', SAMPLE, '--runs', '3', '--format', 'html', '--lang', 'en', '--out', en]);
    expect(r2.code, r2.stderr).toBe(0);
    const htmlEn = readFileSync(en, 'utf8');
    expect(htmlEn).toContain('<th>Learners planned</th><td>1,390</td>');
    expect(htmlEn).toMatch(/<td>[0-9]{1,3}(,[0-9]{3})*(\.[0-9])? <span class="iv">/);
    expect(htmlEn).not.toMatch(/<td>[0-9]+\.[0-9]{3} <span class="iv">/);
    // Plan values and notes given in both languages are in the report's; a citation stays as written.
    expect(htmlEn).toContain('<td>part-time, 8 months</td>');
    expect(htmlEn).not.toContain('không tập trung, 8 tháng');
    expect(htmlEn).toContain('10 classes of 70 and 10 of 69 make the total 1,390.');
    expect(htmlEn).toContain('Tạp chí Cộng sản, 2024');
    expect(html).toContain('<td>không tập trung, 8 tháng</td>');
    // Parameters by their names, units, confidence and sources in the report's language.
    expect(htmlEn).toContain('<th>Drop-out rate during the course <code>dropOut</code></th><td>2 %</td><td>assumed</td><td class="src">Assumed: no published figure was found');
    expect(html).toContain('<th>Tỷ lệ thôi học trong khóa <code>dropOut</code></th><td>2 %</td><td>giả định</td><td class="src">Giả định: không tìm thấy số liệu công bố');
    // A parameter the plan's calibration fitted (the shipped plan: fixtures/plans/ha-noi-2024.observed.json) says so.
    expect(html).toContain('<th>Tỷ lệ không đến nhập học <code>noShow</code></th><td>0,3 %</td><td>giả định</td><td class="src">Hiệu chỉnh (abc-smc, hạt giống 2024) theo ha-noi-2024.observed.json');
    expect(htmlEn).toContain('<td>75 days</td>');
    // The header names the plan, the regulation and the cohort once each.
    const header = /<header><h1>[^<]+<\/h1><p>([^<]+)<\/p>/.exec(htmlEn)?.[1];
    expect(header).toMatch(/^ha-noi-2024 · Regulation applied: by nomination date · 3 runs · seed 2024 · \S*hanoi-2024-central-agencies\.json \(210\)$/);
    // A generated cohort: its size once, as the language writes numbers.
    const gen = join(tmp, 'report-generated.html');
    const r3 = await runLlct(ROOT, ['simulate', '--plan', PLAN, '--generate', '1200', '--runs', '2', '--format', 'html', '--out', gen]);
    expect(r3.code, r3.stderr).toBe(0);
    expect(/<header><h1>[^<]+<\/h1><p>([^<]+)<\/p>/.exec(readFileSync(gen, 'utf8'))?.[1]).toBe('ha-noi-2024 · Quy định áp dụng: theo ngày cử đi học · 2 lần chạy · hạt giống 2024 · tập sinh ngẫu nhiên (1.200)');
  }, 60_000);

  it('writes CSV with formula-looking cells neutralised', async () => {
    const raw = hanoiRaw();
    (raw.classes as Array<Record<string, unknown>>)[0]!.name = '=HYPERLINK("http://x")';
    const file = join(tmp, 'formula-plan.json');
    writeFileSync(file, JSON.stringify(raw));
    const r = await runLlct(ROOT, ['simulate', '--plan', file, '--cadres', SAMPLE, '--runs', '2', '--format', 'csv']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe('section,id,label,measure,p5,p50,p95,mean,runs');
    expect(r.stdout).toContain(`"'=HYPERLINK(""http://x"")"`);
    expect(r.stdout).not.toMatch(/,=HYPERLINK/);
  }, 60_000);

  it('compares 57-QĐ/TW with 350-QĐ/TW on the 2024 sample: fewer eligible under 350, lost by the rating rule and the subject list', async () => {
    const r = await runLlct(ROOT, ['simulate', '--plan', PLAN, '--cadres', SAMPLE, '--runs', '4', '--ruleset', '57-qd-tw', '--compare', '--b-ruleset', '350-qd-tw', '--format', 'json']);
    expect(r.code, r.stderr).toBe(0);
    const c = JSON.parse(r.stdout) as { kpis: Array<{ name: string; delta: { p50: number } }>; byRule: Array<{ rule: string; side: string; lost: number }>; summary: { lost: number; gained: number } };
    expect(c.kpis.find((k) => k.name === 'eligible')!.delta.p50).toBeLessThan(0);
    expect(c.summary.lost).toBeGreaterThan(c.summary.gained);
    const lostBy = c.byRule.filter((x) => x.side === 'b').map((x) => x.rule);
    expect(lostBy).toEqual(expect.arrayContaining(['tc350-ratings', '350-qd-tw-intermediate-subject']));
  }, 60_000);
});
