/**
 * The rule editor's "Độ phủ quy định" panel in Chromium, on the production build: open 350-QĐ/TW, open the panel,
 * filter the assumed provisions, pick one, and see its rules selected on the canvas; choose a rule and see its
 * provision quoted; edit a rule's provisions and see the map follow; the same in English at 390 px; and the whole
 * panel by keyboard alone. What the page must show is computed here by the engine, never copied from the page.
 * Screenshots go to test-results/coverage-*.png.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { builtinDocuments, builtinOutlines } from '../../engine/builtin.ts';
import { buildCoverage } from '../../engine/coverage/buildCoverage.ts';
import { createChecker } from '../../engine/rules/createChecker.ts';
import { runGoldenCases } from '../../engine/rules/runGoldenCases.ts';
import { ROOT } from '../cli/runLlct.ts';
import { screenshotPath, useBuiltPage } from './useBuiltPage.ts';

const built = useBuiltPage();
const shot = (page: Page, name: string) => page.screenshot({ path: screenshotPath(`coverage-${name}.png`), fullPage: true });
const editor = (page: Page) => page.locator('#panel-rules');
const panel = (page: Page) => editor(page).getByTestId('coverage');

/** 350's coverage as the engine computes it from the shipped files: what the panel must show. */
async function expected350() {
  const docs = builtinDocuments();
  const ruleset = docs.rulesets.find((r) => r.id === '350-qd-tw')!;
  // The editor runs a ruleset's own case file against the workspace's rulesets: the same here.
  const checker = createChecker({ rulesets: docs.rulesets, positions: docs.positions, institutions: docs.institutions });
  const golden = await runGoldenCases(checker, JSON.parse(readFileSync(join(ROOT, 'fixtures/golden/350-qd-tw.cases.json'), 'utf8')), '350.json');
  if (!golden.ok) throw new Error('golden cases do not load');
  return buildCoverage({ ruleset, outline: builtinOutlines().find((o) => o.ruleset === '350-qd-tw')!, golden: [golden.report] });
}

/** The rule ids of the nodes React Flow draws selected (a rule node shows its id on its second line). */
async function selectedRulesOnCanvas(page: Page): Promise<string[]> {
  return (await editor(page).locator('.react-flow__node-rule.selected .llct-node__id').allTextContents()).sort();
}

async function openCoverage(page: Page) {
  await editor(page).getByTestId('ruleset-select').selectOption('ruleset:350-qd-tw');
  await editor(page).getByTestId('rules-panel-coverage').click();
  await panel(page).waitFor();
  await expect.poll(() => panel(page).getAttribute('data-ruleset')).toBe('350-qd-tw');
}

