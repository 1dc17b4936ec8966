/**
 * A/B of the class-run benchmark (bench/editor/runLargeClass.ts) between builds: each build directory given is
 * served with `vite preview`, and the run is repeated alternating between them (the same workspace, the same driver
 * and steps, the same trace categories as the benchmark). Prints per run the main thread's task time by the wall
 * clock (what the benchmark reports) and in thread CPU time (`tdur`, which other processes on the machine do not
 * inflate), with its layout, style, paint and event-handler parts, then medians per build. A variant may add CSS to
 * the page: DIR+file.css (the page's policy allows inline styles). Builds: `vite build --outDir DIR`.
 *
 * Usage: node --import tsx scripts/abClassRun.ts RUNS DIR_A[+extra.css] [DIR_B[+extra.css] …]
 * Environment: SAVE_TRACES=dir keeps each run's trace (trace-<build>-<run>.json).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchChromium } from '../test/e2e/launchChromium.ts';
import { classRunWorkspace } from '../bench/editor/lifecycleWorkspaces.ts';
import { openRules, waitInPage } from '../bench/editor/openLargeRuleset.ts';
import { driver, LEARNERS, STEPS } from '../bench/editor/runLargeClass.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const VITE = join(ROOT, 'node_modules/vite/bin/vite.js');
const [runsArg, ...dirs] = process.argv.slice(2);
const RUNS = Number(runsArg);

function preview(dir: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [VITE, 'preview', '--outDir', dir, '--host', '127.0.0.1', '--port', '0', '--strictPort'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let text = '';
  return new Promise((done, fail) => {
    child.stdout!.on('data', (d: Buffer) => {
      text += d.toString();
      // eslint-disable-next-line no-control-regex -- colours
      const m = /Local:\s+(http:\/\/127\.0\.0\.1:\d+\/)/.exec(text.replace(/\u001b\[[0-9;]*m/g, ''));
      if (m?.[1]) done({ child, url: m[1] });
    });
    child.on('exit', (code) => fail(new Error(`vite preview exited with ${code}: ${text}`)));
  });
}

interface TraceEvent { name: string; ph: string; ts: number; dur?: number; tdur?: number; pid: number; tid: number; args?: { name?: string; data?: { message?: string } } }

function measure(events: TraceEvent[]) {
  const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain')!;
  const on = events.filter((e) => e.pid === main.pid && e.tid === main.tid);
  const marks = on.filter((e) => e.name === 'TimeStamp' && e.args?.data?.message?.startsWith('phase:')).sort((a, b) => a.ts - b.ts);
  const start = marks[0]!.ts, end = marks[marks.length - 1]!.ts;
  const inRun = on.filter((e) => e.ph === 'X' && e.dur !== undefined && e.ts + e.dur > start && e.ts < end);
  const sum = (name: string, key: 'dur' | 'tdur') => inRun.filter((e) => e.name === name).reduce((a, e) => a + (e[key] ?? e.dur!), 0) / 1000;
  const r = (x: number) => Math.round(x);
  const byPhase: Record<string, number> = {};
  for (const t of inRun.filter((e) => e.name === 'ThreadControllerImpl::RunTask')) {
    const phase = [...marks].reverse().find((m) => m.ts <= t.ts)?.args?.data?.message?.slice(6) ?? '?';
    byPhase[phase] = r((byPhase[phase] ?? 0) + (t.tdur ?? t.dur!) / 1000);
  }
  return {
    taskMs: r(sum('ThreadControllerImpl::RunTask', 'dur')), taskCpuMs: r(sum('ThreadControllerImpl::RunTask', 'tdur')),
    layoutCpu: r(sum('Layout', 'tdur')), styleCpu: r(sum('UpdateLayoutTree', 'tdur')), paintCpu: r(sum('Paint', 'tdur')),
    eventCpu: r(sum('EventDispatch', 'tdur')), byPhaseCpu: byPhase,
  };
}

const browser = await launchChromium();
const servers: ChildProcess[] = [];
const tmp = mkdtempSync(join(tmpdir(), 'llct-ab-'));
try {
  const file = join(tmp, 'workspace.json');
  writeFileSync(file, `${JSON.stringify(classRunWorkspace(LEARNERS))}\n`);
  const urls: string[] = [];
  const css: Array<string | undefined> = [];
  for (const d of dirs) {
    const [dir, extra] = d.split('+');
    const p = await preview(dir!);
    servers.push(p.child); urls.push(p.url); css.push(extra ? readFileSync(extra, 'utf8') : undefined);
  }
  const results: Array<Array<ReturnType<typeof measure>>> = dirs.map(() => []);
  for (let i = 0; i < RUNS; i++) {
    for (let b = 0; b < dirs.length; b++) {
      const k = i % 2 === 0 ? b : dirs.length - 1 - b;
      const errors: string[] = [];
      const page = await openRules(browser, urls[k]!, errors);
      try {
        await page.evaluate('window.confirm = () => true');
        if (css[k]) await page.addStyleTag({ content: css[k] });
        await page.setInputFiles('[data-testid=import-workspace-file]', file);
        await page.waitForSelector('[data-testid=import-ok]', { timeout: 30_000 });
        await page.click('[data-testid=view-lifecycles]');
        await page.locator('#panel-lifecycles [data-testid=class-run]').getByTestId('run-start').click();
        await waitInPage(page, `document.querySelector('#panel-lifecycles [data-testid=run-state]')?.dataset.state === 'planned'`, 30_000);
        await browser.startTracing(page, { categories: ['toplevel', 'devtools.timeline', '__metadata'] });
        let out: { state: string; learners: number };
        try { out = await page.evaluate(driver(STEPS)) as typeof out; } finally {
          const buffer = await browser.stopTracing();
          if (process.env.SAVE_TRACES) writeFileSync(join(process.env.SAVE_TRACES, `trace-${k}-${i}.json`), buffer);
          const trace = JSON.parse(buffer.toString()) as { traceEvents: TraceEvent[] };
          const m = measure(trace.traceEvents);
          results[k]!.push(m);
          process.stdout.write(`${dirs[k]} run ${i + 1}: ${JSON.stringify(m)}\n`);
        }
        const measures = await page.evaluate(`(() => { const m = {}; for (const e of performance.getEntriesByType('measure')) m[e.name] = Math.round((m[e.name] || 0) + e.duration); return m; })()`) as Record<string, number>;
        if (Object.keys(measures).length) process.stdout.write(`   measures: ${JSON.stringify(measures)}\n`);
        if (out.state !== 'graduated' || out.learners !== LEARNERS || errors.length) throw new Error(`bad run: ${JSON.stringify(out)} ${errors.join('; ')}`);
      } finally {
        await page.context().close();
      }
    }
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  for (let b = 0; b < dirs.length; b++) {
    const rs = results[b]!;
    const keys = ['taskMs', 'taskCpuMs', 'layoutCpu', 'styleCpu', 'paintCpu', 'eventCpu'] as const;
    process.stdout.write(`${dirs[b]} median of ${rs.length}: ${keys.map((k) => `${k} ${median(rs.map((r) => r[k]))}`).join(', ')}\n`);
    const phases = Object.keys(rs[0]!.byPhaseCpu);
    process.stdout.write(`   per phase (cpu): ${phases.map((p) => `${p} ${median(rs.map((r) => r.byPhaseCpu[p] ?? 0))}`).join(', ')}\n`);
  }
} finally {
  await browser.close();
  for (const s of servers) s.kill('SIGTERM');
  rmSync(tmp, { recursive: true, force: true });
}
