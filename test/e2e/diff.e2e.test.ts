/**
 * The comparison view ("So sánh danh sách") of the production build, driven in Chromium: the sample list
 * compared under 57-QĐ/TW and 350-QĐ/TW for trung cấp, part-time, 01/03/2024. Every expected count is computed
 * here, in the test process, by the engine itself (createCohortDiff over the same file), never copied from the page.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { builtinDocuments } from '../../engine/builtin.ts';
import type { CadreProfileInput, Nomination } from '../../engine/documents/cadre.ts';
import { cadresToCsv } from '../../engine/io/cadresToCsv.ts';
import { readCadresFromText } from '../../engine/io/readCadres.ts';
import { createCohortDiff } from '../../engine/rules/diff/createCohortDiff.ts';
import { createDiffSide } from '../../engine/rules/diff/createDiffSide.ts';
import { holdChunkPauses } from './holdChunkPauses.ts';
import { screenshotPath, useBuiltPage, type Opened } from './useBuiltPage.ts';

const SAMPLE = fileURLToPath(new URL('../../fixtures/cadres/hanoi-2024-central-agencies.csv', import.meta.url));
const SAMPLE_JSON = fileURLToPath(new URL('../../fixtures/cadres/hanoi-2024-central-agencies.json', import.meta.url));

/** The engine's comparison of the sample, as the page is set up by default. */
function engineExpectation() {
  const nomination: Nomination = { level: 'intermediate', mode: 'part-time', on: '2024-03-01' };
  const read = readCadresFromText(readFileSync(SAMPLE, 'utf8'), { file: 'sample.csv', positions: builtinDocuments().positions });
  const a = createDiffSide({ ruleset: '57-qd-tw' }, builtinDocuments(), nomination.on);
  const b = createDiffSide({ ruleset: '350-qd-tw' }, builtinDocuments(), nomination.on);
  if (!a.ok || !b.ok) throw new Error('the shipped sides must build');
  const cohort = createCohortDiff({ a: a.side, b: b.side });
  for (const r of read.rows) cohort.add(r.profile, nomination);
  return { summary: cohort.summary(), rows: read.total };
}

const built = useBuiltPage();

/** Opens the page and switches to the comparison view. */
async function openDiff(viewport = { width: 1280, height: 900 }, init?: () => void): Promise<Opened> {
  const opened = await built.open({ viewport, acceptDownloads: true }, '#check', init);
  await opened.page.getByTestId('view-diff').click();
  await opened.page.waitForSelector('[data-testid=use-sample]');
  return opened;
}

const stat = async (page: Page, id: string) => Number(await page.getByTestId(`stat-${id}`).getAttribute('data-value'));

async function runSample(page: Page) {
  await page.getByTestId('use-sample').click();
  await page.waitForSelector('[data-testid=diff-result]');
}

