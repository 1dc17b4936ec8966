/** Messages between `llct simulate` and its worker threads. */
import type { ScenarioSpec } from '../../engine/simulate/scenarioFromSpec.ts';
import type { RunFigures } from '../../engine/simulate/runFigures.ts';

/** Given once, as workerData: the scenarios a worker builds (one, or two for --compare) and the base seed. */
export interface WorkerSetup { specs: ScenarioSpec[]; seed: string | number }

/** A range of runs of one scenario. */
export interface RunRequest { seq: number; scenario: number; from: number; to: number }

export type WorkerReply = { seq: number; ok: true; figures: RunFigures[] } | { seq: number; ok: false; error: string };
