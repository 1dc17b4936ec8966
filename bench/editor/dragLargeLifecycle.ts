/**
 * Issue 21 (part 3), in Chromium: frame times while dragging a state on a generated lifecycle of 200 states (a chain
 * with transitions up to ten places back and forward: test/lifecycle/generateLargeLifecycle.ts), measured the way the
 * rules canvas's drag is (openLargeRuleset.ts `benchDrag`): a Chromium trace of the drag, the main thread's work per
 * animation frame. The lifecycle reaches the page as a user's does: a workspace file imported in the rule editor
 * (`window.confirm` stubbed to yes), then the lifecycle tab, which shows the class lifecycle (the generated one) laid
 * out with no stored positions. The drag is the first on that lifecycle, so it includes planning what the drop
 * stores; the drop's one command is inside the trace too.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { log, round } from '../measure.ts';
import { largeLifecycleWorkspace } from './lifecycleWorkspaces.ts';
import { benchControlDrag, dragWithMouse, MOVES, openRules, recordFrames, traceFrames, waitInPage, type FrameTimes } from './openLargeRuleset.ts';
import { summarise } from './stats.ts';

const STATES = 200;
const TRANSITIONS = 600;
/** A state of the first view's second column (the first view shows the lifecycle's start). */
const DRAGGED = 'phase-001';
const canvas = '#panel-lifecycles [data-testid=lifecycle-canvas]';

export async function benchDragLifecycle(browser: Browser, url: string, dir: string, errors: string[]) {
  const file = join(dir, `workspace-lifecycle-drag-${STATES}.json`);
  writeFileSync(file, `${JSON.stringify(largeLifecycleWorkspace(STATES, TRANSITIONS))}\n`);
  const page = await openRules(browser, url, errors);
  try {
    await page.evaluate('window.confirm = () => true');
    await page.setInputFiles('[data-testid=import-workspace-file]', file);
    await page.waitForSelector('[data-testid=import-ok]', { timeout: 60_000 });
    await page.click('[data-testid=view-lifecycles]');
    const node = page.locator(`${canvas} .react-flow__node:has([data-state="${DRAGGED}"])`);
    await node.waitFor({ timeout: 60_000 });
    await waitInPage(page, `document.querySelectorAll(${JSON.stringify(`${canvas} .react-flow__node`)}).length === ${STATES}`, 30_000);
    await page.waitForTimeout(500);
    const idle = await recordFrames(page, () => page.waitForTimeout(1000));
    const box = await node.boundingBox();
    if (!box) throw new Error(`state ${DRAGGED} is not rendered`);
    // The middle of the state's box, between its handles (a handle would start a new arrow instead).
    const x0 = box.x + box.width / 2, y0 = box.y + box.height / 2;
    log(`lifecycle drag: ${DRAGGED} from (${round(x0)}, ${round(y0)})`);
    const started = performance.now();
    let traced: FrameTimes = { busy: [], span: [] };
    const drag = await recordFrames(page, async () => {
      traced = await traceFrames(browser, page, () => dragWithMouse(page, x0, y0));
    });
    const dragSeconds = (performance.now() - started) / 1000;
    await page.waitForTimeout(300);
    const after = await node.boundingBox();
    const moved = after ? { x: Math.round(after.x - box.x), y: Math.round(after.y - box.y) } : null;
    const undoable = !(await page.locator('#panel-lifecycles [data-testid=lifecycle-undo]').isDisabled());
    const busy = summarise(traced.busy);
    const control = await benchControlDrag(browser);
    return {
      target: `p95 frame time while dragging a state on a ${STATES}-state lifecycle < 16 ms`,
      lifecycle: { states: STATES, transitions: TRANSITIONS, generator: 'test/lifecycle/generateLargeLifecycle.ts (a chain on NEXT, further transitions to states within ten places back or forward)' },
      path: 'rule editor → import workspace file (class lifecycle = the generated one, no stored positions) → lifecycle tab → drag a state of the first view',
      frameTime: {
        measured: 'Chromium trace of the drag: for every AnimationFrame of the renderer, the time its main thread spent in tasks inside the frame (input handling, React Flow, the DOM preview, style, layout, paint); idle waits for the next frame are not counted',
        ...busy,
        framesOver16ms: traced.busy.filter((d) => d >= 16).length,
      },
      animationFrameSpan: { ...summarise(traced.span), framesOver16ms: traced.span.filter((d) => d >= 16).length },
      controlLoneDiv: { measured: 'the same drag and trace on a page holding one <div> moved by pointer events (the floor on this renderer)', ...control },
      measured: `${MOVES} page.mouse.move calls with steps: 2 (${MOVES * 2} mousemove events) over ${round(dragSeconds, 2)} s, mouse down to mouse up`,
      draggedState: DRAGGED,
      stateMovedPx: moved,
      dropUndoable: undoable,
      framesWithPointerMoves: summarise(drag.withInput),
      idleFrames: summarise(idle.deltas),
      valueMs: busy.p95,
      p50Ms: busy.p50,
      targetMs: 16,
      met: busy.p95 < 16,
    };
  } finally {
    await page.context().close();
  }
}
