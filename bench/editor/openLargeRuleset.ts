/**
 * Targets 1 and 2 in Chromium: the generated 500-rule ruleset imported through the rule editor's file input, timed
 * in the page from the input's `change` to the first frame that shows the imported ruleset's nodes; then frame
 * times while dragging one of its rule nodes. In-page code is passed as strings: functions compiled by tsx may
 * carry helpers (`__name`) that do not exist in the page.
 */
import type { Browser, Page } from 'playwright-core';
import { log, round } from '../measure.ts';
import { median, summarise } from './stats.ts';

/**
 * Polls `expression` in the page until it is truthy. Not `page.waitForFunction`: the page's CSP (script-src 'self')
 * forbids the eval it uses for string predicates, while `page.evaluate` of a string goes through the debugger.
 */
export async function waitInPage(page: Page, expression: string, timeoutMs: number, intervalMs = 50): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await page.evaluate(expression))) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${expression}`);
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}

export const VIEWPORT = { width: 1280, height: 800 };
const IMPORTED_ID = 'ruleset:57-qd-tw-large';

/** Opens the rule editor in a fresh context and waits for its canvas; page errors are collected into `errors`. */
export async function openRules(browser: Browser, url: string, errors: string[]): Promise<Page> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  const page = await context.newPage();
  page.on('pageerror', (e) => errors.push(`page: ${e.message}`));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(`console: ${m.text()}`); });
  await page.goto(`${url}#rules`);
  await page.waitForSelector('[data-testid=rule-editor] .react-flow__node', { timeout: 30_000 });
  return page;
}

/**
 * Watches from the next `change` of the ruleset file input: `firstFrameMs` is the first animation frame where the
 * editor shows the imported ruleset and a rendered, visible canvas node that was not there before; `settledMs` the
 * first frame after which the rendered node count stayed the same for 3 frames.
 */
const WATCH_IMPORT = `(() => {
  const w = window;
  const before = new Set([...document.querySelectorAll('.react-flow__node')].map((n) => n.getAttribute('data-id')));
  w.__open = { done: false };
  document.addEventListener('change', (e) => {
    if (!(e.target instanceof HTMLElement) || e.target.dataset.testid !== 'import-ruleset-file') return;
    const t0 = performance.now();
    const o = w.__open;
    o.t0 = t0;
    let lastCount = -1, sameFrames = 0, stableSince = 0;
    const frame = (ts) => {
      const now = performance.now();
      const main = document.querySelector('[data-testid=rule-editor]');
      const nodes = document.querySelectorAll('.react-flow__node');
      const shown = main && main.getAttribute('data-ruleset') === ${JSON.stringify(IMPORTED_ID)};
      if (shown && o.firstFrameMs === undefined) {
        const fresh = [...nodes].find((n) => !before.has(n.getAttribute('data-id')) && getComputedStyle(n).visibility !== 'hidden');
        if (fresh) { o.firstFrameMs = now - t0; o.firstFrameRendered = nodes.length; }
      }
      if (o.firstFrameMs !== undefined) {
        if (nodes.length === lastCount) { sameFrames++; } else { sameFrames = 0; stableSince = now; }
        lastCount = nodes.length;
        if (sameFrames >= 3) {
          o.settledMs = stableSince - t0;
          o.renderedNodes = nodes.length;
          o.totalNodes = document.querySelectorAll('.react-flow__minimap-node').length;
          o.done = true;
          return;
        }
      }
      if (now - t0 > 60000) { o.done = true; o.timedOut = true; return; }
      requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  }, true);
})()`;

export interface OpenRun { firstFrameMs: number; settledMs: number; renderedNodes: number; totalNodes: number }

/** Imports the ruleset file into an open rule editor and returns the in-page timings. */
export async function importLarge(page: Page, file: string): Promise<OpenRun> {
  await page.evaluate(WATCH_IMPORT);
  await page.setInputFiles('[data-testid=import-ruleset-file]', file);
  await waitInPage(page, 'window.__open && window.__open.done', 90_000, 100);
  const o = await page.evaluate('window.__open') as OpenRun & { timedOut?: boolean };
  if (o.timedOut) throw new Error('the imported ruleset did not show on the canvas within 60 s');
  return o;
}

export async function benchOpen(browser: Browser, url: string, file: string, runs: number, errors: string[]) {
  const results: OpenRun[] = [];
  for (let i = 0; i < runs; i++) {
    log(`open: run ${i + 1}/${runs}`);
    const page = await openRules(browser, url, errors);
    try {
      results.push(await importLarge(page, file));
    } finally {
      await page.context().close();
    }
  }
  const value = median(results.map((r) => r.firstFrameMs));
  return {
    target: '500-rule ruleset opens and lays out in Chromium < 2 s',
    measured: 'in the page: from the file input\'s change event to the first animation frame showing a rendered node of the imported ruleset (file read, import validation, store apply, diagnostics, toFlow layout, React Flow render); settledMs: rendered node count unchanged for 3 frames',
    runs: results.map((r) => ({ firstFrameMs: round(r.firstFrameMs), settledMs: round(r.settledMs), renderedNodes: r.renderedNodes, totalNodes: r.totalNodes })),
    valueMs: round(value),
    settledMedianMs: round(median(results.map((r) => r.settledMs))),
    statistic: `median of ${runs} (fresh browser context each)`,
    nodes: { total: results[0]?.totalNodes, rendered: results[0]?.renderedNodes, note: 'total = minimap nodes (every node of the graph); rendered = .react-flow__node in the DOM (onlyRenderVisibleElements)' },
    targetMs: 2000,
    met: value < 2000,
  };
}

