/**
 * The Simulation view's calibration panel in Chromium, on the production build: opened (its chunk loads then), the
 * Hà Nội 2024 shipped observations chosen, a small fit (8 particles, 24 runs, 6 check runs, seed 7) run in its worker
 * with progress and reached by keyboard, its fitted values and goodness of fit shown (the planned year as a soft
 * target), applied to the plan (the parameter table changes), undone (the value before comes back), applied again and
 * kept over a reload; a file with a class the plan lacks refused naming the field, in Vietnamese then English; a
 * long fit cancelled with Escape. Screenshots at 1280 and 390 px, Vietnamese and English, go to
 * test-results/calibration-*.png.
 */
import type { Page } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../cli/runLlct.ts';
import { screenshotPath, useBuiltPage } from './useBuiltPage.ts';

const built = useBuiltPage();
/** The calibration section alone (the view around it is the Simulation view's own test's). */
const shot = (page: Page, name: string) => page.locator('#panel-simulation [data-testid=calibration-section]').screenshot({ path: screenshotPath(`calibration-${name}.png`) });
const panel = (page: Page) => page.locator('#panel-simulation');
const calib = (page: Page) => panel(page).getByTestId('calibration-panel');
const progress = (page: Page) => calib(page).getByTestId('calib-progress');

async function openCalibration(page: Page): Promise<void> {
  await panel(page).getByTestId('calibration-section').locator('summary').click();
  await calib(page).getByTestId('calib-chosen').waitFor();
}

async function fillSmall(page: Page): Promise<void> {
  await calib(page).getByTestId('calib-seed').fill('7');
  await calib(page).getByTestId('calib-particles').fill('8');
  await calib(page).getByTestId('calib-simulations').fill('24');
  await calib(page).getByTestId('calib-checkRuns').fill('6');
}

