/**
 * What the page really loads when the rule editor opens, read in Chromium: the page at `#rules` in a fresh context,
 * once its canvas shows, lists the scripts and JSON files it fetched (Resource Timing); their sizes are read from the
 * build. A cross-check of `measureBundle`'s manifest walk: a script the page loads at open that the walk does not
 * count (a dynamic import run at start-up, say) shows up here.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';
import type { Size } from './bundleSizes.ts';
import { openRules } from './openLargeRuleset.ts';

export interface LoadedAtOpen {
  /** The scripts fetched by the time the rule editor's canvas shows (the entry and module chunks; no workers). */
  scripts: Size;
  /** The JSON data files fetched by then. */
  data: Size;
}

/** Opens `url#rules` and sizes what it fetched from the build in `outDir`; page errors go to `errors`. */
export async function loadedAtOpen(browser: Browser, url: string, outDir: string, errors: string[]): Promise<LoadedAtOpen> {
  const page = await openRules(browser, url, errors);
  try {
    const names = await page.evaluate("performance.getEntriesByType('resource').map((e) => e.name)") as string[];
    const files = [...new Set(names.map((n) => new URL(n).pathname).filter((p) => p.includes('/assets/')).map((p) => p.slice(p.indexOf('assets/'))))].sort();
    const size = (list: string[]): Size => list.reduce<Size>((acc, f) => {
      const bytes = readFileSync(join(outDir, f));
      return { files: acc.files, rawBytes: acc.rawBytes + bytes.length, gzipBytes: acc.gzipBytes + gzipSync(bytes, { level: 9 }).length };
    }, { files: list, rawBytes: 0, gzipBytes: 0 });
    return { scripts: size(files.filter((f) => f.endsWith('.js'))), data: size(files.filter((f) => f.endsWith('.json'))) };
  } finally {
    await page.context().close();
  }
}
