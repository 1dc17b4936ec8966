/**
 * Issue 11's scenario on the production build in Chromium: a field-trip phase ("Đi thực tế") added between the
 * sessions and the examinations — a state, an arrow drawn on the canvas into it with its guard and action picked in
 * the typed forms, and the arrow to the examinations dragged to leave it; a sample class run through it; a CONVENE
 * with too few admitted learners refused with its reason, then passing when the minimum is lowered (the run is
 * replayed on the edited lifecycle); the run saved in the field trip, the state renamed, the
 * run resumed in the renamed state and taken to graduation; undo and reload; the export passes
 * `llct lifecycle validate` and `llct lifecycle replay` ends the exported run the same way.
 * Screenshots of each step go to test-results/lifecycle-trip-*.png.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ROOT, runLlct } from '../cli/runLlct.ts';
import { screenshotPath, useBuiltPage } from './useBuiltPage.ts';

const built = useBuiltPage();
const shot = (page: Page, name: string) => page.screenshot({ path: screenshotPath(`lifecycle-trip-${name}.png`), fullPage: true });
const panel = (page: Page) => page.locator('#panel-lifecycles');
/** The canvas node of the state named `name` (nodes are keyed by state record id; the name is on the box). */
const stateNode = (page: Page, name: string) => panel(page).locator('.react-flow__node').filter({ has: page.locator(`.lc-state[data-state="${name}"]`) });
/** The canvas arrow from the state named `from` to the state named `to` (arrows are keyed by state record ids; the names are in its label). */
const arrow = (page: Page, from: string, to: string) => panel(page).locator(`.react-flow__edge[aria-label^="${from} → ${to}:"]`);
const errorsShown = (page: Page) => panel(page).getByTestId('lifecycle-summary').getAttribute('data-errors');

/** Selects a state from the keyboard (focus, Enter): works wherever the canvas has scrolled it. */
async function select(page: Page, id: string): Promise<void> {
  await stateNode(page, id).focus();
  await page.keyboard.press('Enter');
  await expect.poll(() => panel(page).getByTestId('state-inspector').getAttribute('data-state')).toBe(id);
}

async function centre(l: Locator): Promise<{ x: number; y: number }> {
  const b = (await l.boundingBox())!;
  return { x: b.x + b.width / 2, y: b.y + b.height / 2 };
}

/** A pointer drag in small steps, as a hand does it (React Flow reads the moves in between). */
async function drag(page: Page, from: { x: number; y: number }, to: { x: number; y: number }): Promise<void> {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(from.x + 8, from.y + 8, { steps: 4 });
  await page.mouse.move(to.x, to.y, { steps: 20 });
  await page.mouse.up();
}

