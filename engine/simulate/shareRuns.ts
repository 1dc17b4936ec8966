/**
 * The runs of a Monte Carlo shared between the thread that calls `shareRuns` and helpers (other threads that built
 * the same scenarios from the same specs): guided ranges (a share of what is left, so that all threads finish
 * together), two ranges in each helper's hands so that it never waits, small ranges on the calling thread between
 * the helpers' replies. Each range's figures are put back in run order, so the figures are the same with any number
 * of helpers, and `onPrefix` is told whenever the runs done without a gap from run 0 of a scenario grow: what is
 * known so far is always the first runs, never a sample biased towards the fast ones. Pure apart from the
 * callbacks it is given.
 */
import type { Seed } from '../generate/createRng.ts';
import { runRange } from './runMonteCarlo.ts';
import type { RunFigures } from './runFigures.ts';
import type { Scenario } from './prepareScenario.ts';

/** Another thread holding the same scenarios (by index): the figures of runs `from` … `to - 1` of one, in order. */
export interface RangeHelper {
  /**
   * Settles when the helper has built its scenarios: it is handed ranges from then on, so that ranges near run 0 are
   * not left waiting in a helper that is still starting (this thread runs them meanwhile). A helper that fails to
   * start (the promise rejects), or is not ready when every run has been handed out, is left out: the other threads
   * run its share. Absent: ready at once.
   */
  ready?: Promise<void>;
  run(scenario: number, from: number, to: number): Promise<RunFigures[]>;
}

export interface ShareOptions {
  scenarios: readonly Scenario[];
  seed: Seed;
  /** Runs of each scenario. */
  runs: number;
  helpers: readonly RangeHelper[];
  /** Largest range this thread runs at a time (default: 4 with helpers, whose replies wait for it; else 10). */
  ownRange?: number;
  /** Largest range handed to a helper (default: a 25th of the runs, from 4 to 50: partial results stay close behind). */
  helperRange?: number;
  /** Awaited after each range of this thread: lets the helpers' replies (and a cancel) in. */
  pause(): Promise<void>;
  /** Checked between ranges: an aborted share resolves to `undefined` without waiting for the helpers. */
  signal?: { readonly aborted: boolean };
  /** Runs placed so far, of `total` (runs × scenarios). */
  onPlaced?(done: number, total: number): void;
  /** Runs 0 … `count - 1` of `scenario` are all in `figures` (whose later entries may be missing). */
  onPrefix?(scenario: number, count: number, figures: readonly RunFigures[]): void;
}

interface Range { scenario: number; from: number; to: number }

/**
 * Figures by scenario, each in run order; `undefined` when aborted. A helper's failure on a range rejects with its
 * reason (the ranges it held are lost).
 */
export async function shareRuns(o: ShareOptions): Promise<RunFigures[][] | undefined> {
  const runs = o.runs;
  const total = runs * o.scenarios.length;
  const out = o.scenarios.map(() => new Array<RunFigures>(runs));
  const prefix = o.scenarios.map(() => 0);
  const threads = o.helpers.length + 1;
  let scenario = 0;
  let next = 0;
  let handedOut = 0;
  let done = 0;
  let failure: { reason: unknown } | undefined;
  const stopped = () => failure !== undefined || o.signal?.aborted === true;

  // Settled once every run is handed out: a helper not ready by then is not waited for.
  let markExhausted: () => void = () => {};
  const exhausted = new Promise<void>((resolve) => { markExhausted = resolve; });
  const take = (cap: number): Range | undefined => {
    if (scenario >= o.scenarios.length) { markExhausted(); return undefined; }
    const size = Math.max(1, Math.min(cap, Math.ceil((total - handedOut) / (threads * 3))));
    const r = { scenario, from: next, to: Math.min(runs, next + size) };
    handedOut += r.to - r.from;
    if (r.to >= runs) { scenario++; next = 0; } else next = r.to;
    return r;
  };
  const place = (r: Range, figures: RunFigures[]) => {
    if (figures.length !== r.to - r.from) throw new Error(`runs ${r.from}–${r.to - 1}: ${figures.length} figures came back`);
    const list = out[r.scenario]!;
    for (let i = 0; i < figures.length; i++) list[r.from + i] = figures[i]!;
    done += figures.length;
    o.onPlaced?.(done, total);
    let k = prefix[r.scenario]!;
    while (k < runs && list[k] !== undefined) k++;
    if (k > prefix[r.scenario]!) {
      prefix[r.scenario] = k;
      o.onPrefix?.(r.scenario, k, list);
    }
  };
  const fail = (reason: unknown) => { failure ??= { reason }; };

  const helperRange = o.helperRange ?? Math.min(50, Math.max(4, Math.ceil(runs / 25)));
  const helping = o.helpers.map((h) => new Promise<void>((resolve) => {
    let inHand = 0;
    const send = () => {
      const r = stopped() ? undefined : take(helperRange);
      if (!r) { if (inHand === 0) resolve(); return; }
      inHand++;
      h.run(r.scenario, r.from, r.to).then((figures) => {
        inHand--;
        if (!stopped()) {
          try { place(r, figures); } catch (e) { fail(e); }
        }
        send();
      }, (e: unknown) => {
        inHand--;
        fail(e);
        send();
      });
    };
    let started = false;
    const start = () => { if (started) return; started = true; send(); send(); };
    if (h.ready) {
      h.ready.then(start, () => { if (!started) { started = true; resolve(); } });
      void exhausted.then(() => { if (!started) { started = true; resolve(); } });
    } else start();
  }));

  for (;;) {
    if (stopped()) break;
    const r = take(o.ownRange ?? (o.helpers.length > 0 ? 4 : 10));
    if (!r) break;
    place(r, runRange(o.scenarios[r.scenario]!, o.seed, r.from, r.to));
    await o.pause();
  }
  if (o.signal?.aborted) return undefined;
  if (!failure) await Promise.all(helping);
  if (failure) throw failure.reason;
  if (o.signal?.aborted) return undefined;
  return out;
}