/** Records requestAnimationFrame deltas until `window.__frames.stop = true`. */
const RECORD_FRAMES = `(() => {
  const f = { deltas: [], withInput: [], stop: false, longFrames: [] };
  window.__frames = f;
  let moves = 0, prevMoves = 0;
  const onMove = () => { moves++; };
  window.addEventListener('pointermove', onMove, true);
  try {
    const po = new PerformanceObserver((list) => { for (const e of list.getEntries()) f.longFrames.push(e.duration); });
    po.observe({ type: 'long-animation-frame' });
    f.observer = po;
  } catch { f.longFrames = null; }
  let last = 0;
  const tick = (ts) => {
    // A move's work may land in the frame it arrived in or, rendered in a later task, in the next one: both count.
    if (last) { f.deltas.push(ts - last); if (moves > 0 || prevMoves > 0) f.withInput.push(ts - last); }
    prevMoves = moves;
    moves = 0;
    last = ts;
    if (!f.stop) requestAnimationFrame(tick);
    else { window.removeEventListener('pointermove', onMove, true); if (f.observer) f.observer.disconnect(); }
  };
  requestAnimationFrame(tick);
})()`;

export interface Frames { deltas: number[]; withInput: number[]; longFrames: number[] | null }

export async function recordFrames(page: Page, body: () => Promise<void>): Promise<Frames> {
  await page.evaluate(RECORD_FRAMES);
  await body();
  await page.evaluate('new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))');
  return await page.evaluate('(() => { window.__frames.stop = true; const f = window.__frames; return { deltas: f.deltas, withInput: f.withInput, longFrames: f.longFrames }; })()') as Frames;
}

export const MOVES = 60;

interface TraceEvent { name: string; ph: string; ts: number; dur?: number; pid: number; tid: number; id?: string; id2?: unknown; args?: { name?: string } }

/** Per frame, in milliseconds: `busy`, the main thread's work; `span`, the long-animation-frame span around it. */
export interface FrameTimes { busy: number[]; span: number[] }

/**
 * The frames the renderer produced while `body` ran, from a Chromium trace. Each `AnimationFrame` event is the span
 * Chromium's long-animation-frame timing uses: from the start of the first task that leads to a frame to the end of
 * its rendering. That span includes the main thread's idle wait between an input task and the next frame's
 * rendering (up to one 16.7 ms interval at 60 Hz), so it is latency, not work. The frame time is `busy`: the time
 * the main thread spent in tasks (`RunTask`: input handling, React Flow and React, style, layout, paint) inside the
 * span.
 */
export async function traceFrames(browser: Browser, page: Page, body: () => Promise<void>): Promise<FrameTimes> {
  await browser.startTracing(page, { categories: ['toplevel', 'devtools.timeline', 'disabled-by-default-devtools.timeline.frame', '__metadata'] });
  let traced: TraceEvent[];
  try {
    await body();
  } finally {
    traced = (JSON.parse((await browser.stopTracing()).toString()) as { traceEvents: TraceEvent[] }).traceEvents;
  }
  const main = traced.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  if (!main) throw new Error('the trace has no renderer main thread');
  const open = new Map<string, number>();
  const frames: Array<[number, number]> = [];
  for (const e of traced) {
    if (e.name !== 'AnimationFrame' || e.pid !== main.pid) continue;
    const id = e.id ?? JSON.stringify(e.id2);
    if (e.ph === 'b') open.set(id, e.ts);
    else if (e.ph === 'e' && open.has(id)) { frames.push([open.get(id)!, e.ts]); open.delete(id); }
  }
  const tasks = traced.filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X' && e.name === 'ThreadControllerImpl::RunTask' && e.dur !== undefined);
  if (frames.length > 0 && tasks.length === 0) throw new Error('the trace has frames but no main-thread tasks (category "toplevel")');
  const busy = frames.map(([start, end]) => tasks.reduce((sum, t) => sum + Math.max(0, Math.min(end, t.ts + t.dur!) - Math.max(start, t.ts)), 0) / 1000);
  return { busy, span: frames.map(([start, end]) => (end - start) / 1000) };
}

/** The same drag measured on a page holding one absolutely positioned `<div>` moved by pointer events: the floor. */
const CONTROL_PAGE = `<!doctype html><html><body style="margin:0">
<div id="d" style="position:absolute;left:0;top:0;width:220px;height:64px;background:#3f51b5;transform:translate(200px,200px)"></div>
<script>
  const d = document.getElementById('d'); let down = null;
  d.addEventListener('pointerdown', (e) => { down = { x: e.clientX, y: e.clientY }; d.setPointerCapture(e.pointerId); });
  d.addEventListener('pointermove', (e) => { if (down) d.style.transform = 'translate(' + (200 + e.clientX - down.x) + 'px,' + (200 + e.clientY - down.y) + 'px)'; });
  d.addEventListener('pointerup', () => { down = null; });
</script></body></html>`;

