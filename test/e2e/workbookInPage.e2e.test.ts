/**
 * Excel in the comparison view of the production build, in Chromium: a workbook with several sheets is opened (the
 * Excel code loads only then), compared, and side B's results downloaded as .xlsx; the downloaded workbook is read
 * back with the engine's own workbook reader and checked against the engine's verdicts for the same rows, computed
 * here. The template downloaded from the page reads back as its example cadre.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { builtinDocuments } from '../../engine/builtin.ts';
import type { Nomination } from '../../engine/documents/cadre.ts';
import { createWorkbookCadreReader } from '../../engine/io/xlsx/readWorkbookCadres.ts';
import { openWorkbook } from '../../engine/io/xlsx/openWorkbook.ts';
import { readSheetRows, type CellValue } from '../../engine/io/xlsx/readSheetRows.ts';
import { createCohortDiff } from '../../engine/rules/diff/createCohortDiff.ts';
import { createDiffSide } from '../../engine/rules/diff/createDiffSide.ts';
import { useBuiltPage } from './useBuiltPage.ts';

const WORKBOOK = fileURLToPath(new URL('../../fixtures/cadres/danh-sach-trich-ngang.xlsx', import.meta.url));
const built = useBuiltPage();

/** Side B (350-QĐ/TW, the page's default) on every readable row of the workbook, by sheet and row. */
function engineVerdicts(): Map<string, { id: string; eligible: boolean }> {
  const nomination: Nomination = { level: 'intermediate', mode: 'part-time', on: '2024-03-01' };
  const a = createDiffSide({ ruleset: '57-qd-tw' }, builtinDocuments(), nomination.on);
  const b = createDiffSide({ ruleset: '350-qd-tw' }, builtinDocuments(), nomination.on);
  if (!a.ok || !b.ok) throw new Error('the shipped sides must build');
  const cohort = createCohortDiff({ a: a.side, b: b.side });
  const out = new Map<string, { id: string; eligible: boolean }>();
  const reader = createWorkbookCadreReader(new Uint8Array(readFileSync(WORKBOOK)), { file: 'x.xlsx', positions: builtinDocuments().positions });
  for (const batch of reader.batches()) {
    for (const r of batch.rows) {
      const side = cohort.add(r.profile, { ...nomination, ...r.nomination }).b;
      if (side.ok) out.set(`${r.sheet}:${r.row}`, { id: r.profile.id, eligible: side.eligible });
    }
  }
  return out;
}

const cell = (v: CellValue | undefined) => (v === undefined ? '' : typeof v === 'object' ? ('date' in v ? v.date : v.text) : String(v));

describe('Excel in the comparison view', () => {
  it('opens a workbook of several sheets on demand, compares it and downloads the results as .xlsx', async () => {
    const { page, errors } = await built.open({ acceptDownloads: true });
    const scripts: string[] = [];
    page.on('request', (r) => { if (r.resourceType() === 'script') scripts.push(r.url()); });
    await page.getByTestId('view-diff').click();
    await page.waitForSelector('[data-testid=cohort-file]');
    expect(scripts.some((u) => /workbookCohort|workbookDownloads|exceljs/.test(u))).toBe(false);

    await page.getByTestId('cohort-file').setInputFiles(WORKBOOK);
    await page.waitForSelector('[data-testid=diff-result]');
    expect(scripts.some((u) => /workbookCohort/.test(u))).toBe(true);
    expect(scripts.some((u) => /workbookDownloads|exceljs/.test(u))).toBe(false);
    const options = await page.getByTestId('cohort-sheet').locator('option').allTextContents();
    const book = openWorkbook(new Uint8Array(readFileSync(WORKBOOK)));
    expect(options.slice(1)).toEqual(book.sheets.filter((s) => !s.hidden).map((s) => s.name));
    expect(options[0]).toContain('Tất cả trang tính');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-results').click()]);
    expect(download.suggestedFilename()).toBe('ket-qua-kiem-tra.xlsx');
    const bytes = new Uint8Array(readFileSync((await download.path())!));
    const results = openWorkbook(bytes);
    expect(results.sheets.map((s) => s.name)).toEqual(['Kết quả', 'Tổng hợp']);
    const rows = [...readSheetRows(results, results.sheets[0]!)].map((r) => r.cells.map(cell));
    expect(rows[0]!.slice(0, 3)).toEqual(['Trang tính', 'Hàng', 'Mã cán bộ']);
    const verdictCol = rows[0]!.indexOf('Kết luận');
    const expected = engineVerdicts();
    expect(rows.length - 1).toBe(expected.size);
    for (const r of rows.slice(1)) {
      const want = expected.get(`${r[0]}:${r[1]}`);
      expect(want?.id).toBe(r[2]);
      expect(r[verdictCol]).toBe(want!.eligible ? 'Đủ điều kiện' : 'Chưa đủ điều kiện');
    }
    // The nomination date is a date cell, read back as the date.
    expect(rows[1]![rows[0]!.indexOf('Ngày cử đi học')]).toBe('2024-03-01');

    // One sheet chosen: the comparison runs again on that sheet alone.
    await page.getByTestId('cohort-sheet').selectOption({ index: 2 });
    await page.waitForFunction(() => document.querySelector('[data-testid=stat-compared]') !== null);
    expect(errors).toEqual([]);
  });

  it('says why a file is no workbook, naming it, without breaking the page', async () => {
    const { page, errors } = await built.open();
    await page.getByTestId('view-diff').click();
    await page.getByTestId('cohort-file').setInputFiles({ name: 'hong.xlsx', mimeType: 'application/octet-stream', buffer: Buffer.from('not a zip at all') });
    await page.waitForSelector('[data-testid=diff-result]');
    const problems = await page.locator('[data-testid=diff-result]').textContent();
    expect(problems).toContain('hong.xlsx');
    expect(problems).toContain('không phải là sổ tính .xlsx');
    expect(errors).toEqual([]);
  });

  it('downloads the list template, which reads back as its example cadre ', async () => {
    const { page, errors } = await built.open({ acceptDownloads: true });
    await page.getByTestId('view-diff').click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-template').click()]);
    expect(download.suggestedFilename()).toBe('mau-danh-sach-can-bo.xlsx');
    const reader = createWorkbookCadreReader(new Uint8Array(readFileSync((await download.path())!)), { file: 't.xlsx', positions: builtinDocuments().positions });
    const read = [...reader.batches()].flatMap((b) => b.rows);
    expect(read.map((r) => r.profile.id)).toEqual(['VD-001']);
    expect(read[0]!.profile.fullName).toBe('Nguyễn Văn An');
    expect(errors).toEqual([]);
  });
});
