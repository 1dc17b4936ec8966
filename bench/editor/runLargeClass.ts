/**
 * Issue 11, target 2, in Chromium: a class of 200 learners stepped through a full run in the page — created,
 * 200 cadres of the Hà Nội 2024 sample list nominated, screened, convened, opened, attendance recorded, exams started
 * and recorded, finished, graduated — through the run panel's own controls ("Chạy thử một lớp") as a user would:
 * the event picked, the date typed, payload fields filled, and for the per-learner events the panel's batch
 * controls ("Cử nhiều cán bộ một lúc" with 200, "Gửi cho mọi học viên…") instead of 200 sends each.
 *
 * The workspace imported first (rule editor, workspace import) raises the maximum class size to 250 (the default,
 * 70 for a full-time trung cấp class, would refuse to convene 200). The controls are driven from a script in the
 * page (value set, input/change event dispatched, button clicked; a task boundary between actions so React
 * commits), not by Playwright round trips. Main-thread time is read from a Chromium trace: the time the renderer's
 * main thread spent in tasks during the run (the controls' events, the engine's steps, React rendering the panel and
 * the canvas, style, layout, paint); idle time between actions is not counted.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { log, round } from '../measure.ts';
import { classRunWorkspace } from './lifecycleWorkspaces.ts';
import { openRules, waitInPage } from './openLargeRuleset.ts';

export const LEARNERS = 200;

interface TraceEvent { name: string; ph: string; ts: number; dur?: number; tdur?: number; pid: number; tid: number; args?: { name?: string; data?: { message?: string } } }

/** The driver: sends every step through the panel's controls; marks each phase with console.timeStamp for the trace. */
export const driver = (steps: unknown) => `(async () => {
  const steps = ${JSON.stringify(steps)};
  const panel = document.querySelector('#panel-lifecycles [data-testid=class-run]');
  const q = (id) => panel.querySelector('[data-testid=' + id + ']');
  const yieldTask = () => new Promise((r) => { const c = new MessageChannel(); c.port1.onmessage = () => r(); c.port2.postMessage(0); });
  const setValue = (el, value) => {
    const proto = el instanceof HTMLSelectElement ? HTMLSelectElement.prototype : HTMLInputElement.prototype;
    Object.getOwnPropertyDescriptor(proto, 'value').set.call(el, value);
    el.dispatchEvent(new Event(el instanceof HTMLSelectElement ? 'change' : 'input', { bubbles: true }));
  };
  const t0 = performance.now();
  let phase = '';
  for (let i = 0; i < steps.length; i++) {
    const s = steps[i];
    if (s.event !== phase) { phase = s.event; console.timeStamp('phase:' + phase); }
    const ev = q('run-event');
    if (!ev) throw new Error('no event list at step ' + i + ' (' + s.event + ')');
    if (ev.value !== s.event) { setValue(ev, s.event); await yieldTask(); }
    const at = q('run-at');
    if (at.value !== s.at) { setValue(at, s.at); await yieldTask(); }
    for (const [k, v] of Object.entries(s.selects || {})) { setValue(q('payload-' + k), v); await yieldTask(); }
    if (s.every) { const box = q('run-every-learner'); if (!box.checked) { box.click(); await yieldTask(); } }
    for (const [k, v] of Object.entries(s.texts || {})) { setValue(q('payload-' + k), v); await yieldTask(); }
    if (s.bulk !== undefined) {
      setValue(q('bulk-count'), String(s.bulk)); await yieldTask();
      q('bulk-nominate-send').click();
    } else {
      q('run-send').click();
    }
    await yieldTask();
    const refused = panel.querySelector('[data-testid=run-refused]');
    if (refused) throw new Error('step ' + i + ' (' + s.event + ') refused: ' + refused.textContent);
  }
  console.timeStamp('phase:end');
  await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  const rows = [...panel.querySelectorAll('[data-testid=run-learners] tbody tr')];
  const byState = {};
  for (const r of rows) byState[r.dataset.state] = (byState[r.dataset.state] || 0) + 1;
  return { wallMs: performance.now() - t0, state: q('run-state').dataset.state, learners: rows.length, byState, timeline: panel.querySelectorAll('[data-testid=run-timeline] li').length };
})()`;

/**
 * Main-thread task time of the renderer in the trace, in total and per phase (between console.timeStamp marks). Also
 * the same tasks' thread CPU time (`tdur`): on a shared machine the wall-clock durations include the time the thread
 * waited for a core, which the CPU time leaves out (reported beside the target's figure, not instead of it).
 */
