/**
 * The lifecycle editor of the production build in Chromium: the class lifecycle on its canvas with no error; a state
 * renamed from the inspector (every reference follows, one undo brings it back); a new state reported at once as
 * having no way to a final state, until a transition gives it one; a parameter changed; all kept over a reload.
 * Screenshots at 1280 and 390 px, in Vietnamese and English, go to test-results/.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { screenshotPath, useBuiltPage } from './useBuiltPage.ts';

const built = useBuiltPage();
const shot = (page: Page, name: string) => page.screenshot({ path: screenshotPath(`lifecycle-${name}.png`), fullPage: true });
const panel = (page: Page) => page.locator('#panel-lifecycles');
const summary = (page: Page) => panel(page).getByTestId('lifecycle-summary');
const stateNode = (page: Page, id: string) => panel(page).locator(`.react-flow__node[data-id="${id}"]`);

async function saved(page: Page): Promise<void> {
  await expect.poll(() => page.getByTestId('save-status').getAttribute('data-state'), { timeout: 10_000 }).toBe('saved');
}

describe('the lifecycle editor in Chromium', () => {
  it('renames a state, adds one with its diagnostics, edits a parameter, undoes, and keeps the work over a reload', async () => {
    const { page, errors } = await built.open({}, '#lifecycles');
    await panel(page).locator('.react-flow__node').first().waitFor();
    expect(await panel(page).locator('.react-flow__node').count()).toBe(11);
    expect(await summary(page).getAttribute('data-errors')).toBe('0');
    expect(await stateNode(page, 'planned').locator('.lc-state').getAttribute('class')).toContain('is-initial');
    expect(await stateNode(page, 'graduated').locator('.lc-state').getAttribute('class')).toContain('is-final');
    await shot(page, '01-class-1280-vi');

    // Rename in-session → teaching from the inspector.
    await panel(page).locator('[data-testid=state-list-item][data-state=in-session]').click();
    await panel(page).getByTestId('state-id').fill('teaching');
    await panel(page).getByTestId('rename-state').click();
    await stateNode(page, 'teaching').waitFor();
    expect(await stateNode(page, 'in-session').count()).toBe(0);
    expect(await panel(page).locator('.react-flow__edge[data-id="pair:convened->teaching"]').count()).toBe(1);
    expect(await summary(page).getAttribute('data-errors')).toBe('0');
    await page.keyboard.press('Control+z');
    await stateNode(page, 'in-session').waitFor();

    // A new state: at once reported (unreachable, no way to a final state), then given a way out.
    await panel(page).getByTestId('add-state').click();
    await stateNode(page, 'trang-thai-moi').waitFor();
    await expect.poll(() => summary(page).getAttribute('data-errors')).not.toBe('0');
    expect(await stateNode(page, 'trang-thai-moi').locator('.lc-state').getAttribute('class')).toMatch(/has-(error|warning)/);
    const codes = await panel(page).getByTestId('state-inspector').locator('[data-code]').evaluateAll((els) => els.map((e) => e.getAttribute('data-code')));
    expect(codes).toContain('lifecycle/no-path-to-final');
    await panel(page).getByTestId('add-transition-event').selectOption('CANCEL');
    await panel(page).getByTestId('add-transition-target').selectOption('cancelled');
    await panel(page).getByTestId('add-transition').click();
    await panel(page).locator('.react-flow__edge[data-id="pair:trang-thai-moi->cancelled"]').waitFor();
    await shot(page, '02-new-state');

    // A parameter, from the document view.
    await page.keyboard.press('Escape');
    await panel(page).locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
    const min = panel(page).locator('[data-testid=parameter][data-name=minClassSize] input');
    await min.fill('45');
    await saved(page);
    await page.reload();
    await panel(page).locator('.react-flow__node').first().waitFor();
    expect(await stateNode(page, 'trang-thai-moi').count()).toBe(1);
    expect(await panel(page).locator('[data-testid=parameter][data-name=minClassSize] input').inputValue()).toBe('45');
    expect(errors).toEqual([]);
  });

  it('reads in English and at 390 px, and is operable from the keyboard', async () => {
    const { page, errors } = await built.open({ viewport: { width: 390, height: 844 } }, '#lifecycles');
    await panel(page).locator('.react-flow__node').first().waitFor();
    await shot(page, '03-390-vi');
    await page.getByTestId('lang-toggle').click();
    expect(await page.getByTestId('view-lifecycles').textContent()).toBe('Lifecycles');
    await panel(page).getByTestId('lifecycle-select').selectOption('lifecycle:learner-default');
    await panel(page).locator('.react-flow__node[data-id="nominated"]').waitFor();
    await shot(page, '04-390-en-learner');
    // Keyboard: focus a state on the canvas, Enter selects it.
    await panel(page).locator('.react-flow__node[data-id="admitted"]').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => panel(page).getByTestId('state-inspector').getAttribute('data-state')).toBe('admitted');
    expect(errors).toEqual([]);
  });
});
