import { describe, expect, it } from 'vitest';
import positionsJson from '../../rulesets/positions.json' with { type: 'json' };
import institutionsJson from '../../rulesets/institutions.json' with { type: 'json' };
import { CadreProfile, type CadreProfileInput } from '../../engine/documents/cadre.ts';
import { normalizeDate, wholeYearsBetween } from '../../engine/documents/dates.ts';
import { checkBuiltinGenerateOptions, generateBuiltinCohort, iterateBuiltinCohort } from '../../engine/generate/generateBuiltinCohort.ts';
import { knownSurnames } from '../../engine/generate/vietnameseNames.ts';

const POSITION_CODES = new Set(positionsJson.positions.map((p) => p.code));
const PROVINCES = institutionsJson.provinces as readonly { name: string; until?: string }[];
const CURRENT_2025 = new Set(PROVINCES.filter((p) => !p.until).map((p) => p.name));

const share = (cohort: readonly CadreProfileInput[], pred: (p: CadreProfileInput) => boolean) =>
  cohort.filter(pred).length / cohort.length;

describe('generateCohort: determinism', () => {
  it('gives byte-identical JSON for the same count and seed, and different data for another seed', () => {
    const a = JSON.stringify(generateBuiltinCohort({ count: 2000, seed: 42 }));
    const b = JSON.stringify(generateBuiltinCohort({ count: 2000, seed: 42 }));
    expect(a).toBe(b);
    expect(JSON.stringify(generateBuiltinCohort({ count: 2000, seed: 43 }))).not.toBe(a);
  });

  it('makes a smaller cohort the prefix of a larger one with the same seed', () => {
    const small = generateBuiltinCohort({ count: 50, seed: 'demo' });
    const large = generateBuiltinCohort({ count: 500, seed: 'demo' });
    expect(large.slice(0, 50)).toEqual(small);
  });

  it('yields lazily: taking a few profiles from a huge cohort does not generate the rest', () => {
    const it = iterateBuiltinCohort({ count: 50_000_000, seed: 1 });
    const first = [it.next().value, it.next().value] as CadreProfileInput[];
    expect(first.map((p) => p.id)).toEqual(['GEN-000001', 'GEN-000002']);
  });
});

describe('generateCohort: validity', () => {
  const refs = ['2024-03-01', '2025-09-10'];
  for (const referenceDate of refs) {
    it(`produces profiles that all parse with the contract schema and use catalogue codes (reference ${referenceDate})`, () => {
      const cohort = generateBuiltinCohort({ count: 4000, seed: 7, referenceDate });
      const ids = new Set<string>();
      for (const p of cohort) {
        const parsed = CadreProfile.safeParse(p);
        if (!parsed.success) throw new Error(`${p.id}: ${JSON.stringify(parsed.error.issues)}`);
        ids.add(p.id);
        expect(POSITION_CODES.has(p.position!), p.position).toBe(true);
        for (const code of p.planning ?? []) expect(POSITION_CODES.has(code), code).toBe(true);
        expect(PROVINCES.some((c) => c.name === p.workplace!.province)).toBe(true);
      }
      expect(ids.size).toBe(cohort.length);
      expect(cohort[0]!.id).toBe('GEN-000001');
    });
  }

  it('keeps every date consistent with the birth date and the reference date', () => {
    const ref = '2024-03-01';
    for (const p of generateBuiltinCohort({ count: 4000, seed: 9, referenceDate: ref })) {
      const age = wholeYearsBetween(p.birthDate, ref);
      expect(age).toBeGreaterThanOrEqual(22);
      expect(age).toBeLessThanOrEqual(60);
      const party = p.party!;
      if (party.status === 'none') expect(party.joinedOn).toBeUndefined();
      else {
        expect(wholeYearsBetween(p.birthDate, party.joinedOn!)).toBeGreaterThanOrEqual(18);
        expect(party.joinedOn! < ref).toBe(true);
      }
      if (party.status === 'probationary') expect(wholeYearsBetween(party.joinedOn!, ref)).toBe(0);
      if (party.status === 'full') {
        expect(wholeYearsBetween(party.joinedOn!, party.fullOn!)).toBe(1);
        expect(party.fullOn! < ref).toBe(true);
      }
      if (p.civilService?.since) {
        expect(p.civilService.since < ref).toBe(true);
        expect(wholeYearsBetween(p.birthDate, p.civilService.since)).toBeGreaterThanOrEqual(20);
      }
      if (p.lecturer?.teachingSince) expect(p.lecturer.teachingSince < ref).toBe(true);
      for (const r of p.ratings ?? []) {
        expect(r.year).toBeLessThan(2024);
        expect(r.year).toBeGreaterThanOrEqual(2021);
      }
      for (const d of [p.birthDate, party.joinedOn, party.fullOn, p.civilService?.since, p.lecturer?.teachingSince]) {
        if (d !== undefined) expect(normalizeDate(d)).toBe(d);
      }
    }
  });

  it('writes Vietnamese names in NFC with a known surname and capitalised parts', () => {
    const surnames = knownSurnames();
    for (const p of generateBuiltinCohort({ count: 3000, seed: 4 })) {
      const name = p.fullName!;
      expect(name.normalize('NFC')).toBe(name);
      const parts = name.split(' ');
      expect(parts.length).toBeGreaterThanOrEqual(3);
      expect(parts.length).toBeLessThanOrEqual(4);
      expect(surnames.has(parts[0]!)).toBe(true);
      for (const part of parts) expect(part[0]).toBe(part[0]!.toLocaleUpperCase('vi'));
      if (p.sex === 'male') expect(parts[1]).not.toBe('Thị');
    }
  });
});

