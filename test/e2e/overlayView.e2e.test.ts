/**
 * An overlay in the editor, in Chromium on the production build: import the illustrative Lào Cai overlay through the
 * ruleset import, see the base's rules inherited (muted) and the threshold change and the added group marked with
 * their decision, move the date back before they apply, check a Lào Cai cadre with the overlay applied (the failure
 * says its layer), and reload: the overlay is still in the workspace. Screenshots in both languages at each width.
 *
 * Expectations from the overlay's text (fixtures/overlays/README.md): women's part-time trung cấp age 28 → 30 and the
 * commune civil servants group, both from 01/01/2026; a woman born 01/06/1996 is 29 on 02/03/2026.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { screenshotPath, useBuiltPage } from './useBuiltPage.ts';

const built = useBuiltPage();
const FILE = 'fixtures/overlays/lao-cai-10-qd-tu.illustrative.overlay.json';
const ID = 'overlay:lao-cai-10-qd-tu-minh-hoa';

async function saved(page: Page): Promise<void> {
  await expect.poll(() => page.getByTestId('save-status').getAttribute('data-state'), { timeout: 10_000 }).toBe('saved');
}
const row = (page: Page, rule: string) => page.locator(`[data-testid=overlay-rule][data-rule=${rule}]`);

describe('an overlay over its base in the editor', () => {
  for (const width of [1280, 390]) {
    it(`imports the Lào Cai overlay, shows inherited and changed rules, checks a cadre with it, and keeps it on reload (${width} px)`, async () => {
      const { page, errors } = await built.open({ viewport: { width, height: 900 } }, '#rules');
      const editor = page.getByTestId('rule-editor');
      await editor.getByTestId('import-ruleset-file').setInputFiles({ name: 'lao-cai.json', mimeType: 'application/json', buffer: readFileSync(FILE) });
      await page.getByTestId('overlay-view').waitFor();
      expect(await editor.getByTestId('ruleset-select').inputValue()).toBe(ID);
      expect(await page.getByTestId('import-ok').textContent()).toContain('Đã nhập lớp phủ lao-cai.json');

      // Today (after 01/01/2026): both changes in force.
      await page.getByTestId('overlay-date').fill('02/03/2026');
      await expect.poll(() => row(page, 'tc350-part-time-age').getAttribute('data-status')).toBe('threshold');
      expect(await row(page, 'tc350-part-time-age').textContent()).toContain('đổi ngưỡng age: 28 → 30 theo 10-QĐ/TU, từ 01/01/2026');
      expect(await row(page, 'lc10-commune-civil-servant').getAttribute('data-status')).toBe('added');
      const inherited = page.locator('[data-testid=overlay-rule][data-status=inherited]');
      expect(await inherited.count()).toBeGreaterThan(10);
      expect(await inherited.first().textContent()).toContain('kế thừa từ 350-qd-tw');
      expect(await page.getByTestId('illustrative').first().isVisible()).toBe(true);
      expect(await page.getByTestId('overlay-in-force').textContent()).toBe('2/2 thay đổi có hiệu lực vào ngày này');
      expect(await page.getByTestId('overlay-no-diagnostics').count()).toBe(1);
      await row(page, 'tc350-part-time-age').scrollIntoViewIfNeeded();
      await page.screenshot({ path: screenshotPath(`overlay-view-vi-${width}.png`) });

      await page.getByTestId('lang-toggle').click();
      await page.waitForFunction(() => document.documentElement.lang === 'en');
      expect(await row(page, 'tc350-part-time-age').textContent()).toContain('age threshold 28 → 30 under 10-QĐ/TU, from 01/01/2026');
      expect(await page.locator('[data-testid=overlay-rule][data-status=inherited]').first().textContent()).toContain('inherited from 350-qd-tw');
      await row(page, 'lc10-commune-civil-servant').scrollIntoViewIfNeeded();
      await page.screenshot({ path: screenshotPath(`overlay-view-en-${width}.png`) });
      expect(await editor.getByTestId('add-rule').count()).toBe(0);
      await page.getByTestId('lang-toggle').click();
      await page.waitForFunction(() => document.documentElement.lang === 'vi');

      // Before the changes apply, the threshold rule is inherited and the group is not yet in force.
      await page.getByTestId('overlay-date').fill('15/12/2025');
      await expect.poll(() => row(page, 'tc350-part-time-age').getAttribute('data-status')).toBe('inherited');
      expect(await row(page, 'lc10-commune-civil-servant').getAttribute('data-status')).toBe('pending');

      // The check page: a woman of 29 in Lào Cai, part-time trung cấp on 02/03/2026.
      await page.getByTestId('view-check').click();
      await page.getByTestId('verdict').waitFor();
      await page.getByTestId('sample').selectOption('eligible-deputy-head');
      await page.getByTestId('sex').selectOption('female');
      await page.getByTestId('birth-date').fill('01/06/1996');
      await page.getByTestId('province').selectOption('Lào Cai');
      await page.getByTestId('nomination-date').fill('02/03/2026');
      // 350 asks for the ratings of the two years before the nomination.
      await page.getByTestId('rating-2024').selectOption('good');
      await page.getByTestId('rating-2025').selectOption('good');
      await expect.poll(() => page.getByTestId('verdict').getAttribute('data-eligible')).toBe('true');
      await page.getByTestId('check-overlay').selectOption(ID);
      await expect.poll(() => page.getByTestId('verdict').getAttribute('data-eligible')).toBe('false');
      const failure = page.locator('[data-testid=failure][data-rule=tc350-part-time-age]');
      expect(await failure.getByTestId('failure-layer').textContent()).toContain('lớp phủ lao-cai-10-qd-tu-minh-hoa (minh họa) — 10-QĐ/TU, đổi ngưỡng');
      expect(await page.getByTestId('check-overlay-hint').textContent()).toContain('Minh họa');
      await failure.scrollIntoViewIfNeeded();
      await page.screenshot({ path: screenshotPath(`overlay-check-vi-${width}.png`) });
      await page.getByTestId('lang-toggle').click();
      await page.waitForFunction(() => document.documentElement.lang === 'en');
      expect(await failure.getByTestId('failure-layer').textContent()).toContain('overlay lao-cai-10-qd-tu-minh-hoa (illustrative) — 10-QĐ/TU, threshold changed');
      await page.screenshot({ path: screenshotPath(`overlay-check-en-${width}.png`) });

      // Reload: the overlay is still in the workspace, shown over its base.
      await saved(page);
      await page.reload();
      await page.getByTestId('view-rules').click();
      await page.getByTestId('rule-editor').getByTestId('ruleset-select').selectOption(ID);
      await page.getByTestId('overlay-view').waitFor();
      expect(await page.locator('[data-testid=overlay-rule][data-rule=lc10-commune-civil-servant]').count()).toBe(1);
      expect(errors).toEqual([]);
    });
  }

  it('is reached and operated with the keyboard: the list, the date, and removing the overlay (then undo)', async () => {
    const { page, errors } = await built.open({}, '#rules');
    const editor = page.getByTestId('rule-editor');
    await editor.getByTestId('import-ruleset-file').setInputFiles({ name: 'lao-cai.json', mimeType: 'application/json', buffer: readFileSync(FILE) });
    await page.getByTestId('overlay-view').waitFor();
    await page.getByTestId('overlay-date').focus();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('15/12/2025');
    await page.keyboard.press('Tab');
    await expect.poll(() => row(page, 'tc350-part-time-age').getAttribute('data-status')).toBe('inherited');
    page.once('dialog', (d) => void d.accept());
    await page.getByTestId('overlay-remove').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('overlay-view').count()).toBe(0);
    await editor.getByTestId('undo').focus();
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await editor.getByTestId('ruleset-select').locator('option').allTextContents()).some((t) => t.includes('lao-cai-10-qd-tu-minh-hoa'))).toBe(true);
    expect(errors).toEqual([]);
  });
});
