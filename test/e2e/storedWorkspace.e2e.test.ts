/**
 * A workspace that always reloads, in Chromium on the production build: clear the Vietnamese title of `tc-lecturer`
 * (57-QĐ/TW) in the inspector, reload, and the workspace opens with the diagnostic on that rule (node, inspector and
 * list, in words), autosave running, and every other edit there. Then a stored workspace with a broken plan and a
 * broken canvas position: the rest opens, the set-aside panel names both with their reasons and choices, its buttons
 * are reached with Tab, and dropping a part downloads it first. Screenshots (1280 and 390 px, Vietnamese and English)
 * go to test-results/.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { screenshotPath, useBuiltPage } from './useBuiltPage.ts';

const built = useBuiltPage();
const editor = (page: Page) => page.locator('#panel-rules');
const RAW_SCHEMA_WORDS = /Quá nhỏ|mong đợi|Too small|Invalid input/;

async function saved(page: Page): Promise<void> {
  await expect.poll(() => page.getByTestId('save-status').getAttribute('data-state'), { timeout: 10_000 }).toBe('saved');
}

/** Opens a rule in the inspector by searching its id; returns its record id (the canvas node id). */
async function openRule(page: Page, ruleId: string): Promise<string> {
  await editor(page).getByTestId('rule-search').fill(ruleId);
  const hit = editor(page).locator(`[data-testid=search-hit][data-kind=rule][data-rule=${ruleId}]`);
  const nodeId = (await hit.getAttribute('data-node-id'))!;
  await hit.click();
  await editor(page).getByTestId('inspector').getByTestId('rule-meta').waitFor();
  return nodeId;
}

/**
 * Screenshots at 1280 and 390 px, Vietnamese then English (back to Vietnamese after), of the viewport with `focus`
 * scrolled into view.
 */
async function shots(page: Page, name: string, focus: (page: Page) => ReturnType<Page['locator']>): Promise<void> {
  for (const lang of ['vi', 'en'] as const) {
    if ((await page.evaluate(() => document.documentElement.lang)) !== lang) await page.getByTestId('lang-toggle').click();
    for (const width of [1280, 390]) {
      await page.setViewportSize({ width, height: width === 1280 ? 900 : 844 });
      await focus(page).evaluate((el) => el.scrollIntoView({ block: 'start' }));
      await page.screenshot({ path: screenshotPath(`stored-${name}-${lang}-${width}.png`) });
    }
  }
  await page.getByTestId('lang-toggle').click();
  await page.setViewportSize({ width: 1280, height: 900 });
}

