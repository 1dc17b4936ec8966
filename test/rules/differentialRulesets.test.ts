import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createBuiltinChecker } from '../../engine/builtin.ts';
import { CadreProfile } from '../../engine/documents/cadre.ts';
import { generateBuiltinCohort } from '../../engine/generate/generateBuiltinCohort.ts';
import { createCompiledEvaluator } from '../../engine/rules/compile/createCompiledEvaluator.ts';
import { createReferenceEvaluator } from '../../engine/rules/createReferenceEvaluator.ts';
import { cadreCaseArb, LEVEL_MODES } from './differentialCadres.ts';

const reference = createBuiltinChecker({ evaluator: createReferenceEvaluator });
const compiled = createBuiltinChecker({ evaluator: createCompiledEvaluator });

describe('verdicts on the real 57-QĐ/TW and 350-QĐ/TW rulesets', () => {
  it('are identical with either evaluator for 2,000 random cadres, every level and mode, under both regulations', async () => {
    const tally = new Map<string, { checks: number; eligible: number }>();
    await fc.assert(fc.asyncProperty(cadreCaseArb, async ({ profile, dates, onRequest }) => {
      for (const on of dates) {
        for (const [level, mode] of LEVEL_MODES) {
          const nomination = { level, mode, on, onRequest };
          const expected = await reference.check(profile, nomination);
          const actual = compiled.checkSync(profile, nomination);
          if (!isDeepStrictEqual(actual, expected)) expect(actual).toEqual(expected);
          if (!expected.ok) throw new Error(expected.diagnostics[0]!.message);
          const t = tally.get(expected.verdict.regulation) ?? { checks: 0, eligible: 0 };
          t.checks++;
          if (expected.verdict.eligible) t.eligible++;
          tally.set(expected.verdict.regulation, t);
        }
      }
    }), { seed: 57_350, numRuns: 2000 });
    expect([...tally.keys()].sort()).toEqual(['350-QĐ/TW', '57-QĐ/TW']);
    for (const t of tally.values()) {
      expect(t.checks).toBe(2000 * LEVEL_MODES.length);
      expect(t.eligible).toBeGreaterThan(100);
    }
  });

  it('are identical with either evaluator for a generated cohort', async () => {
    const cohort = generateBuiltinCohort({ count: 300, seed: 'differential' }).map((p) => CadreProfile.parse(p));
    let eligible = 0;
    for (const profile of cohort) {
      for (const on of ['2024-03-01', '2026-03-01']) {
        for (const [level, mode] of LEVEL_MODES) {
          const expected = await reference.check(profile, { level, mode, on });
          const actual = compiled.checkSync(profile, { level, mode, on });
          if (!isDeepStrictEqual(actual, expected)) expect(actual).toEqual(expected);
          if (expected.ok && expected.verdict.eligible) eligible++;
        }
      }
    }
    expect(eligible).toBeGreaterThan(100);
  });
});
