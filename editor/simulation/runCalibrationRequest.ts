/**
 * What the calibration worker does with a request, apart from the worker so that it runs in Node tests: build the
 * scenario from its spec, load the observations against the plan (`loadObservations`, as the CLI does), then the
 * engine's `calibratePlan` — the function `llct simulate --calibrate` calls — with progress, a pause between chunks
 * and cancellation. The same request gives the same calibration. Pure apart from the callbacks it is given.
 */
import { calibratePlan } from '../../engine/simulate/calibrate/calibratePlan.ts';
import { loadObservations } from '../../engine/simulate/calibrate/loadObservations.ts';
import { scenarioFromSpec } from '../../engine/simulate/scenarioFromSpec.ts';
import type { CalibrationReply, CalibrationRequest } from './calibrationProtocol.ts';

export interface CalibrationHost {
  post(reply: CalibrationReply): void;
  /** Awaited between chunks of runs (a worker yields to its message queue, where a cancel may wait). */
  pause(): Promise<void>;
  signal?: { readonly aborted: boolean };
}

/** Runs a request to the end, or until `signal` is aborted (from then on nothing is posted). */
export async function runCalibrationRequest(req: CalibrationRequest, host: CalibrationHost): Promise<void> {
  const post = (reply: CalibrationReply) => { if (!host.signal?.aborted) host.post(reply); };
  try {
    post({ kind: 'progress', done: 0, total: 0 });
    await host.pause();
    const sc = scenarioFromSpec(req.spec);
    const loaded = loadObservations(req.observations, sc.plan);
    if (!loaded.ok) { post({ kind: 'invalid', diagnostics: loaded.diagnostics }); return; }
    const { seed, particles, simulations, checkRuns } = req.settings;
    const outcome = await calibratePlan(sc, loaded.value, {
      seed, particles, simulations, checkRuns, pause: host.pause,
      ...(host.signal ? { signal: host.signal } : {}),
      onProgress: (done, total) => post({ kind: 'progress', done, total }),
    });
    if (!outcome) return;
    post(outcome.ok ? { kind: 'done', calibration: outcome.calibration } : { kind: 'refused', reason: outcome.reason });
  } catch (e) {
    post({ kind: 'error', message: e instanceof Error ? e.message : String(e) });
  }
}
