/**
 * The calibration panel's Web Worker (a bundled module worker): one request per worker. The page cancels by
 * terminating it; a `cancel` message also stops the fit between chunks of runs. The fit is sequential (each step of
 * the sampler waits for the one before), so it runs on this one thread, as the CLI runs it.
 */
import type { CalibrationReply, CalibrationRequest } from './calibrationProtocol.ts';
import { runCalibrationRequest } from './runCalibrationRequest.ts';
import { taskPause } from './taskPause.ts';

// The page's lib is DOM (not WebWorker): the members used here, typed by hand.
const scope = self as unknown as {
  onmessage: ((e: MessageEvent<CalibrationRequest | 'cancel'>) => void) | null;
  postMessage(m: CalibrationReply): void;
};
const signal = { aborted: false };

scope.onmessage = (e) => {
  const m = e.data;
  if (m === 'cancel') { signal.aborted = true; return; }
  void runCalibrationRequest(m, { post: (reply) => scope.postMessage(reply), pause: taskPause, signal });
};
