/**
 * `npm run bench:editor`: the rule editor's speed targets, printed as ONE JSON document on stdout (progress on
 * stderr). Builds the editor and serves it with `vite preview`, drives Chromium headless (no GPU; found as the
 * browser tests find it), and runs the history benchmark in Node. A missed target is `met: false`; a step that fails to run exits with 1.
 * The preview server and the browser are stopped on every path.
 *
 * Environment (optional): BENCH_EDITOR_OPEN_RUNS (default 3), BENCH_EDITOR_RULES (default 500).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { chromiumInUse, launchChromium } from '../../test/e2e/launchChromium.ts';
import { startPreview, type PreviewServer } from '../../test/e2e/previewServer.ts';
import { generateLargeRuleset } from '../../test/rules-canvas/generateLargeRuleset.ts';
import { envInt, log, round } from '../measure.ts';
import { benchKeystrokes } from './inspectorKeystrokes.ts';
import { benchDrag, benchOpen } from './openLargeRuleset.ts';
import { benchUndoHistory } from './undoHistory.ts';

const OPEN_RUNS = envInt('BENCH_EDITOR_OPEN_RUNS', 3);
const RULES = envInt('BENCH_EDITOR_RULES', 500);

const load = () => loadavg().map((x) => round(x, 2));

async function main() {
  const started = performance.now();
  const loadAtStart = load();
  const dir = mkdtempSync(join(tmpdir(), 'llct-bench-editor-'));
  let server: PreviewServer | undefined;
  let browser: Browser | undefined;
  try {
    const file = join(dir, `large-${RULES}.json`);
    const ruleset = generateLargeRuleset(RULES);
    writeFileSync(file, `${JSON.stringify(ruleset, null, 2)}\n`);

    const undo = benchUndoHistory();

    log('building the editor and starting vite preview');
    const t = performance.now();
    server = await startPreview();
    const buildAndServeSeconds = round((performance.now() - t) / 1000, 1);
    browser = await launchChromium();
    const browserVersion = browser.version();
    const { source, executablePath } = await chromiumInUse();
    const errors: string[] = [];

    const open = await benchOpen(browser, server.url, file, OPEN_RUNS, errors);
    log('drag on the imported canvas');
    const drag = await benchDrag(browser, server.url, file, errors);
    log('keystrokes in the inspector');
    const keystrokes = await benchKeystrokes(browser, server.url, errors);

    const report = {
      bench: 'llct rule editor: open, drag, keystroke, undo',
      environment: {
        node: process.version, cpus: cpus().length, cpuModel: cpus()[0]?.model,
        loadAverageAtStart: loadAtStart, loadAverageAtEnd: load(),
        chromium: `${executablePath} ${browserVersion} (${source})`,
        chromiumFlags: 'headless, --disable-gpu (software rendering), 1280×800, fresh context per page',
        note: 'shared 2-core machine: other processes run alongside; figures are as measured',
      },
      config: { rules: ruleset.rules.length, openRuns: OPEN_RUNS, buildAndServeSeconds },
      targets: {
        openLargeRuleset: open,
        dragFrameTime: drag,
        inspectorKeystroke: keystrokes,
        undoHistory: undo,
      },
      summary: {
        openLargeRuleset: { valueMs: open.valueMs, targetMs: open.targetMs, met: open.met },
        dragFrameTime: { valueMs: drag.valueMs, targetMs: drag.targetMs, met: drag.met, metAgainstIdleFrameInterval: drag.metAgainstIdleFrameInterval },
        inspectorKeystroke: { valueMs: keystrokes.valueMs, targetMs: keystrokes.targetMs, met: keystrokes.met },
        undoHistory: { valueMs: undo.valueMs, targetMs: undo.targetMs, met: undo.met },
      },
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
