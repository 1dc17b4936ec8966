/**
 * `checkSync` reduced to a screening (`screenSync`): eligibility, failed rules in order, institution, ruleset and
 * regulation — equal to what the full verdict says, for a national generated cohort at every level and mode, before
 * and after 350-QĐ/TW, with and without a special decision, and for nominations no regulation covers.
 */
import { describe, expect, it } from 'vitest';
import { createBuiltinChecker } from '../../engine/builtin.ts';
import { CadreProfile, type Nomination } from '../../engine/documents/cadre.ts';
import { generateBuiltinCohort } from '../../engine/generate/generateBuiltinCohort.ts';
import { toScreening } from '../../engine/rules/screenVerdict.ts';

const LEVELS = ['elementary', 'intermediate', 'advanced'] as const;
const MODES = ['full-time', 'part-time'] as const;

describe('screenSync', () => {
  it('says what checkSync says, for 400 cadres × 3 levels × 2 modes × 4 dates', () => {
    const checker = createBuiltinChecker();
    const cohort = generateBuiltinCohort({ count: 400, seed: 'screen', referenceDate: '2025-01-01' }).map((p) => CadreProfile.parse(p));
    let eligible = 0, ineligible = 0;
    const institutions = new Set<string | null>();
    for (const on of ['2022-06-01', '2024-03-01', '2025-06-30', '2025-10-01']) {
      for (const level of LEVELS) for (const mode of MODES) {
        for (const p of cohort) {
          const n: Nomination = { level, mode, on };
          const full = checker.checkSync(p, n);
          const screen = checker.screenSync(p, n);
          if (!full.ok) { expect(screen).toEqual(full); continue; }
          expect(screen, `${p.id} ${level} ${mode} ${on}`).toEqual(toScreening(full.verdict));
          if (full.verdict.eligible) eligible++; else ineligible++;
          institutions.add(full.verdict.institution?.id ?? null);
        }
      }
    }
    // The comparison covered both answers and several institutions (provincial schools included).
    expect(eligible).toBeGreaterThan(100);
    expect(ineligible).toBeGreaterThan(100);
    expect(institutions.size).toBeGreaterThan(5);
  });

  it('shares one frozen screening between cadres with the same outcome', () => {
    const checker = createBuiltinChecker();
    const cohort = generateBuiltinCohort({ count: 2000, seed: 'share', referenceDate: '2024-03-01' }).map((p) => CadreProfile.parse(p));
    const n: Nomination = { level: 'elementary', mode: 'part-time', on: '2024-03-01' };
    const screenings = cohort.map((p) => checker.screenSync(p, n));
    const objects = new Set(screenings);
    const contents = new Set(screenings.map((s) => JSON.stringify(s)));
    // One object per distinct content, and far fewer than cadres.
    expect(objects.size).toBe(contents.size);
    expect(objects.size).toBeLessThan(cohort.length / 4);
    for (const s of objects) expect(Object.isFrozen(s)).toBe(true);
  });

  it('lets a special decision waive the rule, as the full verdict does', () => {
    const checker = createBuiltinChecker();
    // A woman of 27 nominated part-time for trung cấp after 350-QĐ/TW: below its age floor (28), waived by decision.
    const p = CadreProfile.parse(generateBuiltinCohort({ count: 1, seed: 'sd', referenceDate: '2025-10-01' })[0]);
    const profile: CadreProfile = { ...p, sex: 'female', birthDate: '1998-06-01' };
    const decision = { number: '1234-QĐ/TU', on: '2025-09-15', decidedBy: 'Ban Thường vụ Tỉnh ủy', waives: 'tc350-part-time-age' };
    const n: Nomination = { level: 'intermediate', mode: 'part-time', on: '2025-10-01', specialDecision: decision };
    const full = checker.checkSync(profile, n);
    const screen = checker.screenSync(profile, n);
    expect(full.ok).toBe(true);
    if (!full.ok) return;
    expect(screen).toEqual(toScreening(full.verdict));
    if (!screen.ok) return;
    expect(screen.failures).not.toContain('tc350-part-time-age');
    const without = checker.screenSync(profile, { level: 'intermediate', mode: 'part-time', on: '2025-10-01' });
    expect(without.ok && without.failures).toContain('tc350-part-time-age');
  });

  it('refuses a nomination no regulation covers with the same diagnostic', () => {
    const checker = createBuiltinChecker();
    const p = CadreProfile.parse(generateBuiltinCohort({ count: 1, seed: 'old', referenceDate: '2020-01-01' })[0]);
    const n: Nomination = { level: 'intermediate', mode: 'full-time', on: '2019-01-01' };
    const full = checker.checkSync(p, n);
    expect(full.ok).toBe(false);
    expect(checker.screenSync(p, n)).toEqual(full);
  });
});
