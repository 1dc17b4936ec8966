/** The fast default-filling of generated profiles gives exactly what the cadre-profile schema gives. */
import { describe, expect, it } from 'vitest';
import { CadreProfile } from '../../engine/documents/cadre.ts';
import { generateBuiltinCohort } from '../../engine/generate/generateBuiltinCohort.ts';
import { completeProfile } from '../../engine/simulate/completeProfile.ts';

describe('completeProfile', () => {
  it('equals CadreProfile.parse on 2,000 generated profiles of every tier', () => {
    for (const p of generateBuiltinCohort({ count: 2000, seed: 'complete-profile' })) {
      // The schema reads a copy: completeProfile completes the object it is given.
      const expected = CadreProfile.parse(structuredClone(p));
      expect(completeProfile(p)).toEqual(expected);
    }
  });
});
