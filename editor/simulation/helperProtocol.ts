/**
 * Messages between the simulation worker that runs a request and the helper workers it starts (more threads, as
 * `llct simulate` has): the scenarios' specs and seed once (answered `ready` once built), then ranges of runs,
 * answered with their figures in run order. A helper is the same worker script, told its role by its first message.
 */
import type { RunFigures } from '../../engine/simulate/runFigures.ts';
import type { ScenarioSpec } from '../../engine/simulate/scenarioFromSpec.ts';

export type HelperRequest =
  | { kind: 'helper-setup'; specs: ScenarioSpec[]; seed: number | string }
  | { kind: 'helper-range'; seq: number; scenario: number; from: number; to: number };

/** `ready` once the setup is done (or failed: the failure comes with the first range). */
export type HelperReply = { kind: 'ready' } | { kind: 'figures'; seq: number; figures: RunFigures[] } | { kind: 'failed'; seq: number; error: string };

/** Whether a message to the worker is for a helper. */
export function isHelperRequest(m: unknown): m is HelperRequest {
  return typeof m === 'object' && m !== null && ((m as { kind?: unknown }).kind === 'helper-setup' || (m as { kind?: unknown }).kind === 'helper-range');
}
