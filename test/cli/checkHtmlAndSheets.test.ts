/**
 * `llct check --format html` writes the printable list of the checked list (every result of `--format json`, with
 * its verdict, grouped by agency, in the language asked for), and a workbook read from several sheets gives its
 * results a `sheet` (JSON field, last CSV column) that tells rows of the same number on two sheets apart.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, runLlct } from './runLlct.ts';

const XLSX = 'fixtures/cadres/danh-sach-trich-ngang.xlsx';
const CSV = 'fixtures/cadres/hanoi-2024-central-agencies.csv';
const NOM = ['--level', 'intermediate', '--mode', 'part-time', '--on', '2024-03-01'];
const tmp = mkdtempSync(join(tmpdir(), 'llct-html-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

interface JsonResult { id: string; row: number; sheet?: string; eligible: boolean; failures: { citation: string }[] }
async function jsonResults(args: string[]): Promise<{ results: JsonResult[]; errors: { row?: number; sheet?: string }[] }> {
  const run = await runLlct(ROOT, ['check', ...args, '--format', 'json']);
  return JSON.parse(run.stdout) as { results: JsonResult[]; errors: { row?: number; sheet?: string }[] };
}

function rowsOf(html: string): { id: string; verdict: string }[] {
  return [...html.matchAll(/<tr class="row v-(\w+)" data-id="([^"]*)">/g)].map((m) => ({ verdict: m[1]!, id: m[2]! }));
}

describe('llct check --format html', () => {
  it('writes every checked cadre with the verdict the JSON gives, grouped under its agency, in Vietnamese', async () => {
    const out = join(tmp, 'list.html');
    const run = await runLlct(ROOT, ['check', '--cadres', CSV, ...NOM, '--format', 'html', '--out', out]);
    expect(run.code).toBe(0);
    const html = readFileSync(out, 'utf8');
    const { results } = await jsonResults(['--cadres', CSV, ...NOM]);
    const printed = rowsOf(html);
    expect(printed.map((r) => r.id).sort()).toEqual(results.map((r) => r.id).sort());
    const byId = new Map(results.map((r) => [r.id, r.eligible ? 'eligible' : 'ineligible']));
    for (const r of printed) expect(r.verdict).toBe(byId.get(r.id));
    expect(html).toContain('<html lang="vi">');
    expect(html).toContain('ĐẢNG CỘNG SẢN VIỆT NAM');
    expect(html).toContain('DANH SÁCH');
    expect(html).toContain('cán bộ cử đi học trung cấp lý luận chính trị, hệ không tập trung');
    expect(html).toContain('ngày 01 tháng 03 năm 2024');
    // Every failing citation the JSON names is printed.
    for (const c of new Set(results.flatMap((r) => r.failures.map((f) => f.citation)))) expect(html).toContain(c.replace(/&/g, '&amp;'));
    expect(html).toContain(`Tổng cộng: ${results.length}`);
  });

  it('speaks English with --lang en, and prints to stdout without --out', async () => {
    const run = await runLlct(ROOT, ['check', '--cadres', CSV, ...NOM, '--format', 'html', '--lang', 'en']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('<html lang="en">');
    expect(run.stdout).toContain('COMMUNIST PARTY OF VIET NAM');
    expect(run.stdout).not.toContain('Chưa đủ điều kiện');
  });

  it('lists a workbook\'s unreadable rows as "could not be read" with the reader\'s message', async () => {
    const out = join(tmp, 'wb.html');
    const run = await runLlct(ROOT, ['check', '--cadres', XLSX, ...NOM, '--format', 'html', '--out', out]);
    const { results, errors } = await jsonResults(['--cadres', XLSX, ...NOM]);
    expect(run.code).toBe(errors.length > 0 ? 1 : 0);
    const printed = rowsOf(readFileSync(out, 'utf8'));
    const rowErrors = new Set(errors.filter((e) => e.row !== undefined).map((e) => `${e.sheet}:${e.row}`));
    expect(printed.filter((r) => r.verdict === 'invalid')).toHaveLength(rowErrors.size);
    expect(printed.filter((r) => r.verdict !== 'invalid').map((r) => r.id)).toEqual(results.map((r) => r.id));
  });
});

describe('results of a workbook with several sheets', () => {
  it('name each row\'s sheet in the JSON and in a last CSV column', async () => {
    const { results } = await jsonResults(['--cadres', XLSX, ...NOM]);
    const sheets = new Set(results.map((r) => r.sheet));
    expect(sheets.size).toBeGreaterThan(1);
    expect(results.every((r) => typeof r.sheet === 'string' && r.sheet !== '')).toBe(true);
    const csv = await runLlct(ROOT, ['check', '--cadres', XLSX, ...NOM, '--format', 'csv']);
    const lines = csv.stdout.trim().split('\n');
    expect(lines[0]!.split(',').at(-1)).toBe('sheet');
    expect(lines.slice(1).map((l) => l.split(',').at(-1))).toEqual(results.map((r) => r.sheet));
  });

  it('leave the sheet out when one sheet is read (--sheet) or the input is not a workbook', async () => {
    const one = await jsonResults(['--cadres', XLSX, ...NOM, '--sheet', '2']);
    expect(one.results.length).toBeGreaterThan(0);
    expect(one.results.some((r) => 'sheet' in r)).toBe(false);
    const csv = await runLlct(ROOT, ['check', '--cadres', CSV, ...NOM, '--format', 'csv']);
    expect(csv.stdout.split('\n')[0]!.split(',')).not.toContain('sheet');
  });

  it('give the results workbook a sheet column', async () => {
    const out = join(tmp, 'results.xlsx');
    await runLlct(ROOT, ['check', '--cadres', XLSX, ...NOM, '--format', 'xlsx', '--out', out]);
    const { default: ExcelJS } = await import('exceljs');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(readFileSync(out) as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    expect(sheet.getRow(1).getCell(1).value).toBe('Trang tính');
    const { results } = await jsonResults(['--cadres', XLSX, ...NOM]);
    const names: unknown[] = [];
    for (let r = 2; r <= sheet.rowCount; r++) names.push(sheet.getRow(r).getCell(1).value);
    expect(names).toEqual(results.map((r) => r.sheet));
  });
});
