/**
 * Undo that stays in view, and the bench form that reaches every fact, in Chromium on the production build:
 * - a rule title edited on "Soạn quy tắc" is not undone by Ctrl+Z on "Mô phỏng"; the plan view's undo button is
 *   disabled and says where the latest step is; back on the rules view Ctrl+Z undoes it, and its button named it;
 * - on the test bench (350-QĐ/TW, cao cấp) the years-teaching field is there, and a teaching start 10 years back
 *   makes `cc350-lecturer` met; the further fields are reached and set from the keyboard alone.
 * Screenshots (1280 and 390 px, Vietnamese and English) go to test-results/.
 */
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { screenshotPath, useBuiltPage } from './useBuiltPage.ts';

const built = useBuiltPage();
const shot = (page: Page, name: string) => page.screenshot({ path: screenshotPath(`undo-${name}.png`), fullPage: true });
/** A screenshot of one part of the page (the toolbar, the cadre form), readable at 390 px where the page is tall. */
const shotOf = (l: Locator, name: string) => l.screenshot({ path: screenshotPath(`undo-${name}.png`) });
const rules = (page: Page) => page.locator('#panel-rules');
const simulation = (page: Page) => page.locator('#panel-simulation');
const bench = (page: Page) => rules(page).getByTestId('bench');
const titleField = (page: Page) => rules(page).getByTestId('rule-title-vi');

describe('undo in view', () => {
  it('does not undo a rule edit from the simulation view, says where it is, and undoes it back on the rules view', async () => {
    const { page, errors } = await built.open({}, '#rules');
    await rules(page).getByTestId('rule-search').fill('tc-lecturer');
    await rules(page).locator('[data-testid=search-hit][data-kind=rule][data-rule=tc-lecturer]').click();
    const original = await titleField(page).inputValue();
    await titleField(page).fill(`${original} (đã sửa)`);
    const undo = rules(page).getByTestId('undo');
    await expect.poll(() => undo.getAttribute('aria-label')).toBe('Hoàn tác: Sửa quy tắc tc-lecturer');
    expect(await undo.getAttribute('title')).toBe('Hoàn tác: Sửa quy tắc tc-lecturer (Ctrl+Z)');
    expect(await undo.textContent()).toContain('Hoàn tác: Sửa quy tắc tc-lecturer');
    await shot(page, '01-rules-vi-1280');

    await page.getByTestId('view-simulation').click();
    await simulation(page).getByTestId('plan-classes').waitFor();
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('Control+z');
    // Nothing undone out of sight: the rule's title (in the hidden rules panel) keeps the edit.
    expect(await titleField(page).inputValue()).toBe(`${original} (đã sửa)`);
    const planUndo = simulation(page).getByTestId('plan-undo');
    expect(await planUndo.isDisabled()).toBe(true);
    const note = simulation(page).getByTestId('plan-undo-elsewhere');
    expect(await note.textContent()).toBe('Không hoàn tác ở đây: bước gần nhất «Sửa quy tắc tc-lecturer» thuộc bộ quy tắc 57-QĐ/TW, ở thẻ Soạn quy tắc. Mở nó để hoàn tác và thấy thay đổi.');
    expect(await planUndo.getAttribute('aria-describedby')).toBe(await note.getAttribute('id'));
    await shot(page, '02-simulation-vi-1280');
    await page.getByTestId('lang-toggle').click();
    expect(await note.textContent()).toBe('Nothing to undo here: the latest step, “Edit rule tc-lecturer”, is in ruleset 57-QĐ/TW, on the Edit rules tab. Open it to undo and see the change.');
    await shot(page, '03-simulation-en-1280');
    await page.setViewportSize({ width: 390, height: 844 });
    await shot(page, '04-simulation-en-390');
    await shotOf(simulation(page).locator('.editor-toolbar'), '04b-simulation-toolbar-en-390');

    await page.getByTestId('view-rules').click();
    expect(await undo.getAttribute('aria-label')).toBe('Undo: Edit rule tc-lecturer');
    await shot(page, '05-rules-en-390');
    await page.getByTestId('lang-toggle').click();
    await shot(page, '06-rules-vi-390');
    await shotOf(rules(page).locator('.editor-toolbar'), '06b-rules-toolbar-vi-390');
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('Control+z');
    await expect.poll(() => titleField(page).inputValue()).toBe(original);
    expect(await undo.isDisabled()).toBe(true);
    expect(await rules(page).getByTestId('redo').getAttribute('aria-label')).toBe('Làm lại: Sửa quy tắc tc-lecturer');
    expect(errors).toEqual([]);
  });
});