describe('the regulation coverage panel in Chromium', () => {
  it('filters the assumed provisions of 350, selects a provision\'s rules on the canvas, and quotes the provision of a chosen rule', async () => {
    const { page, errors } = await built.open({}, '#rules');
    const want = await expected350();
    await openCoverage(page);
    // The counts are the engine's (once the golden cases have run: the tested count is not 0).
    await expect.poll(() => panel(page).locator('[data-status=tested]').first().getAttribute('data-count')).toBe(String(want.counts.tested));
    for (const s of ['encoded', 'assumed', 'not-encoded'] as const) {
      expect(await panel(page).locator(`.coverage-counts [data-status=${s}]`).getAttribute('data-count')).toBe(String(want.counts[s]));
    }
    await shot(page, '01-350-vi-1280');

    await panel(page).getByTestId('coverage-filter').filter({ hasText: 'giả định' }).click();
    const assumed = want.provisions.filter((p) => p.status === 'assumed').map((p) => p.provision.key).sort();
    expect((await panel(page).locator('[data-testid=coverage-provision][data-status=assumed]').evaluateAll((els) => els.map((e) => e.getAttribute('data-key')))).sort()).toEqual(assumed);
    // Only assumed provisions and the headings above them are left in the tree.
    const statuses = new Set(await panel(page).getByTestId('coverage-provision').evaluateAll((els) => els.map((e) => e.getAttribute('data-status'))));
    expect([...statuses].sort()).toEqual(['assumed', 'group']);

    // The assumed provision encoded by the most rules: all of them end up selected on the canvas.
    const target = want.provisions.filter((p) => p.status === 'assumed').sort((a, b) => b.rules.length - a.rules.length)[0]!;
    expect(target.rules.length).toBeGreaterThan(1);
    await panel(page).locator(`[data-testid=coverage-provision][data-key="${target.provision.key}"]`).click();
    await expect.poll(() => selectedRulesOnCanvas(page)).toEqual([...target.rules].sort());
    expect((await panel(page).getByTestId('coverage-encoding-rule').evaluateAll((els) => els.map((e) => e.getAttribute('data-rule')))).sort()).toEqual([...target.rules].sort());
    await shot(page, '02-350-assumed-picked');

    // A rule chosen from the panel: its provision is shown with the quoted text.
    const withQuote = want.provisions.find((p) => p.provision.quote && p.rules.length === 1 && p.status === 'tested')!;
    await panel(page).getByTestId('coverage-filter').filter({ hasText: 'Tất cả' }).click();
    await panel(page).locator(`[data-testid=coverage-provision][data-key="${withQuote.provision.key}"]`).click();
    await panel(page).locator(`[data-testid=coverage-rule-link][data-rule="${withQuote.rules[0]}"]`).click();
    const ruleBox = panel(page).getByTestId('coverage-rule');
    await expect.poll(() => ruleBox.getAttribute('data-rule')).toBe(withQuote.rules[0]);
    expect(await ruleBox.locator('q').first().textContent()).toBe(withQuote.provision.quote);
    await shot(page, '03-350-rule-provision');
    expect(errors).toEqual([]);
  });

  it('follows an edit of a rule\'s provisions live', async () => {
    const { page, errors } = await built.open({}, '#rules');
    const want = await expected350();
    await openCoverage(page);
    const gap = want.notEncoded[0]!;
    const first = want.provisions.find((p) => p.status === 'tested' && p.rules.length === 1)!;
    await panel(page).locator(`[data-testid=coverage-provision][data-key="${first.provision.key}"]`).click();
    // The rule is selected: give it the provision no rule encodes as well, in the inspector.
    const field = editor(page).getByTestId('inspector').getByTestId('rule-provisions');
    await field.fill(`${first.provision.key}, ${gap}`);
    await expect.poll(() => panel(page).locator(`[data-testid=coverage-provision][data-key="${gap}"]`).getAttribute('data-status')).not.toBe('not-encoded');
    expect(await panel(page).locator('.coverage-counts [data-status=not-encoded]').getAttribute('data-count')).toBe(String(want.counts['not-encoded'] - 1));
    await editor(page).getByTestId('undo').click();
    await expect.poll(() => panel(page).locator(`[data-testid=coverage-provision][data-key="${gap}"]`).getAttribute('data-status')).toBe('not-encoded');
    expect(errors).toEqual([]);
  });

  it('reads in English at 390 px, and works by keyboard alone', async () => {
    const { page, errors } = await built.open({ viewport: { width: 390, height: 844 } }, '#rules');
    await openCoverage(page);
    await shot(page, '04-350-vi-390');
    await panel(page).getByTestId('coverage-counts').evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await page.screenshot({ path: screenshotPath('coverage-04a-350-vi-390-top.png') });
    await page.getByTestId('lang-toggle').click();
    expect(await editor(page).getByTestId('rules-panel-coverage').textContent()).toBe('Regulation coverage');
    await panel(page).getByTestId('coverage-filter').filter({ hasText: 'assumed' }).click();
    const want = await expected350();
    const target = want.provisions.find((p) => p.status === 'assumed' && p.rules.length > 0)!;

    // Keyboard: Tab from the filter reaches the provisions; Enter picks one; its rules are selected.
    await panel(page).getByTestId('coverage-filter').filter({ hasText: 'assumed' }).focus();
    let reached = false;
    for (let i = 0; i < 60 && !reached; i++) {
      await page.keyboard.press('Tab');
      reached = await page.evaluate((key) => document.activeElement?.getAttribute('data-key') === key, target.provision.key);
    }
    expect(reached).toBe(true);
    await page.keyboard.press('Enter');
    await expect.poll(() => panel(page).getByTestId('coverage-detail').locator('h3').textContent()).toContain(target.provision.label.en);
    await expect.poll(() => selectedRulesOnCanvas(page)).toEqual([...target.rules].sort());
    expect(await panel(page).locator(`[data-testid=coverage-provision][data-key="${target.provision.key}"]`).getAttribute('aria-pressed')).toBe('true');
    // Nothing in the panel is wider than the page.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await shot(page, '05-350-en-390');
    // What a phone shows: the picked provision in the tree, then its detail (viewport shots, not the whole page).
    await panel(page).locator(`[data-testid=coverage-provision][data-key="${target.provision.key}"]`).evaluate((el) => el.scrollIntoView({ block: 'center' }));
    await page.screenshot({ path: screenshotPath('coverage-05a-350-en-390-tree.png') });
    await panel(page).getByTestId('coverage-detail').evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await page.screenshot({ path: screenshotPath('coverage-05b-350-en-390-detail.png') });
    await panel(page).getByTestId('coverage-counts').evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await page.screenshot({ path: screenshotPath('coverage-05c-350-en-390-top.png') });
    expect(errors).toEqual([]);
  });

  it('shows the panel in English at 1280 px', async () => {
    const { page, errors } = await built.open({}, '#rules');
    await page.getByTestId('lang-toggle').click();
    await openCoverage(page);
    await panel(page).locator('[data-testid=coverage-provision][data-key="cc.subjects.division-heads"]').click();
    expect(await panel(page).getByTestId('coverage-detail').textContent()).toContain('Encoded by');
    await shot(page, '06-350-en-1280');
    expect(errors).toEqual([]);
  });
});