function mainThreadTime(events: TraceEvent[]): { totalMs: number; longTasksMs: number; longTasks: number; byPhaseMs: Record<string, number>; cpuMs: number; cpuByPhaseMs: Record<string, number> } {
  const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  if (!main) throw new Error('the trace has no renderer main thread');
  const onMain = (e: TraceEvent) => e.pid === main.pid && e.tid === main.tid;
  const marks = events.filter((e) => onMain(e) && e.name === 'TimeStamp' && e.args?.data?.message?.startsWith('phase:')).sort((a, b) => a.ts - b.ts);
  if (marks.length < 2) throw new Error('the trace has no phase marks (console.timeStamp)');
  const start = marks[0]!.ts, end = marks[marks.length - 1]!.ts;
  const tasks = events.filter((e) => onMain(e) && e.ph === 'X' && e.name === 'ThreadControllerImpl::RunTask' && e.dur !== undefined && e.ts + e.dur! > start && e.ts < end);
  const byPhaseMs: Record<string, number> = {};
  const cpuByPhaseMs: Record<string, number> = {};
  for (const t of tasks) {
    // A task is counted in the phase whose mark precedes its start (the mark is written inside the task that starts the phase).
    const phase = [...marks].reverse().find((m) => m.ts <= t.ts)?.args?.data?.message?.slice(6) ?? marks[0]!.args!.data!.message!.slice(6);
    byPhaseMs[phase] = (byPhaseMs[phase] ?? 0) + t.dur! / 1000;
    cpuByPhaseMs[phase] = (cpuByPhaseMs[phase] ?? 0) + (t.tdur ?? 0) / 1000;
  }
  const durs = tasks.map((t) => t.dur! / 1000);
  const long = durs.filter((d) => d > 50);
  return {
    totalMs: durs.reduce((a, b) => a + b, 0),
    longTasksMs: long.reduce((a, b) => a + b, 0),
    longTasks: long.length,
    byPhaseMs: Object.fromEntries(Object.entries(byPhaseMs).map(([k, v]) => [k, round(v)])),
    cpuMs: tasks.reduce((a, t) => a + (t.tdur ?? 0) / 1000, 0),
    cpuByPhaseMs: Object.fromEntries(Object.entries(cpuByPhaseMs).map(([k, v]) => [k, round(v)])),
  };
}

/** The run as the user's steps; `every`: the batch checkbox for a per-learner event; `bulk`: cadres nominated from the sample list. */
export const STEPS = [
  { event: 'APPROVE', at: '21/02/2024', selects: { level: 'intermediate', mode: 'full-time' } },
  { event: 'OPEN_RECRUITMENT', at: '01/03/2024' },
  { event: 'NOMINATE', at: '05/03/2024', bulk: LEARNERS },
  { event: 'CLOSE_RECRUITMENT', at: '10/04/2024' },
  { event: 'SCREEN', at: '15/04/2024', every: true },
  { event: 'CONVENE', at: '06/05/2024' },
  { event: 'OPEN', at: '16/05/2024' },
  { event: 'RECORD_ATTENDANCE', at: '01/11/2024', every: true, texts: { percent: '95' } },
  { event: 'START_EXAMS', at: '18/11/2024' },
  { event: 'RECORD_EXAM', at: '20/11/2024', every: true, texts: { scores: '8; 7.5; 9' } },
  { event: 'FINISH_EXAMS', at: '29/11/2024' },
  { event: 'GRADUATE', at: '20/12/2024' },
];

export async function benchClassRun(browser: Browser, url: string, dir: string, errors: string[]) {
  const workspace = classRunWorkspace(LEARNERS);
  const file = join(dir, `workspace-class-run-${LEARNERS}.json`);
  writeFileSync(file, `${JSON.stringify(workspace)}\n`);
  const page = await openRules(browser, url, errors);
  try {
    await page.evaluate('window.confirm = () => true');
    await page.setInputFiles('[data-testid=import-workspace-file]', file);
    await page.waitForSelector('[data-testid=import-ok]', { timeout: 30_000 });
    await page.click('[data-testid=view-lifecycles]');
    const run = page.locator('#panel-lifecycles [data-testid=class-run]');
    await run.getByTestId('run-start').click();
    await waitInPage(page, `document.querySelector('#panel-lifecycles [data-testid=run-state]')?.dataset.state === 'planned'`, 30_000);
    log(`class run: ${STEPS.length} steps through the run panel, ${LEARNERS} learners`);
    await browser.startTracing(page, { categories: ['toplevel', 'devtools.timeline', '__metadata'] });
    let result: { wallMs: number; state: string; learners: number; byState: Record<string, number>; timeline: number };
    let traced: TraceEvent[];
    try {
      result = await page.evaluate(driver(STEPS)) as typeof result;
    } finally {
      traced = (JSON.parse((await browser.stopTracing()).toString()) as { traceEvents: TraceEvent[] }).traceEvents;
    }
    if (result.state !== 'graduated') throw new Error(`the class ended in ${result.state}, not graduated`);
    if (result.learners !== LEARNERS) throw new Error(`the class has ${result.learners} learners, not ${LEARNERS}`);
    const busy = mainThreadTime(traced);
    const value = busy.totalMs;
    return {
      target: 'stepping a class of 200 learners through a full run in the page: under 1 s of main-thread time in total',
      path: 'rule editor → import workspace (maxClassSize 250) → lifecycle tab → "Chạy thử một lớp": Start, then each step through the panel\'s controls, batch controls for the per-learner events',
      measured: 'Chromium trace: the renderer main thread\'s task time (ThreadControllerImpl::RunTask) from the first step to the last, idle between actions not counted; per phase between console.timeStamp marks',
      steps: STEPS.length,
      uiActions: 'per step: event list, date, payload fields, the batch checkbox or the bulk count, then Send / Nominate — each followed by a task boundary',
      outcome: { finalState: result.state, learners: result.learners, learnersByState: result.byState, timelineEntries: result.timeline },
      mainThreadMs: round(busy.totalMs),
      mainThreadByPhaseMs: busy.byPhaseMs,
      longTasksOver50ms: { count: busy.longTasks, totalMs: round(busy.longTasksMs) },
      mainThreadCpuMs: round(busy.cpuMs),
      mainThreadCpuByPhaseMs: busy.cpuByPhaseMs,
      cpuNote: 'the same tasks in thread CPU time (trace tdur): beside the target\'s figure, not instead of it; the difference is time the main thread waited for a core (other processes, the browser\'s own threads)',
      wallSeconds: round(result.wallMs / 1000, 1),
      valueMs: round(value),
      targetMs: 1000,
      met: value < 1000,
    };
  } finally {
    await page.context().close();
  }
}