describe('a stored workspace in Chromium', () => {
  it('reopens with an emptied rule title as a diagnostic on that rule, and every other edit intact', async () => {
    const { page, errors } = await built.open({}, '#rules');
    await editor(page).getByTestId('ruleset-select').selectOption('ruleset:57-qd-tw');
    // Another edit, elsewhere, that must survive.
    await openRule(page, 'tc-part-time-age');
    await editor(page).getByTestId('rule-note').fill('Ghi chú giữ lại sau khi tải lại');
    const nodeId = await openRule(page, 'tc-lecturer');
    const titleVi = editor(page).getByTestId('rule-title-vi');
    expect(await titleVi.inputValue()).not.toBe('');
    await titleVi.fill('');
    await saved(page);

    await page.reload();
    await page.waitForSelector('[data-testid=rule-editor] .react-flow__node');
    expect(await page.getByTestId('notice-stored-unreadable').count()).toBe(0);
    expect(await page.getByTestId('set-aside').count()).toBe(0);
    expect(await page.getByTestId('save-status').textContent()).not.toMatch(/tạm dừng|paused/);
    await editor(page).getByTestId('ruleset-select').selectOption('ruleset:57-qd-tw');

    // On the node: the canvas node of tc-lecturer carries the error mark.
    await openRule(page, 'tc-lecturer');
    const node = editor(page).locator(`.react-flow__node[data-id="${nodeId}"] .llct-node`);
    await expect.poll(() => node.getAttribute('class')).toContain('has-error');
    // In the inspector: the title is still empty, and the diagnostic says so in words.
    expect(await editor(page).getByTestId('rule-title-vi').inputValue()).toBe('');
    const inInspector = editor(page).getByTestId('inspector').getByTestId('diagnostic-message');
    await expect.poll(() => inInspector.allTextContents()).toContain('Tiêu đề (tiếng Việt): đang để trống.');
    // In the list.
    await page.locator('#rules-panel-tab-diagnostics').click();
    // The panel loads when first opened.
    await editor(page).getByTestId('diagnostics-list').getByTestId('diagnostic-message').first().waitFor();
    const listed = await editor(page).getByTestId('diagnostics-list').getByTestId('diagnostic-message').allTextContents();
    expect(listed).toContain('Tiêu đề (tiếng Việt): đang để trống.');
    expect(listed.join('\n')).not.toMatch(RAW_SCHEMA_WORDS);
    await shots(page, 'emptied-title', (p) => editor(p).getByTestId('inspector'));
    await page.getByTestId('lang-toggle').click();
    await expect.poll(() => editor(page).getByTestId('diagnostics-list').getByTestId('diagnostic-message').allTextContents()).toContain('Title (Vietnamese): is empty.');
    await page.getByTestId('lang-toggle').click();

    // The other edit is there, and autosave still runs: typing the title back saves.
    await openRule(page, 'tc-part-time-age');
    expect(await editor(page).getByTestId('rule-note').inputValue()).toBe('Ghi chú giữ lại sau khi tải lại');
    await openRule(page, 'tc-lecturer');
    await editor(page).getByTestId('rule-title-vi').fill('Giảng viên lý luận chính trị');
    await saved(page);
    await expect.poll(() => node.getAttribute('class')).not.toContain('has-error');
    expect(errors).toEqual([]);
  }, 120_000);

  it('sets aside a broken plan and a broken canvas position, opens the rest, and offers export, repair and drop by keyboard', async () => {
    const { page, errors } = await built.open({ acceptDownloads: true }, '#rules');
    // An edit, so that a workspace is stored.
    await editor(page).getByTestId('ruleset-select').selectOption('ruleset:57-qd-tw');
    await openRule(page, 'tc-part-time-age');
    await editor(page).getByTestId('rule-note').fill('Một sửa đổi để có bản lưu');
    await saved(page);
    // Break two parts of the stored workspace, the way a bug or another version might have written them.
    await page.evaluate(async () => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => { const r = indexedDB.open('llct-studio'); r.onsuccess = () => resolve(r.result); r.onerror = () => reject(r.error); });
      const tx = db.transaction('workspaces', 'readwrite');
      const os = tx.objectStore('workspaces');
      const stored = await new Promise<{ revision: number; doc: { workspace: { records: Array<Record<string, unknown>> } } | { records: Array<Record<string, unknown>> } }>((resolve) => { const r = os.get('default'); r.onsuccess = () => resolve(r.result); });
      const doc = 'workspace' in stored.doc ? stored.doc.workspace : stored.doc;
      const plan = doc.records.find((r) => r.type === 'plan')!;
      plan.classes = 'không phải danh sách';
      doc.records.push({ id: 'layout:ruleset:57-qd-tw', type: 'layout', owner: 'ruleset:57-qd-tw', positions: { 'ruleset:57-qd-tw': { x: 'hỏng', y: 0 } }, collapsed: [] });
      os.put({ ...stored, revision: stored.revision + 1 }, 'default');
      await new Promise((resolve) => { tx.oncomplete = resolve; });
      db.close();
    });
    await page.reload();
    await page.waitForSelector('[data-testid=rule-editor] .react-flow__node');
    const panel = page.getByTestId('set-aside');
    await panel.waitFor();
    const kinds = await panel.getByTestId('set-aside-part').evaluateAll((els) => els.map((e) => e.getAttribute('data-kind')));
    expect(kinds.sort()).toEqual(['layout', 'plan']);
    expect(await panel.textContent()).not.toMatch(RAW_SCHEMA_WORDS);
    expect(await page.getByTestId('save-status').textContent()).not.toMatch(/tạm dừng|paused/);
    await shots(page, 'set-aside', (p) => p.getByTestId('set-aside'));

    // Keyboard only: Tab from the top of the page reaches every button of the panel, in order.
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    const reached: string[] = [];
    for (let i = 0; i < 60 && reached.length < 5; i++) {
      await page.keyboard.press('Tab');
      const id = await page.evaluate(() => { const a = document.activeElement; return a?.closest('[data-testid=set-aside]') ? `${a.closest('[data-testid=set-aside-part]')?.getAttribute('data-kind')}:${a.getAttribute('data-testid')}` : ''; });
      if (id) reached.push(id);
    }
    const order = await panel.getByTestId('set-aside-part').evaluateAll((els) => els.map((e) => e.getAttribute('data-kind')));
    // The layout can be repaired (one position left out); the plan cannot (it would lose every class).
    expect(reached).toEqual(order.flatMap((k) => [`${k}:set-aside-export`, ...(k === 'layout' ? [`${k}:set-aside-repair`] : []), `${k}:set-aside-drop`]));

    // The other tabs work: the simulation tab opens without the plan (it offers to add one).
    await page.getByRole('tab', { name: 'Mô phỏng' }).click();
    expect(await page.getByTestId('view-error').count()).toBe(0);

    // Repair the layout by keyboard (the original is downloaded first), drop the plan (downloaded first too).
    page.on('dialog', (d) => { void d.accept(); });
    const first = page.waitForEvent('download');
    await panel.locator('[data-kind=layout] [data-testid=set-aside-repair]').focus();
    await page.keyboard.press('Enter');
    expect((await first).suggestedFilename()).toBe('llct-de-rieng-layout-layout-ruleset-57-qd-tw.json');
    const second = page.waitForEvent('download');
    await panel.locator('[data-kind=plan] [data-testid=set-aside-drop]').click();
    expect((await second).suggestedFilename()).toBe('llct-de-rieng-plan-plan-ha-noi-2024.json');
    await expect.poll(() => panel.getByTestId('set-aside-part').count()).toBe(0);
    await saved(page);
    await page.reload();
    await page.waitForSelector('[data-testid=simulation]');
    expect(await page.getByTestId('set-aside-part').count()).toBe(0);
    expect(errors).toEqual([]);
  }, 120_000);
});
