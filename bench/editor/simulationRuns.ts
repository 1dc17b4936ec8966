/**
 * Issue 24, part 4: 200 runs of the Hà Nội 2024 plan (the page's default plan, runs, seed 2024, rules by nomination
 * date, the plan's generated cohort) in the page's simulation workers against `llct simulate` for the same plan, runs
 * and seed (its default worker threads), measured in turns in the same process: CLI, page, CLI, page… The page is
 * timed in the page from the click on "Chạy" to the first frame that shows the final results; the CLI from spawn to
 * exit (JSON on stdout). Partial results seen on the way (frames where the result shows fewer runs than asked) are
 * counted, and the page's final medians are checked against the CLI's, figure by figure (the same seed gives the
 * same results). One untimed turn of each first: the CLI builds its bundle when the sources changed, the page
 * fetches its worker script. The CPU time of each turn is measured beside its wall time (see `descendantsCpuMs`).
 */
import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { log, round } from '../measure.ts';
import { median } from './stats.ts';
import { VIEWPORT, waitInPage } from './openLargeRuleset.ts';

export const SIM_RUNS = 200;
const SEED = '2024';
const PLAN = 'fixtures/plans/ha-noi-2024.json';

interface CliTurn { ms: number; cpuMs: number | null; p50: Record<string, number | null> }
interface PageTurn { ms: number; cpuMs: number | null; firstPartialMs: number | null; partialFrames: number; partialCounts: number[]; p50: Record<string, number | null> }

const TICK_MS = 10;

/**
 * CPU time (user + system, ms) of every process this one started, from /proc (Linux; `null` elsewhere): the children
 * it has waited for (`cutime` + `cstime` of its own stat: the CLI once it exited) and every descendant still running
 * (`utime` + `stime`: Chromium's processes). On a shared machine the wall time of a turn includes time spent waiting
 * for a core; the CPU time does not, so it is reported beside the wall time.
 */
function descendantsCpuMs(): number | null {
  try {
    const stat = (pid: string) => {
      const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const f = text.slice(text.lastIndexOf(')') + 2).split(' ');
      // Fields from the state (3rd): ppid 4th, utime 14th, stime 15th, cutime 16th, cstime 17th.
      return { ppid: f[1]!, utime: Number(f[11]), stime: Number(f[12]), cutime: Number(f[13]), cstime: Number(f[14]) };
    };
    const all = new Map<string, ReturnType<typeof stat>>();
    for (const pid of readdirSync('/proc')) {
      if (!/^\d+$/.test(pid)) continue;
      try { all.set(pid, stat(pid)); } catch { /* ended meanwhile */ }
    }
    const me = String(process.pid);
    const own = all.get(me);
    if (!own) return null;
    let ticks = own.cutime + own.cstime;
    const isDescendant = (pid: string): boolean => {
      for (let p = all.get(pid)?.ppid, hops = 0; p !== undefined && hops < 64; p = all.get(p)?.ppid, hops++) if (p === me) return true;
      return false;
    };
    for (const [pid, s] of all) if (pid !== me && isDescendant(pid)) ticks += s.utime + s.stime;
    return ticks * TICK_MS;
  } catch {
    return null;
  }
}

const cpuSince = (before: number | null) => { const now = descendantsCpuMs(); return before === null || now === null ? null : now - before; };

function cliTurn(runs: number): Promise<CliTurn> {
  const cpu = descendantsCpuMs();
  const t = performance.now();
  return new Promise((resolve, reject) => {
    execFile(process.execPath, ['bin/llct.mjs', 'simulate', '--plan', PLAN, '--runs', String(runs), '--seed', SEED, '--format', 'json'], { maxBuffer: 256 * 1024 * 1024 }, (err, stdout, stderr) => {
      const ms = performance.now() - t;
      if (err) { reject(new Error(`llct simulate failed: ${err.message}\n${stderr}`)); return; }
      const r = JSON.parse(stdout) as { kpis: Array<{ name: string; stats: { p50: number | null } }> };
      resolve({ ms, cpuMs: cpuSince(cpu), p50: Object.fromEntries(r.kpis.map((k) => [k.name, k.stats.p50])) });
    });
  });
}

/**
 * Watches from the next click on the run button: every frame, the progress status and the runs the shown result
 * covers (`data-runs` of the result); done at the first frame with the status `done` and a result of every run.
 */
const WATCH_RUN = (runs: number) => `(() => {
  const w = window;
  w.__sim = { done: false };
  const onClick = (e) => {
    if (!(e.target instanceof HTMLElement) || e.target.dataset.testid !== 'run-start') return;
    document.removeEventListener('click', onClick, true);
    const o = w.__sim;
    const t0 = performance.now();
    o.partialFrames = 0; o.partialCounts = []; o.firstPartialMs = null;
    const panel = document.querySelector('#panel-simulation');
    const frame = () => {
      const now = performance.now();
      const status = panel.querySelector('[data-testid=run-progress]')?.getAttribute('data-status');
      const result = panel.querySelector('[data-testid=sim-result]');
      const shown = result ? Number(result.getAttribute('data-runs')) : 0;
      if (status === 'running' && result && shown > 0 && shown < ${runs}) {
        o.partialFrames++;
        if (o.firstPartialMs === null) o.firstPartialMs = now - t0;
        if (o.partialCounts[o.partialCounts.length - 1] !== shown) o.partialCounts.push(shown);
      }
      if (status === 'done' && shown === ${runs}) { o.ms = now - t0; o.done = true; return; }
      if (status === 'error' || now - t0 > 300000) { o.ms = now - t0; o.done = true; o.failed = status; return; }
      requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  };
  document.addEventListener('click', onClick, true);
})()`;

