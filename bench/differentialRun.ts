/**
 * The benchmark's larger differential run: the random rule trees and badly typed facts of the vitest suite
 * (test/rules/differentialSupport.ts), many more of them, json-rules-engine against the compiled evaluator, with its
 * closures and with generated code (as `llct check` runs it).
 */
import fc from 'fast-check';
import { compiledOutcomes, factsArb, referenceOutcomes, rootArb, sameOutcome } from '../test/rules/differentialSupport.ts';
import { makeFunction } from '../cli/createGeneratedEvaluator.ts';
import { log, round } from './measure.ts';

export interface DifferentialResult {
  runs: number;
  seed: number;
  /** Rule × facts comparisons. */
  cases: number;
  outcomes: { passed: number; failed: number; threw: number };
  mismatches: number;
  counterexample?: string;
  seconds: number;
}

export async function differentialRun(runs: number, seed: number): Promise<DifferentialResult> {
  const started = performance.now();
  const tally = { cases: 0, passed: 0, failed: 0, threw: 0 };
  let counterexample: string | undefined;
  try {
    await fc.assert(fc.asyncProperty(rootArb, fc.array(factsArb, { minLength: 1, maxLength: 5 }), async (root, factsList) => {
      const reference = await referenceOutcomes(root, factsList);
      const compiled = compiledOutcomes(root, factsList);
      const generated = compiledOutcomes(root, factsList, { makeFunction });
      const before = tally.cases;
      reference.forEach((r, i) => {
        tally.cases++;
        if (r.threw) tally.threw++;
        else if (r.passed) tally.passed++;
        else tally.failed++;
        if (!sameOutcome(r, compiled[i]!)) {
          throw new Error(`facts #${i}: json-rules-engine ${JSON.stringify(r)}, compiled ${JSON.stringify(compiled[i])}`);
        }
        if (!sameOutcome(r, generated[i]!)) {
          throw new Error(`facts #${i}: json-rules-engine ${JSON.stringify(r)}, generated ${JSON.stringify(generated[i])}`);
        }
      });
      if (Math.floor(tally.cases / 20_000) > Math.floor(before / 20_000)) log(`differential: ${tally.cases} cases`);
    }), { seed, numRuns: runs, endOnFailure: true });
  } catch (error) {
    counterexample = String(error).slice(0, 2000);
  }
  return {
    runs, seed, cases: tally.cases,
    outcomes: { passed: tally.passed, failed: tally.failed, threw: tally.threw },
    mismatches: counterexample ? 1 : 0,
    ...(counterexample ? { counterexample } : {}),
    seconds: round((performance.now() - started) / 1000, 2),
  };
}
