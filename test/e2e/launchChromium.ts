/**
 * A Chromium driven by playwright-core, found by {@link findChromium} (CHROMIUM_PATH, Playwright's cache, the
 * system's Chromium or Chrome, then the optional npm package); playwright-core never downloads one. A missing
 * browser is a failure whose message names every way to provide one, never a skipped test.
 */
import { chromium, type Browser } from 'playwright-core';
import { defaultLookup, findChromium, type FoundChromium } from './findChromium.ts';

/** Flags for a headless run on a machine without GPU or network (see the engineering guide). */
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];

let found: Promise<FoundChromium> | undefined;

/** The Chromium this process uses (looked up once). */
export function chromiumInUse(): Promise<FoundChromium> {
  found ??= findChromium(defaultLookup());
  return found;
}

export async function launchChromium(): Promise<Browser> {
  const { executablePath, env } = await chromiumInUse();
  return chromium.launch({ executablePath, args: CHROMIUM_ARGS, ...(env ? { env: { ...process.env, ...env } } : {}) });
}
