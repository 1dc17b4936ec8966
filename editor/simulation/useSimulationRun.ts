/**
 * A simulation run in a Web Worker as React state: start a request, follow its progress and its partial results
 * (runs 0 … n − 1 as they finish), cancel it (the worker is terminated: the run stops at once, its partial results
 * stay, marked partial), and keep the last results. A new run or an unmount ends the previous worker.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Label } from '../../engine/documents/enums.ts';
import type { SimulationResult } from '../../engine/simulate/buildSimulationResult.ts';
import type { ScenarioComparison } from '../../engine/simulate/compareScenarios.ts';
import type { SimulationReply, SimulationRequest } from './simulationProtocol.ts';

export type RunStatus = 'idle' | 'running' | 'done' | 'cancelled' | 'error';

export interface SimulationRunState {
  status: RunStatus;
  done: number;
  total: number;
  results?: SimulationResult[];
  /** The results shown are of the first runs only (`results[i].runs` of `runs`). */
  partial?: boolean;
  /** Runs asked for, per side, by the request the results come from. */
  runs?: number;
  comparison?: ScenarioComparison;
  /** The titles and cohort of the request the results come from (see `SimulationRequest`). */
  titles?: Label[];
  cohortLabel?: Label;
  error?: string;
}

export function useSimulationRun(): { state: SimulationRunState; start(req: SimulationRequest): void; cancel(): void } {
  const [state, setState] = useState<SimulationRunState>({ status: 'idle', done: 0, total: 0 });
  const worker = useRef<Worker | undefined>(undefined);
  const stop = useCallback(() => {
    worker.current?.postMessage('cancel');
    worker.current?.terminate();
    worker.current = undefined;
  }, []);
  useEffect(() => stop, [stop]);

  const start = useCallback((req: SimulationRequest) => {
    stop();
    const w = new Worker(new URL('./simulationWorker.ts', import.meta.url), { type: 'module', name: 'llct-simulation' });
    worker.current = w;
    setState((s) => ({ ...s, status: 'running', done: 0, total: req.runs * req.sides.length, error: undefined }));
    w.onmessage = (e: MessageEvent<SimulationReply>) => {
      if (worker.current !== w) return;
      const r = e.data;
      if (r.kind === 'progress') setState((s) => ({ ...s, done: r.done, total: r.total }));
      else if (r.kind === 'partial') {
        setState((s) => ({ ...s, results: r.results, partial: true, runs: req.runs, comparison: undefined, titles: req.titles, cohortLabel: req.cohortLabel }));
      } else if (r.kind === 'done') {
        setState((s) => ({ ...s, status: 'done', done: s.total, results: r.results, partial: false, runs: req.runs, comparison: r.comparison, titles: req.titles, cohortLabel: req.cohortLabel }));
        stop();
      } else {
        setState((s) => ({ ...s, status: 'error', error: r.message }));
        stop();
      }
    };
    w.onerror = (e) => {
      if (worker.current !== w) return;
      setState((s) => ({ ...s, status: 'error', error: e.message || 'worker error' }));
      stop();
    };
    w.postMessage(req);
  }, [stop]);

  const cancel = useCallback(() => {
    if (!worker.current) return;
    stop();
    setState((s) => ({ ...s, status: 'cancelled' }));
  }, [stop]);

  return { state, start, cancel };
}
