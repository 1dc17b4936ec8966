import { describe, expect, it } from 'vitest';
import {
  ChromiumNotFoundError, findChromium, SKIP_SYSTEM_ENV, systemChromiumPaths, type ChromiumLookup, type FoundChromium,
} from './findChromium.ts';

const CACHE = '/home/u/.cache/ms-playwright';
const EXPECTED = `${CACHE}/chromium-1255/chrome-linux64/chrome`;
const PACKAGED: FoundChromium = { source: 'npm-package', executablePath: '/tmp/llct-chromium-153.0.0/chromium', env: { LD_LIBRARY_PATH: '/x' } };

/** A machine made of the given executable files; the npm package answers `packaged`. */
function machine(files: string[], options: Partial<ChromiumLookup> & { packaged?: FoundChromium | string } = {}) {
  const calls: string[] = [];
  const lookup: ChromiumLookup = {
    env: { PATH: '/usr/local/bin:/usr/bin' },
    platform: 'linux',
    isExecutable: (p) => { calls.push(p); return files.includes(p); },
    listDir: (dir) => [...new Set(files.filter((f) => f.startsWith(`${dir}/`)).map((f) => f.slice(dir.length + 1).split('/')[0]!))],
    playwrightExecutable: () => EXPECTED,
    packagedChromium: async () => { calls.push('package'); return options.packaged ?? 'not installed'; },
    ...options,
  };
  return { lookup, calls };
}

async function message(lookup: ChromiumLookup): Promise<string> {
  const error = await findChromium(lookup).then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(ChromiumNotFoundError);
  return (error as Error).message;
}

describe('findChromium: the order', () => {
  const everything = [EXPECTED, '/usr/bin/chromium'];

  it('takes CHROMIUM_PATH first, before the cache, the system and the package', async () => {
    const { lookup, calls } = machine([...everything, '/opt/my/chrome'], { env: { CHROMIUM_PATH: '/opt/my/chrome', PATH: '/usr/bin' } });
    expect(await findChromium(lookup)).toEqual({ source: 'CHROMIUM_PATH', executablePath: '/opt/my/chrome' });
    expect(calls).toEqual(['/opt/my/chrome']);
  });

  it('refuses a CHROMIUM_PATH that is not there instead of quietly using another browser', async () => {
    const { lookup, calls } = machine(everything, { env: { CHROMIUM_PATH: '/nope/chrome' } });
    const text = await message(lookup);
    expect(text).toContain('CHROMIUM_PATH=/nope/chrome: not an executable file');
    expect(calls).not.toContain('package');
  });

  it('takes Playwright\'s cache second, before the system\'s Chromium', async () => {
    const { lookup } = machine(everything);
    expect(await findChromium(lookup)).toEqual({ source: 'playwright-cache', executablePath: EXPECTED });
  });

  it('in the cache, prefers the expected revision, then the newest other one', async () => {
    const older = `${CACHE}/chromium-1100/chrome-linux64/chrome`;
    const newer = `${CACHE}/chromium-1200/chrome-linux64/chrome`;
    const { lookup, calls } = machine([older, newer, `${CACHE}/firefox-1572/firefox/firefox`]);
    expect(await findChromium(lookup)).toEqual({ source: 'playwright-cache', executablePath: newer });
    expect(calls.slice(0, 2)).toEqual([EXPECTED, newer]);
  });

  it('takes the system\'s Chromium third: PATH first, then the standard paths', async () => {
    const { lookup, calls } = machine(['/usr/bin/chromium', '/usr/local/bin/google-chrome']);
    expect(await findChromium(lookup)).toEqual({ source: 'system', executablePath: '/usr/local/bin/google-chrome' });
    expect(calls[0]).toBe(EXPECTED);
    expect(calls).not.toContain('package');
  });

  it('falls back to the npm package last', async () => {
    const { lookup, calls } = machine([], { packaged: PACKAGED });
    expect(await findChromium(lookup)).toEqual(PACKAGED);
    expect(calls.at(-1)).toBe('package');
    expect(calls).toContain('/usr/bin/chromium');
  });

  it(`with ${SKIP_SYSTEM_ENV}=1 passes over the system's Chromium to the npm package`, async () => {
    const { lookup, calls } = machine(['/usr/bin/chromium'], { env: { PATH: '/usr/bin', [SKIP_SYSTEM_ENV]: '1' }, packaged: PACKAGED });
    expect(await findChromium(lookup)).toEqual(PACKAGED);
    expect(calls).toEqual([EXPECTED, 'package']);
  });

  it('treats an empty CHROMIUM_PATH as not set', async () => {
    const { lookup } = machine(['/usr/bin/chromium'], { env: { CHROMIUM_PATH: '', PATH: '' } });
    expect(await findChromium(lookup)).toEqual({ source: 'system', executablePath: '/usr/bin/chromium' });
  });
});

