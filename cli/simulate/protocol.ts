/** Messages between `llct simulate` and its worker threads. */
import type { ScenarioSpec } from '../../engine/simulate/scenarioFromSpec.ts';
import type { RunFigures } from '../../engine/simulate/runFigures.ts';

/**
 * Sent once, first: the scenarios a worker builds (one, or two for --compare) and the base seed. Workers start before
 * the plan is read (loading the engine takes as long as reading the plan), so the setup comes as a message.
 */
export interface WorkerSetup { type: 'setup'; specs: ScenarioSpec[]; seed: string | number }

/** A range of runs of one scenario. */
export interface RunRequest { type: 'run'; seq: number; scenario: number; from: number; to: number }

export type WorkerRequest = WorkerSetup | RunRequest;

export type WorkerReply = { seq: number; ok: true; figures: RunFigures[] } | { seq: number; ok: false; error: string };
