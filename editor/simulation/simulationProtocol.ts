/**
 * Messages between the Simulation view and its Web Worker. The request is plain, structured-clonable data (the
 * scenario specs the CLI's worker threads also take), so the worker builds the same scenarios the CLI would.
 */
import type { SimulationResult } from '../../engine/simulate/buildSimulationResult.ts';
import type { ScenarioComparison } from '../../engine/simulate/compareScenarios.ts';
import type { ScenarioSpec } from '../../engine/simulate/scenarioFromSpec.ts';

export interface SimulationRequest {
  /** One scenario, or two to compare on the same seeds (A then B). */
  sides: ScenarioSpec[];
  runs: number;
  seed: number | string;
  /** What the cohort is, in words, for the results. */
  cohortSource: string;
}

export type SimulationReply =
  | { kind: 'progress'; done: number; total: number }
  | { kind: 'done'; results: SimulationResult[]; comparison?: ScenarioComparison }
  | { kind: 'error'; message: string };
