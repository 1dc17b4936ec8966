/**
 * The rule editor in Chromium says nothing about the shipped copy on a fresh workspace; after an edit it says the
 * workspace copy differs, lists the change in words, and restoring the shipped copy (undoable) takes the note away.
 */
import { describe, expect, it } from 'vitest';
import { screenshotPath, useBuiltPage } from './useBuiltPage.ts';

const built = useBuiltPage();

describe('the shipped-copy note in the rule editor', () => {
  for (const width of [1280, 390]) {
    it(`appears after an edit, names the change, and goes once the shipped copy is restored; undo brings the edit back (${width} px)`, async () => {
      const { page, errors } = await built.open({ viewport: { width, height: 900 } }, '#rules');
      const editor = page.getByTestId('rule-editor');
      await editor.getByTestId('ruleset-select').selectOption('ruleset:350-qd-tw');
      expect(await editor.getByTestId('shipped-difference').count()).toBe(0);
      await editor.getByTestId('rule-search').fill('cc350-lecturer');
      await editor.locator('[data-testid=search-hit][data-kind=rule][data-rule=cc350-lecturer]').click();
      await editor.getByTestId('inspector').getByTestId('rule-numbering').selectOption('read');
      const note = editor.getByTestId('shipped-difference');
      await note.waitFor();
      await note.locator('summary').focus();
      await page.keyboard.press('Enter');
      expect(await note.textContent()).toContain('cc350-lecturer');
      await page.screenshot({ path: screenshotPath(`shipped-difference-vi-${width}.png`) });
      await page.getByTestId('lang-toggle').click();
      await page.waitForFunction(() => document.documentElement.lang === 'en');
      expect(await note.locator('summary').textContent()).toContain('differs from the one this version ships (differences: 1)');
      await page.screenshot({ path: screenshotPath(`shipped-difference-en-${width}.png`) });
      await note.getByTestId('restore-shipped-copy').click();
      await expect.poll(() => editor.getByTestId('shipped-difference').count()).toBe(0);
      await editor.getByTestId('undo').click();
      await editor.getByTestId('shipped-difference').waitFor();
      expect(errors).toEqual([]);
    });
  }
});
