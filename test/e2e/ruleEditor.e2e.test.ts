/**
 * The rule editor of the production build in Chromium, under its Content-Security-Policy, as a policy
 * officer uses it: open 57-QĐ/TW, find the trung cấp part-time age rule, lower the women's age from 33 to 30, see
 * the test bench and the golden cases react, reload, undo, redo, export the ruleset and check it with `llct`, refuse
 * a bad import, and keep a second tab from overwriting. What the page must show is computed here by the engine
 * (golden cases re-run on the same edit), never copied from the page. Screenshots of each step go to test-results/.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { builtinDocuments } from '../../engine/builtin.ts';
import { createChecker } from '../../engine/rules/createChecker.ts';
import { runGoldenCases } from '../../engine/rules/runGoldenCases.ts';
import { SAMPLES } from '../../editor/workspace/samples.ts';
import { ROOT, runLlct } from '../cli/runLlct.ts';
import { screenshotPath, useBuiltPage } from './useBuiltPage.ts';

const built = useBuiltPage();
const shot = (page: Page, name: string) => page.screenshot({ path: screenshotPath(`editor-${name}.png`), fullPage: true });

/** The rule editor's own panel (the check tab's form has the same test ids). */
const editor = (page: Page) => page.locator('#panel-rules');
const bench = (page: Page) => editor(page).getByTestId('bench');
const verdictOf = (page: Page) => bench(page).getByTestId('verdict');

/** The golden cases of 57 that fail once the women's part-time age is 30: the engine's answer on the same edit. */
async function expectedFailingCases(): Promise<string[]> {
  const docs = builtinDocuments();
  const edited = structuredClone(docs.rulesets.find((r) => r.id === '57-qd-tw')!);
  const rule = edited.rules.find((r) => r.id === 'tc-part-time-age')!;
  const women = (rule.conditions as { any: Array<{ all: Array<{ fact: string; value: unknown }> }> }).any[0]!.all.find((c) => c.fact === 'age')!;
  expect(women.value).toBe(33);
  women.value = 30;
  const checker = createChecker({ rulesets: [edited, ...docs.rulesets.filter((r) => r.id !== '57-qd-tw')], positions: docs.positions, institutions: docs.institutions });
  const report = await runGoldenCases(checker, JSON.parse(readFileSync(join(ROOT, 'fixtures/golden/57-qd-tw.cases.json'), 'utf8')), '57.json');
  if (!report.ok) throw new Error('golden cases do not load');
  return report.report.results.filter((r) => !r.passed).map((r) => r.id).sort();
}

/** Finds the trung cấp part-time age rule by searching its title, then selects the women's age leaf (the first "≥ n"). */
async function openWomenAgeLeaf(page: Page, threshold: number, words = 'học hệ không tập trung'): Promise<Locator> {
  await editor(page).getByTestId('rule-search').fill(words);
  await editor(page).locator('[data-testid=search-hit][data-kind=rule][data-rule=tc-part-time-age]').click();
  const inspector = editor(page).getByTestId('inspector');
  await inspector.getByTestId('rule-meta').waitFor();
  const label = page.url().length > 0 && (await page.evaluate(() => document.documentElement.lang)) === 'en' ? `at least ${threshold}` : `từ ${threshold} trở lên`;
  await inspector.getByTestId('outline-node').filter({ hasText: label }).first().click();
  return inspector.getByTestId('value-number');
}

const undoDisabled = (page: Page) => editor(page).getByTestId('undo').isDisabled();

async function saved(page: Page): Promise<void> {
  await expect.poll(() => page.getByTestId('save-status').getAttribute('data-state'), { timeout: 10_000 }).toBe('saved');
}

