/**
 * `llct` loads its TypeScript sources as one cached bundle (bin/importSource.mjs), or through tsx when told not to or
 * when the bundle cannot be built: both give the same output, the bundle is named by the sources' fingerprint, and
 * paths a module resolves from its own `import.meta.url` (the package root, the built-in rulesets, worker entries)
 * still resolve.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const BIN = join(ROOT, 'bin', 'llct.mjs');

function llct(args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, ...env }, maxBuffer: 64 * 1024 * 1024 }, (err, stdout, stderr) => {
      resolve({ code: err ? (typeof err.code === 'number' ? err.code : null) : 0, stdout, stderr });
    });
  });
}

describe('llct loads its sources bundled or through tsx, alike', () => {
  it('gives the same output both ways, for a command that reads built-in files and one that starts worker threads', async () => {
    const commands = [
      ['check', '--cadres', 'fixtures/cadres/hanoi-2024-central-agencies.csv', '--level', 'intermediate', '--mode', 'part-time', '--on', '2024-03-01', '--format', 'json'],
      ['simulate', '--plan', 'fixtures/plans/ha-noi-2024.json', '--cadres', 'fixtures/cadres/hanoi-2024-central-agencies.json', '--runs', '6', '--workers', '1', '--format', 'json'],
    ];
    for (const args of commands) {
      const [bundled, viaTsx] = await Promise.all([llct(args), llct(args, { LLCT_NO_BUNDLE: '1' })]);
      expect(bundled.code, bundled.stderr).toBe(viaTsx.code);
      expect(bundled.stdout.length).toBeGreaterThan(1000);
      expect(bundled.stdout).toBe(viaTsx.stdout);
    }
    // The bundles are in the cache, named by the same fingerprint.
    const cached = readdirSync(join(ROOT, 'node_modules', '.cache', 'llct'));
    const main = cached.filter((f) => /^cli-main-ts-[0-9a-f]{16}\.mjs$/.test(f));
    const worker = cached.filter((f) => /^cli-simulate-runSimulateWorker-ts-[0-9a-f]{16}\.mjs$/.test(f));
    expect(main.length).toBeGreaterThan(0);
    expect(worker.length).toBeGreaterThan(0);
    const prints = (files: string[]) => new Set(files.map((f) => f.slice(-20, -4)));
    expect([...prints(worker)].some((p) => prints(main).has(p))).toBe(true);
  }, 120_000);
});

describe('bundles of earlier sources', () => {
  it('are removed when a new bundle is written, unless recent or not a bundle of that entry', async () => {
    // By URL: the loader is plain JavaScript, without type declarations.
    const { prune } = await import(new URL('../../bin/importSource.mjs', import.meta.url).href) as { prune(dir: string, keep: string): void };
    const dir = mkdtempSync(join(tmpdir(), 'llct-bundles-'));
    try {
      const files = {
        keep: 'cli-main-ts-aaaaaaaaaaaaaaaa.mjs', stale: 'cli-main-ts-0000000000000000.mjs', staleTmp: 'cli-main-ts-1111111111111111.mjs.42-0.tmp',
        recent: 'cli-main-ts-2222222222222222.mjs', otherEntry: 'cli-simulate-runSimulateWorker-ts-0000000000000000.mjs', notOurs: 'cli-main-ts-notes.txt',
      };
      const old = new Date(Date.now() - 24 * 3600 * 1000);
      for (const [what, name] of Object.entries(files)) {
        writeFileSync(join(dir, name), '// bundle');
        if (what !== 'recent' && what !== 'keep') utimesSync(join(dir, name), old, old);
      }
      prune(dir, join(dir, files.keep));
      expect(readdirSync(dir).sort()).toEqual([files.keep, files.notOurs, files.recent, files.otherEntry].sort());
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
