/**
 * A calibration run in its own Web Worker as React state (calibrationPanelModel.ts's state machine): start a
 * request, follow its progress, cancel it (the worker is terminated at once; the plan is untouched and the last
 * finished calibration stays shown). A new run or an unmount ends the previous worker.
 */
import { useCallback, useEffect, useReducer, useRef } from 'react';
import type { CalibrationReply, CalibrationRequest } from './calibrationProtocol.ts';
import { INITIAL_CALIBRATION_STATE, reduceCalibration, type CalibrationPanelState, type RunBasis } from './calibrationPanelModel.ts';

export function useCalibrationRun(): { state: CalibrationPanelState; start(req: CalibrationRequest, basis: RunBasis): void; cancel(): void } {
  const [state, dispatch] = useReducer(reduceCalibration, INITIAL_CALIBRATION_STATE);
  const worker = useRef<Worker | undefined>(undefined);
  const stop = useCallback(() => {
    worker.current?.postMessage('cancel');
    worker.current?.terminate();
    worker.current = undefined;
  }, []);
  useEffect(() => stop, [stop]);

  const start = useCallback((req: CalibrationRequest, basis: RunBasis) => {
    stop();
    const w = new Worker(new URL('./calibrationWorker.ts', import.meta.url), { type: 'module', name: 'llct-calibration' });
    worker.current = w;
    dispatch({ kind: 'start', basis });
    w.onmessage = (e: MessageEvent<CalibrationReply>) => {
      if (worker.current !== w) return;
      dispatch(e.data);
      if (e.data.kind !== 'progress') stop();
    };
    w.onerror = (e) => {
      if (worker.current !== w) return;
      e.preventDefault();
      dispatch({ kind: 'error', message: e.message || 'worker error' });
      stop();
    };
    w.postMessage(req);
  }, [stop]);

  const cancel = useCallback(() => {
    if (!worker.current) return;
    stop();
    dispatch({ kind: 'cancel' });
  }, [stop]);

  return { state, start, cancel };
}
