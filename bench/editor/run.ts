/**
 * `npm run bench:editor`: the page's script sizes by tab (issue 21: the default tab's under 600 kB before
 * compression) with the shipped JSON data it fetches counted apart, cross-checked (with the rule editor's targets)
 * against what Chromium actually loads when the rule editor opens; the rule editor's speed targets and the lifecycle editor's (issue 11), printed as ONE JSON
 * document on stdout (progress on stderr). Builds the editor and serves it with `vite preview`, drives Chromium
 * headless (no GPU; found as the browser tests find it), and runs the history benchmark in Node. A missed target is
 * `met: false`; a step that fails to run exits with 1. The preview server and the browser are stopped on every path.
 *
 * Environment (optional): BENCH_EDITOR_ONLY (`rules` or `lifecycle`: the bundle sizes and only that editor's targets;
 * `lifecycle-drag`: the bundle sizes and the lifecycle canvas's drag alone; `simulation`: the bundle sizes and the
 * page's 200 simulation runs against `llct simulate`'s; `bundle`: the build's sizes alone, no browser; everything by
 * default), BENCH_EDITOR_OPEN_RUNS (default 3, for both open targets), BENCH_EDITOR_RULES (default 500),
 * BENCH_EDITOR_SIM_REPEATS (default 3: turns of CLI then page for the simulation ratio).
 *
 * `ratios` (an object: other benchmarks add their own keys) holds `pageVsCli`, the page's 200 runs ÷ the CLI's, when
 * the simulation is measured.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { chromiumInUse, launchChromium } from '../../test/e2e/launchChromium.ts';
import { startPreview, type PreviewServer } from '../../test/e2e/previewServer.ts';
import { generateLargeRuleset } from '../../test/rules-canvas/generateLargeRuleset.ts';
import { envInt, log, round } from '../measure.ts';
import { measureBundle, type BundleReport, type Size } from './bundleSizes.ts';
import { benchKeystrokes } from './inspectorKeystrokes.ts';
import { benchDragLifecycle } from './dragLargeLifecycle.ts';
import { loadedAtOpen } from './loadedAtOpen.ts';
import { benchOpenLifecycle } from './openLargeLifecycle.ts';
import { benchDrag, benchOpen } from './openLargeRuleset.ts';
import { benchClassRun } from './runLargeClass.ts';
import { benchSimulationRuns } from './simulationRuns.ts';
import { benchUndoHistory } from './undoHistory.ts';

const OPEN_RUNS = envInt('BENCH_EDITOR_OPEN_RUNS', 3);
const RULES = envInt('BENCH_EDITOR_RULES', 500);
const SIM_REPEATS = envInt('BENCH_EDITOR_SIM_REPEATS', 3);
const ONLY = process.env.BENCH_EDITOR_ONLY || undefined;
if (ONLY !== undefined && ONLY !== 'rules' && ONLY !== 'lifecycle' && ONLY !== 'lifecycle-drag' && ONLY !== 'simulation' && ONLY !== 'bundle') {
  throw new Error(`BENCH_EDITOR_ONLY must be "rules", "lifecycle", "lifecycle-drag", "simulation" or "bundle", not "${ONLY}"`);
}
const RULE_TARGETS = ONLY === undefined || ONLY === 'rules';
const LIFECYCLE_TARGETS = ONLY === undefined || ONLY === 'lifecycle';
const LIFECYCLE_DRAG = LIFECYCLE_TARGETS || ONLY === 'lifecycle-drag';
const SIMULATION = ONLY === undefined || ONLY === 'simulation';

/** A target's line in the summary. */
const line = (t: { valueMs: number; targetMs: number; met: boolean }) => ({ valueMs: t.valueMs, targetMs: t.targetMs, met: t.met });

const kB = (s: Size) => ({ rawKB: round(s.rawBytes / 1000, 1), gzipKB: round(s.gzipBytes / 1000, 1) });

/** The bundle's line in the summary: kB (1,000 bytes) raw and gzipped, by part. */
const bundleLine = (b: BundleReport) => ({
  entry: kB(b.entry),
  defaultTab: { tab: b.defaultTab.tab, ...kB(b.defaultTab), targetRawKB: b.defaultTab.targetRawBytes / 1000, met: b.defaultTab.met },
  defaultTabComplete: kB(b.defaultTabComplete),
  defaultTabData: kB(b.data),
  tabs: Object.fromEntries(Object.entries(b.tabs).map(([tab, s]) => [tab, kB(s)])),
  workers: kB(b.workers),
  allScripts: kB(b.allScripts),
});

const load = () => loadavg().map((x) => round(x, 2));

