/**
 * One Chromium and one `vite preview` of the production build per test file, started before its tests and stopped
 * after them, and a way to open the page that records every console error, page error and failed request.
 */
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchChromium } from './launchChromium.ts';
import { startPreview, type PreviewServer } from './previewServer.ts';

/** Screenshots go to the repository's test-results/ (gitignored), whatever the working directory. */
const RESULTS = fileURLToPath(new URL('../../test-results/', import.meta.url));

export interface Opened { page: Page; errors: string[] }

/** The path of a screenshot named `name` (the folder is made when missing). */
export function screenshotPath(name: string): string {
  mkdirSync(RESULTS, { recursive: true });
  return `${RESULTS}${name}`;
}

export function useBuiltPage() {
  let server: PreviewServer | undefined;
  let browser: Browser | undefined;

  beforeAll(async () => {
    browser = await launchChromium();
    server = await startPreview();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  return {
    /** The address of the preview server (for a second page in the same context). */
    url: (): string => server?.url ?? '',
    /**
     * Opens the page in a fresh context (1280 × 800 unless told) on a view (`#check` by default, where it waits for
     * the first verdict; `#rules`, where it waits for the rule editor's canvas). `init` runs in the page before the
     * app does (see holdChunkPauses.ts).
     */
    async open(options: BrowserContextOptions = {}, view: '#check' | '#rules' | '#lifecycles' | '#diff' | '#simulation' = '#check', init?: () => void): Promise<Opened> {
      if (!browser || !server) throw new Error('browser or preview server did not start');
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, ...options });
      if (init) await context.addInitScript(init);
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('console', (m) => { if (m.type() === 'error') errors.push(`console: ${m.text()}`); });
      page.on('pageerror', (e) => errors.push(`page: ${e.message}`));
      page.on('requestfailed', (r) => errors.push(`request: ${r.url()} ${r.failure()?.errorText ?? ''}`));
      await page.goto(`${server.url}${view}`);
      if (view === '#check') await page.waitForSelector('[data-testid=verdict]');
      if (view === '#rules') await page.waitForSelector('[data-testid=rule-editor] .react-flow__node');
      if (view === '#simulation') await page.waitForSelector('[data-testid=simulation] [data-testid=plan-classes]');
      if (view === '#lifecycles') await page.waitForSelector('[data-testid=lifecycle-editor] .react-flow__node');
      return { page, errors };
    },
  };
}