const READ_MEDIANS = `(() => Object.fromEntries([...document.querySelectorAll('#panel-simulation [data-testid=kpi-table] tr[data-kpi]')]
  .map((r) => [r.getAttribute('data-kpi'), r.getAttribute('data-p50') === '' ? null : Number(r.getAttribute('data-p50'))])))()`;

async function pageTurn(page: Page, runs: number): Promise<PageTurn> {
  const panel = page.locator('#panel-simulation');
  await panel.getByTestId('run-count').fill(String(runs));
  await panel.getByTestId('run-seed').fill(SEED);
  await page.evaluate(WATCH_RUN(runs));
  const cpu = descendantsCpuMs();
  await panel.getByTestId('run-start').click();
  await waitInPage(page, 'window.__sim.done', 300_000, 100);
  const cpuMs = cpuSince(cpu);
  const o = await page.evaluate('window.__sim') as { ms: number; failed?: string; firstPartialMs: number | null; partialFrames: number; partialCounts: number[] };
  if (o.failed !== undefined) throw new Error(`the page's run ended with status ${o.failed}`);
  const p50 = await page.evaluate(READ_MEDIANS) as Record<string, number | null>;
  return { ms: o.ms, cpuMs, firstPartialMs: o.firstPartialMs, partialFrames: o.partialFrames, partialCounts: o.partialCounts, p50 };
}

/** Figures whose medians differ between the page and the CLI (none expected). */
function mismatches(page: Record<string, number | null>, cli: Record<string, number | null>): string[] {
  const names = new Set([...Object.keys(page), ...Object.keys(cli)]);
  return [...names].filter((n) => page[n] !== cli[n]).map((n) => `${n}: page ${String(page[n])}, CLI ${String(cli[n])}`);
}

/** CPU time of the turns (all of Chromium's processes for the page, the CLI's process), and the ratio of medians. */
function cpuLine(cli: Array<number | null>, page: Array<number | null>) {
  if (cli.some((x) => x === null) || page.some((x) => x === null)) return null;
  const c = median(cli as number[]);
  const p = median(page as number[]);
  return { cliMs: cli as number[], pageMs: page as number[], medianCliMs: c, medianPageMs: p, pageVsCli: round(p / c, 2), note: 'user + system CPU of the CLI process and of every Chromium process during the turn (/proc); the page figure includes the browser rendering partial results' };
}

export async function benchSimulationRuns(browser: Browser, url: string, repeats: number, errors: string[]) {
  const context = await browser.newContext({ viewport: VIEWPORT });
  try {
    const page = await context.newPage();
    page.on('pageerror', (e) => errors.push(`page: ${e.message}`));
    page.on('console', (m) => { if (m.type() === 'error') errors.push(`console: ${m.text()}`); });
    await page.goto(`${url}#simulation`);
    await page.waitForSelector('#panel-simulation [data-testid=run-panel]', { timeout: 60_000 });
    const hardwareConcurrency = await page.evaluate('navigator.hardwareConcurrency') as number;
    log(`simulation: untimed turns (CLI bundle, page worker script), then ${repeats} × (CLI, page) of ${SIM_RUNS} runs`);
    await cliTurn(SIM_RUNS);
    await pageTurn(page, 20);
    const cli: CliTurn[] = [];
    const pages: PageTurn[] = [];
    for (let i = 0; i < repeats; i++) {
      cli.push(await cliTurn(SIM_RUNS));
      pages.push(await pageTurn(page, SIM_RUNS));
      log(`simulation turn ${i + 1}: CLI ${round(cli[i]!.ms)} ms (CPU ${String(cli[i]!.cpuMs)}), page ${round(pages[i]!.ms)} ms (CPU ${String(pages[i]!.cpuMs)}; ${pages[i]!.partialCounts.length} partial results)`);
    }
    const cliMs = median(cli.map((c) => c.ms));
    const pageMs = median(pages.map((p) => p.ms));
    const differ = [...new Set(pages.flatMap((p) => cli.flatMap((c) => mismatches(p.p50, c.p50))))];
    const last = pages[pages.length - 1]!;
    return {
      workload: `fixtures/plans/ha-noi-2024.json × ${SIM_RUNS} runs, seed ${SEED}, rules by nomination date, the plan's generated cohort`,
      hardwareConcurrency,
      repeats,
      cliMs: cli.map((c) => round(c.ms)),
      pageMs: pages.map((p) => round(p.ms)),
      medianCliMs: round(cliMs),
      medianPageMs: round(pageMs),
      pageVsCli: round(pageMs / cliMs, 2),
      cpu: cpuLine(cli.map((c) => c.cpuMs), pages.map((p) => p.cpuMs)),
      targetRatio: 1.2,
      met: pageMs / cliMs <= 1.2 && differ.length === 0,
      streaming: { firstPartialMs: last.firstPartialMs === null ? null : round(last.firstPartialMs), partialFrames: last.partialFrames, partialCounts: last.partialCounts },
      sameMediansAsCli: differ.length === 0,
      mismatches: differ.slice(0, 20),
    };
  } finally {
    await context.close();
  }
}
