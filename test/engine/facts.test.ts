import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { builtinDocuments } from '../../engine/builtin.ts';
import { CadreProfile, type CadreProfileInput, type Nomination } from '../../engine/documents/cadre.ts';
import { wholeYearsBetween } from '../../engine/documents/dates.ts';
import { deriveFacts, indexPositions } from '../../engine/rules/facts.ts';
import { indexProvinces } from '../../engine/rules/provinces.ts';

const docs = builtinDocuments();
const ctx = { positions: indexPositions(docs.positions), provinces: indexProvinces(docs.institutions) };
const base: CadreProfileInput = { id: 'T1', sex: 'female', birthDate: '1991-03-01', education: 'university' };
const nom: Nomination = { level: 'intermediate', mode: 'part-time', on: '2024-03-01' };
const facts = (p: Partial<CadreProfileInput>, n: Partial<Nomination> = {}) =>
  deriveFacts(CadreProfile.parse({ ...base, ...p }), { ...nom, ...n }, ctx);

describe('facts derived from a profile and a nomination', () => {
  it('counts age in whole years on the nomination date, a birthday on that day included', () => {
    expect(facts({}).facts.age).toBe(33);
    expect(facts({ birthDate: '1991-03-02' }).facts.age).toBe(32);
  });

  it('ages a 29 February birthday on 1 March in a common year', () => {
    expect(facts({ birthDate: '1992-02-29' }, { on: '2025-02-28' }).facts.age).toBe(32);
    expect(facts({ birthDate: '1992-02-29' }, { on: '2025-03-01' }).facts.age).toBe(33);
  });

  it('fills every fact when optional data is missing, with null for unknown values', () => {
    const f = facts({}).facts;
    expect(f).toMatchObject({
      partyStatus: 'none', theoryLevel: 'none', theoryRank: 0, workplaceTier: null, sector: null, province: null,
      position: null, positionRank: 0, planning: [], planningRank: -1, civilServiceGrade: null, yearsInGrade: null,
      candidatePool: false, yearsTeaching: null, ratingLastYear: null, ratingRankLastYear: -1, onRequest: false,
    });
    for (const v of Object.values(f)) expect(v).not.toBeUndefined();
  });

  it('counts years in grade and years teaching up to the nomination date', () => {
    const f = facts({ civilService: { grade: 'specialist', since: '2018-03-01' }, lecturer: { teachingSince: '2019-03-02' } }).facts;
    expect(f.yearsInGrade).toBe(6);
    expect(f.yearsTeaching).toBe(4);
  });

  it('leaves years in grade unknown when the grade is not given', () => {
    expect(facts({ civilService: { since: '2010-01-01' } }).facts.yearsInGrade).toBeNull();
  });

  it('reads the ratings of the two calendar years before the nomination year', () => {
    const f = facts({ ratings: [{ year: 2022, rating: 'completed' }, { year: 2023, rating: 'excellent' }, { year: 2024, rating: 'good' }] }).facts;
    expect(f.ratingLastYear).toBe('excellent');
    expect(f.ratingYearBefore).toBe('completed');
    expect(f.ratingRankLastYear).toBe(3);
    expect(f.ratingRankYearBefore).toBe(1);
  });

  it('ranks education, political theory, positions and planned posts', () => {
    const f = facts({ education: 'college', politicalTheory: 'elementary', position: 'head-of-division', planning: ['deputy-director', 'deputy-head-of-division'] }).facts;
    expect(f.educationRank).toBe(2);
    expect(f.theoryRank).toBe(1);
    expect(f.positionRank).toBe(2);
    expect(f.planningRank).toBe(3);
  });

  it('takes the workplace tier from a commune post when the profile does not give one', () => {
    expect(facts({ position: 'commune-civil-servant' }).facts.workplaceTier).toBe('commune');
  });

  it('maps a pre-2025 province to its successor after the merger, with a note', () => {
    const before = facts({ workplace: { province: 'Thái Bình' } }, { on: '2025-06-30' });
    expect(before.facts.province).toBe('Thái Bình');
    expect(before.notes).toEqual([]);
    const after = facts({ workplace: { province: 'thai binh' } }, { on: '2025-07-01' });
    expect(after.facts.province).toBe('Hưng Yên');
    expect(after.notes[0]).toContain('01/07/2025');
  });

  it('keeps an unknown province as written and says it is not in the catalogue', () => {
    const r = facts({ workplace: { province: 'Atlantis' } });
    expect(r.facts.province).toBe('Atlantis');
    expect(r.notes[0]).toContain('Atlantis');
  });

  it('counts ages and years on its numeric fast path exactly as wholeYearsBetween does, and throws where it throws', () => {
    const parsed = CadreProfile.parse({ ...base, civilService: { grade: 'specialist', since: '2010-01-01' } });
    const digits = (n: number, width: number) => String(n).padStart(width, '0');
    const isoLike = fc.tuple(fc.integer({ min: 1850, max: 2250 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }))
      .map(([y, m, d]) => `${digits(y, 4)}-${digits(m, 2)}-${digits(d, 2)}`);
    const odd = fc.constantFrom('2024-3-01', '2024/03/01', '20240301xx', '2024-0a-01', '١٩٩٠-٠١-٠١', '');
    const dateArb = fc.oneof({ weight: 8, arbitrary: isoLike }, { weight: 1, arbitrary: odd });
    fc.assert(fc.property(dateArb, dateArb, dateArb, (birthDate, since, on) => {
      const outcome = (f: () => unknown) => { try { return { value: f() }; } catch { return { threw: true }; } };
      const derived = outcome(() => {
        const f = deriveFacts({ ...parsed, birthDate, civilService: { ...parsed.civilService, since } }, { ...nom, on }, ctx).facts;
        return [f.age, f.yearsInGrade];
      });
      const expected = outcome(() => [wholeYearsBetween(birthDate, on), Math.max(0, wholeYearsBetween(since, on))]);
      expect(derived).toEqual(expected);
    }), { seed: 20_261_127, numRuns: 3000 });
  });
});