describe('the comparison view in Chromium', () => {
  it('is a second tab; the single-cadre check stays the default view', async () => {
    const { page } = await built.open();
    expect(await page.getByTestId('view-check').getAttribute('aria-selected')).toBe('true');
    expect(await page.getByTestId('view-diff').textContent()).toBe('So sánh danh sách');
    expect(await page.locator('#panel-diff').isHidden()).toBe(true);
    await page.getByTestId('view-check').focus();
    await page.keyboard.press('ArrowRight');
    expect(await page.getByTestId('view-diff').getAttribute('aria-selected')).toBe('true');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('view-diff');
    expect(await page.locator('#panel-check').isHidden()).toBe(true);
    await page.keyboard.press('ArrowLeft');
    expect(await page.locator('#panel-check').isVisible()).toBe(true);
  });

  it('compares the sample under 57-QĐ/TW and 350-QĐ/TW with the engine’s own counts, filters, expands and exports', async () => {
    const { page, errors } = await openDiff();
    expect(await page.getByTestId('side-a').inputValue()).toBe('57-qd-tw');
    expect(await page.getByTestId('side-b').inputValue()).toBe('350-qd-tw');
    expect(await page.getByTestId('diff-nomination-date').inputValue()).toBe('01/03/2024');
    expect(await page.getByTestId('diff-level-intermediate').isChecked()).toBe(true);
    expect(await page.getByTestId('diff-mode-part-time').isChecked()).toBe(true);

    await runSample(page);
    const { summary, rows } = engineExpectation();
    expect(await stat(page, 'compared')).toBe(summary.total);
    expect(await stat(page, 'eligible-a')).toBe(summary.a.eligible);
    expect(await stat(page, 'eligible-b')).toBe(summary.b.eligible);
    expect(await stat(page, 'gained')).toBe(summary.changes.gained);
    expect(await stat(page, 'lost')).toBe(summary.changes.lost);
    expect(await stat(page, 'unchanged')).toBe(summary.changes['still-eligible'] + summary.changes['still-ineligible']);
    expect(await stat(page, 'institution')).toBe(summary.institutionChanged);
    expect(await stat(page, 'reasons')).toBe(summary.reasonsChanged);
    expect(await stat(page, 'invalid')).toBe(summary.changes.invalid);
    expect(await stat(page, 'unreadable')).toBe(rows - summary.total);
    expect(summary.changes.lost).toBeGreaterThan(0);
    const pct = ((summary.changes.lost * 100) / summary.total).toFixed(1).replace('.', ',');
    expect(await page.getByTestId('stat-lost').textContent()).toContain(`(${pct}%)`);
    expect(await page.getByTestId('side-b-label').textContent()).toContain('350-QĐ/TW (áp dụng giả định)');

    const lostRules = Object.entries(summary.byRule.lost).slice(0, 5);
    const shown = page.getByTestId('why-lose').getByTestId('top-rule');
    expect(await shown.count()).toBe(lostRules.length);
    for (let i = 0; i < lostRules.length; i++) {
      const [id, r] = lostRules[i]!;
      expect(await shown.nth(i).getAttribute('data-rule')).toBe(id);
      expect(Number(await shown.nth(i).getAttribute('data-count'))).toBe(r.count);
      expect(await shown.nth(i).textContent()).toContain(r.citation);
    }

    await page.getByTestId('change-filter').selectOption('lost');
    const lostRows = page.getByTestId('changed-row');
    expect(await lostRows.count()).toBe(Math.min(25, summary.changes.lost));
    expect(new Set(await lostRows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-change'))))).toEqual(new Set(['lost']));
    const expand = lostRows.first().getByTestId('expand-row');
    expect(await expand.getAttribute('aria-expanded')).toBe('false');
    await expand.click();
    expect(await expand.getAttribute('aria-expanded')).toBe('true');
    const details = page.getByTestId('cadre-details');
    expect(await details.getByTestId('details-a').locator('[data-eligible]').getAttribute('data-eligible')).toBe('true');
    expect(await details.getByTestId('details-b').locator('[data-eligible]').getAttribute('data-eligible')).toBe('false');
    const failure = details.getByTestId('details-b').getByTestId('detail-failure').first();
    expect(await failure.locator('.citation').textContent()).toMatch(/^350-QĐ\/TW /);
    expect((await details.getByTestId('details-a').getByTestId('detail-institution').textContent())?.trim()).toBe('Trường Đào tạo cán bộ Lê Hồng Phong');

    // The export is a Blob URL download under the page's Content-Security-Policy.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-csv').click()]);
    const path = await download.path();
    const csv = readFileSync(path, 'utf8');
    expect(csv.startsWith('\uFEFFMã cán bộ,')).toBe(true);
    expect(csv.trimEnd().split('\r\n')).toHaveLength(summary.changes.lost + 1);
    expect(download.suggestedFilename()).toBe('so-sanh-hanoi-2024-central-agencies-lost.csv');

    await page.screenshot({ path: screenshotPath('e2e-diff-1280.png'), fullPage: true });
    expect(errors).toEqual([]);
  });

  it('switches the comparison to English, numbers included', async () => {
    const { page, errors } = await openDiff();
    await runSample(page);
    await page.getByTestId('lang-toggle').click();
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    expect(await page.getByTestId('view-diff').textContent()).toBe('Compare a list');
    expect(await page.getByTestId('stat-lost').locator('dt').textContent()).toBe('Lost (eligible on A → not on B)');
    expect(await page.getByTestId('side-b-label').textContent()).toContain('350-QĐ/TW (applied hypothetically)');
    const { summary } = engineExpectation();
    const pct = ((summary.changes.lost * 100) / summary.total).toFixed(1);
    expect(await page.getByTestId('stat-lost').textContent()).toContain(`(${pct}%)`);
    await page.getByTestId('change-filter').selectOption('lost');
    await page.getByTestId('expand-row').first().click();
    expect(await page.getByTestId('details-b').locator('h4').textContent()).toMatch(/^Side B: 350-QĐ\/TW/);
    expect(errors).toEqual([]);
  });

  it('lists the rows of a broken CSV by row and field, in Vietnamese, and compares the rest', async () => {
    const { page, errors } = await openDiff();
    const lines = readFileSync(SAMPLE, 'utf8').split('\n').slice(0, 4);
    lines[2] = lines[2]!.replace('1986-09-09', '31/02/1986');
    await page.getByTestId('cohort-file').setInputFiles({ name: 'hong.csv', mimeType: 'text/csv', buffer: Buffer.from(`\uFEFF${lines.join('\n')}\n`) });
    await page.waitForSelector('[data-testid=diff-result]');
    expect(await stat(page, 'unreadable')).toBe(1);
    expect(await stat(page, 'compared')).toBe(2);
    const problem = page.getByTestId('problem');
    expect(await problem.count()).toBe(1);
    expect(await problem.getAttribute('data-row')).toBe('2');
    expect(await problem.getAttribute('data-field')).toBe('birthDate');
    expect(await problem.textContent()).toContain('hong.csv, hàng 2');
    expect(await problem.textContent()).toContain('trường "birthDate"');
    expect(await page.getByTestId('cohort-loaded').textContent()).toContain('hong.csv');
    expect(errors).toEqual([]);
  });

  it('compares a row with a 350-QĐ/TW special decision against 57-QĐ/TW: judged without it on 57, and says so', async () => {
    // regulation.md "350 point by point": special cases of 350's part-time age (women from 28) are decided by the
    // competent level; 57-QĐ/TW (women from 33) has none. A woman of 27 on 01/10/2025 with a decision of 20/09/2025.
    const { page, errors } = await openDiff();
    const csv = [
      'id,fullName,sex,birthDate,party.status,education,politicalTheory,workplace.tier,workplace.province,position,ratings,nomination.level,nomination.mode,'
        + 'nomination.on,nomination.specialDecision.waives,nomination.specialDecision.decidedBy,nomination.specialDecision.number,nomination.specialDecision.on',
      'SD-1,Nguyễn Thị Thảo,female,1998-05-05,full,university,elementary,province,Nghệ An,deputy-head-of-division,2023:good;2024:good,intermediate,part-time,'
        + '2025-10-01,tc350-part-time-age,Ban Thường vụ Tỉnh ủy Nghệ An,1234-QĐ/TU,2025-09-20',
    ].join('\n');
    await page.getByTestId('cohort-file').setInputFiles({ name: 'qd.csv', mimeType: 'text/csv', buffer: Buffer.from(`${csv}\n`) });
    await page.waitForSelector('[data-testid=diff-result]');
    expect([await stat(page, 'gained'), await stat(page, 'invalid'), await stat(page, 'decisions')]).toEqual([1, 0, 1]);
    const row = page.getByTestId('changed-row');
    expect(await row.getAttribute('data-change')).toBe('gained');
    expect(await row.getByTestId('tag-by-decision').textContent()).toBe('chỉ do quyết định đặc biệt');
    expect(await row.textContent()).toContain('chưa đủ → đủ theo quyết định đặc biệt');
    expect(await row.textContent()).toContain('57-QĐ/TW không có quy tắc nào được miễn bằng quyết định đặc biệt');
    await row.getByTestId('expand-row').click();
    const decisionA = page.getByTestId('details-a').getByTestId('detail-decision');
    expect(await decisionA.getAttribute('data-use')).toBe('not-applicable');
    expect(await decisionA.textContent()).toContain('Quyết định đặc biệt không áp dụng được ở bên này');
    expect(await page.getByTestId('details-b').getByTestId('detail-decision').getAttribute('data-use')).toBe('applied');
    expect(await page.getByTestId('details-b').textContent()).toContain('Đủ điều kiện theo quyết định đặc biệt');
    await page.getByTestId('lang-toggle').click();
    expect(await page.getByTestId('changed-row').textContent()).toContain('not eligible → eligible by special decision');
    expect(errors).toEqual([]);
  });

  it('refuses, in Vietnamese, to compare a side with itself', async () => {
    const { page, errors } = await openDiff();
    await page.getByTestId('side-b').selectOption('57-qd-tw');
    await page.getByTestId('use-sample').click();
    await page.waitForSelector('[data-testid=diff-refused]');
    expect(await page.getByTestId('diff-refused').textContent()).toContain('Không có gì để so sánh');
    expect(await page.getByTestId('diff-result').count()).toBe(0);
    await page.getByTestId('side-b-own-date').check();
    await page.getByTestId('side-b-date').fill('15/09/2025');
    await page.getByTestId('diff-run').click();
    await page.waitForSelector('[data-testid=diff-result]');
    expect(await page.getByTestId('side-b-label').textContent()).toContain('15/09/2025');
    expect(errors).toEqual([]);
  });

  it('hands the thread back between chunks while comparing 63,000 cadres, and Cancel stops the run', async () => {
    const profiles = JSON.parse(readFileSync(SAMPLE_JSON, 'utf8')) as CadreProfileInput[];
    const big = Array.from({ length: 300 }, (_, n) => profiles.map((p) => ({ ...p, id: `${p.id}-${n}` }))).flat();
    const { page, errors } = await openDiff(undefined, holdChunkPauses);
    const progress = () => page.evaluate(() => document.querySelector<HTMLProgressElement>('[data-testid=diff-progress] progress')?.value ?? -1);
    await page.evaluate(() => window.chunkPauses.hold());
    await page.getByTestId('cohort-file').setInputFiles({ name: 'lon.csv', mimeType: 'text/csv', buffer: Buffer.from(cadresToCsv(big)) });
    // The run has done its first chunk and waits for the thread: the page answers and shows part of the file done.
    await page.waitForFunction(() => window.chunkPauses.held() === 1);
    await page.waitForFunction(() => Number(document.querySelector<HTMLProgressElement>('[data-testid=diff-progress] progress')?.value) > 0);
    const first = await progress();
    expect(first).toBeLessThan(1);
    // One more chunk, and it hands the thread back again, further on.
    await page.evaluate(() => window.chunkPauses.releaseOne());
    await page.waitForFunction(() => window.chunkPauses.held() === 2);
    await page.waitForFunction((before) => Number(document.querySelector<HTMLProgressElement>('[data-testid=diff-progress] progress')?.value) > before, first);
    expect(await progress()).toBeLessThan(1);
    // Cancel while the run is held between chunks: it cannot have finished first.
    await page.getByTestId('diff-cancel').click();
    await page.evaluate(() => window.chunkPauses.releaseAll());
    await page.waitForSelector('[data-testid=diff-cancelled]');
    expect(await page.getByTestId('diff-cancelled').textContent()).toContain('Đã hủy so sánh tệp lon.csv');
    expect(await page.getByTestId('diff-result').count()).toBe(0);
    expect(errors).toEqual([]);
  });

  it('fits a 390 px wide phone screen without horizontal scrolling', async () => {
    const { page, errors } = await openDiff({ width: 390, height: 844 });
    await runSample(page);
    await page.getByTestId('expand-row').first().click();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.screenshot({ path: screenshotPath('e2e-diff-390.png'), fullPage: true });
    expect(errors).toEqual([]);
  });
});
