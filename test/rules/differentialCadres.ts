/**
 * Random cadre profiles and nominations for comparing the two evaluators on the real rulesets: every enum value,
 * posts and planning from the catalogue plus unknown codes, provinces by name, alias, odd spelling, merged
 * (pre-2025) names and unknown names, missing optional fields, ratings around the nomination year.
 */
import fc from 'fast-check';
import institutions from '../../rulesets/institutions.json' with { type: 'json' };
import positions from '../../rulesets/positions.json' with { type: 'json' };
import { CadreProfile, type CadreProfileInput } from '../../engine/documents/cadre.ts';
import {
  CIVIL_SERVICE_GRADES, EDUCATION_LEVELS, MODES, PARTY_STATUSES, RATINGS, SECTORS, SEXES, THEORY_LEVELS, TRAINING_LEVELS,
  WORKPLACE_TIERS, type Mode, type TrainingLevel,
} from '../../engine/documents/enums.ts';

const POSTS = [...positions.positions.map((p) => p.code), 'unknown-post'];
const PROVINCES = [
  ...institutions.provinces.map((p) => p.name),
  ...institutions.provinces.flatMap((p) => p.aliases),
  'Tỉnh Thái Bình', 'thai binh', 'TP. Hồ Chí Minh', '  Hà Nội ', 'Atlantis', '',
];

/** Every (level, mode) a nomination can have. */
export const LEVEL_MODES: ReadonlyArray<readonly [TrainingLevel, Mode]> = TRAINING_LEVELS.flatMap((l) => MODES.map((m) => [l, m] as const));

const day = (min: string, max: string) => fc.date({ min: new Date(`${min}T00:00:00Z`), max: new Date(`${max}T00:00:00Z`), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

const opt = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined, freq: 4 });

export const cadreInputArb: fc.Arbitrary<CadreProfileInput> = fc.record({
  id: fc.constant('X'),
  sex: fc.constantFrom(...SEXES),
  birthDate: day('1955-01-01', '2006-12-31'),
  ethnicMinority: fc.boolean(),
  difficultArea: fc.boolean(),
  party: fc.record({ status: fc.constantFrom(...PARTY_STATUSES), joinedOn: opt(day('1980-01-01', '2025-01-01')) }),
  education: fc.constantFrom(...EDUCATION_LEVELS),
  politicalTheory: fc.constantFrom(...THEORY_LEVELS),
  workplace: fc.record({
    tier: opt(fc.constantFrom(...WORKPLACE_TIERS)),
    province: opt(fc.constantFrom(...PROVINCES)),
    sector: opt(fc.constantFrom(...SECTORS)),
  }),
  position: opt(fc.constantFrom(...POSTS)),
  planning: fc.subarray(POSTS, { maxLength: 3 }),
  civilService: fc.record({
    grade: opt(fc.constantFrom(...CIVIL_SERVICE_GRADES)),
    since: opt(day('1985-01-01', '2027-06-30')),
    candidatePool: fc.boolean(),
  }),
  lecturer: opt(fc.record({ teachingSince: opt(day('1985-01-01', '2027-06-30')) })),
  ratings: fc.array(fc.record({ year: fc.integer({ min: 2019, max: 2027 }), rating: fc.constantFrom(...RATINGS) }), { maxLength: 4 }),
}).map((p) => JSON.parse(JSON.stringify(p)) as CadreProfileInput);

/** A parsed profile and one nomination date under each regulation (57-QĐ/TW until 28/08/2025, then 350-QĐ/TW). */
export const cadreCaseArb = fc.tuple(cadreInputArb, day('2022-02-08', '2025-08-28'), day('2025-08-29', '2027-12-31'), fc.boolean())
  .map(([input, on57, on350, onRequest]) => ({ profile: CadreProfile.parse(input), dates: [on57, on350] as const, onRequest }));
