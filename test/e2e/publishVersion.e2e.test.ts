/**
 * Publishing a version under a decision in Chromium: the versions panel's form refuses what the decision schema
 * refuses (naming the fields, in the page's language), publishes, lists the version with its decision; the check
 * view's verdict names the revision and the decision; both stay over a reload. Vietnamese and English, from the
 * keyboard where the form is opened and closed; screenshots at 1280 and 390 px.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { shootAtBothWidths, switchLanguage } from './pageShots.ts';
import { screenshotPath, useBuiltPage } from './useBuiltPage.ts';

const built = useBuiltPage();
const shots = (page: Page, name: string, lang: string) => shootAtBothWidths(page, `publish-${name}`, lang, [1280, 390]);

const rules = (page: Page) => page.locator('#panel-rules');

async function openVersions(page: Page): Promise<void> {
  await rules(page).getByTestId('ruleset-select').selectOption('ruleset:57-qd-tw');
  await rules(page).getByTestId('rules-panel-versions').click();
  await rules(page).getByTestId('publish-standing').waitFor();
}

async function verdictBasis(page: Page): Promise<string> {
  await page.getByTestId('view-check').click();
  const basis = page.locator('#panel-check').getByTestId('verdict-basis');
  await basis.waitFor();
  return (await basis.textContent()) ?? '';
}

const CASES = [
  {
    lang: 'vi' as const,
    expectBasis: '57-qd-tw, bản 1 — theo 10-QĐ/TU ngày 28/11/2025',
    missing: 'Cơ quan ban hành: chưa nhập.',
    fromBefore: 'Áp dụng từ ngày (20/11/2025) sớm hơn ngày ký (28/11/2025): văn bản không áp dụng trước khi ký.',
    published: 'Bản 1 — theo 10-QĐ/TU ngày 28/11/2025',
  },
  {
    lang: 'en' as const,
    expectBasis: '57-qd-tw, revision 1 — under 10-QĐ/TU of 28/11/2025',
    missing: 'Issued by: not filled in.',
    fromBefore: 'Applies from (20/11/2025) is before the signing date (28/11/2025): an act does not apply before it is signed.',
    published: 'Revision 1 — under 10-QĐ/TU of 28/11/2025',
  },
];

describe('publishing a version under a decision', () => {
  for (const c of CASES) {
    it(`refuses a bad decision by field, publishes a good one, and the verdict names it, over a reload (${c.lang})`, async () => {
      const { page, errors } = await built.open({ viewport: { width: 1280, height: 900 } }, '#rules');
      await switchLanguage(page, c.lang);
      await openVersions(page);
      expect(await rules(page).getByTestId('publish-standing').getAttribute('data-status')).toBe('draft');

      // Opened, closed (Escape gives the focus back) and opened again from the keyboard.
      await rules(page).getByTestId('publish-open').focus();
      await page.keyboard.press('Enter');
      const form = rules(page).getByTestId('publish-form');
      await form.waitFor();
      expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('publish-which');
      await page.keyboard.press('Escape');
      await expect.poll(() => form.count()).toBe(0);
      await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('publish-open');
      await page.keyboard.press('Enter');
      await form.waitFor();
      await shots(page, 'publish-form', c.lang);

      await form.getByTestId('publish-number').fill('10 QĐ/TU');
      await form.getByTestId('publish-signedOn').fill('28/11/2025');
      await form.getByTestId('publish-appliesFrom').fill('20/11/2025');
      await form.getByTestId('publish-submit').focus();
      await page.keyboard.press('Enter');
      const problems = form.getByTestId('publish-problems');
      await problems.waitFor();
      const listed = await problems.locator('li').allTextContents();
      expect(listed).toContain(c.missing);
      expect(listed).toContain(c.fromBefore);
      expect(listed.find((l) => l.includes('10-QĐ/TU, 25-HD/BTCTW'))).toBeDefined();
      await shots(page, 'publish-form-problems', c.lang);

      await form.getByTestId('publish-number').fill('10-QĐ/TU');
      await form.getByTestId('publish-issuedBy').fill('Tỉnh ủy Lào Cai');
      await form.getByTestId('publish-title').fill('Quy định thực hiện (minh họa)');
      await form.getByTestId('publish-appliesFrom').fill('01/12/2025');
      await form.getByTestId('publish-summary').fill('Minh họa: ban hành bộ quy tắc theo văn bản của tỉnh.');
      await form.getByTestId('publish-source').fill('issue 22');
      await form.getByTestId('publish-submit').click();
      await expect.poll(() => form.count()).toBe(0);

      const version = rules(page).getByTestId('version-published');
      await version.waitFor();
      expect(await version.textContent()).toContain(c.published);
      expect(await rules(page).getByTestId('publish-standing').getAttribute('data-status')).toBe('published');
      await shots(page, 'versions-panel', c.lang);
      await rules(page).getByTestId('versions').screenshot({ path: screenshotPath(`publish-versions-only-${c.lang}-1280.png`) });
      await expect.poll(() => page.getByTestId('save-status').getAttribute('data-state'), { timeout: 10_000 }).toBe('saved');

      expect(await verdictBasis(page)).toBe(c.expectBasis);
      await shots(page, 'verdict', c.lang);
      await page.locator('#panel-check .verdict-head').screenshot({ path: screenshotPath(`publish-verdict-head-${c.lang}-1280.png`) });

      await page.reload();
      await page.waitForSelector('#panel-check [data-testid=verdict]');
      await switchLanguage(page, c.lang);
      expect(await verdictBasis(page)).toBe(c.expectBasis);
      await page.getByTestId('view-rules').click();
      await page.waitForSelector('#panel-rules .react-flow__node');
      await openVersions(page);
      expect(await rules(page).getByTestId('version-published').textContent()).toContain(c.published);
      expect(errors).toEqual([]);
    }, 120_000);
  }
});
