/**
 * Where the browser tests find a Chromium, in this order (the first that exists wins):
 *   1. `CHROMIUM_PATH` — a path to a Chromium or Chrome binary (set but missing is an error, never skipped over);
 *   2. Playwright's own browser cache, where `npx playwright install chromium` puts it (`PLAYWRIGHT_BROWSERS_PATH`
 *      or the per-user cache), the revision this playwright-core expects first, then any other installed one;
 *   3. the system's Chromium or Chrome: the names on `PATH`, then the standard install paths of Linux, macOS and
 *      Windows;
 *   4. a Chromium shipped inside an npm package: the optional dependency `@sparticuz/chromium` (Linux x64), whose
 *      brotli-compressed binary is unpacked once into the temporary folder.
 * With none, {@link ChromiumNotFoundError} names every way, and what was looked at.
 *
 * Everything the search reads (environment, platform, file system, Playwright's registry, the npm package) comes in
 * through {@link ChromiumLookup}, so the order is unit-tested with fakes; {@link defaultLookup} is the real machine.
 */
import { execFile } from 'node:child_process';
import { accessSync, constants, existsSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, posix, win32 } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

/**
 * Set to `1` to leave out step 3 (the system's Chromium or Chrome). Used only to prove, on a machine that has a
 * system Chromium, that the tests pass without one.
 */
export const SKIP_SYSTEM_ENV = 'LLCT_CHROMIUM_SKIP_SYSTEM';

/** The npm package of step 4. */
export const CHROMIUM_PACKAGE = '@sparticuz/chromium';

export type ChromiumSource = 'CHROMIUM_PATH' | 'playwright-cache' | 'system' | 'npm-package';

export interface FoundChromium {
  source: ChromiumSource;
  executablePath: string;
  /** Variables to add to the browser's environment (the npm package's own libraries and fonts). */
  env?: Record<string, string>;
}

/** What the search may read. */
export interface ChromiumLookup {
  env: Readonly<Record<string, string | undefined>>;
  platform: NodeJS.Platform;
  /** True when `path` is a file this process may execute. */
  isExecutable(path: string): boolean;
  /** The entries of a folder, or [] when it cannot be read. */
  listDir(path: string): string[];
  /** Where this playwright-core expects its own Chromium (whether installed or not), or undefined. */
  playwrightExecutable(): string | undefined;
  /** Step 4: the Chromium of the npm package, unpacked, or a sentence saying why there is none. */
  packagedChromium(): Promise<FoundChromium | string>;
}

export class ChromiumNotFoundError extends Error {
  override name = 'ChromiumNotFoundError';
}

const UNIX_NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable', 'chrome'];

/** A variable of `env`, its name compared without case (Windows spells `ProgramFiles` both ways). */
function envValue(env: ChromiumLookup['env'], name: string): string | undefined {
  const key = Object.keys(env).find((k) => k.toLowerCase() === name.toLowerCase());
  const value = key === undefined ? undefined : env[key];
  return value === '' ? undefined : value;
}

/** Step 3's candidates, in order: the browser names on PATH, then the platform's standard install paths. */
export function systemChromiumPaths(platform: NodeJS.Platform, env: ChromiumLookup['env']): string[] {
  const paths: string[] = [];
  const pathVar = envValue(env, 'PATH') ?? '';
  if (platform === 'win32') {
    for (const dir of pathVar.split(';').filter(Boolean)) paths.push(win32.join(dir, 'chrome.exe'));
    for (const base of ['LOCALAPPDATA', 'PROGRAMFILES', 'PROGRAMFILES(X86)']) {
      const dir = envValue(env, base);
      if (!dir) continue;
      paths.push(win32.join(dir, 'Chromium', 'Application', 'chrome.exe'));
      paths.push(win32.join(dir, 'Google', 'Chrome', 'Application', 'chrome.exe'));
    }
  } else {
    for (const dir of pathVar.split(':').filter(Boolean)) for (const name of UNIX_NAMES) paths.push(posix.join(dir, name));
    if (platform === 'darwin') {
      const apps = ['/Applications'];
      const home = envValue(env, 'HOME');
      if (home) apps.push(posix.join(home, 'Applications'));
      for (const dir of apps) {
        paths.push(posix.join(dir, 'Chromium.app/Contents/MacOS/Chromium'));
        paths.push(posix.join(dir, 'Google Chrome.app/Contents/MacOS/Google Chrome'));
      }
    } else {
      paths.push('/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable',
        '/snap/bin/chromium', '/opt/google/chrome/chrome');
    }
  }
  return [...new Set(paths)];
}