async function main() {
  const started = performance.now();
  const loadAtStart = load();
  const dir = mkdtempSync(join(tmpdir(), 'llct-bench-editor-'));
  let server: PreviewServer | undefined;
  let browser: Browser | undefined;
  try {
    const undo = RULE_TARGETS ? benchUndoHistory() : undefined;

    log('building the editor and starting vite preview');
    const t = performance.now();
    server = await startPreview();
    const buildAndServeSeconds = round((performance.now() - t) / 1000, 1);
    const bundle = measureBundle(server.outDir);
    log(`default tab's script ${round(bundle.defaultTab.rawBytes / 1000, 1)} kB (entry ${round(bundle.entry.rawBytes / 1000, 1)} kB; with the chunks it preloads ${round(bundle.defaultTabComplete.rawBytes / 1000, 1)} kB), data ${round(bundle.data.rawBytes / 1000, 1)} kB`);
    const errors: string[] = [];
    let chromium = 'not used';
    if (RULE_TARGETS || LIFECYCLE_DRAG || SIMULATION) {
      browser = await launchChromium();
      const { source, executablePath } = await chromiumInUse();
      chromium = `${executablePath} ${browser.version()} (${source})`;
    }

    const targets: Record<string, unknown> = { bundle };
    const summary: Record<string, unknown> = { bundle: bundleLine(bundle) };
    const ratios: Record<string, number> = {};
    if (RULE_TARGETS && browser) {
      log('what the page loads when the rule editor opens');
      const loaded = await loadedAtOpen(browser, server.url, server.outDir, errors);
      const same = (a: Size, b: Size) => a.files.join() === b.files.join();
      const loadedLine = { scripts: kB(loaded.scripts), data: kB(loaded.data), sameAsBuildWalk: same(loaded.scripts, bundle.defaultTabComplete) && same(loaded.data, bundle.data) };
      Object.assign(targets, { loadedAtRulesOpen: { ...loaded, sameAsBuildWalk: loadedLine.sameAsBuildWalk } });
      Object.assign(summary, { loadedAtRulesOpen: loadedLine });
      const file = join(dir, `large-${RULES}.json`);
      writeFileSync(file, `${JSON.stringify(generateLargeRuleset(RULES), null, 2)}\n`);
      const open = await benchOpen(browser, server.url, file, OPEN_RUNS, errors);
      log('drag on the imported canvas');
      const drag = await benchDrag(browser, server.url, file, errors);
      log('keystrokes in the inspector');
      const keystrokes = await benchKeystrokes(browser, server.url, errors);
      Object.assign(targets, { openLargeRuleset: open, dragFrameTime: drag, inspectorKeystroke: keystrokes, undoHistory: undo });
      Object.assign(summary, {
        openLargeRuleset: line(open),
        dragFrameTime: { ...line(drag), p50Ms: drag.frameTime.p50, metAgainstIdleFrameInterval: drag.metAgainstIdleFrameInterval },
        inspectorKeystroke: line(keystrokes),
        undoHistory: line(undo!),
      });
    }
    if (LIFECYCLE_TARGETS && browser) {
      const openLifecycle = await benchOpenLifecycle(browser, server.url, dir, OPEN_RUNS, errors);
      log('class of 200 learners through the run panel');
      const classRun = await benchClassRun(browser, server.url, dir, errors);
      Object.assign(targets, { openLargeLifecycle: openLifecycle, classRun200: classRun });
      Object.assign(summary, { openLargeLifecycle: line(openLifecycle), classRun200: line(classRun) });
    }
    if (LIFECYCLE_DRAG && browser) {
      log('drag on the 200-state lifecycle canvas');
      const drag = await benchDragLifecycle(browser, server.url, dir, errors);
      Object.assign(targets, { lifecycleDragFrameTime: drag });
      Object.assign(summary, { lifecycleDragFrameTime: { ...line(drag), p50Ms: drag.p50Ms } });
    }
    if (SIMULATION && browser) {
      log('simulation: 200 runs of the Hà Nội plan in the page and with llct simulate');
      const sim = await benchSimulationRuns(browser, server.url, SIM_REPEATS, errors);
      ratios.pageVsCli = sim.pageVsCli;
      Object.assign(targets, { simulationRuns: sim });
      Object.assign(summary, { simulationRuns: { pageMs: sim.medianPageMs, cliMs: sim.medianCliMs, pageVsCli: sim.pageVsCli, targetRatio: sim.targetRatio, met: sim.met, sameMediansAsCli: sim.sameMediansAsCli, partialResults: sim.streaming.partialCounts.length } });
    }

    const report = {
      bench: `llct editor: ${['bundle sizes by tab', RULE_TARGETS && 'rule editor (open, drag, keystroke, undo)', LIFECYCLE_TARGETS && 'lifecycle editor (open 200/600, class run of 200)', LIFECYCLE_DRAG && 'lifecycle canvas drag (200 states)', SIMULATION && 'simulation (200 runs, page vs CLI)'].filter(Boolean).join('; ')}`,
      environment: {
        node: process.version, cpus: cpus().length, cpuModel: cpus()[0]?.model,
        loadAverageAtStart: loadAtStart, loadAverageAtEnd: load(),
        chromium,
        chromiumFlags: 'headless, --disable-gpu (software rendering), 1280×800, fresh context per page',
        note: 'shared 2-core machine: other processes run alongside; figures are as measured',
      },
      config: { only: ONLY ?? 'all', ...(RULE_TARGETS ? { rules: RULES } : {}), openRuns: OPEN_RUNS, ...(SIMULATION ? { simulationRepeats: SIM_REPEATS } : {}), buildAndServeSeconds },
      targets,
      summary,
      ratios,
      pageErrors: errors,
      seconds: round((performance.now() - started) / 1000, 1),
    };
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  } finally {
    await browser?.close().catch((e: unknown) => log(`closing the browser failed: ${String(e)}`));
    await server?.close().catch((e: unknown) => log(`stopping vite preview failed: ${String(e)}`));
    rmSync(dir, { recursive: true, force: true });
  }
}

try {
  await main();
} catch (e) {
  log(`failed: ${e instanceof Error ? e.stack ?? e.message : String(e)}`);
  process.exitCode = 1;
}
