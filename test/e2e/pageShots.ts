/** Helpers the page's e2e tests share: switching the page's language, and screenshots at the two widths looked at. */
import type { Page } from 'playwright-core';
import { screenshotPath } from './useBuiltPage.ts';

/** Switches the page to `lang` with its own toggle (nothing when it is already in it) and waits for the switch. */
export async function switchLanguage(page: Page, lang: 'vi' | 'en'): Promise<void> {
  if ((await page.evaluate(() => document.documentElement.lang)) === lang) return;
  await page.getByTestId('lang-toggle').click();
  await page.waitForFunction((l) => document.documentElement.lang === l, lang);
}

/** `name-lang-1280.png` and `name-lang-390.png` (whole page at the widths in `fullPageAt`), then back to 1280 px. */
export async function shootAtBothWidths(page: Page, name: string, lang: string, fullPageAt: readonly number[] = [1280, 390]): Promise<void> {
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: screenshotPath(`${name}-${lang}-${width}.png`), fullPage: fullPageAt.includes(width) });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}
