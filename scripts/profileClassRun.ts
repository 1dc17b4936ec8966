/**
 * Profiles the class-run benchmark (bench/editor/runLargeClass.ts) in Chromium: the same workspace, the same steps
 * through the run panel (its driver and steps are imported), with a CPU profile (CDP Profiler) and a trace taken
 * around the steps. Builds unminified (`--minify false`) so the profile names functions. Writes the profile, the trace,
 * screenshots at the end and a summary (main-thread time by trace event, self and total time by function) to the
 * directory given (default /tmp/llct-profile). A diagnosis tool: the benchmark's figure comes from `npm run
 * bench:editor`, without a profiler attached.
 *
 * Usage: node --import tsx scripts/profileClassRun.ts [outDir] [--minify]
 * Environment: DIST (serve this build instead of building), INTERVAL (sampling interval in µs, default 100),
 * NOPROF=1 (trace only), CATEGORIES (trace categories, comma-separated).
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchChromium } from '../test/e2e/launchChromium.ts';
import { classRunWorkspace } from '../bench/editor/lifecycleWorkspaces.ts';
import { openRules, waitInPage } from '../bench/editor/openLargeRuleset.ts';
import { driver, LEARNERS, STEPS } from '../bench/editor/runLargeClass.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const VITE = join(ROOT, 'node_modules/vite/bin/vite.js');
const out = process.argv[2] && !process.argv[2].startsWith('--') ? process.argv[2] : '/tmp/llct-profile';
const minify = process.argv.includes('--minify');
const prebuilt = process.env.DIST;
mkdirSync(out, { recursive: true });

/** Runs vite; `url` resolves with the address `vite preview` prints, or '' when `vite build` exits cleanly. */
function vite(args: string[]): { kill(): void; url: Promise<string> } {
  const child = spawn(process.execPath, [VITE, ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let text = '';
  const url = new Promise<string>((done, fail) => {
    child.stdout.on('data', (d: Buffer) => {
      text += d.toString();
      // eslint-disable-next-line no-control-regex -- colours
      const m = /Local:\s+(http:\/\/127\.0\.0\.1:\d+\/)/.exec(text.replace(/\u001b\[[0-9;]*m/g, ''));
      if (m?.[1]) done(m[1]);
    });
    child.stderr.on('data', (d: Buffer) => { text += d.toString(); });
    child.on('exit', (code) => (code === 0 ? done('') : fail(new Error(`vite ${args[0]} exited with ${code}:\n${text}`))));
  });
  return { kill: () => child.kill('SIGTERM'), url };
}

interface ProfileNode { id: number; callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number }; children?: number[]; hitCount?: number }
interface Profile { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[]; startTime: number; endTime: number }

function summarise(profile: Profile) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i + 1] ?? 0) / 1000));
  const name = (n: ProfileNode) => `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber + 1}`;
  const selfBy = new Map<string, number>();
  const totalBy = new Map<string, number>();
  for (const [id, ms] of self) {
    const n = byId.get(id)!;
    selfBy.set(name(n), (selfBy.get(name(n)) ?? 0) + ms);
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const k = name(byId.get(at)!);
      if (seen.has(k)) continue;
      seen.add(k);
      totalBy.set(k, (totalBy.get(k) ?? 0) + ms);
    }
  }
  const top = (m: Map<string, number>, k: number) => [...m].sort((a, b) => b[1] - a[1]).slice(0, k).map(([f, ms]) => `${ms.toFixed(1).padStart(8)} ms  ${f}`).join('\n');
  return `SELF\n${top(selfBy, 60)}\n\nTOTAL\n${top(totalBy, 120)}`;
}

interface TraceEvent { name: string; cat: string; ph: string; ts: number; dur?: number; pid: number; tid: number; args?: { name?: string; data?: { message?: string } } }
function traceSummary(events: TraceEvent[]) {
  const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain')!;
  const on = events.filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X' && e.dur !== undefined);
  const tasks = on.filter((e) => e.name === 'ThreadControllerImpl::RunTask');
  const total = tasks.reduce((a, t) => a + t.dur! / 1000, 0);
  // Direct children of tasks by name (self-ish breakdown).
  const by = new Map<string, number>();
  for (const e of on) if (e.name !== 'ThreadControllerImpl::RunTask') by.set(e.name, (by.get(e.name) ?? 0) + e.dur! / 1000);
  const lines = [...by].sort((a, b) => b[1] - a[1]).slice(0, 30).map(([n, ms]) => `${ms.toFixed(1).padStart(8)} ms  ${n}`);
  const long = tasks.map((t) => t.dur! / 1000).sort((a, b) => b - a).slice(0, 15).map((d) => d.toFixed(1));
  return `tasks ${tasks.length}, total ${total.toFixed(1)} ms; longest: ${long.join(', ')}\n(inclusive by event name)\n${lines.join('\n')}`;
}

const dist = mkdtempSync(join(tmpdir(), 'llct-profile-dist-'));
let server: { kill(): void } | undefined;
const browser = await launchChromium();
try {
  if (!prebuilt) await vite(['build', '--outDir', dist, '--emptyOutDir', '--logLevel', 'warn', ...(minify ? [] : ['--minify', 'false'])]).url;
  const preview = vite(['preview', '--outDir', prebuilt ?? dist, '--host', '127.0.0.1', '--port', '0', '--strictPort']);
  server = preview;
  const url = await preview.url;
  const errors: string[] = [];
  const file = join(out, 'workspace.json');
  writeFileSync(file, `${JSON.stringify(classRunWorkspace(LEARNERS))}\n`);
  const page = await openRules(browser, url, errors);
  await page.evaluate('window.confirm = () => true');
  await page.setInputFiles('[data-testid=import-workspace-file]', file);
  await page.waitForSelector('[data-testid=import-ok]', { timeout: 30_000 });
  await page.click('[data-testid=view-lifecycles]');
  await page.locator('#panel-lifecycles [data-testid=class-run]').getByTestId('run-start').click();
  await waitInPage(page, `document.querySelector('#panel-lifecycles [data-testid=run-state]')?.dataset.state === 'planned'`, 30_000);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: Number(process.env.INTERVAL ?? 100) });
  const noProfile = process.env.NOPROF === '1';
  await browser.startTracing(page, { categories: (process.env.CATEGORIES ?? 'toplevel,devtools.timeline,blink,__metadata,v8.execute').split(',') });
  if (!noProfile) await cdp.send('Profiler.start');
  const result = await page.evaluate(driver(STEPS));
  const { profile } = noProfile ? { profile: { nodes: [], samples: [], timeDeltas: [], startTime: 0, endTime: 0 } } : await cdp.send('Profiler.stop') as { profile: Profile };
  const trace = JSON.parse((await browser.stopTracing()).toString()) as { traceEvents: TraceEvent[] };
  writeFileSync(join(out, 'run.cpuprofile'), JSON.stringify(profile));
  await page.screenshot({ path: join(out, 'end.png'), fullPage: true });
  await page.screenshot({ path: join(out, 'end-viewport.png') });
  writeFileSync(join(out, 'trace.json'), JSON.stringify(trace));
  const text = `${JSON.stringify(result)}\nerrors: ${errors.join('; ')}\n\n${traceSummary(trace.traceEvents)}\n\n${summarise(profile)}\n`;
  writeFileSync(join(out, 'summary.txt'), text);
  process.stdout.write(text);
} finally {
  await browser.close();
  server?.kill();
  rmSync(dist, { recursive: true, force: true });
}