export async function dragWithMouse(page: Page, x0: number, y0: number): Promise<void> {
  await page.mouse.move(x0, y0);
  await page.mouse.down();
  for (let i = 1; i <= MOVES; i++) await page.mouse.move(x0 + i * 4, y0 + i * 2, { steps: 2 });
  await page.mouse.up();
}

export async function benchControlDrag(browser: Browser) {
  const context = await browser.newContext({ viewport: VIEWPORT });
  try {
    const page = await context.newPage();
    await page.setContent(CONTROL_PAGE);
    const frames = await traceFrames(browser, page, () => dragWithMouse(page, 310, 232));
    return { busy: summarise(frames.busy), span: summarise(frames.span) };
  } finally {
    await context.close();
  }
}

/** Drags a rendered rule node of the imported ruleset: down, 60 moves of 2 steps each, up. */
export async function benchDrag(browser: Browser, url: string, file: string, errors: string[]) {
  const page = await openRules(browser, url, errors);
  try {
    await importLarge(page, file);
    await page.waitForTimeout(500);
    // Idle frames first: the device's frame interval when nothing happens.
    const idle = await recordFrames(page, () => page.waitForTimeout(1000));
    const node = page.locator('.react-flow__node-rule').first();
    const nodeId = await node.getAttribute('data-id');
    const box = await node.boundingBox();
    if (!box || !nodeId) throw new Error('no rule node of the imported ruleset is rendered');
    const x0 = box.x + box.width / 2, y0 = box.y + box.height / 2;
    const started = performance.now();
    let traced: FrameTimes = { busy: [], span: [] };
    const drag = await recordFrames(page, async () => {
      traced = await traceFrames(browser, page, () => dragWithMouse(page, x0, y0));
    });
    const dragSeconds = (performance.now() - started) / 1000;
    const after = await page.locator(`.react-flow__node[data-id="${nodeId}"]`).boundingBox();
    const moved = after ? Math.round(after.x - box.x) : null;
    // The primary figure: frames in which pointer moves arrived (the frames that do the drag's work). Playwright's
    // moves are round trips (~20–50 ms apart here), so most frames of the drag are idle and would hide the busy ones.
    const s = summarise(drag.withInput);
    const idleP50 = summarise(idle.deltas).p50;
    const busy = summarise(traced.busy);
    const control = await benchControlDrag(browser);
    return {
      target: 'p95 frame time while dragging a node on the 500-rule canvas < 16 ms',
      frameTime: {
        measured: 'Chromium trace of the drag: for every AnimationFrame of the renderer, the time its main thread spent in tasks inside the frame (input handling, React Flow, style, layout, paint); idle waits for the next frame are not counted',
        ...busy,
        framesOver16ms: traced.busy.filter((d) => d >= 16).length,
      },
      animationFrameSpan: {
        measured: 'the same frames\' long-animation-frame span: from the first task leading to the frame to the end of its rendering, idle waits included (input-to-frame latency, paced by the 60 Hz clock)',
        ...summarise(traced.span),
        framesOver16ms: traced.span.filter((d) => d >= 16).length,
      },
      controlLoneDiv: { measured: 'the same drag and trace on a page holding one <div> moved by pointer events (the floor on this renderer)', ...control },
      device: 'headless Chromium, --disable-gpu (software compositing), 1280×800; rAF deltas include the vsync wait, so an undisturbed frame reads ~16.7 ms at 60 Hz',
      measured: `requestAnimationFrame deltas from mouse down to 2 frames after mouse up; value = p95 of the frames in which pointermove events arrived and the frames right after them; ${MOVES} page.mouse.move calls with steps: 2 (${MOVES * 2} mousemove events) over ${round(dragSeconds, 2)} s`,
      draggedNode: nodeId,
      nodeMovedPx: moved,
      framesWithPointerMoves: s,
      allFramesOfTheDrag: summarise(drag.deltas),
      framesOver17ms: drag.deltas.filter((d) => d > 17).length,
      framesOver33ms: drag.deltas.filter((d) => d > 33.4).length,
      longAnimationFramesOver50ms: drag.longFrames === null ? 'not supported' : drag.longFrames.map((d) => round(d)),
      idleFrames: summarise(idle.deltas),
      valueMs: busy.p95,
      targetMs: 16,
      met: busy.p95 < 16,
      rafIntervalP95Ms: s.p95,
      metAgainstIdleFrameInterval: s.p95 <= idleP50 * 1.1,
      metNote: '`valueMs`/`met`: p95 of the frame time (main-thread work per frame, from the trace); `rafIntervalP95Ms`/`metAgainstIdleFrameInterval`: requestAnimationFrame intervals (paced at 16.7 ms by the frame clock) against the idle interval (+10%), i.e. no dropped frame at p95',
    };
  } finally {
    await page.context().close();
  }
}