describe('the bench form', () => {
  it('sets years teaching and flips cc350-lecturer (350-QĐ/TW, cao cấp); every further field reachable by keyboard', async () => {
    const { page, errors } = await built.open({ viewport: { width: 1280, height: 900 } }, '#rules');
    await rules(page).getByTestId('ruleset-select').selectOption('ruleset:350-qd-tw');
    await bench(page).getByTestId('bench-level-advanced').check();
    await bench(page).getByTestId('bench-nomination-date').fill('01/09/2025');
    const lecturerMet = bench(page).locator('[data-testid=met][data-rule=cc350-lecturer]');
    await bench(page).getByTestId('verdict').waitFor();
    expect(await lecturerMet.count()).toBe(0);
    // The rules of cao cấp read years teaching, the grade, years in grade and the candidate pool: their fields show.
    for (const id of ['teaching-since', 'civil-service-grade', 'grade-since', 'candidate-pool']) {
      expect(await bench(page).getByTestId(id).isVisible(), id).toBe(true);
    }
    await bench(page).getByTestId('teaching-since').fill('01/09/2015');
    await expect.poll(() => lecturerMet.count()).toBe(1);
    expect(await bench(page).getByTestId('teaching-since').locator('xpath=..').textContent()).toContain('Số năm giảng dạy LLCT: 10');
    await bench(page).getByTestId('teaching-since').fill('01/09/2022');
    await expect.poll(() => lecturerMet.count()).toBe(0);

    // Keyboard only: from the full-name field, Tab to "Hiện mọi trường", Space, then on to the Party dates and the sector.
    const active = () => page.evaluate(() => (document.activeElement as HTMLElement | null)?.getAttribute('data-testid') ?? '');
    await bench(page).getByTestId('full-name').focus();
    let steps = 0;
    while ((await active()) !== 'show-all-fields' && steps++ < 40) await page.keyboard.press('Tab');
    expect(await active()).toBe('show-all-fields');
    await page.keyboard.press('Space');
    await expect.poll(() => bench(page).getByTestId('sector').isVisible()).toBe(true);
    await page.keyboard.press('Tab');
    expect(await active()).toBe('sector');
    await page.keyboard.press('ArrowDown');
    while ((await active()) !== 'party-joined-on' && steps++ < 60) await page.keyboard.press('Tab');
    await page.keyboard.type('03/02/2010');
    await page.keyboard.press('Tab');
    expect(await active()).toBe('party-full-on');
    expect(await bench(page).getByTestId('party-joined-on').inputValue()).toBe('03/02/2010');
    expect(await bench(page).getByTestId('sector').inputValue()).not.toBe('');
    while ((await active()) !== 'candidate-pool' && steps++ < 80) await page.keyboard.press('Tab');
    expect(await active()).toBe('candidate-pool');
    await bench(page).getByTestId('show-all-fields').scrollIntoViewIfNeeded();
    await shot(page, '07-bench-all-fields-vi-1280');
    await page.getByTestId('lang-toggle').click();
    await shot(page, '08-bench-all-fields-en-1280');
    await page.setViewportSize({ width: 390, height: 844 });
    await shot(page, '09-bench-all-fields-en-390');
    await page.getByTestId('lang-toggle').click();
    await shot(page, '10-bench-all-fields-vi-390');
    await shotOf(bench(page).locator('fieldset.card').filter({ has: page.getByTestId('more-cadre-fields') }), '10b-cadre-form-vi-390');
    expect(errors).toEqual([]);
  });
});

describe('small things on the rule editor', () => {
  it('selects a condition just added; reads outline marks as "đạt: …"; names canvas edges in Vietnamese', async () => {
    const { page, errors } = await built.open({}, '#rules');
    await rules(page).getByTestId('rule-search').fill('tc-lecturer');
    await rules(page).locator('[data-testid=search-hit][data-kind=rule][data-rule=tc-lecturer]').click();
    const inspector = rules(page).getByTestId('inspector');
    // The outline's lit condition: its mark and its words are read apart.
    const snapshot = await inspector.getByTestId('condition-outline').ariaSnapshot();
    expect(snapshot).toMatch(/button "(không )?đạt: \S/);
    expect(snapshot).not.toMatch(/button "(không )?đạt[^: ]/);
    await inspector.getByTestId('action-add-condition').click();
    await expect.poll(() => inspector.getAttribute('data-selected')).toMatch(/^cond:/);
    expect(await inspector.getByTestId('value-number').isVisible()).toBe(true);
    expect(await rules(page).getByTestId('undo').getAttribute('aria-label')).toMatch(/^Hoàn tác: Thêm điều kiện «.+» trong tc-lecturer$/);
    const edgeLabel = await rules(page).locator('.react-flow__edge').first().getAttribute('aria-label');
    expect(edgeLabel).toMatch(/^Cạnh từ .+ đến .+$/);
    expect(edgeLabel).not.toContain('ruleset:');
    expect(errors).toEqual([]);
  });
});
