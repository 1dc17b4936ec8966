/**
 * Publishing a plan and a lifecycle from their own pages in Chromium: the section (loaded on demand) says the document
 * is a draft, the form opens and closes from the keyboard, publishing makes it "bản 1 — theo 10-QĐ/TU ngày 28/11/2025",
 * the first edit after it makes a draft of revision 2 (undo gives the publication back), and the publication stays
 * over a reload. Vietnamese and English; screenshots at 1280 and 390 px.
 */
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { shootAtBothWidths, switchLanguage } from './pageShots.ts';
import { useBuiltPage } from './useBuiltPage.ts';

const built = useBuiltPage();
const shots = (page: Page, name: string, lang: string) => shootAtBothWidths(page, `publish-${name}`, lang, [390]);

/** Opens the form from the keyboard, checks Escape closes it (focus back on the button), opens it again. */
async function openByKeyboard(page: Page, panel: Locator): Promise<Locator> {
  await panel.getByTestId('publish-open').focus();
  await page.keyboard.press('Enter');
  const form = panel.getByTestId('publish-form');
  await form.waitFor();
  expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('publish-which');
  await page.keyboard.press('Escape');
  await expect.poll(() => form.count()).toBe(0);
  await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('publish-open');
  await page.keyboard.press('Enter');
  await form.waitFor();
  return form;
}

async function publishLaoCai(form: Locator): Promise<void> {
  await form.getByTestId('publish-number').fill('10-QĐ/TU');
  await form.getByTestId('publish-issuedBy').fill('Tỉnh ủy Lào Cai');
  await form.getByTestId('publish-title').fill('Kế hoạch thực hiện (minh họa)');
  await form.getByTestId('publish-signedOn').fill('28/11/2025');
  await form.getByTestId('publish-appliesFrom').fill('01/12/2025');
  await form.getByTestId('publish-summary').fill('Minh họa: ban hành theo văn bản của tỉnh.');
  await form.getByTestId('publish-source').fill('issue 22');
  await form.getByTestId('publish-submit').focus();
  await form.page().keyboard.press('Enter');
  await expect.poll(() => form.count()).toBe(0);
}

const CASES = [
  { lang: 'vi' as const, draft: 'Hiện tại: bản 1 — bản nháp, chưa ban hành.', published: 'Hiện tại: bản 1, đã ban hành theo 10-QĐ/TU ngày 28/11/2025.', edited: 'Hiện tại: bản 2 — bản nháp, chưa ban hành (đã sửa sau bản 1, ban hành theo 10-QĐ/TU ngày 28/11/2025).' },
  { lang: 'en' as const, draft: 'Now: revision 1 — a draft, not published.', published: 'Now: revision 1, published under 10-QĐ/TU of 28/11/2025.', edited: 'Now: revision 2 — a draft, not published (edited since revision 1, published under 10-QĐ/TU of 28/11/2025).' },
];

describe('publishing a plan and a lifecycle from their pages', () => {
  for (const c of CASES) {
    it(`publishes, opens revision 2 on the first edit (undone: published again), and keeps it over a reload (${c.lang})`, async () => {
      const { page, errors } = await built.open({ viewport: { width: 1280, height: 900 } }, '#simulation');
      await switchLanguage(page, c.lang);
      const sim = page.locator('#panel-simulation');
      const standing = sim.getByTestId('publish-standing');
      await standing.waitFor();
      expect(await standing.getAttribute('data-status')).toBe('draft');
      expect((await standing.textContent())?.trim()).toContain(c.draft);
      await shots(page, 'plan-draft', c.lang);
      const form = await openByKeyboard(page, sim);
      await shots(page, 'plan-form', c.lang);
      await publishLaoCai(form);
      await expect.poll(() => standing.getAttribute('data-status')).toBe('published');
      expect(await standing.textContent()).toContain(c.published);
      await shots(page, 'plan-published', c.lang);

      const max = sim.getByTestId('cell-0-maxSize');
      await max.fill('71');
      await expect.poll(() => standing.textContent()).toContain(c.edited);
      await shots(page, 'plan-edited', c.lang);
      await sim.getByTestId('plan-undo').click();
      await expect.poll(() => standing.getAttribute('data-status')).toBe('published');
      await expect.poll(() => page.getByTestId('save-status').getAttribute('data-state'), { timeout: 10_000 }).toBe('saved');

      // The lifecycle page: published under the decision the plan does not share (each document carries its own).
      await page.getByTestId('view-lifecycles').click();
      const lc = page.locator('#panel-lifecycles');
      const lcStanding = lc.getByTestId('publish-standing');
      await lcStanding.waitFor();
      expect(await lcStanding.getAttribute('data-status')).toBe('draft');
      await publishLaoCai(await openByKeyboard(page, lc));
      await expect.poll(() => lcStanding.textContent()).toContain(c.published);
      await shots(page, 'lifecycle-published', c.lang);
      await expect.poll(() => page.getByTestId('save-status').getAttribute('data-state'), { timeout: 10_000 }).toBe('saved');

      await page.reload();
      await switchLanguage(page, c.lang);
      await page.getByTestId('view-simulation').click();
      await expect.poll(() => page.locator('#panel-simulation').getByTestId('publish-standing').textContent(), { timeout: 20_000 }).toContain(c.published);
      await page.getByTestId('view-lifecycles').click();
      await expect.poll(() => page.locator('#panel-lifecycles').getByTestId('publish-standing').textContent(), { timeout: 20_000 }).toContain(c.published);
      expect(errors).toEqual([]);
    }, 180_000);
  }
});
