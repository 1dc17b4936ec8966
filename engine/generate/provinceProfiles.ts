/**
 * Provinces as the generator sees them: which exist on a date (from the institution catalogue it is given — the shipped
 * one is rulesets/institutions.json, the one source of the 2025 merger), how many cadres each gets and how likely a
 * cadre there is to belong to an ethnic minority.
 *
 * Figures are indicative, rounded from memory of public statistics, and only shape synthetic data: population in
 * millions about 2023 (General Statistics Office), ethnic-minority share of the population in the 2019 Population
 * and Housing Census. A merged province sums its parts' population and averages their minority share by population.
 */
import type { InstitutionCatalogue, Province } from '../documents/catalogue.ts';
import { compareDates } from '../documents/dates.ts';
import { provinceKey } from '../rules/provinces.ts';
import type { Region } from './vietnameseNames.ts';

type Stats = readonly [population: number, minorityShare: number, region: Region];

const STATS: Readonly<Record<string, Stats>> = {
  'An Giang': [1.9, 0.05, 'south'], 'Bà Rịa - Vũng Tàu': [1.2, 0.03, 'south'], 'Bạc Liêu': [0.9, 0.09, 'south'],
  'Bắc Giang': [1.9, 0.13, 'north'], 'Bắc Kạn': [0.32, 0.87, 'north'], 'Bắc Ninh': [1.5, 0.01, 'north'],
  'Bến Tre': [1.3, 0.003, 'south'], 'Bình Dương': [2.8, 0.03, 'south'], 'Bình Định': [1.5, 0.03, 'centre'],
  'Bình Phước': [1.0, 0.18, 'south'], 'Bình Thuận': [1.3, 0.05, 'centre'], 'Cà Mau': [1.2, 0.03, 'south'],
  'Cao Bằng': [0.54, 0.94, 'north'], 'Cần Thơ': [1.25, 0.03, 'south'], 'Đà Nẵng': [1.2, 0.01, 'centre'],
  'Đắk Lắk': [1.9, 0.33, 'centre'], 'Đắk Nông': [0.68, 0.32, 'centre'], 'Điện Biên': [0.64, 0.82, 'north'],
  'Đồng Nai': [3.3, 0.06, 'south'], 'Đồng Tháp': [1.6, 0.005, 'south'], 'Gia Lai': [1.6, 0.46, 'centre'],
  'Hà Giang': [0.9, 0.87, 'north'], 'Hà Nam': [0.88, 0.003, 'north'], 'Hà Nội': [8.5, 0.013, 'north'],
  'Hà Tĩnh': [1.3, 0.005, 'centre'], 'Hải Dương': [1.95, 0.005, 'north'], 'Hải Phòng': [2.1, 0.005, 'north'],
  'Hậu Giang': [0.73, 0.03, 'south'], 'Hòa Bình': [0.88, 0.73, 'north'], 'Hồ Chí Minh': [9.4, 0.05, 'south'],
  'Huế': [1.17, 0.04, 'centre'], 'Hưng Yên': [1.3, 0.003, 'north'], 'Khánh Hòa': [1.25, 0.06, 'centre'],
  'Kiên Giang': [1.75, 0.14, 'south'], 'Kon Tum': [0.58, 0.54, 'centre'], 'Lai Châu': [0.48, 0.85, 'north'],
  'Lạng Sơn': [0.8, 0.83, 'north'], 'Lào Cai': [0.77, 0.65, 'north'], 'Lâm Đồng': [1.33, 0.24, 'centre'],
  'Long An': [1.7, 0.005, 'south'], 'Nam Định': [1.88, 0.003, 'north'], 'Nghệ An': [3.4, 0.14, 'centre'],
  'Ninh Bình': [1.0, 0.025, 'north'], 'Ninh Thuận': [0.6, 0.23, 'centre'], 'Phú Thọ': [1.5, 0.16, 'north'],
  'Phú Yên': [0.88, 0.05, 'centre'], 'Quảng Bình': [0.91, 0.02, 'centre'], 'Quảng Nam': [1.5, 0.09, 'centre'],
  'Quảng Ngãi': [1.25, 0.13, 'centre'], 'Quảng Ninh': [1.36, 0.12, 'north'], 'Quảng Trị': [0.65, 0.1, 'centre'],
  'Sóc Trăng': [1.2, 0.35, 'south'], 'Sơn La': [1.3, 0.83, 'north'], 'Tây Ninh': [1.19, 0.02, 'south'],
  'Thái Bình': [1.88, 0.002, 'north'], 'Thái Nguyên': [1.33, 0.27, 'north'], 'Thanh Hóa': [3.7, 0.16, 'centre'],
  'Tiền Giang': [1.8, 0.005, 'south'], 'Trà Vinh': [1.02, 0.32, 'south'], 'Tuyên Quang': [0.8, 0.53, 'north'],
  'Vĩnh Long': [1.03, 0.025, 'south'], 'Vĩnh Phúc': [1.2, 0.04, 'north'], 'Yên Bái': [0.84, 0.55, 'north'],
};

