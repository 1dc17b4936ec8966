import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { builtinDocuments, createBuiltinChecker } from '../../engine/builtin.ts';
import { CadreProfile, type CadreProfileInput } from '../../engine/documents/cadre.ts';
import { wholeYearsBetween } from '../../engine/documents/dates.ts';
import {
  HANOI_2024_AGENCIES, HANOI_2024_NOMINATION_DATE, HANOI_2024_ROLES, buildHanoi2024Sample,
} from '../../engine/generate/buildHanoi2024Sample.ts';
import { buildMixedSample } from '../../engine/generate/buildMixedSample.ts';
import { cadresToCsv } from '../../engine/io/cadresToCsv.ts';
import { readCadresFromText } from '../../engine/io/readCadres.ts';
import { createReferenceEvaluator } from '../../engine/rules/createReferenceEvaluator.ts';

const dir = new URL('../../fixtures/cadres/', import.meta.url);
const read = (name: string) => readFileSync(new URL(name, dir), 'utf8');
const HANOI_JSON = 'hanoi-2024-central-agencies.json';
const HANOI_CSV = 'hanoi-2024-central-agencies.csv';

describe('Hà Nội 2024 fixture', () => {
  const jsonText = read(HANOI_JSON);
  const cadres = JSON.parse(jsonText) as CadreProfileInput[];
  const { roles } = buildHanoi2024Sample();

  it('is what scripts/makeFixtures.ts writes, so it regenerates identically', () => {
    const built = buildHanoi2024Sample().cadres;
    expect(jsonText).toBe(`${JSON.stringify(built, null, 2)}\n`);
    expect(read(HANOI_CSV)).toBe(cadresToCsv(built));
  });

  it('holds 210 valid profiles with unique ids HN-0001 to HN-0210', () => {
    expect(cadres).toHaveLength(210);
    for (const c of cadres) expect(CadreProfile.safeParse(c).success, c.id).toBe(true);
    expect(cadres.map((c) => c.id)).toEqual(Array.from({ length: 210 }, (_, i) => `HN-${String(i + 1).padStart(4, '0')}`));
  });

  it('comes from 16 distinct central agencies, all in Hà Nội', () => {
    const agencies = new Set(cadres.map((c) => c.workplace!.agency));
    expect(agencies.size).toBe(16);
    expect(agencies).toEqual(new Set(HANOI_2024_AGENCIES.map((a) => a.name)));
    expect(cadres.every((c) => c.workplace!.tier === 'central' && c.workplace!.province === 'Hà Nội')).toBe(true);
    expect(HANOI_2024_AGENCIES.reduce((n, a) => n + a.cadres, 0)).toBe(210);
  });

  it('describes the same profiles in JSON and CSV', () => {
    const { positions } = builtinDocuments();
    const fromCsv = readCadresFromText(read(HANOI_CSV), { file: HANOI_CSV, format: 'csv', positions });
    const fromJson = readCadresFromText(jsonText, { file: HANOI_JSON, format: 'json', positions });
    expect(fromCsv.errors).toEqual([]);
    expect(fromJson.errors).toEqual([]);
    expect(fromCsv.rows).toHaveLength(210);
    expect(fromCsv.rows.map((r) => r.profile)).toEqual(fromJson.rows.map((r) => r.profile));
    expect(fromJson.rows.map((r) => r.profile)).toEqual(cadres.map((c) => CadreProfile.parse(c)));
  });

  it('has the designed minority of too-young cadres, with both birthday boundaries', () => {
    const on = HANOI_2024_NOMINATION_DATE;
    const byRole = (role: keyof typeof HANOI_2024_ROLES) => cadres.filter((c) => roles[c.id] === role);
    // 57-QĐ/TW Art. 5(2): part-time only for women ≥ 33 and men ≥ 35, in whole years on the nomination date.
    for (const c of byRole('young-woman')) expect([30, 31, 32]).toContain(wholeYearsBetween(c.birthDate, on));
    for (const c of byRole('young-man')) expect([33, 34]).toContain(wholeYearsBetween(c.birthDate, on));
    expect(byRole('woman-turning-33').map((c) => [c.sex, c.birthDate])).toEqual([['female', '1991-03-01']]);
    expect(byRole('man-turning-35').map((c) => [c.sex, c.birthDate])).toEqual([['male', '1989-03-01']]);
    expect(byRole('woman-day-short').map((c) => wholeYearsBetween(c.birthDate, on))).toEqual([32]);
    expect(byRole('man-day-short').map((c) => wholeYearsBetween(c.birthDate, on))).toEqual([34]);
    const tooYoung = cadres.filter((c) => wholeYearsBetween(c.birthDate, on) < (c.sex === 'female' ? 33 : 35));
    expect(tooYoung).toHaveLength(16);
  });

  it('gives each cadre the verdict its role was designed for under 57-QĐ/TW (trung cấp, part-time, 2024-03-01)', async () => {
    const checker = createBuiltinChecker({ evaluator: createReferenceEvaluator });
    const tally: Record<string, number> = {};
    for (const c of cadres) {
      const result = await checker.check(CadreProfile.parse(c), { level: 'intermediate', mode: 'part-time', on: HANOI_2024_NOMINATION_DATE });
      if (!result.ok) throw new Error(`${c.id}: ${JSON.stringify(result.diagnostics)}`);
      const v = result.verdict;
      const got = v.eligible ? 'eligible' : v.failures.map((f) => (f.kind === 'subject' ? 'subject' : f.rule)).join('+');
      expect(got, `${c.id} (${roles[c.id]})`).toBe(HANOI_2024_ROLES[roles[c.id]!].expect);
      expect(v.regulation).toBe('57-QĐ/TW');
      expect(v.institution?.id).toBe('le-hong-phong');
      tally[got] = (tally[got] ?? 0) + 1;
    }
    expect(tally).toEqual({
      eligible: 185, 'tc-part-time-age': 16, 'tc-party-member': 4, 'tc-education': 2, 'tc-not-held': 1, subject: 2,
    });
  });
});

describe('mixed sample fixture', () => {
  const cadres = JSON.parse(read('sample-mixed.json')) as CadreProfileInput[];

  it('is what scripts/makeFixtures.ts writes', () => {
    expect(read('sample-mixed.json')).toBe(`${JSON.stringify(buildMixedSample(), null, 2)}\n`);
  });

  it('holds about 20 valid profiles across provinces, tiers and sectors', () => {
    expect(cadres).toHaveLength(20);
    for (const c of cadres) expect(CadreProfile.safeParse(c).success, c.id).toBe(true);
    expect(new Set(cadres.map((c) => c.id)).size).toBe(20);
    expect(new Set(cadres.map((c) => c.workplace!.province)).size).toBeGreaterThanOrEqual(15);
    expect(new Set(cadres.map((c) => c.workplace!.tier))).toEqual(new Set(['central', 'province', 'district', 'commune']));
  });

  it('includes a Thái Bình commune cadre and an army cadre', () => {
    expect(cadres.some((c) => c.workplace!.province === 'Thái Bình' && c.workplace!.tier === 'commune')).toBe(true);
    expect(cadres.some((c) => c.workplace!.sector === 'army')).toBe(true);
  });

  it('reads without errors through the cadre reader with the position catalogue', () => {
    const r = readCadresFromText(read('sample-mixed.json'), { file: 'sample-mixed.json', positions: builtinDocuments().positions });
    expect(r.errors).toEqual([]);
    expect(r.rows).toHaveLength(20);
  });
});
