/**
 * Messages between the Simulation view and its Web Worker. The request is plain, structured-clonable data (the
 * scenario specs the CLI's worker threads also take), so the worker builds the same scenarios the CLI would.
 */
import type { Label } from '../../engine/documents/enums.ts';
import type { SimulationResult } from '../../engine/simulate/buildSimulationResult.ts';
import type { ScenarioComparison } from '../../engine/simulate/compareScenarios.ts';
import type { ScenarioSpec } from '../../engine/simulate/scenarioFromSpec.ts';

export interface SimulationRequest {
  /** One scenario, or two to compare on the same seeds (A then B). */
  sides: ScenarioSpec[];
  runs: number;
  seed: number | string;
  /** What the cohort is, in words, for the results (in the language the run was asked in). */
  cohortSource: string;
  /** Each side's title and the cohort, in both languages: the page shows results in its language of the moment. */
  titles: Label[];
  cohortLabel: Label;
}

export type SimulationReply =
  | { kind: 'progress'; done: number; total: number }
  /**
   * The results of runs 0 … n − 1 while the rest run (`results[i].runs` is n for side i; a side not started yet is
   * left out): the bands fill in as runs finish, and the last partial result of every run is the final one.
   */
  | { kind: 'partial'; results: SimulationResult[] }
  | { kind: 'done'; results: SimulationResult[]; comparison?: ScenarioComparison }
  | { kind: 'error'; message: string };