export interface ProvinceProfile {
  /** Catalogue name, e.g. `Thái Bình`. */
  name: string;
  /** A centrally-run city (thành phố trực thuộc trung ương): wards (phường) more than communes. */
  city: boolean;
  /** Population in millions, the province's weight in a national cohort. */
  population: number;
  /** Share of the population belonging to an ethnic minority, 0–1. */
  minorityShare: number;
  region: Region;
  /** The province's political school (a lecturer's workplace). */
  school: string;
}

/** The provinces of an institution catalogue (`InstitutionCatalogue['provinces']`), as the generator reads them. */
export type ProvinceCatalogue = readonly Pick<Province, 'name' | 'city' | 'aliases' | 'until' | 'successor' | 'school'>[];

/** The provinces of a loaded institution catalogue. */
export const provinceCatalogue = (institutions: Pick<InstitutionCatalogue, 'provinces'>): ProvinceCatalogue => institutions.provinces;

/** The province a catalogue entry has become by `on` (itself while it exists). */
function successorOn(catalogue: ProvinceCatalogue, name: string, on: string): string {
  let p = catalogue.find((c) => c.name === name);
  for (let hops = 0; p?.until && p.successor && compareDates(on, p.until) > 0 && hops < 5; hops++) {
    const next: string = p.successor;
    p = catalogue.find((c) => c.name === next);
  }
  return p?.name ?? name;
}

/**
 * The provinces that exist on `on` (ISO date): 63 before 2025-07-01, 34 from then on, with merged statistics.
 * Pure; built fresh per call (callers build it once per cohort).
 */
export function provincesOn(catalogue: ProvinceCatalogue, on: string): ProvinceProfile[] {
  const sums = new Map<string, { population: number; minority: number }>();
  for (const c of catalogue) {
    const stats = STATS[c.name];
    if (!stats) throw new Error(`no generator statistics for province ${c.name}`);
    const target = successorOn(catalogue, c.name, on);
    const s = sums.get(target) ?? { population: 0, minority: 0 };
    s.population += stats[0];
    s.minority += stats[0] * stats[1];
    sums.set(target, s);
  }
  return catalogue.filter((c) => sums.has(c.name)).map((c) => {
    const s = sums.get(c.name)!;
    return {
      name: c.name,
      city: c.city,
      population: Math.round(s.population * 100) / 100,
      minorityShare: Math.round((s.minority / s.population) * 1000) / 1000,
      region: STATS[c.name]![2],
      school: c.school.name.vi,
    };
  });
}

/**
 * Finds a province by name or alias (case and diacritics ignored, "Tỉnh"/"TP." prefixes dropped, as the checker
 * matches) and follows mergers up to `on`; `undefined` when the name is unknown.
 */
export function findProvinceOn(catalogue: ProvinceCatalogue, name: string, on: string): ProvinceProfile | undefined {
  const key = provinceKey(name);
  const entry = catalogue.find((c) => [c.name, ...c.aliases].some((n) => provinceKey(n) === key));
  if (!entry) return undefined;
  const current = successorOn(catalogue, entry.name, on);
  return provincesOn(catalogue, on).find((p) => p.name === current);
}
