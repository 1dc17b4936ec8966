/**
 * "In danh sách" in the comparison view of the production build, in Chromium: the sample list compared, the heading
 * filled in from the keyboard, the print view opened in a new tab and printed to PDF — A4 landscape, every cadre of
 * the list once, the totals equal to the engine's own count of side B (350-QĐ/TW), the signature block; the card in
 * Vietnamese and English at 1280 and 390 px. The PDF's text is read back with unpdf.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { extractText, getDocumentProxy } from 'unpdf';
import { describe, expect, it } from 'vitest';
import { builtinDocuments } from '../../engine/builtin.ts';
import { readCadresFromText } from '../../engine/io/readCadres.ts';
import { createDiffSide } from '../../engine/rules/diff/createDiffSide.ts';
import { screenshotPath, useBuiltPage } from './useBuiltPage.ts';

const SAMPLE = fileURLToPath(new URL('../../fixtures/cadres/hanoi-2024-central-agencies.csv', import.meta.url));

/** Side B of the page's default comparison (350-QĐ/TW, trung cấp, part-time, 01/03/2024), judged by the engine here. */
function sideBCounts() {
  const on = '2024-03-01';
  const read = readCadresFromText(readFileSync(SAMPLE, 'utf8'), { file: 'sample.csv', positions: builtinDocuments().positions });
  const b = createDiffSide({ ruleset: '350-qd-tw' }, builtinDocuments(), on);
  if (!b.ok) throw new Error('side B must build');
  let eligible = 0;
  for (const r of read.rows) {
    const o = b.side.checker.checkSync(r.profile, { level: 'intermediate', mode: 'part-time', on });
    if (o.ok && o.verdict.eligible) eligible++;
  }
  return { total: read.rows.length, eligible, ids: read.rows.map((r) => r.profile.id) };
}

const built = useBuiltPage();

describe('the printable list from the comparison view', () => {
  it('is filled in from the keyboard, opens in a new tab and prints to A4 landscape PDF with every cadre and the engine’s totals', async () => {
    const { page, errors } = await built.open({ viewport: { width: 1280, height: 900 } }, '#diff');
    const context = page.context();
    await page.getByTestId('use-sample').click();
    const card = page.getByTestId('print-list');
    await card.waitFor();
    expect(await card.getByTestId('print-open').isDisabled()).toBe(true);
    expect(await card.locator('[role=status]').textContent()).toContain('Địa danh');

    await card.getByTestId('print-superiorBody').focus();
    await page.keyboard.type('ĐẢNG BỘ THÀNH PHỐ HÀ NỘI');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Control+a');
    await page.keyboard.type('BAN TỔ CHỨC THÀNH ỦY');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Hà Nội');
    await card.screenshot({ path: screenshotPath('print-list-card-1280-vi.png') });
    const opened = context.waitForEvent('page');
    await card.getByTestId('print-open').focus();
    await page.keyboard.press('Enter');
    const tab = await opened;
    await tab.waitForLoadState();
    await tab.screenshot({ path: screenshotPath('print-list-view-1280-vi.png') });
    const pdf = await tab.pdf({ preferCSSPageSize: true, printBackground: true });
    const doc = await getDocumentProxy(new Uint8Array(pdf));
    const { text } = await extractText(doc, { mergePages: false });
    const pages = text.map((t) => t.replace(/\s+/g, ' '));
    expect((await doc.getPage(1)).view.map(Math.round)).toEqual([0, 0, 842, 595]);
    expect(pages[0]).toMatch(/ĐẢNG BỘ THÀNH PHỐ HÀ NỘI BAN TỔ CHỨC THÀNH ỦY \* Số …-DS\/… ĐẢNG CỘNG SẢN VIỆT NAM Hà Nội, ngày \d\d tháng \d\d năm \d{4} DANH SÁCH cán bộ cử đi học trung cấp lý luận chính trị, hệ không tập trung/);
    const expected = sideBCounts();
    const all = pages.join(' ');
    for (const id of expected.ids) expect(all.split(`${id} `).length - 1, id).toBe(1);
    expect(pages.at(-1)).toContain(`Tổng cộng: ${expected.total} người (Đủ điều kiện: ${expected.eligible}; Chưa đủ điều kiện: ${expected.total - expected.eligible})`);
    expect(pages.at(-1)).toContain('TRƯỞNG BAN');
    expect(errors).toEqual([]);
  }, 90_000);

  it('reads in English and at 390 px', async () => {
    for (const width of [390, 1280]) {
      const { page, errors } = await built.open({ viewport: { width, height: 900 } }, '#diff');
      await page.getByTestId('use-sample').click();
      const card = page.getByTestId('print-list');
      await card.waitFor();
      await card.screenshot({ path: screenshotPath(`print-list-card-${width}-vi.png`) });
      await page.getByTestId('lang-toggle').click();
      await page.waitForFunction(() => document.documentElement.lang === 'en');
      expect(await card.locator('h3').textContent()).toBe('Print the list');
      expect(await card.getByTestId('print-issuingBody').inputValue()).toBe('ORGANISATION COMMISSION');
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await card.screenshot({ path: screenshotPath(`print-list-card-${width}-en.png`) });
      expect(errors).toEqual([]);
    }
  }, 90_000);
});
