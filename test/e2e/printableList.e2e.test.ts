/**
 * The printable list printed by Chromium to PDF, as a user prints it from the page or from `llct check --format html`:
 * A4 landscape pages, the table's heading on every page, page numbers "n / N", every cadre of the Hà Nội list once
 * and in order, no row cut across two pages, the totals, the note on assumed reasons and the signature block at the
 * end. The PDF's text is read back with unpdf (pdf.js).
 */
import { writeFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { extractText, getDocumentProxy } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatDate } from '../../engine/documents/dates.ts';
import { renderPrintableList } from '../../engine/report/renderPrintableList.ts';
import { HEADING, hanoiRows } from '../report/printableListKit.ts';
import { launchChromium } from './launchChromium.ts';
import { screenshotPath } from './useBuiltPage.ts';

let browser: Browser;
beforeAll(async () => { browser = await launchChromium(); }, 60_000);
afterAll(async () => { await browser?.close(); });

async function printed(html: string, name: string): Promise<{ pages: string[]; sizes: number[][] }> {
  const page = await browser.newPage();
  await page.setContent(html);
  const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
  writeFileSync(screenshotPath(`${name}.pdf`), pdf);
  await page.close();
  const doc = await getDocumentProxy(new Uint8Array(pdf));
  const { text } = await extractText(doc, { mergePages: false });
  const sizes: number[][] = [];
  for (let i = 1; i <= doc.numPages; i++) sizes.push((await doc.getPage(i)).view.map((x) => Math.round(x)));
  return { pages: text.map((t) => t.replace(/\s+/g, ' ')), sizes };
}

describe('the printable list in Chromium, printed to PDF', () => {
  it('prints the Hà Nội list on A4 landscape pages, every cadre once and in order, no row cut, the heading on each page', async () => {
    const { profiles, rows } = hanoiRows();
    const { pages, sizes } = await printed(renderPrintableList(rows, HEADING), 'printable-list-vi');
    expect(pages.length).toBeGreaterThan(5);
    for (const s of sizes) expect(s).toEqual([0, 0, 842, 595]);
    pages.forEach((p, i) => {
      expect(p).toContain('STT Họ và tên Ngày sinh Chức vụ Kết quả Lý do');
      expect(p).toContain(`${i + 1} / ${pages.length}`);
    });
    expect(pages[0]).toMatch(/ĐẢNG BỘ THÀNH PHỐ HÀ NỘI BAN TỔ CHỨC THÀNH ỦY \* Số …-DS\/… ĐẢNG CỘNG SẢN VIỆT NAM Hà Nội, ngày 16 tháng 05 năm 2024 DANH SÁCH/);

    // Each cadre's id on exactly one page, the pages in list order, its birth date on the same page (the row is whole).
    let last = 0;
    for (const p of profiles) {
      const on = pages.flatMap((text, i) => (text.includes(`${p.id} `) ? [i] : []));
      expect(on, p.id).toHaveLength(1);
      expect(on[0]!).toBeGreaterThanOrEqual(last);
      last = on[0]!;
      expect(pages[on[0]!], p.id).toContain(formatDate(p.birthDate));
    }
    const end = pages.at(-1)!;
    const eligible = rows.filter((r) => r.verdict === 'eligible').length;
    expect(end).toContain(`Tổng cộng: ${profiles.length} người (Đủ điều kiện: ${eligible}; Chưa đủ điều kiện: ${profiles.length - eligible})`);
    expect(end).toMatch(/Nơi nhận:.*- Lưu\..*K\/T TRƯỞNG BAN PHÓ TRƯỞNG BAN/);
  }, 60_000);

  it('prints in English too', async () => {
    const { rows } = hanoiRows('en');
    const { pages } = await printed(renderPrintableList(rows, HEADING, 'en'), 'printable-list-en');
    expect(pages[0]).toContain('No. Full name Born Position Result Reasons School');
    expect(pages[0]).toContain('Hà Nội, 16/05/2024');
    expect(pages.at(-1)).toContain('Total: 210 people');
  }, 60_000);
});
