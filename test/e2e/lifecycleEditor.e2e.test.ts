/**
 * The lifecycle editor of the production build in Chromium: the class lifecycle on its canvas with no error; a state
 * renamed from the inspector (every reference follows, one undo brings it back); a new state reported at once as
 * having no way to a final state, until a transition gives it one; a parameter changed; all kept over a reload; a state
 * dragged (drawn on the page during the drag, one command on drop, nothing else moved, one undo).
 * Screenshots at 1280 and 390 px, in Vietnamese and English, go to test-results/.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { builtinLifecycles } from '../../engine/lifecycle/builtinLifecycles.ts';
import { replayEvents } from '../../engine/lifecycle/replayEvents.ts';
import { defaultClassLifecycle } from '../lifecycle/lifecycleTestKit.ts';
import { ROOT, runLlct } from '../cli/runLlct.ts';
import { screenshotPath, useBuiltPage } from './useBuiltPage.ts';

const built = useBuiltPage();
const shot = (page: Page, name: string) => page.screenshot({ path: screenshotPath(`lifecycle-${name}.png`), fullPage: true });
const panel = (page: Page) => page.locator('#panel-lifecycles');
const summary = (page: Page) => panel(page).getByTestId('lifecycle-summary');
/** The canvas arrow from the state named `from` to the state named `to` (arrows are keyed by state record ids; the names are in its label). */
const arrow = (page: Page, from: string, to: string) => panel(page).locator(`.react-flow__edge[aria-label^="${from} → ${to}:"]`);
/** The canvas node of the state named `name` (nodes are keyed by state record id; the name is on the box). */
const stateNode = (page: Page, name: string) => panel(page).locator('.react-flow__node').filter({ has: page.locator(`.lc-state[data-state="${name}"]`) });

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
    expect(await arrow(page, 'convened', 'teaching').count()).toBe(1);
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
    await arrow(page, 'trang-thai-moi', 'cancelled').waitFor();
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

  it('drags a state: drawn with its arrows and their labels while the pointer moves, stored once on drop, one undo', async () => {
    const { page, errors } = await built.open({}, '#lifecycles');
    await stateNode(page, 'recruiting').waitFor();
    const undoDisabled = () => panel(page).getByTestId('lifecycle-undo').isDisabled();
    const transformOf = async (n: Locator) => (await n.evaluate((el) => (el as HTMLElement).style.transform)).match(/-?[\d.]+/g)!.map(Number);
    const drawn = async () => ({
      into: await arrow(page, 'approved', 'recruiting').locator('path.react-flow__edge-path').getAttribute('d'),
      out: await arrow(page, 'recruiting', 'screening').locator('path.react-flow__edge-path').getAttribute('d'),
      label: await arrow(page, 'approved', 'recruiting').locator('.react-flow__edge-textwrapper').getAttribute('transform'),
    });
    const node = stateNode(page, 'recruiting');
    const others = ['planned', 'approved', 'screening', 'cancelled'].map((id) => stateNode(page, id));
    const start = await transformOf(node);
    const startDrawn = await drawn();
    const othersStart = await Promise.all(others.map(transformOf));
    expect(await undoDisabled()).toBe(true);

    const box = (await node.boundingBox())!;
    const x0 = box.x + box.width / 2, y0 = box.y + box.height / 2;
    // The state is on the canvas's visible part (the first view), so the pointer takes the state itself.
    const nodeId = await node.getAttribute('data-id');
    expect(await page.evaluate(([x, y]) => document.elementFromPoint(x!, y!)?.closest('.react-flow__node')?.getAttribute('data-id'), [x0, y0])).toBe(nodeId);
    await page.mouse.move(x0, y0);
    await page.mouse.down();
    await page.mouse.move(x0 + 60, y0 + 120, { steps: 10 });
    // Mid-drag: the state, its arrows and their labels have moved; nothing is stored yet.
    const during = await transformOf(node);
    expect(during[1]! - start[1]!).toBeGreaterThan(60);
    const duringDrawn = await drawn();
    expect(duringDrawn.into).not.toBe(startDrawn.into);
    expect(duringDrawn.out).not.toBe(startDrawn.out);
    expect(duringDrawn.label).not.toBe(startDrawn.label);
    expect(await undoDisabled()).toBe(true);
    await page.mouse.up();

    // The drop: React Flow renders the state and its arrows where the drag drew them; no other state moved.
    await expect.poll(undoDisabled).toBe(false);
    expect(await transformOf(node)).toEqual(during);
    const dropped = await drawn();
    expect([dropped.into, dropped.out]).toEqual([duringDrawn.into, duringDrawn.out]);
    expect(await Promise.all(others.map(transformOf))).toEqual(othersStart);

    // One history entry: one undo puts the state back.
    await panel(page).getByTestId('lifecycle-undo').click();
    await expect.poll(undoDisabled).toBe(true);
    expect(await transformOf(node)).toEqual(start);
    expect(errors).toEqual([]);
  });

  it('reads in English and at 390 px, and is operable from the keyboard', async () => {
    const { page, errors } = await built.open({ viewport: { width: 390, height: 844 } }, '#lifecycles');
    await panel(page).locator('.react-flow__node').first().waitFor();
    await shot(page, '03-390-vi');
    await page.getByTestId('lang-toggle').click();
    expect(await page.getByTestId('view-lifecycles').textContent()).toBe('Lifecycles');
    await panel(page).getByTestId('lifecycle-select').selectOption('lifecycle:learner-default');
    await stateNode(page, 'nominated').waitFor();
    await shot(page, '04-390-en-learner');
    // Keyboard: focus a state on the canvas, Enter selects it.
    await stateNode(page, 'admitted').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => panel(page).getByTestId('state-inspector').getAttribute('data-state')).toBe('admitted');

    // The guard form from the keyboard, in English at 1280 px: the class lifecycle's arrow into graduation review
    // carries FINISH_EXAMS, guarded by a learner count (no learner left exam-eligible).
    await page.setViewportSize({ width: 1280, height: 900 });
    await panel(page).getByTestId('lifecycle-select').selectOption('lifecycle:class-default');
    const edge = arrow(page, 'examinations', 'graduation-review');
    await edge.focus();
    await page.keyboard.press('Enter');
    const form = panel(page).getByTestId('pair-inspector').getByTestId('guard-form');
    await form.waitFor();
    expect(await form.getByTestId('guard-kind').inputValue()).toBe('named:learnerCount');
    const eligible = form.locator('[data-testid=param-states] input[data-state="exam-eligible"]');
    expect(await eligible.isChecked()).toBe(true);
    expect(await form.getByTestId('param-max-source').inputValue()).toBe('number');
    await shot(page, '06-1280-en-guard-form');
    // Tab to the "re-sit" checkbox, Space counts re-sitters too; the arrow's guard changes; Ctrl+Z takes it back.
    const resit = form.locator('[data-testid=param-states] input[data-state="re-sit"]');
    await eligible.focus();
    for (let i = 0; i < 10 && !(await resit.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
    await page.keyboard.press('Space');
    await expect.poll(() => resit.isChecked()).toBe(true);
    await page.keyboard.press('Control+z');
    await expect.poll(() => resit.isChecked()).toBe(false);
    // The same form at 390 px, in Vietnamese.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByTestId('lang-toggle').click();
    await form.scrollIntoViewIfNeeded();
    await shot(page, '07-390-vi-guard-form');
    expect(errors).toEqual([]);
  });

  it('runs a class on the real lifecycles and rules: events offered, a refusal with its reason, save, reload, resume; llct replays the export to the same end', async () => {
    const { page, errors } = await built.open({ acceptDownloads: true }, '#lifecycles');
    const run = panel(page).getByTestId('class-run');
    await run.getByTestId('run-start').click();
    await expect.poll(() => run.getByTestId('run-state').getAttribute('data-state')).toBe('planned');
    // The canvas lights the run's state once the page has passed it on from the run panel (a render later): wait for it.
    await stateNode(page, 'planned').locator('.lc-state.is-current').waitFor({ timeout: 10_000 });
    const send = async (event: string, at: string, fill: (p: Page) => Promise<void> = async () => {}) => {
      await run.getByTestId('run-event').selectOption(event);
      await run.getByTestId('run-at').fill(at);
      await fill(page);
      await run.getByTestId('run-send').click();
    };
    await send('APPROVE', '21/02/2024', async () => {
      await run.getByTestId('payload-level').selectOption('intermediate');
      await run.getByTestId('payload-mode').selectOption('full-time');
    });
    await expect.poll(() => run.getByTestId('run-state').getAttribute('data-state')).toBe('approved');
    await send('OPEN_RECRUITMENT', '01/03/2024');
    await send('NOMINATE', '04/03/2024', async () => { await run.getByTestId('payload-profile').selectOption({ index: 1 }); });
    await expect.poll(() => run.getByTestId('run-learners').locator('tbody tr').count()).toBe(1);
    const learnerId = (await run.getByTestId('run-learners').locator('tbody tr').first().getAttribute('data-learner'))!;
    await send('CLOSE_RECRUITMENT', '15/03/2024');
    await expect.poll(() => run.getByTestId('run-state').getAttribute('data-state')).toBe('screening');
    // Screening runs the workspace's rules on the nominee.
    await send('SCREEN', '18/03/2024', async () => { await run.getByTestId('payload-learnerId').fill(learnerId); });
    await expect.poll(() => run.getByTestId('run-learners').locator('tbody tr').first().getAttribute('data-state')).not.toBe('screening');
    // One admitted at most, a minimum class size of 30: convening is refused, with the reason the CLI gives.
    await send('CONVENE', '25/03/2024');
    const refused = run.getByTestId('run-refused');
    await refused.waitFor();
    expect(await refused.textContent()).toContain('CONVENE');
    expect(await run.getByTestId('run-state').getAttribute('data-state')).toBe('screening');
    await shot(page, '05-run');

    // Save, reload, resume: the same state and learners.
    await run.getByTestId('run-save').click();
    await run.getByTestId('run-notice').waitFor();
    await page.reload();
    await panel(page).getByTestId('class-run').getByTestId('run-resume').click();
    await expect.poll(() => panel(page).getByTestId('class-run').getByTestId('run-state').getAttribute('data-state')).toBe('screening');
    expect(await panel(page).getByTestId('run-notice').getAttribute('role')).toBe('status');

    // The exported events, replayed by the engine and by llct with the exported lifecycle, end the same way.
    const [download] = await Promise.all([page.waitForEvent('download'), panel(page).getByTestId('run-export').click()]);
    const dir = mkdtempSync(join(tmpdir(), 'llct-run-'));
    const eventsFile = join(dir, 'class-run.events.json');
    await download.saveAs(eventsFile);
    const [lcDownload] = await Promise.all([page.waitForEvent('download'), panel(page).getByTestId('export-lifecycle').click()]);
    const workflowFile = join(dir, 'class-default.lifecycle.json');
    await lcDownload.saveAs(workflowFile);
    const events = JSON.parse(readFileSync(eventsFile, 'utf8')) as unknown[];
    expect(events.length).toBe(6);
    const engine = replayEvents(defaultClassLifecycle(), events);
    expect(engine.state).toBe('screening');
    expect(engine.rejected.map((r) => r.event)).toEqual(['CONVENE']);
    const validate = await runLlct(ROOT, ['lifecycle', 'validate', '--workflow', workflowFile]);
    expect(validate.code, validate.stderr).toBe(0);
    const cli = await runLlct(ROOT, ['lifecycle', 'replay', '--workflow', workflowFile, '--events', eventsFile, '--format', 'json']);
    const out = JSON.parse(cli.stdout) as { state: string; rejected: Array<{ event: string }>; learners: unknown[] };
    expect(out.state).toBe(engine.state);
    expect(out.rejected.map((r) => r.event)).toEqual(['CONVENE']);
    expect(out.learners).toEqual(engine.learners);
    expect(builtinLifecycles().classLifecycle.id).toBe('class-default');
    expect(errors).toEqual([]);
  });
});
