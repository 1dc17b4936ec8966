/**
 * The check signature: two nomination dates of one cadre with the same signature must get the same screening and
 * the same recorded verdict (what the simulation shares between them), for every level and mode, under the shipped
 * rulesets by date and under one ruleset forced; a ruleset that reads `onOrdinal` in a way the signature cannot cut
 * gets no signature at all.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { builtinDocuments } from '../../engine/builtin.ts';
import type { CadreProfile, Nomination } from '../../engine/documents/cadre.ts';
import type { Ruleset } from '../../engine/documents/ruleset.ts';
import { dayToIso, isoToDay } from '../../engine/generate/civilDays.ts';
import { iterateBuiltinCohort } from '../../engine/generate/generateBuiltinCohort.ts';
import { screeningVerdictOf } from '../../engine/lifecycle/learnerSpecs.ts';
import { createChecker } from '../../engine/rules/createChecker.ts';
import { completeProfile } from '../../engine/simulate/completeProfile.ts';
import { createCheckSignature, ordinalCuts } from '../../engine/simulate/createCheckSignature.ts';

const LEVELS = ['elementary', 'intermediate', 'advanced'] as const;
const MODES = ['full-time', 'part-time'] as const;
const docs = builtinDocuments();
const FIRST = isoToDay('2022-02-08');
const LAST = isoToDay('2027-12-31');

function cohort(): CadreProfile[] {
  const generated = [...iterateBuiltinCohort({ count: 300, seed: 'signature', referenceDate: '2025-06-01' })].map(completeProfile);
  // Anniversaries on the edges: born on 29 February, in grade since 1 January, teaching since 31 December.
  const edges = generated.slice(0, 3).map((p, i) => ({
    ...p, id: `EDGE-${i}`,
    birthDate: ['1980-02-29', '1975-01-01', '1990-12-31'][i]!,
    civilService: { grade: 'principal-specialist' as const, since: ['2016-02-29', '2020-01-01', '2019-07-01'][i]!, candidatePool: false },
    lecturer: { teachingSince: ['2018-12-31', '2021-07-02', '2017-02-28'][i]! },
    position: i === 0 ? 'lecturer' : p.position,
  }));
  return [...generated, ...edges] as CadreProfile[];
}

function checkSame(rulesets: readonly Ruleset[], regardlessOfDate: boolean) {
  const checker = createChecker({ rulesets, positions: docs.positions, institutions: docs.institutions, regardlessOfDate });
  const signature = createCheckSignature({ rulesets, institutions: docs.institutions, cadres: 400 });
  const profiles = cohort();
  let shared = 0;
  fc.assert(fc.property(
    fc.integer({ min: 0, max: profiles.length - 1 }),
    fc.integer({ min: FIRST, max: LAST }),
    fc.integer({ min: -400, max: 400 }),
    (cadre, day, offset) => {
      const p = profiles[cadre]!;
      const a = dayToIso(day);
      const b = dayToIso(Math.min(LAST, Math.max(FIRST, day + offset)));
      const sa = signature.of(cadre, p, a);
      const sb = signature.of(cadre, p, b);
      expect(sa).toBeGreaterThanOrEqual(0);
      if (sa !== sb) return;
      shared++;
      for (const level of LEVELS) for (const mode of MODES) {
        const na: Nomination = { level, mode, on: a };
        const nb: Nomination = { level, mode, on: b };
        expect(checker.screenSync(p, nb)).toEqual(checker.screenSync(p, na));
        expect(screeningVerdictOf(checker.checkSync(p, nb))).toEqual(screeningVerdictOf(checker.checkSync(p, na)));
      }
    },
  ), { seed: 20261203, numRuns: 1500 });
  // The property is not vacuous: many pairs share a signature.
  expect(shared).toBeGreaterThan(300);
}

describe('createCheckSignature', () => {
  it('gives one signature only to dates with the same screening and recorded verdict (rulesets by date)', () => {
    checkSame(docs.rulesets, false);
  });

  it('does the same with one ruleset forced whatever the date', () => {
    checkSame(docs.rulesets.filter((r) => r.id === '57-qd-tw'), true);
  });

  it('cuts the dates where the regulation, the province map and the rules on onOrdinal change', () => {
    const cuts = ordinalCuts(docs.rulesets, docs.institutions)!;
    for (const c of [20220208, 20250829, 20250701]) expect(cuts).toContain(c);
    expect(cuts).toEqual([...cuts].sort((x, y) => x - y));
    // Within one year and one piece, a cadre has at most 8 signatures (three anniversaries).
    const signature = createCheckSignature({ rulesets: docs.rulesets, institutions: docs.institutions, cadres: 1 });
    const p = cohort()[0]!;
    const seen = new Set<number>();
    for (let d = isoToDay('2024-01-01'); d <= isoToDay('2024-12-31'); d++) seen.add(signature.of(0, p, dayToIso(d)));
    expect(seen.size).toBeLessThanOrEqual(8);
    expect(seen.size).toBeGreaterThanOrEqual(1);
  });

  it('gives no signature when a rule compares onOrdinal with another fact, or a date is not a date', () => {
    const base = docs.rulesets[1]!;
    const withLeaf = (leaf: Ruleset['rules'][number]['conditions']): Ruleset => ({ ...base, rules: [...base.rules, { ...base.rules[0]!, id: 'x-ordinal', conditions: leaf }] });
    expect(ordinalCuts([withLeaf({ all: [{ fact: 'onOrdinal', operator: 'lessThan', value: { fact: 'age' } }] })], docs.institutions)).toBeUndefined();
    expect(ordinalCuts([withLeaf({ any: [{ fact: 'age', operator: 'lessThan', value: { fact: 'onOrdinal' } }] })], docs.institutions)).toBeUndefined();
    expect(ordinalCuts([withLeaf({ not: { fact: 'onOrdinal', operator: 'equal', value: 20260101, path: '$.x' } })], docs.institutions)).toBeUndefined();
    const listed = ordinalCuts([withLeaf({ all: [{ fact: 'onOrdinal', operator: 'in', value: [20260101, '20270315'] }] })], docs.institutions)!;
    expect(listed).toEqual(expect.arrayContaining([20260101, 20260102, 20270315, 20270316]));

    const signature = createCheckSignature({ rulesets: docs.rulesets, institutions: docs.institutions, cadres: 2 });
    const p = cohort()[0]!;
    expect(signature.of(0, { ...p, birthDate: '1980-2-29' } as CadreProfile, '2024-05-01')).toBe(-1);
    expect(signature.of(1, p, '2024-5-01')).toBe(-1);
    expect(signature.of(1, p, '2024-05-01')).toBeGreaterThanOrEqual(0);
    expect(signature.of(5, p, '2024-05-01')).toBe(-1);
  });
});