/**
 * Step 2's candidates: the revision this playwright-core expects, then the other `chromium-*` revisions in the same
 * cache, newest first, at the same place inside their folder.
 */
export function playwrightCachePaths(lookup: ChromiumLookup): string[] {
  const expected = lookup.playwrightExecutable();
  if (!expected) return [];
  const sep = lookup.platform === 'win32' ? win32 : posix;
  // <cache>/chromium-<revision>/<inner path>
  const parts = expected.split(/[\\/]/);
  const at = parts.findIndex((p) => /^chromium-\d+$/.test(p));
  if (at <= 0) return [expected];
  const cache = parts.slice(0, at).join(sep.sep) || sep.sep;
  const inner = parts.slice(at + 1);
  const others = lookup.listDir(cache)
    .filter((d) => /^chromium-\d+$/.test(d) && d !== parts[at])
    .sort((a, b) => Number(b.slice(9)) - Number(a.slice(9)))
    .map((d) => sep.join(cache, d, ...inner));
  return [expected, ...others];
}

function notFound(tried: string[]): ChromiumNotFoundError {
  return new ChromiumNotFoundError([
    'No Chromium for the browser tests. They look, in this order, for:',
    '  1. CHROMIUM_PATH=/path/to/chromium-or-chrome;',
    '  2. Playwright\'s browser cache: run `npx playwright install chromium` (needs network access to Playwright\'s downloads);',
    '  3. the system\'s Chromium or Chrome: Debian/Ubuntu `apt-get install -y chromium`; macOS Google Chrome or Chromium in',
    '     /Applications; Windows Google Chrome (Program Files or the user\'s AppData\\Local);',
    `  4. the optional npm dependency ${CHROMIUM_PACKAGE} (Linux x64 only), installed by \`npm install\` / \`npm ci\``,
    '     unless optional dependencies are left out (--omit=optional).',
    'Looked at:',
    ...tried.map((t) => `  - ${t}`),
  ].join('\n'));
}

/** Finds a Chromium in the documented order; throws {@link ChromiumNotFoundError} naming every way when none. */
export async function findChromium(lookup: ChromiumLookup): Promise<FoundChromium> {
  const tried: string[] = [];
  const fromEnv = envValue(lookup.env, 'CHROMIUM_PATH');
  if (fromEnv !== undefined) {
    if (lookup.isExecutable(fromEnv)) return { source: 'CHROMIUM_PATH', executablePath: fromEnv };
    // An explicit choice that does not exist is reported, not silently replaced by another browser.
    throw notFound([`CHROMIUM_PATH=${fromEnv}: not an executable file`]);
  }
  tried.push('CHROMIUM_PATH: not set');

  const cached = playwrightCachePaths(lookup);
  for (const path of cached) if (lookup.isExecutable(path)) return { source: 'playwright-cache', executablePath: path };
  tried.push(cached.length ? `Playwright's cache: ${cached.join(', ')}` : 'Playwright\'s cache: no location for this platform');

  if (envValue(lookup.env, SKIP_SYSTEM_ENV) === '1') {
    tried.push(`system Chromium or Chrome: skipped (${SKIP_SYSTEM_ENV}=1)`);
  } else {
    const system = systemChromiumPaths(lookup.platform, lookup.env);
    for (const path of system) if (lookup.isExecutable(path)) return { source: 'system', executablePath: path };
    tried.push(`system Chromium or Chrome: ${system.join(', ')}`);
  }

  const packaged = await lookup.packagedChromium();
  if (typeof packaged !== 'string') return packaged;
  tried.push(`${CHROMIUM_PACKAGE}: ${packaged}`);
  throw notFound(tried);
}

