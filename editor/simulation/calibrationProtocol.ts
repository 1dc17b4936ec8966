/**
 * Messages between the calibration panel and its Web Worker. The request is plain, structured-clonable data: the
 * scenario spec the run form would send (so the worker builds the scenario `llct simulate` builds for the plan), the
 * observations as read (checked again in the worker against the plan), and the fit's options as the CLI takes them.
 */
import type { Label } from '../../engine/documents/enums.ts';
import type { Diagnostic } from '../../engine/diagnostics/Diagnostic.ts';
import type { Calibration } from '../../engine/simulate/calibrate/calibratePlan.ts';
import type { ScenarioSpec } from '../../engine/simulate/scenarioFromSpec.ts';

/** The fit's budget and seed, as `llct simulate --calibrate` names them (`checkRuns` is its `--runs`). */
export interface CalibrationSettings {
  seed: number | string;
  particles: number;
  simulations: number;
  checkRuns: number;
}

export interface CalibrationRequest {
  spec: ScenarioSpec;
  /** The `llct/observations` document, as parsed from its file. */
  observations: unknown;
  settings: CalibrationSettings;
}

export type CalibrationReply =
  | { kind: 'progress'; done: number; total: number }
  | { kind: 'done'; calibration: Calibration }
  /** The observations do not fit the plan (checked in the worker as in the CLI). */
  | { kind: 'invalid'; diagnostics: Diagnostic[] }
  /** Nothing to fit, or a parameter that may not be fitted: the engine's reason. */
  | { kind: 'refused'; reason: Label }
  | { kind: 'error'; message: string };