describe('generateCohort: distribution (20,000 profiles, two seeds; shares as fractions)', () => {
  for (const seed of [1, 'second seed']) {
    const cohort = generateBuiltinCohort({ count: 20_000, seed, referenceDate: '2024-03-01' });
    it(`is plausible for seed ${JSON.stringify(seed)}`, () => {
      // Sex: women 33–45% (fewer at commune level and in the armed forces).
      expect(share(cohort, (p) => p.sex === 'female')).toBeGreaterThan(0.33);
      expect(share(cohort, (p) => p.sex === 'female')).toBeLessThan(0.45);
      // Age: at least 88% aged 25–55 on the reference date.
      expect(share(cohort, (p) => { const a = wholeYearsBetween(p.birthDate, '2024-03-01'); return a >= 25 && a <= 55; })).toBeGreaterThan(0.88);
      // Surname: Nguyễn 30–40% (38% among the Kinh majority, minority cadres use other surnames).
      expect(share(cohort, (p) => p.fullName!.startsWith('Nguyễn '))).toBeGreaterThan(0.3);
      expect(share(cohort, (p) => p.fullName!.startsWith('Nguyễn '))).toBeLessThan(0.4);
      // Party: full 68–82%, probationary 4–12%, none 10–25%.
      expect(share(cohort, (p) => p.party!.status === 'full')).toBeGreaterThan(0.68);
      expect(share(cohort, (p) => p.party!.status === 'full')).toBeLessThan(0.82);
      expect(share(cohort, (p) => p.party!.status === 'probationary')).toBeGreaterThan(0.04);
      expect(share(cohort, (p) => p.party!.status === 'probationary')).toBeLessThan(0.12);
      expect(share(cohort, (p) => p.party!.status === 'none')).toBeGreaterThan(0.1);
      expect(share(cohort, (p) => p.party!.status === 'none')).toBeLessThan(0.25);
      // Education: university or higher ≥ 75%, doctorates ≤ 3%, upper-secondary or less only below province level.
      expect(share(cohort, (p) => ['university', 'master', 'doctorate'].includes(p.education))).toBeGreaterThan(0.75);
      expect(share(cohort, (p) => p.education === 'doctorate')).toBeLessThan(0.03);
      expect(share(cohort, (p) => p.education === 'master')).toBeGreaterThan(0.05);
      const low = cohort.filter((p) => p.education === 'upper-secondary' || p.education === 'lower-secondary');
      expect(low.length).toBeGreaterThan(0);
      expect(low.every((p) => p.workplace!.tier === 'commune' || p.workplace!.tier === 'district')).toBe(true);
      // Tiers: commune 40–50%, central 5–9%, all central cadres in Hà Nội.
      expect(share(cohort, (p) => p.workplace!.tier === 'commune')).toBeGreaterThan(0.4);
      expect(share(cohort, (p) => p.workplace!.tier === 'commune')).toBeLessThan(0.5);
      expect(share(cohort, (p) => p.workplace!.tier === 'central')).toBeGreaterThan(0.05);
      expect(share(cohort, (p) => p.workplace!.tier === 'central')).toBeLessThan(0.09);
      expect(cohort.filter((p) => p.workplace!.tier === 'central').every((p) => p.workplace!.province === 'Hà Nội')).toBe(true);
      // Ethnic minority 6–16%, difficult area 8–18% nationally.
      expect(share(cohort, (p) => p.ethnicMinority === true)).toBeGreaterThan(0.06);
      expect(share(cohort, (p) => p.ethnicMinority === true)).toBeLessThan(0.16);
      expect(share(cohort, (p) => p.difficultArea === true)).toBeGreaterThan(0.08);
      expect(share(cohort, (p) => p.difficultArea === true)).toBeLessThan(0.18);
      // Ratings: good or excellent ≥ 78% of ratings, not completed ≤ 4%.
      const ratings = cohort.flatMap((p) => p.ratings ?? []);
      expect(ratings.filter((r) => r.rating === 'good' || r.rating === 'excellent').length / ratings.length).toBeGreaterThan(0.78);
      expect(ratings.filter((r) => r.rating === 'not-completed').length / ratings.length).toBeLessThan(0.04);
      // Political theory held: staff without a post mostly have none or sơ cấp (≥ 85%).
      const staff = cohort.filter((p) => p.position === 'civil-servant');
      expect(share(staff, (p) => p.politicalTheory === 'none' || p.politicalTheory === 'elementary')).toBeGreaterThan(0.85);
      // Planning: 15–40% are in planning for a post; lecturers teach since a date.
      expect(share(cohort, (p) => (p.planning ?? []).length > 0)).toBeGreaterThan(0.15);
      expect(share(cohort, (p) => (p.planning ?? []).length > 0)).toBeLessThan(0.4);
      expect(cohort.filter((p) => p.position === 'lecturer').every((p) => p.lecturer?.teachingSince !== undefined)).toBe(true);
    });
  }

  it('follows the province: most commune cadres in Cao Bằng are minorities, almost none in Thái Bình', () => {
    const caoBang = generateBuiltinCohort({ count: 3000, seed: 2, province: 'Cao Bằng' }).filter((p) => p.workplace!.tier === 'commune');
    const thaiBinh = generateBuiltinCohort({ count: 3000, seed: 2, province: 'Thái Bình' }).filter((p) => p.workplace!.tier === 'commune');
    expect(share(caoBang, (p) => p.ethnicMinority === true)).toBeGreaterThan(0.6);
    expect(share(caoBang, (p) => p.difficultArea === true)).toBeGreaterThan(0.6);
    expect(share(thaiBinh, (p) => p.ethnicMinority === true)).toBeLessThan(0.02);
  });
});

