import { describe, expect, it } from 'vitest';
import { createBuiltinChecker } from '../../engine/builtin.ts';
import { CadreProfile } from '../../engine/documents/cadre.ts';
import { generateBuiltinCohort } from '../../engine/generate/generateBuiltinCohort.ts';
import { createReferenceEvaluator } from '../../engine/rules/createReferenceEvaluator.ts';

describe('a generated cohort through the shipped checker', () => {
  it('is checkable for every level and gives a mix of verdicts, before and after 350-QĐ/TW', async () => {
    const checker = createBuiltinChecker({ evaluator: createReferenceEvaluator });
    for (const on of ['2024-03-01', '2025-09-10']) {
      const cohort = generateBuiltinCohort({ count: 300, seed: 'checker', referenceDate: on });
      for (const level of ['elementary', 'intermediate', 'advanced'] as const) {
        let eligible = 0;
        let outOfScope = 0;
        for (const p of cohort) {
          const r = await checker.check(CadreProfile.parse(p), { level, mode: 'full-time', on });
          if (!r.ok) throw new Error(`${p.id} ${level} ${on}: ${JSON.stringify(r.diagnostics)}`);
          if (r.verdict.eligible) eligible++;
          if (r.verdict.outOfScope) outOfScope++;
        }
        if (level === 'elementary' && on >= '2025-08-29') {
          // 350-QĐ/TW regulates no sơ cấp: every nomination is out of its scope, none eligible.
          expect(outOfScope, `${level} on ${on}`).toBe(cohort.length);
          expect(eligible, `${level} on ${on}`).toBe(0);
          continue;
        }
        expect(outOfScope, `${level} on ${on}`).toBe(0);
        // Every level finds some subjects in a national cohort, and no level takes everyone.
        expect(eligible, `${level} on ${on}`).toBeGreaterThan(0);
        expect(eligible, `${level} on ${on}`).toBeLessThan(cohort.length);
      }
    }
  });
});
