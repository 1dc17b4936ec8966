/**
 * The production build of the check page, served by `vite preview` and driven in Chromium: the rulesets
 * run in the browser and the page shows what the regulation says. Expected values come from
 * shared/domain/regulation.md (57-QĐ/TW Art. 5: part-time trung cấp for women ≥ 33; 350-QĐ/TW: women ≥ 28 and
 * two years rated "good"; Hà Nội central-agency cadres → Trường Đào tạo cán bộ Lê Hồng Phong).
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { screenshotPath, useBuiltPage } from './useBuiltPage.ts';

const built = useBuiltPage();
const open = (viewport = { width: 1280, height: 800 }) => built.open({ viewport });

const text = async (page: Page, testId: string) => (await page.getByTestId(testId).textContent())?.trim();
const verdictSelector = (regulation: string, eligible: boolean) =>
  `[data-testid=verdict][data-regulation="${regulation}"][data-eligible="${eligible}"]`;

describe('the check page in Chromium', () => {
  it('shows that a woman of 32 cannot study trung cấp part-time on 01/03/2024 under 57-QĐ/TW, why, and her school', async () => {
    const { page, errors } = await open();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('vi');
    expect(await page.getByTestId('nomination-date').inputValue()).toBe('01/03/2024');
    expect(await page.getByTestId('birth-date').inputValue()).toBe('12/06/1991');
    expect(await text(page, 'regulation')).toBe('57-QĐ/TW');
    expect(await text(page, 'verdict')).toBe('Chưa đủ điều kiện');

    const failures = page.getByTestId('failure');
    expect(await failures.count()).toBe(1);
    expect(await failures.first().getAttribute('data-rule')).toBe('tc-part-time-age');
    const message = await failures.first().getByTestId('failure-message').textContent();
    expect(message).toContain('32 tuổi (nữ)');
    expect(message).toContain('nữ từ 33 tuổi, nam từ 35 tuổi');
    expect(await failures.first().getByTestId('failure-citation').textContent()).toBe('57-QĐ/TW Điều 5 khoản 2 (số điều giả định)');

    expect(await text(page, 'institution-name')).toBe('Trường Đào tạo cán bộ Lê Hồng Phong');
    expect(await page.getByTestId('assumed-warning').isVisible()).toBe(true);

    await page.screenshot({ path: screenshotPath('e2e-verdict.png'), fullPage: true });
    expect(errors).toEqual([]);
  });

  it('runs the rules under a Content-Security-Policy that forbids eval and inline scripts', async () => {
    const { page, errors } = await open();
    const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-eval');
    // A verdict was computed under that policy: the engine built no code from the rulesets.
    expect(await text(page, 'verdict')).toBe('Chưa đủ điều kiện');
    expect(errors).toEqual([]);
  });

  it('judges a sơ cấp nomination of 15/09/2025 out of 350-QĐ/TW\'s scope, and the day before 350 under 57-QĐ/TW, in both languages', async () => {
    for (const viewport of [{ width: 1280, height: 900 }, { width: 390, height: 900 }]) {
      const { page, errors } = await open(viewport);
      await page.getByTestId('level-elementary').check();
      await page.getByTestId('nomination-date').fill('28/08/2025');
      await page.waitForSelector(verdictSelector('57-QĐ/TW', true));
      expect(await page.getByTestId('out-of-scope').count()).toBe(0);
      await page.getByTestId('nomination-date').fill('15/09/2025');
      await page.waitForSelector(`${verdictSelector('350-QĐ/TW', false)}[data-out-of-scope=true]`);
      expect(await text(page, 'out-of-scope')).toBe('Không thuộc phạm vi 350-QĐ/TW');
      const failures = page.getByTestId('failure');
      expect(await failures.count()).toBe(1);
      expect(await failures.first().getAttribute('data-rule')).toBe('350-qd-tw-elementary-out-of-scope');
      expect(await failures.first().getByTestId('failure-message').textContent()).toContain('sơ cấp không còn trong quy định này');
      expect(await failures.first().getByTestId('failure-citation').textContent()).toBe('Quy định 360-QĐ/TW (29/08/2025); Quy chế 1147-QĐ/BTGDVTW Điều 3 khoản 1 (01/12/2025)');
      expect(await page.getByTestId('out-of-scope-note').textContent()).toContain('Suy luận');
      await page.screenshot({ path: screenshotPath(`e2e-out-of-scope-vi-${viewport.width}.png`), fullPage: true });
      await page.getByTestId('lang-toggle').click();
      await page.waitForFunction(() => document.documentElement.lang === 'en');
      expect(await text(page, 'out-of-scope')).toBe('Outside the scope of 350-QĐ/TW');
      expect(await failures.first().getByTestId('failure-citation').textContent()).toBe('Regulation 360-QĐ/TW (29/08/2025); Rules 1147-QĐ/BTGDVTW, Art. 3(1) (01/12/2025)');
      expect(await page.getByTestId('out-of-scope-note').textContent()).toMatch(/^Inference/);
      await page.screenshot({ path: screenshotPath(`e2e-out-of-scope-en-${viewport.width}.png`), fullPage: true });
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(width).toBeLessThanOrEqual(viewport.width);
      expect(errors).toEqual([]);
    }
  });

  it('makes the same cadre eligible when the mode is switched to full-time', async () => {
    const { page, errors } = await open();
    await page.getByTestId('mode-full-time').check();
    await page.waitForSelector(verdictSelector('57-QĐ/TW', true));
    expect(await text(page, 'verdict')).toBe('Đủ điều kiện');
    expect(await page.getByTestId('failure').count()).toBe(0);
    expect(await text(page, 'institution-name')).toBe('Trường Đào tạo cán bộ Lê Hồng Phong');
    expect(errors).toEqual([]);
  });

  it('applies 350-QĐ/TW to a nomination dated 15/09/2025, under which she (now 34) may study part-time', async () => {
    const { page, errors } = await open();
    await page.getByTestId('nomination-date').fill('15/09/2025');
    await page.waitForSelector(verdictSelector('350-QĐ/TW', true));
    expect(await text(page, 'regulation')).toBe('350-QĐ/TW');
    expect(await text(page, 'verdict')).toBe('Đủ điều kiện');
    expect(await page.getByTestId('failure').count()).toBe(0);
    expect(errors).toEqual([]);
  });

  it('counts a birthday on the nomination date: born 01/03/1991 she is 33 on 01/03/2024 and may study part-time', async () => {
    const { page, errors } = await open();
    await page.getByTestId('birth-date').fill('01/03/1991');
    await page.waitForSelector(verdictSelector('57-QĐ/TW', true));
    expect(await text(page, 'verdict')).toBe('Đủ điều kiện');
    await page.getByTestId('birth-date').fill('02/03/1991');
    await page.waitForSelector(verdictSelector('57-QĐ/TW', false));
    expect(await page.getByTestId('failure-message').first().textContent()).toContain('32 tuổi (nữ)');
    expect(errors).toEqual([]);
  });

  it('switches every label, the verdict and the reasons to English', async () => {
    const { page, errors } = await open();
    await page.getByTestId('lang-toggle').click();
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    expect(await text(page, 'verdict')).toBe('Not eligible');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Political-theory training eligibility check');
    const message = await page.getByTestId('failure-message').first().textContent();
    expect(message).toContain('Age 32 (female)');
    expect(message).toContain('women aged 33+');
    expect(await text(page, 'institution-name')).toBe('Lê Hồng Phong Cadre Training School');
    expect(await page.getByTestId('mode-part-time').locator('xpath=..').textContent()).toBe('part-time');
    expect(errors).toEqual([]);
  });

  it('says in Vietnamese that no regulation applies before 08/02/2022 instead of crashing', async () => {
    const { page, errors } = await open();
    await page.getByTestId('nomination-date').fill('01/01/2022');
    await page.waitForSelector('[data-testid=error]');
    const error = await text(page, 'error');
    expect(error).toContain('Không có quy định nào áp dụng cho ngày cử đi học 01/01/2022');
    expect(error).toContain('57-QĐ/TW áp dụng từ 08/02/2022');
    await page.getByTestId('nomination-date').fill('01/03/2024');
    await page.waitForSelector(verdictSelector('57-QĐ/TW', false));
    expect(errors).toEqual([]);
  });

  it('flags an impossible date typed as 31/02/2024 and keeps the last valid verdict', async () => {
    const { page, errors } = await open();
    const date = page.getByTestId('nomination-date');
    await date.fill('31/02/2024');
    await date.blur();
    await page.waitForSelector('[data-testid=nomination-date][aria-invalid=true]');
    expect(await page.getByRole('alert').filter({ hasText: 'Ngày không hợp lệ' }).count()).toBe(1);
    expect(await text(page, 'regulation')).toBe('57-QĐ/TW');
    expect(errors).toEqual([]);
  });

  it('fails a 350-era nomination whose 2023 rating is missing, naming both years', async () => {
    const { page, errors } = await open();
    await page.getByTestId('sample').selectOption('350-missing-rating');
    await page.waitForSelector(verdictSelector('350-QĐ/TW', false));
    const failures = page.getByTestId('failure');
    expect(await failures.count()).toBe(1);
    expect(await failures.first().getAttribute('data-rule')).toBe('tc350-ratings');
    const message = await failures.first().getByTestId('failure-message').textContent();
    expect(message).toContain('Xếp loại năm 2023: chưa có xếp loại');
    expect(message).toContain('năm 2024: hoàn thành tốt nhiệm vụ');
    expect(errors).toEqual([]);
  });

  it('sends a Thái Bình cadre nominated after 01/07/2025 to the Hưng Yên political school, with a note', async () => {
    const { page, errors } = await open();
    await page.getByTestId('sample').selectOption('thai-binh-after-merger');
    await page.waitForSelector(verdictSelector('350-QĐ/TW', true));
    expect(await page.getByTestId('institution').getAttribute('data-institution')).toBe('truong-chinh-tri-hung-yen');
    expect(await page.getByTestId('note').first().textContent()).toContain('Thái Bình đã hợp nhất vào Hưng Yên từ 01/07/2025');
    expect(errors).toEqual([]);
  });

  it('rejects a cadre who is not a Party member for trung cấp, citing the standard', async () => {
    const { page, errors } = await open();
    await page.getByTestId('sample').selectOption('not-party-member');
    await page.waitForSelector(verdictSelector('57-QĐ/TW', false));
    const failure = page.getByTestId('failure').first();
    expect(await failure.getAttribute('data-rule')).toBe('tc-party-member');
    expect(await failure.getByTestId('failure-message').textContent()).toContain('chưa là đảng viên');
    expect(errors).toEqual([]);
  });

  it('says "eligible by special decision" for a recorded decision, names the waived rule, and waives nothing once it is removed', async () => {
    const { page, errors } = await open();
    await page.getByTestId('sample').selectOption('350-special-decision');
    await page.waitForSelector(`${verdictSelector('350-QĐ/TW', true)}[data-special-decision="applied"]`);
    expect(await text(page, 'verdict')).toBe('Đủ điều kiện theo quyết định đặc biệt');
    const outcome = page.getByTestId('special-decision-outcome');
    expect(await outcome.getAttribute('data-rule')).toBe('tc350-part-time-age');
    expect(await outcome.textContent()).toContain('Quyết định số 1234-QĐ/TU ngày 20/09/2025 của Ban Thường vụ Tỉnh ủy Nghệ An');
    expect(await page.getByTestId('special-decision-waives').inputValue()).toBe('tc350-part-time-age');
    await page.getByTestId('special-decision-toggle').uncheck();
    await page.waitForSelector(verdictSelector('350-QĐ/TW', false));
    expect(await page.getByTestId('failure').first().getAttribute('data-rule')).toBe('tc350-part-time-age');
    expect(errors).toEqual([]);
  });

  it('names the deputy head of division\'s sơ cấp nomination after 29/08/2025 out of scope, with no warning of assumed rules', async () => {
    const { page, errors } = await open();
    await page.getByTestId('sample').selectOption('eligible-deputy-head');
    await page.getByTestId('level-elementary').check();
    await page.getByTestId('nomination-date').fill('15/09/2025');
    await page.waitForSelector('[data-testid=out-of-scope-reason]');
    expect(await text(page, 'regulation')).toBe('350-QĐ/TW');
    expect(await page.getByTestId('out-of-scope-reason').textContent()).toContain('350-QĐ/TW không quy định trình độ này');
    expect(await page.getByTestId('verdict-warnings').count()).toBe(0);
    expect(await page.getByTestId('assumed-warning').count()).toBe(0);
    expect(errors).toEqual([]);
  });

  it('fits a 390 px wide phone screen without horizontal scrolling', async () => {
    const { page, errors } = await open({ width: 390, height: 844 });
    expect(await text(page, 'verdict')).toBe('Chưa đủ điều kiện');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.screenshot({ path: screenshotPath('e2e-verdict-narrow.png'), fullPage: true });
    expect(errors).toEqual([]);
  });

  it('opens on #check without fetching React Flow or Chart.js, fetches React Flow with the rule editor tab, and keeps focus on the tabs', async () => {
    const { page, errors } = await open();
    /** What each script the page has loaded holds: React Flow (its pane class) and Chart.js (its listener field). */
    const loaded = () => page.evaluate(async () => {
      const urls = performance.getEntriesByType('resource').map((e) => e.name).filter((u) => u.endsWith('.js'));
      const texts = await Promise.all(urls.map(async (u) => (await fetch(u)).text()));
      return { scripts: urls.length, reactFlow: texts.some((t) => t.includes('react-flow__pane')), chart: texts.some((t) => t.includes('_chartjs')) };
    });
    const atCheck = await loaded();
    expect(atCheck.scripts).toBeGreaterThan(1);
    expect(atCheck).toMatchObject({ reactFlow: false, chart: false });

    // The arrow keys move between tabs while a view loads, and focus stays on the tab chosen.
    await page.getByTestId('view-check').focus();
    await page.keyboard.press('ArrowRight');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('view-diff');
    await page.getByTestId('view-rules').click();
    await page.waitForSelector('[data-testid=rule-editor] .react-flow__node');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('view-rules');
    expect(await loaded()).toMatchObject({ reactFlow: true, chart: false });
    expect(await page.getByTestId('view-loading').count()).toBe(0);
    expect(errors).toEqual([]);
  });
});