describe('generateCohort: dates, provinces and agencies', () => {
  it('uses only the 34 current provinces and no district level from 2025-07-01', () => {
    const cohort = generateBuiltinCohort({ count: 5000, seed: 3, referenceDate: '2025-09-10' });
    expect(CURRENT_2025.size).toBe(34);
    expect(cohort.every((p) => CURRENT_2025.has(p.workplace!.province!))).toBe(true);
    expect(cohort.some((p) => p.workplace!.tier === 'district')).toBe(false);
    expect(new Set(cohort.map((p) => p.workplace!.province)).size).toBe(34);
  });

  it('uses the 63 provinces, districts and 2024 ministries before the 2025 reorganisation', () => {
    const cohort = generateBuiltinCohort({ count: 20_000, seed: 3, referenceDate: '2024-03-01' });
    expect(new Set(cohort.map((p) => p.workplace!.province)).size).toBe(63);
    expect(cohort.some((p) => p.workplace!.tier === 'district')).toBe(true);
    const agencies = new Set(cohort.map((p) => p.workplace!.agency));
    expect(agencies.has('Bộ Kế hoạch và Đầu tư')).toBe(true);
    expect(agencies.has('Bộ Nông nghiệp và Môi trường')).toBe(false);
    expect([...agencies].some((a) => /^Sở Tư pháp tỉnh /.test(a!))).toBe(true);
    expect([...agencies].some((a) => /^UBND xã /.test(a!))).toBe(true);
  });

  it('names the merged ministries after the restructuring of 2025-03-01', () => {
    const agencies = new Set(generateBuiltinCohort({ count: 20_000, seed: 3, referenceDate: '2025-03-01' }).map((p) => p.workplace!.agency));
    expect(agencies.has('Bộ Kế hoạch và Đầu tư')).toBe(false);
    expect(agencies.has('Bộ Nông nghiệp và Môi trường')).toBe(true);
  });

  it('keeps a province-only cohort in that province, following aliases and mergers', () => {
    const hue = generateBuiltinCohort({ count: 500, seed: 5, province: 'Thừa Thiên Huế' });
    expect(new Set(hue.map((p) => p.workplace!.province))).toEqual(new Set(['Huế']));
    expect(hue.some((p) => p.workplace!.tier === 'central')).toBe(false);
    const merged = generateBuiltinCohort({ count: 200, seed: 5, province: 'Thái Bình', referenceDate: '2025-09-10' });
    expect(new Set(merged.map((p) => p.workplace!.province))).toEqual(new Set(['Hưng Yên']));
    const hanoi = generateBuiltinCohort({ count: 2000, seed: 5, province: 'Hà Nội' });
    expect(hanoi.some((p) => p.workplace!.tier === 'central')).toBe(true);
  });

  it('draws workplaces only from the given agencies, by weight', () => {
    const cohort = generateBuiltinCohort({
      count: 3000, seed: 6, agencies: [
        { name: 'Bộ Tư pháp', tier: 'central', sector: 'state', weight: 3 },
        { name: 'UBND xã Minh Tân', tier: 'commune', sector: 'state', province: 'Thái Bình' },
      ],
    });
    const justice = cohort.filter((p) => p.workplace!.agency === 'Bộ Tư pháp');
    const commune = cohort.filter((p) => p.workplace!.agency === 'UBND xã Minh Tân');
    expect(justice.length + commune.length).toBe(cohort.length);
    expect(justice.length / commune.length).toBeGreaterThan(2.6);
    expect(justice.length / commune.length).toBeLessThan(3.4);
    expect(justice.every((p) => p.workplace!.province === 'Hà Nội' && p.workplace!.tier === 'central')).toBe(true);
    expect(commune.every((p) => p.workplace!.province === 'Thái Bình' && p.position!.startsWith('commune-'))).toBe(true);
  });

  it('reports unusable options as diagnostics and refuses to generate from them', () => {
    const codes = (o: Parameters<typeof checkBuiltinGenerateOptions>[0]) => checkBuiltinGenerateOptions(o).map((d) => d.code);
    expect(codes({ count: 10, seed: 1 })).toEqual([]);
    expect(codes({ count: -1, seed: 1 })).toEqual(['generate/count']);
    expect(codes({ count: 1.5, seed: 1 })).toEqual(['generate/count']);
    expect(codes({ count: 1, seed: 1, referenceDate: '2024-02-30' })).toEqual(['generate/reference-date']);
    expect(codes({ count: 1, seed: 1, province: 'Atlantis' })).toEqual(['generate/province']);
    expect(codes({ count: 1, seed: 1, agencies: [] })).toEqual(['generate/agency']);
    expect(checkBuiltinGenerateOptions({ count: 1, seed: 1, province: 'Atlantis' })[0]!.message).toContain('Atlantis');
    expect(() => generateBuiltinCohort({ count: 1, seed: 1, province: 'Atlantis' })).toThrow(RangeError);
  });

  it('generates an empty cohort for a count of zero', () => {
    expect(generateBuiltinCohort({ count: 0, seed: 1 })).toEqual([]);
  });
});
