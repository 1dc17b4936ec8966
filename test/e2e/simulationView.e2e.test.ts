/**
 * The Simulation view of the production build in Chromium: the Hà Nội 2024 plan in its table, a class's maximum
 * changed and undone, 50 runs in the Web Worker with progress shown and the KPI table, a second run cancelled, the
 * form's 200 runs shared with helper workers and streamed in (partial results with their count, then the final
 * ones, whose medians are those of every run on one thread in Node), and
 * the 57-QĐ/TW vs 350-QĐ/TW comparison on the Hà Nội sample list with its deltas and the cadres whose outcome
 * changes; a plan edit kept over a reload. Screenshots at 1280 and 390 px, in Vietnamese and English, go to
 * test-results/simulation-*.png.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { buildSimulationRequest } from '../../editor/simulation/buildSimulationRequest.ts';
import { runSimulationRequest } from '../../editor/simulation/runSimulationRequest.ts';
import type { SimulationReply } from '../../editor/simulation/simulationProtocol.ts';
import { planRecordId } from '../../editor/workspace/records.ts';
import { createHarness } from '../workspace/workspaceHarness.ts';
import { screenshotPath, useBuiltPage } from './useBuiltPage.ts';

const built = useBuiltPage();
const shot = (page: Page, name: string) => page.screenshot({ path: screenshotPath(`simulation-${name}.png`), fullPage: true });
const panel = (page: Page) => page.locator('#panel-simulation');
const progress = (page: Page) => panel(page).getByTestId('run-progress');

describe('the Simulation view in Chromium', () => {
  it('edits the plan with undo, runs 50 runs in a worker with progress, cancels a second run and shows the KPI table', async () => {
    const { page, errors } = await built.open({}, '#simulation');
    expect(await panel(page).getByTestId('plan-row').count()).toBe(20);
    expect(await panel(page).getByTestId('plan-summary').getAttribute('data-errors')).toBe('0');

    const max = panel(page).getByTestId('cell-0-maxSize');
    const before = await max.inputValue();
    await max.fill('5');
    await expect.poll(() => panel(page).getByTestId('plan-summary').getAttribute('data-errors')).not.toBe('0');
    expect(await max.getAttribute('aria-invalid')).toBe('true');
    expect(await panel(page).locator('[data-testid=plan-row-messages][data-row="0"]').innerText()).toContain('Dòng 1 · Sĩ số');
    await shot(page, '01-cell-error-1280-vi');
    await page.keyboard.press('Control+z');
    await expect.poll(() => max.inputValue()).toBe(before);
    expect(await panel(page).getByTestId('plan-summary').getAttribute('data-errors')).toBe('0');

    // A class duplicated, then deleted again with its row's button; a class's quotas opened.
    await panel(page).getByTestId('duplicate-2').click();
    await expect.poll(() => panel(page).getByTestId('plan-row').count()).toBe(21);
    expect(await panel(page).getByTestId('cell-3-name').inputValue()).toContain('(bản sao)');
    await panel(page).getByTestId('delete-3').click();
    await expect.poll(() => panel(page).getByTestId('plan-row').count()).toBe(20);
    await panel(page).getByTestId('quotas-0').click();
    expect(await panel(page).getByTestId('quota-table').locator('tbody tr').count()).toBe(16);

    // A parameter at its default (dropOut: the shipped plan's calibration fitted only the rates learners at opening
    // depend on): its default, source and "giả định" mark in view; a value of its own, then undone.
    await panel(page).getByTestId('parameters-section').locator('summary').click();
    const dropOut = panel(page).locator('[data-testid=param-row][data-param=dropOut]');
    expect(await dropOut.getByTestId('confidence').getAttribute('data-confidence')).toBe('assumed');
    await dropOut.getByTestId('param-dropOut').fill('150');
    await expect.poll(() => dropOut.innerText()).toContain('ngoài khoảng');
    await page.keyboard.press('Control+z');
    await expect.poll(() => dropOut.getByTestId('param-dropOut').inputValue()).toBe('');

    await panel(page).getByTestId('run-count').fill('50');
    await panel(page).getByTestId('run-start').click();
    await expect.poll(() => progress(page).getAttribute('data-status')).toBe('running');
    await expect.poll(() => progress(page).locator('progress').count()).toBe(1);
    await expect.poll(() => progress(page).getAttribute('data-status'), { timeout: 120_000 }).toBe('done');
    expect(await progress(page).getAttribute('data-done')).toBe('50');
    const kpis = panel(page).getByTestId('kpi-table');
    expect(await kpis.locator('tbody tr').count()).toBeGreaterThan(10);
    const graduates = await kpis.locator('tr[data-kpi=graduates] td').first().innerText();
    expect(Number(graduates.replace(/\./g, ''))).toBeGreaterThan(500);
    expect(await panel(page).getByTestId('gantt-row').count()).toBe(20);
    expect(await panel(page).getByTestId('chart-months').count()).toBe(1);
    await shot(page, '02-results-1280-vi');

    // A second, longer run, cancelled while it runs: the worker stops, the earlier results stay.
    await panel(page).getByTestId('run-count').fill('1000');
    await panel(page).getByTestId('run-start').click();
    await expect.poll(() => progress(page).getAttribute('data-status')).toBe('running');
    await panel(page).getByTestId('run-cancel').click();
    await expect.poll(() => progress(page).getAttribute('data-status')).toBe('cancelled');
    const stoppedAt = await progress(page).getAttribute('data-done');
    await page.waitForTimeout(1500);
    expect(await progress(page).getAttribute('data-done')).toBe(stoppedAt);
    expect(Number(stoppedAt)).toBeLessThan(1000);
    expect(await panel(page).getByTestId('kpi-table').count()).toBe(1);

    await page.getByTestId('lang-toggle').click();
    await expect.poll(() => panel(page).getByTestId('run-start').innerText()).toBe('Run');
    await shot(page, '03-results-1280-en');
    expect(errors).toEqual([]);
  }, 240_000);

  it("streams the form's 200 runs in as they finish: partial results with their count, then the final ones, the same as one thread gives", async () => {
    const { page, errors } = await built.open({}, '#simulation');
    expect(await panel(page).getByTestId('run-count').inputValue()).toBe('200');
    expect(await panel(page).getByTestId('run-seed').inputValue()).toBe('2024');
    await panel(page).getByTestId('run-start').click();
    const result = panel(page).getByTestId('sim-result');
    await expect.poll(() => result.getAttribute('data-partial'), { timeout: 120_000, interval: 50 }).toBe('true');
    const first = Number(await result.getAttribute('data-runs'));
    expect(first).toBeGreaterThan(0);
    expect(first).toBeLessThan(200);
    expect(await panel(page).getByTestId('sim-partial').innerText()).toMatch(/^Kết quả tạm tính trên \d+ \/ 200 lượt;/);
    expect(await panel(page).getByTestId('kpi-table').locator('tbody tr').count()).toBeGreaterThan(10);
    await shot(page, '02b-partial-1280-vi');
    await expect.poll(() => progress(page).getAttribute('data-status'), { timeout: 240_000 }).toBe('done');
    expect(await result.getAttribute('data-partial')).toBe('false');
    expect(await result.getAttribute('data-runs')).toBe('200');
    expect(await panel(page).getByTestId('sim-partial').count()).toBe(0);

    const shown = await panel(page).locator('[data-testid=kpi-table] tr[data-kpi]').evaluateAll((rows) => rows.map((r) => [r.getAttribute('data-kpi'), r.getAttribute('data-p50')]));
    const built1 = buildSimulationRequest(createHarness().store.records(), { a: { plan: planRecordId('ha-noi-2024'), ruleset: 'by-date' }, runs: 200, seed: '2024', cohort: 'plan' });
    if (!built1.ok) throw new Error(built1.reason.en);
    const replies: SimulationReply[] = [];
    await runSimulationRequest(built1.request, { post: (r) => replies.push(r), pause: () => Promise.resolve() });
    const done = replies[replies.length - 1];
    if (done?.kind !== 'done') throw new Error('no result in Node');
    expect(shown).toEqual(done.results[0]!.kpis.map((k) => [k.name, k.stats.p50 === null ? '' : String(k.stats.p50)]));
    expect(errors).toEqual([]);
  }, 360_000);

  it('compares 57-QĐ/TW with 350-QĐ/TW on the Hà Nội sample list and shows the deltas and the changed cadres', async () => {
    const { page, errors } = await built.open({}, '#simulation');
    await panel(page).getByTestId('run-count').fill('20');
    await panel(page).getByTestId('run-cohort').selectOption('sample');
    await panel(page).getByTestId('run-ruleset').selectOption('ruleset:57-qd-tw');
    await panel(page).getByTestId('run-compare').check();
    await panel(page).getByTestId('run-ruleset-b').selectOption('ruleset:350-qd-tw');
    await panel(page).getByTestId('run-start').click();
    await expect.poll(() => progress(page).getAttribute('data-status'), { timeout: 120_000 }).toBe('done');
    const deltas = panel(page).getByTestId('delta-table');
    expect(await deltas.locator('tbody tr').count()).toBeGreaterThan(10);
    const eligibleDelta = await deltas.locator('tr[data-kpi=eligible]').getAttribute('data-delta');
    expect(eligibleDelta).not.toBe('');
    expect(await panel(page).getByTestId('change-summary').innerText()).toMatch(/cán bộ được xét/);
    await shot(page, '04-compare-1280-vi');
    expect(errors).toEqual([]);
  }, 240_000);

  it('reads at 390 px in Vietnamese and English, and every control is reachable and labelled', async () => {
    const { page, errors } = await built.open({ viewport: { width: 390, height: 844 } }, '#simulation');
    await panel(page).getByTestId('run-count').fill('10');
    await panel(page).getByTestId('run-start').click();
    await expect.poll(() => progress(page).getAttribute('data-status'), { timeout: 120_000 }).toBe('done');
    await shot(page, '05-390-vi');
    await page.getByTestId('lang-toggle').click();
    await expect.poll(() => panel(page).getByTestId('run-start').innerText()).toBe('Run');
    // Results made in Vietnamese read in English once the page is: their title and cohort too.
    const result = panel(page).getByTestId('sim-result');
    expect(await result.locator('h3').innerText()).toMatch(/^Results: ha-noi-2024 · by nomination date$/i);
    expect(await result.locator('h3 + p').innerText()).toMatch(/^10 runs · seed 2024 · generated by the plan \(8,000\)$/);
    await shot(page, '06-390-en');

    // Every control of the view has a name, and none is out of the tab order.
    const unnamed = await panel(page).locator('input, select, button, summary').evaluateAll((els) => els.filter((el) => {
      const e = el as HTMLElement;
      const labelled = e.getAttribute('aria-label') || (e.id && document.querySelector(`label[for="${e.id}"]`)) || e.textContent?.trim();
      return !labelled || e.tabIndex < 0;
    }).map((e) => e.outerHTML.slice(0, 120)));
    expect(unnamed).toEqual([]);
    // Keyboard: Tab reaches the first cell of the table from the plan picker.
    await panel(page).getByTestId('plan-select').focus();
    let reached = false;
    for (let i = 0; i < 12 && !reached; i++) {
      await page.keyboard.press('Tab');
      reached = await page.evaluate(() => document.activeElement?.getAttribute('data-testid') === 'cell-0-name');
    }
    expect(reached).toBe(true);
    expect(errors).toEqual([]);
  }, 240_000);

  it('keeps a plan edit over a reload (autosaved in the browser)', async () => {
    const { page, errors } = await built.open({}, '#simulation');
    await panel(page).getByTestId('cell-1-opensOn').fill('03/06/2024');
    await expect.poll(() => page.getByTestId('save-status').getAttribute('data-state'), { timeout: 10_000 }).toBe('saved');
    await page.reload();
    await panel(page).getByTestId('plan-classes').waitFor();
    expect(await panel(page).getByTestId('cell-1-opensOn').inputValue()).toBe('03/06/2024');
    expect(errors).toEqual([]);
  }, 120_000);
});