function isExecutable(path: string): boolean {
  try {
    if (!statSync(path).isFile()) return false;
    if (process.platform !== 'win32') accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((done, fail) => {
    execFile(command, args, { env, maxBuffer: 1 << 20 }, (error, _out, stderr) => {
      if (error) fail(new Error(`${error.message}\n${stderr}`));
      else done();
    });
  });
}

/**
 * Step 4 on the real machine. The package unpacks into `os.tmpdir()` and reuses whatever `chromium` it finds there,
 * so it runs in a child process whose TMPDIR is a fresh staging folder; the folder is then renamed, in one step, to
 * `<tmp>/llct-chromium-<version>`. Test files starting at once therefore never launch a half-written binary, and a
 * `/tmp/chromium` of another version is never picked up. The package's NSS libraries (which it unpacks only on
 * Amazon Linux) are unpacked too, with tar, for machines without them, and its fonts are used where the machine has
 * no fontconfig setup; both reach the browser through its environment.
 */
async function unpackPackagedChromium(): Promise<FoundChromium | string> {
  if (process.platform !== 'linux' || process.arch !== 'x64') return `ships Linux x64 only (this is ${process.platform} ${process.arch})`;
  let index: string;
  try {
    index = createRequire(import.meta.url).resolve(CHROMIUM_PACKAGE);
  } catch {
    return 'not installed (an optional dependency: `npm install` without --omit=optional)';
  }
  const root = join(dirname(index), '..', '..');
  const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
  const target = join(tmpdir(), `llct-chromium-${version}`);
  const found = (): FoundChromium => {
    const env: Record<string, string> = {
      LD_LIBRARY_PATH: [join(target, 'nss'), process.env.LD_LIBRARY_PATH].filter(Boolean).join(':'),
    };
    if (!existsSync('/etc/fonts/fonts.conf')) env.FONTCONFIG_PATH = join(target, 'fonts');
    return { source: 'npm-package', executablePath: join(target, 'chromium'), env };
  };
  if (isExecutable(join(target, 'chromium'))) return found();
  const staging = mkdtempSync(join(tmpdir(), `llct-chromium-${version}-unpacking-`));
  try {
    const url = JSON.stringify(pathToFileURL(index).href);
    const libs = JSON.stringify(join(root, 'bin', 'al2023.tar.br'));
    const nss = JSON.stringify(join(staging, 'nss'));
    // The archive holds lib/*.so; `tar --strip-components=1` puts them straight into nss/.
    await run(process.execPath, ['--input-type=module', '-e', [
      `const m = await import(${url});`,
      'await m.default.executablePath();',
      'const { createReadStream, mkdirSync } = await import("node:fs");',
      'const { spawn } = await import("node:child_process");',
      'const { createBrotliDecompress } = await import("node:zlib");',
      `mkdirSync(${nss});`,
      `const tar = spawn("tar", ["-x", "--strip-components=1", "-C", ${nss}], { stdio: ["pipe", "inherit", "inherit"] });`,
      `createReadStream(${libs}).pipe(createBrotliDecompress()).pipe(tar.stdin);`,
      'const code = await new Promise((r) => tar.on("close", r));',
      'if (code !== 0) throw new Error(`tar exited with ${code}`);',
    ].join('\n')], { ...process.env, TMPDIR: staging, TMP: staging, TEMP: staging });
    try {
      renameSync(staging, target);
    } catch (e) {
      // Another test file unpacked it first: use theirs.
      if (!isExecutable(join(target, 'chromium'))) throw e;
    }
  } catch (e) {
    return `could not be unpacked: ${e instanceof Error ? e.message : String(e)}`;
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
  return found();
}

/** The real machine: this process's environment and platform, its file system, playwright-core and the npm package. */
export function defaultLookup(): ChromiumLookup {
  return {
    env: process.env,
    platform: process.platform,
    isExecutable,
    listDir: (path) => {
      try {
        return readdirSync(path);
      } catch {
        return [];
      }
    },
    playwrightExecutable: () => {
      try {
        return chromium.executablePath();
      } catch {
        return undefined;
      }
    },
    packagedChromium: unpackPackagedChromium,
  };
}
