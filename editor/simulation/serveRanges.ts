/**
 * A helper's side of the simulation worker's ranges (see helperProtocol.ts): builds the scenarios once from the
 * setup and says it is ready, then answers each range with its figures. Run i depends only on the seed and i, so which thread runs it
 * never changes the result. A setup that fails is reported with the first range asked for. Pure apart from `reply`.
 */
import { runRange } from '../../engine/simulate/runMonteCarlo.ts';
import type { Scenario } from '../../engine/simulate/prepareScenario.ts';
import { scenarioFromSpec } from '../../engine/simulate/scenarioFromSpec.ts';
import type { HelperReply, HelperRequest } from './helperProtocol.ts';

/** A function that takes the helper's messages one by one. */
export function serveRanges(reply: (r: HelperReply) => void): (req: HelperRequest) => void {
  let scenarios: Scenario[] | undefined;
  let setupError: unknown;
  let seed: number | string = 0;
  return (req) => {
    if (req.kind === 'helper-setup') {
      try { scenarios = req.specs.map((s) => scenarioFromSpec(s)); setupError = undefined; } catch (e) { scenarios = undefined; setupError = e; }
      seed = req.seed;
      reply({ kind: 'ready' });
      return;
    }
    try {
      if (!scenarios) throw setupError ?? new Error('simulation helper: a range before the setup');
      const sc = scenarios[req.scenario];
      if (!sc) throw new Error(`simulation helper: no scenario ${req.scenario}`);
      reply({ kind: 'figures', seq: req.seq, figures: runRange(sc, seed, req.from, req.to) });
    } catch (e) {
      reply({ kind: 'failed', seq: req.seq, error: e instanceof Error ? e.message : String(e) });
    }
  };
}