describe('a field trip added to the class lifecycle in Chromium', () => {
  it('is drawn, run to graduation, renamed under a saved run, undone, reloaded and handed to llct', async () => {
    const { page, errors } = await built.open({ acceptDownloads: true, viewport: { width: 1280, height: 900 } }, '#lifecycles');
    await stateNode(page, 'in-session').waitFor();

    // 1. The state, named.
    await panel(page).getByTestId('add-state').click();
    await panel(page).getByTestId('state-id').fill('field-trip');
    await panel(page).getByTestId('rename-state').click();
    await stateNode(page, 'field-trip').waitFor();
    await panel(page).getByTestId('state-label-vi').fill('Đi thực tế');
    await panel(page).getByTestId('state-label-en').fill('Field trip');
    await panel(page).getByTestId('lifecycle-auto-layout').click();

    // 2. Its event, then an arrow drawn from the sessions' dot onto it; event, guard and action from the forms.
    await select(page, 'in-session');
    await panel(page).getByTestId('new-event').fill('START_FIELD_TRIP');
    await panel(page).getByTestId('add-event').click();
    // The whole lifecycle in view (React Flow's own fit button), so both ends of the new arrow are on screen.
    await panel(page).locator('.react-flow__controls-fitview').click();
    await drag(page, await centre(stateNode(page, 'in-session').locator('.react-flow__handle-right')), await centre(stateNode(page, 'field-trip')));
    await arrow(page, 'in-session', 'field-trip').waitFor();
    const pair = panel(page).getByTestId('pair-inspector');
    await pair.waitFor();
    await pair.getByTestId('transition-event').selectOption('START_FIELD_TRIP');
    await pair.getByTestId('guard-kind').selectOption('monthsSince');
    // The date mark and the months come as typed fields: the mark "opened", the document's parameter for months.
    await pair.getByTestId('param-since').fill('opened');
    expect(await pair.getByTestId('param-months-source').inputValue()).toBe('param:programmeMonths');
    await pair.getByTestId('add-action-type').selectOption('stampDate');
    await pair.getByTestId('add-action').click();
    await pair.locator('[data-testid=action][data-type=stampDate] [data-testid=param-name]').fill('fieldTripStarted');
    await shot(page, '01-arrow-drawn-forms');

    // 3. Laid out again (the field trip now follows the sessions), the arrow to the examinations is dragged by its
    // start from the sessions to the field trip's dot. Arrows leaving one state share their start: the arrow is
    // selected first (from the keyboard), which draws it on top.
    await panel(page).getByTestId('lifecycle-auto-layout').click();
    await panel(page).locator('.react-flow__controls-fitview').click();
    await arrow(page, 'in-session', 'examinations').focus();
    await page.keyboard.press('Enter');
    await panel(page).getByTestId('pair-inspector').waitFor();
    const start = arrow(page, 'in-session', 'examinations').locator('.react-flow__edgeupdater-source');
    await drag(page, await centre(start), await centre(stateNode(page, 'field-trip').locator('.react-flow__handle-right')));
    await arrow(page, 'field-trip', 'examinations').waitFor();
    expect(await arrow(page, 'in-session', 'examinations').count()).toBe(0);
    await expect.poll(() => errorsShown(page)).toBe('0');
    // The new event gets names people read, in the document view.
    await panel(page).locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
    await panel(page).locator('[data-testid=event-label][data-event=START_FIELD_TRIP] [data-testid=event-label-vi]').fill('Bắt đầu đi thực tế');
    await panel(page).locator('[data-testid=event-label][data-event=START_FIELD_TRIP] [data-testid=event-label-en]').fill('Start the field trip');
    await shot(page, '02-arrow-moved');

    // 4. A class run: convening with fewer admitted than the minimum (30) is refused with its reason…
    const run = panel(page).getByTestId('class-run');
    const send = async (event: string, at: string, fill: () => Promise<void> = async () => {}) => {
      await run.getByTestId('run-event').selectOption(event);
      await run.getByTestId('run-at').fill(at);
      await fill();
      await run.getByTestId('run-send').click();
    };
    const stateIs = (s: string) => expect.poll(() => run.getByTestId('run-state').getAttribute('data-state')).toBe(s);
    await run.getByTestId('run-start').click();
    await send('APPROVE', '21/02/2024', async () => {
      await run.getByTestId('payload-level').selectOption('intermediate');
      await run.getByTestId('payload-mode').selectOption('full-time');
    });
    await send('OPEN_RECRUITMENT', '01/03/2024');
    await send('NOMINATE', '04/03/2024', async () => { await run.getByTestId('payload-profile').selectOption('eligible-deputy-head'); });
    await send('CLOSE_RECRUITMENT', '15/03/2024');
    await send('SCREEN', '18/03/2024', async () => { await run.getByTestId('payload-learnerId').fill('NA-MAU-02'); });
    await expect.poll(() => run.locator('[data-testid=run-learners] tbody tr[data-learner="NA-MAU-02"]').getAttribute('data-state')).toBe('admitted');
    await send('CONVENE', '25/03/2024');
    const refused = run.getByTestId('run-refused');
    await refused.waitFor();
    expect(await refused.textContent()).toMatch(/cần tối thiểu 30/);
    await stateIs('screening');
    await shot(page, '03-convene-refused');

    // …and accepted once the minimum is 1: the run is replayed on the edited lifecycle, with a notice, and the same
    // CONVENE now passes.
    await panel(page).locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
    await panel(page).locator('[data-testid=parameter][data-name=minClassSize] [data-testid=parameter-value]').fill('1');
    await stateIs('convened');
    expect(await run.getByTestId('run-notice').textContent()).toMatch(/6 sự kiện/);
    await send('OPEN', '16/05/2024');
    await send('RECORD_ATTENDANCE', '01/11/2024', async () => {
      await run.getByTestId('payload-learnerId').fill('NA-MAU-02');
      await run.getByTestId('payload-percent').fill('95');
    });
    await send('START_FIELD_TRIP', '02/12/2024');
    await stateIs('field-trip');
    // The canvas lights the run's state once the page has passed it on from the run panel (a render later): wait for it.
    await stateNode(page, 'field-trip').locator('.lc-state.is-current').waitFor({ timeout: 10_000 });
    await run.getByTestId('run-save').click();
    await run.getByTestId('run-notice').waitFor();

    // 5. Deleting the field trip now names the saved run in the question (declined); renaming it is recorded.
    await select(page, 'field-trip');
    const question = new Promise<string>((resolve) => page.once('dialog', (d) => { resolve(d.message()); void d.dismiss(); }));
    await panel(page).getByTestId('delete-state').click();
    expect(await question).toMatch(/lớp chạy thử đã lưu trong trình duyệt đang ở trạng thái này/);
    await stateNode(page, 'field-trip').waitFor();
    await panel(page).getByTestId('state-id').fill('di-thuc-te');
    await panel(page).getByTestId('rename-state').click();
    await stateNode(page, 'di-thuc-te').waitFor();

    // 6. Reload, resume: the saved run is in the renamed state, "same result"; on to graduation.
    await expect.poll(() => page.getByTestId('save-status').getAttribute('data-state'), { timeout: 10_000 }).toBe('saved');
    await page.reload();
    await stateNode(page, 'di-thuc-te').waitFor();
    await panel(page).getByTestId('class-run').getByTestId('run-resume').click();
    await stateIs('di-thuc-te');
    expect(await run.getByTestId('run-notice').textContent()).toMatch(/cùng kết quả như khi lưu/);
    await send('START_EXAMS', '10/12/2024');
    await stateIs('examinations');
    await send('RECORD_EXAM', '12/12/2024', async () => {
      await run.getByTestId('payload-learnerId').fill('NA-MAU-02');
      await run.getByTestId('payload-scores').fill('8; 8.5; 9');
    });
    await send('FINISH_EXAMS', '15/12/2024');
    await send('GRADUATE', '20/12/2024');
    await stateIs('graduated');
    await run.getByTestId('run-save').click();
    await shot(page, '04-graduated');

    // 7. Undo the rename, redo it; reload keeps the edit.
    await page.keyboard.press('Escape');
    await panel(page).getByTestId('lifecycle-undo').click();
    await stateNode(page, 'field-trip').waitFor();
    await panel(page).getByTestId('lifecycle-redo').click();
    await stateNode(page, 'di-thuc-te').waitFor();
    await expect.poll(() => page.getByTestId('save-status').getAttribute('data-state'), { timeout: 10_000 }).toBe('saved');
    await page.reload();
    await stateNode(page, 'di-thuc-te').waitFor();
    // React Flow draws the arrows once the states are measured, a frame or more after the states appear.
    await expect.poll(() => arrow(page, 'di-thuc-te', 'examinations').count(), { timeout: 10_000 }).toBe(1);

    // 8. The exported lifecycle validates, and llct replays the exported run to the same end.
    await panel(page).getByTestId('class-run').getByTestId('run-resume').click();
    await stateIs('graduated');
    const dir = mkdtempSync(join(tmpdir(), 'llct-trip-'));
    const [lcDownload] = await Promise.all([page.waitForEvent('download'), panel(page).getByTestId('export-lifecycle').click()]);
    const workflowFile = join(dir, 'class-default.lifecycle.json');
    await lcDownload.saveAs(workflowFile);
    const [evDownload] = await Promise.all([page.waitForEvent('download'), run.getByTestId('run-export').click()]);
    const eventsFile = join(dir, 'class-run.events.json');
    await evDownload.saveAs(eventsFile);
    const exported = JSON.parse(readFileSync(workflowFile, 'utf8')) as { states: Record<string, { label: { vi: string } }>; revisions: Array<{ renamedStates: Record<string, string> }> };
    expect(exported.states['di-thuc-te']!.label.vi).toBe('Đi thực tế');
    expect((exported as unknown as { events: Record<string, { label: unknown }> }).events.START_FIELD_TRIP!.label).toEqual({ vi: 'Bắt đầu đi thực tế', en: 'Start the field trip' });
    // One open revision holds the session's renames, composed from the name the state had when it opened.
    expect(exported.revisions.some((r) => r.renamedStates['trang-thai-moi'] === 'di-thuc-te')).toBe(true);
    const validate = await runLlct(ROOT, ['lifecycle', 'validate', '--workflow', workflowFile]);
    expect(validate.code, validate.stdout + validate.stderr).toBe(0);
    const replay = await runLlct(ROOT, ['lifecycle', 'replay', '--workflow', workflowFile, '--events', eventsFile, '--format', 'json']);
    const out = JSON.parse(replay.stdout) as { state: string; history: Array<{ to: string }>; rejected: Array<{ event: string }> };
    expect(out.state).toBe('graduated');
    expect(out.history.map((h) => h.to)).toContain('di-thuc-te');
    expect(out.rejected).toEqual([]);
    expect(errors).toEqual([]);
  }, 120_000);
});