describe('the calibration panel in Chromium', () => {
  it('runs a small fit from the keyboard, shows it, applies it to the plan, undoes it, and keeps it over a reload', async () => {
    const { page, errors } = await built.open({}, '#simulation');
    await openCalibration(page);
    expect(await calib(page).getByTestId('calib-chosen').getAttribute('data-name')).toBe('ha-noi-2024.observed.json');
    expect(await calib(page).locator('[data-testid=calib-chosen] li[data-kind=planned]').innerText()).toContain('1.390');
    await fillSmall(page);

    await panel(page).getByTestId('parameters-section').locator('summary').click();
    const precheck = panel(page).getByTestId('param-agencyPrecheck');
    const before = await precheck.inputValue();

    // Keyboard: from the check-runs field, Tab reaches Calibrate and Enter starts the fit.
    await calib(page).getByTestId('calib-checkRuns').focus();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('calib-start');
    await page.keyboard.press('Enter');
    await expect.poll(() => progress(page).getAttribute('data-status')).toBe('running');
    await expect.poll(() => progress(page).getAttribute('data-status'), { timeout: 180_000 }).toBe('done');
    expect(Number(await progress(page).getAttribute('data-total'))).toBeGreaterThan(24);

    const fitted = calib(page).getByTestId('calib-param');
    expect(await fitted.evaluateAll((rows) => rows.map((r) => r.getAttribute('data-param')))).toEqual(
      ['agencyPrecheck', 'withdrawalBeforeConvening', 'noShow', 'postponementRisk', 'cancellationAfterPostponement']);
    expect(await calib(page).locator('[data-testid=calib-param][data-param=agencyPrecheck] td').first().innerText()).toMatch(/^\d+(,\d+)? %$/);
    const rows = calib(page).getByTestId('calib-fit-row');
    expect(await rows.count()).toBe(5);
    expect(await rows.last().getAttribute('data-kind')).toBe('planned');
    expect(await rows.last().innerText()).toContain('mục tiêu mềm');
    expect(await calib(page).getByTestId('calib-not-fitted').innerText()).toContain('không bao giờ được hiệu chỉnh');
    const value = await calib(page).locator('[data-testid=calib-param][data-param=agencyPrecheck]').getAttribute('data-value');
    expect(value).not.toBe(before);
    await shot(page, '01-result-1280-vi');

    const apply = calib(page).getByTestId('calib-apply');
    expect(await apply.getAttribute('data-applied')).toBe('false');
    await apply.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => precheck.inputValue()).toBe(value);
    expect(await apply.getAttribute('data-applied')).toBe('true');
    expect(await panel(page).locator('[data-testid=param-row][data-param=agencyPrecheck] [data-testid=confidence]').getAttribute('data-confidence')).toBe('assumed');

    await panel(page).getByTestId('plan-undo').click();
    await expect.poll(() => precheck.inputValue()).toBe(before);
    expect(await apply.getAttribute('data-applied')).toBe('false');

    await apply.click();
    await expect.poll(() => precheck.inputValue()).toBe(value);
    await expect.poll(() => page.getByTestId('save-status').getAttribute('data-state'), { timeout: 10_000 }).toBe('saved');
    await page.setViewportSize({ width: 390, height: 844 });
    await shot(page, '02-applied-390-vi');
    await page.getByTestId('lang-toggle').click();
    await expect.poll(() => calib(page).getByTestId('calib-fit-row').last().innerText()).toContain('soft target');
    await shot(page, '03-applied-390-en');
    await page.setViewportSize({ width: 1280, height: 800 });
    await shot(page, '04-applied-1280-en');

    await page.reload();
    await panel(page).getByTestId('plan-classes').waitFor();
    await panel(page).getByTestId('parameters-section').locator('summary').click();
    expect(await panel(page).getByTestId('param-agencyPrecheck').inputValue()).toBe(value);
    expect(errors).toEqual([]);
  }, 300_000);

  it('names the field of a file’s problem in the page’s language, and cancels a long fit with Escape', async () => {
    const { page, errors } = await built.open({}, '#simulation');
    await openCalibration(page);
    const doc = JSON.parse(readFileSync(`${ROOT}/fixtures/plans/ha-noi-2024.observed.json`, 'utf8')) as { observations: Array<{ classes?: string[] }> };
    doc.observations[1]!.classes = ['tc-2'];
    await calib(page).getByTestId('calib-file').setInputFiles({ name: 'sai-lop.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(doc)) });
    const problems = calib(page).getByTestId('calib-problems');
    await expect.poll(() => problems.innerText()).toContain('trường observations[1].classes[0]: Kế hoạch ha-noi-2024 không có lớp "tc-2".');
    expect(await calib(page).getByTestId('calib-start').isDisabled()).toBe(true);
    await shot(page, '05-file-problem-1280-vi');
    await page.getByTestId('lang-toggle').click();
    await expect.poll(() => problems.innerText()).toContain('field observations[1].classes[0]: Plan ha-noi-2024 has no class "tc-2".');
    await page.getByTestId('lang-toggle').click();

    // Keyboard: the file picker is reached by Tab from the shipped observations' button; Enter on that button reads them again.
    await calib(page).getByTestId('calib-use-shipped').focus();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('calib-file');
    await calib(page).getByTestId('calib-use-shipped').focus();
    await page.keyboard.press('Enter');
    await calib(page).getByTestId('calib-chosen').waitFor();
    await calib(page).getByTestId('calib-start').click();
    await expect.poll(() => progress(page).getAttribute('data-status')).toBe('running');
    await expect.poll(async () => Number(await progress(page).getAttribute('data-done')), { timeout: 60_000 }).toBeGreaterThan(0);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('calib-cancel');
    await page.setViewportSize({ width: 390, height: 844 });
    await shot(page, '06-running-390-vi');
    await page.keyboard.press('Escape');
    await expect.poll(() => progress(page).getAttribute('data-status')).toBe('cancelled');
    expect(await calib(page).getByTestId('calib-result').count()).toBe(0);
    expect(errors).toEqual([]);
  }, 240_000);
});