describe('the rule editor in Chromium', () => {
  it('changes a threshold and shows its consequences; keeps it over a reload; undo, redo; exports a file llct checks the same way', async () => {
    const { page, errors } = await built.open({ acceptDownloads: true }, '#rules');
    await shot(page, '01-opened');
    await editor(page).getByTestId('ruleset-select').selectOption('ruleset:57-qd-tw');

    // The bench: a woman of 31 (born 12/06/1992), trung cấp part-time on 01/03/2024.
    await bench(page).getByTestId('birth-date').fill('12/06/1992');
    await expect.poll(() => verdictOf(page).getAttribute('data-eligible')).toBe('false');
    expect(await bench(page).getByTestId('failure').first().getAttribute('data-rule')).toBe('tc-part-time-age');

    const value = await openWomenAgeLeaf(page, 33);
    expect(await value.inputValue()).toBe('33');
    await shot(page, '02-rule-found');
    await value.fill('30');
    await expect.poll(() => verdictOf(page).getAttribute('data-eligible')).toBe('true');
    // The leaf is lit passed in the outline (and on the canvas), with the cadre's value beside it.
    const lit = editor(page).getByTestId('inspector').getByTestId('outline-node').filter({ hasText: 'từ 30 trở lên' }).first();
    expect(await lit.getAttribute('class')).toContain('passed');
    expect(await lit.textContent()).toContain('31');
    expect(await editor(page).locator('.react-flow__node .llct-trace--passed').count()).toBeGreaterThan(0);
    expect(await editor(page).locator('.react-flow__node .llct-trace--failed').count()).toBeGreaterThan(0);
    await shot(page, '03-threshold-30-bench-eligible');

    // The golden cases that pinned 33 now fail, and only they.
    await editor(page).getByTestId('rules-panel-golden').click();
    const failing = await expectedFailingCases();
    expect(failing.length).toBeGreaterThan(0);
    await expect.poll(async () => (await editor(page).getByTestId('golden-failing').evaluateAll((els) => els.map((e) => e.getAttribute('data-case')))).sort()).toEqual(failing);
    expect(await editor(page).getByTestId('golden-rule').first().textContent()).toBe('tc-part-time-age');
    await shot(page, '04-golden-failing');

    // Reload: the change was saved in the browser, and so was the undo history.
    await saved(page);
    await page.reload();
    await page.waitForSelector('#panel-rules .react-flow__node');
    const reloaded = await openWomenAgeLeaf(page, 30, 'tc-part-time-age');
    expect(await reloaded.inputValue()).toBe('30');
    await shot(page, '05-after-reload');

    // Undo restores 33 (the bench flips back), redo gives 30 again; from the keyboard and the buttons.
    await editor(page).getByTestId('rule-search').focus();
    await page.keyboard.press('Control+z');
    await expect.poll(() => verdictOf(page).getAttribute('data-eligible')).toBe('false');
    expect(await editor(page).getByTestId('value-number').inputValue()).toBe('33');
    await shot(page, '06-undone');
    await page.keyboard.press('Control+Shift+z');
    await expect.poll(() => verdictOf(page).getAttribute('data-eligible')).toBe('true');
    expect(await editor(page).getByTestId('value-number').inputValue()).toBe('30');
    await editor(page).getByTestId('undo').click();
    expect(await editor(page).getByTestId('value-number').inputValue()).toBe('33');
    await page.keyboard.press('Control+y');
    expect(await editor(page).getByTestId('value-number').inputValue()).toBe('30');

    // Export the ruleset and check the bench's cadre with llct on it: the same verdict.
    await editor(page).getByTestId('rules-panel-bench').click();
    await expect.poll(() => verdictOf(page).getAttribute('data-eligible')).toBe('true');
    const download = page.waitForEvent('download');
    await editor(page).getByTestId('export-ruleset').click();
    const dir = mkdtempSync(join(tmpdir(), 'llct-e2e-'));
    const file = join(dir, '57-edited.json');
    await (await download).saveAs(file);
    const cadre = { ...SAMPLES[0]!.profile, birthDate: '1992-06-12' };
    writeFileSync(join(dir, 'cadre.json'), JSON.stringify([cadre]));
    const validate = await runLlct(dir, ['validate', '--ruleset', file, '--format', 'json']);
    expect(validate.code).toBe(0);
    const check = await runLlct(dir, ['check', '--cadres', 'cadre.json', '--ruleset', file, '--level', 'intermediate', '--mode', 'part-time', '--on', '2024-03-01', '--format', 'json']);
    expect(check.code).toBe(0);
    const result = (JSON.parse(check.stdout) as { results: Array<{ eligible: boolean; regulation: string; failures: unknown[] }> }).results[0]!;
    expect(result).toMatchObject({ eligible: true, regulation: '57-QĐ/TW', failures: [] });
    expect(await bench(page).getByTestId('regulation').textContent()).toBe(result.regulation);
    await shot(page, '07-exported');
    expect(errors).toEqual([]);
  });

  it('refuses an invalid import with its reasons and leaves the workspace as it was', async () => {
    const { page, errors } = await built.open({}, '#rules');
    const options = await editor(page).getByTestId('ruleset-select').locator('option').allTextContents();
    await editor(page).getByTestId('import-ruleset-file').setInputFiles({ name: 'hong.json', mimeType: 'application/json', buffer: Buffer.from('{"schema": "llct/ruleset", "rules": [') });
    const refused = editor(page).getByTestId('import-refused');
    await refused.waitFor();
    expect(await refused.textContent()).toContain('hong.json');
    expect(await refused.textContent()).toContain('JSON không hợp lệ');
    const bad = structuredClone(builtinDocuments().rulesets[0]!) as unknown as { rules: Array<Record<string, unknown>> };
    bad.rules[0]!.notee = 'gõ nhầm';
    await editor(page).getByTestId('import-ruleset-file').setInputFiles({ name: 'notee.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(bad)) });
    await expect.poll(async () => editor(page).getByTestId('import-refused').textContent()).toContain('note');
    expect(await editor(page).getByTestId('ruleset-select').locator('option').allTextContents()).toEqual(options);
    await shot(page, '08-import-refused');
    expect(errors).toEqual([]);
  });

  it('never lets a second tab overwrite silently: a stale tab gets the choice, an idle one follows', async () => {
    const first = await built.open({}, '#rules');
    const context = first.page.context();
    // A stale tab: it does not hear the other tab's saves (no BroadcastChannel), so only the revision check protects.
    const stale = await context.newPage();
    await stale.addInitScript(() => { Reflect.deleteProperty(window, 'BroadcastChannel'); });
    await stale.goto(`${built.url()}#rules`);
    await stale.waitForSelector('#panel-rules .react-flow__node');
    const idle = await context.newPage();
    await idle.goto(`${built.url()}#rules`);
    await idle.waitForSelector('#panel-rules .react-flow__node');

    // Tab 1 edits and saves.
    await (await openWomenAgeLeaf(first.page, 33)).fill('31');
    await saved(first.page);
    // The idle tab takes it at once, with a notice.
    await idle.getByTestId('notice-adopted').waitFor();
    // The stale tab edits: its save is refused and it is asked what to do.
    await (await openWomenAgeLeaf(stale, 33)).fill('40');
    await stale.getByTestId('conflict').waitFor({ timeout: 10_000 });
    expect(await stale.getByTestId('save-status').getAttribute('data-state')).toBe('conflict');
    await shot(stale, '09-second-tab-conflict');
    // Tab 1's work is what is stored.
    await first.page.reload();
    await first.page.waitForSelector('#panel-rules .react-flow__node');
    expect(await (await openWomenAgeLeaf(first.page, 31)).inputValue()).toBe('31');
    // "Load theirs" in the stale tab brings tab 1's work.
    await stale.getByTestId('conflict-load-theirs').click();
    await expect.poll(() => stale.getByTestId('save-status').getAttribute('data-state')).toBe('saved');
    expect(first.errors).toEqual([]);
  });

  it('reads in English and at 390 px', async () => {
    const { page, errors } = await built.open({ viewport: { width: 390, height: 844 } }, '#rules');
    await shot(page, '10-390-vi');
    await page.getByTestId('lang-toggle').click();
    expect(await page.getByTestId('view-rules').textContent()).toBe('Edit rules');
    await (await openWomenAgeLeaf(page, 33, 'tc-part-time-age')).waitFor();
    await shot(page, '11-390-en');
    expect(errors).toEqual([]);
  });
  it('drags a node with its edges, draws the drag as React Flow draws the drop, and keeps the drop as one undoable step over a reload', async () => {
    const { page, errors } = await built.open({}, '#rules');
    await editor(page).getByTestId('ruleset-select').selectOption('ruleset:57-qd-tw');
    const node = editor(page).locator('.react-flow__node-rule').first();
    const id = (await node.getAttribute('data-id'))!;
    // The node's position in flow coordinates, from its transform; the paths of the edges into and out of it.
    const transformOf = async (n: Locator) => (await n.evaluate((el) => (el as HTMLElement).style.transform)).match(/-?[\d.]+/g)!.map(Number);
    const at = () => transformOf(node);
    const edgeInto = editor(page).locator(`.react-flow__edge[data-id$="->${id}"] path.react-flow__edge-path`);
    const edgeOut = editor(page).locator(`.react-flow__edge[data-id^="edge:${id}->"] path.react-flow__edge-path`).first();
    const paths = async () => [await edgeInto.getAttribute('d'), await edgeOut.getAttribute('d')];
    // Its first condition is placed from it (it follows the drag); the next rule is not (it must not move at all).
    const childId = (await editor(page).locator(`.react-flow__edge[data-id^="edge:${id}->"]`).first().getAttribute('data-id'))!.split('->')[1]!;
    const child = editor(page).locator(`.react-flow__node[data-id="${childId}"]`);
    const sibling = editor(page).locator('.react-flow__node-rule').nth(1);
    const start = await at();
    const startPaths = await paths();
    const childStart = await transformOf(child);
    const siblingStart = await transformOf(sibling);
    expect(await undoDisabled(page)).toBe(true);

    const box = (await node.boundingBox())!;
    const x0 = box.x + box.width / 2, y0 = box.y + 12;
    await page.mouse.move(x0, y0);
    await page.mouse.down();
    await page.mouse.move(x0 + 150, y0 + 90, { steps: 12 });
    // Mid-drag: the node and both of its edges have moved, nothing is committed yet.
    const during = await at();
    expect(during[0]).toBeGreaterThan(start[0]! + 50);
    expect(during[1]).toBeGreaterThan(start[1]! + 30);
    const duringPaths = await paths();
    expect(duringPaths[0]).not.toBe(startPaths[0]);
    expect(duringPaths[1]).not.toBe(startPaths[1]);
    const childDuring = await transformOf(child);
    expect(childDuring[0]! - childStart[0]!).toBeCloseTo(during[0]! - start[0]!, 6);
    expect(childDuring[1]! - childStart[1]!).toBeCloseTo(during[1]! - start[1]!, 6);
    expect(await undoDisabled(page)).toBe(true);
    // The canvas alone: a full-page screenshot resizes the viewport, which would re-render the canvas mid-drag.
    await editor(page).locator('.llct-canvas').screenshot({ path: screenshotPath('editor-12-dragging.png') });
    await page.mouse.up();

    // The drop: React Flow renders the node and its edges exactly where the drag drew them.
    await expect.poll(() => undoDisabled(page)).toBe(false);
    const dropped = await at();
    expect(dropped).toEqual(during);
    expect(await paths()).toEqual(duringPaths);
    expect(await transformOf(child)).toEqual(childDuring);
    expect(await transformOf(sibling)).toEqual(siblingStart);

    // One history entry: one undo puts the node and its edges back exactly.
    await page.keyboard.press('Control+z');
    await expect.poll(() => undoDisabled(page)).toBe(true);
    expect(await at()).toEqual(start);
    expect(await transformOf(child)).toEqual(childStart);
    // The edges end where they started (React Flow draws from measured handles before any change and from the
    // declared ones after, which differ by float noise: compare the end points).
    const ends = (d: string | null) => { const n = (d ?? '').match(/-?[\d.]+/g)!.map(Number); return [n[0]!, n[1]!, n.at(-2)!, n.at(-1)!]; };
    for (const [i, d] of (await paths()).entries()) ends(d).forEach((v, k) => expect(v).toBeCloseTo(ends(startPaths[i]!)[k]!, 3));
    await page.keyboard.press('Control+Shift+z');
    await expect.poll(at).toEqual(dropped);
    await saved(page);
    await page.reload();
    await editor(page).getByTestId('ruleset-select').selectOption('ruleset:57-qd-tw');
    await editor(page).locator(`.react-flow__node[data-id="${id}"]`).waitFor();
    expect(await at()).toEqual(dropped);
    expect(errors).toEqual([]);
  });

  it('can be driven from the keyboard alone: find a rule, reach its conditions, move on the canvas, undo', async () => {
    const { page, errors } = await built.open({}, '#rules');
    const active = () => page.evaluate(() => { const e = document.activeElement as HTMLElement | null; return e?.getAttribute('data-testid') ?? e?.id ?? e?.className ?? ''; });
    await editor(page).getByTestId('rule-search').focus();
    await page.keyboard.type('hoc he khong tap trung');
    await page.keyboard.press('Tab');
    expect(await active()).toBe('search-hit');
    await page.keyboard.press('Enter');
    await expect.poll(active).toBe('inspector-heading');
    expect(await editor(page).getByTestId('inspector').getAttribute('data-selected')).toMatch(/^rule:/);
    // Tab moves through the rule's actions and fields to its conditions; Enter on one selects it.
    let steps = 0;
    while ((await active()) !== 'outline-node' && steps++ < 40) await page.keyboard.press('Tab');
    expect(await active()).toBe('outline-node');
    await page.keyboard.press('Enter');
    await expect.poll(active).toBe('inspector-heading');
    expect(await editor(page).getByTestId('inspector').getAttribute('data-selected')).toMatch(/^cond:/);
    // On the canvas: a focused node moves focus with the arrow keys and Enter selects the focused node.
    const first = editor(page).locator('.react-flow__node').first();
    await first.focus();
    const before = await first.getAttribute('data-id');
    await page.keyboard.press('ArrowRight');
    const moved = await page.evaluate(() => (document.activeElement as HTMLElement).getAttribute('data-id'));
    expect(moved).not.toBe(before);
    await page.keyboard.press('Enter');
    await expect.poll(() => editor(page).getByTestId('inspector').getAttribute('data-selected')).toBe(moved);
    // Delete on a selected condition removes it; Ctrl+Z brings it back.
    const count = await editor(page).locator('.react-flow__node').count();
    await page.keyboard.press('Delete');
    await expect.poll(() => editor(page).getByTestId('undo').isDisabled()).toBe(false);
    await page.keyboard.press('Control+z');
    await expect.poll(() => editor(page).getByTestId('undo').isDisabled()).toBe(true);
    expect(await editor(page).locator('.react-flow__node').count()).toBe(count);
    await shot(page, '12-keyboard');
    expect(errors).toEqual([]);
  });
});