describe('findChromium: with no Chromium anywhere', () => {
  it('fails with one message that names the four ways and what was looked at', async () => {
    const { lookup } = machine([], { packaged: 'not installed (an optional dependency)' });
    const text = await message(lookup);
    expect(text).toMatch(/^No Chromium for the browser tests/);
    expect(text).toContain('CHROMIUM_PATH=/path/to/chromium-or-chrome');
    expect(text).toContain('npx playwright install chromium');
    expect(text).toContain('apt-get install -y chromium');
    expect(text).toContain('macOS');
    expect(text).toContain('Windows');
    expect(text).toContain('@sparticuz/chromium');
    expect(text).toContain('CHROMIUM_PATH: not set');
    expect(text).toContain(`Playwright's cache: ${EXPECTED}`);
    expect(text).toContain('/usr/bin/chromium');
    expect(text).toContain('@sparticuz/chromium: not installed (an optional dependency)');
  });

  it('says so when Playwright knows no cache location for the platform', async () => {
    const { lookup } = machine([], { playwrightExecutable: () => undefined });
    expect(await message(lookup)).toContain('Playwright\'s cache: no location for this platform');
  });
});

describe('systemChromiumPaths', () => {
  it('on Linux: each browser name in each PATH folder, then /usr/bin, snap and /opt', () => {
    const paths = systemChromiumPaths('linux', { PATH: '/a:/b' });
    expect(paths.slice(0, 5)).toEqual(['/a/chromium', '/a/chromium-browser', '/a/google-chrome', '/a/google-chrome-stable', '/a/chrome']);
    expect(paths).toContain('/b/chromium');
    expect(paths.slice(-6)).toEqual(['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome',
      '/usr/bin/google-chrome-stable', '/snap/bin/chromium', '/opt/google/chrome/chrome']);
  });

  it('on macOS: the app bundles in /Applications and ~/Applications', () => {
    const paths = systemChromiumPaths('darwin', { PATH: '', HOME: '/Users/an' });
    expect(paths).toEqual([
      '/Applications/Chromium.app/Contents/MacOS/Chromium',
      '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
      '/Users/an/Applications/Chromium.app/Contents/MacOS/Chromium',
      '/Users/an/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
    ]);
  });

  it('on Windows: chrome.exe on Path, then Chromium and Chrome under LocalAppData and both Program Files', () => {
    const paths = systemChromiumPaths('win32', {
      Path: 'C:\\tools', LOCALAPPDATA: 'C:\\Users\\an\\AppData\\Local', ProgramFiles: 'C:\\Program Files',
      'ProgramFiles(x86)': 'C:\\Program Files (x86)',
    });
    expect(paths).toEqual([
      'C:\\tools\\chrome.exe',
      'C:\\Users\\an\\AppData\\Local\\Chromium\\Application\\chrome.exe',
      'C:\\Users\\an\\AppData\\Local\\Google\\Chrome\\Application\\chrome.exe',
      'C:\\Program Files\\Chromium\\Application\\chrome.exe',
      'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
      'C:\\Program Files (x86)\\Chromium\\Application\\chrome.exe',
      'C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe',
    ]);
  });
});
