/**
 * Which province a workplace belongs to on a given date. Since 2025-07-01 Vietnam has 34 provinces instead of 63:
 * a pre-merger name given for a later date is mapped to its successor, with a note the user can see.
 */
import type { InstitutionCatalogue, Province } from '../documents/catalogue.ts';
import { compareDates, formatDate } from '../documents/dates.ts';

/** Lower-case, no diacritics, no "tỉnh"/"thành phố"/"TP." prefix, single spaces: the key names are matched on. */
export function provinceKey(name: string): string {
  return foldVietnamese(name)
    .replace(/^(tinh|thanh pho|tp\.?)\s*/, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** Lower-cases and removes Vietnamese diacritics (đ → d). */
export function foldVietnamese(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'd').toLowerCase().trim();
}

export interface ResolvedProvince {
  /** The province as it exists on the date. */
  province: Province;
  /** Vietnamese note when the input named a province that had merged by then. */
  note?: string;
}

export interface ProvinceIndex {
  byKey: Map<string, Province>;
  byName: Map<string, Province>;
  /**
   * Memo of `byKey.get(provinceKey(input))` by input text (a cohort repeats a few spellings a million times).
   * Optional so a hand-built index still works; bounded, see `MAX_MEMO`.
   */
  byInput?: Map<string, Province | null>;
}

/** Distinct input spellings remembered per index; past this the memo starts over (memory stays bounded). */
const MAX_MEMO = 10_000;

/** Builds the lookup once per catalogue; resolving is then a map read per cadre. */
export function indexProvinces(catalogue: InstitutionCatalogue): ProvinceIndex {
  const byKey = new Map<string, Province>();
  const byName = new Map<string, Province>();
  for (const p of catalogue.provinces) {
    byName.set(p.name, p);
    for (const n of [p.name, ...p.aliases]) byKey.set(provinceKey(n), p);
  }
  return { byKey, byName, byInput: new Map() };
}

function lookup(index: ProvinceIndex, input: string): Province | undefined {
  const memo = index.byInput;
  if (!memo) return index.byKey.get(provinceKey(input));
  let p = memo.get(input);
  if (p === undefined) {
    p = index.byKey.get(provinceKey(input)) ?? null;
    if (memo.size >= MAX_MEMO) memo.clear();
    memo.set(input, p);
  }
  return p ?? undefined;
}

/**
 * Merger notes by pre-merger province, remembered with what they were made from: the text is the same for every
 * cadre that needs it.
 */
const NOTES = new WeakMap<Province, { from: string; until: string; to: string; note: string }>();

function mergerNote(original: Province, p: Province): string {
  const m = NOTES.get(original);
  if (m && m.from === original.name && m.until === original.until && m.to === p.name) return m.note;
  const note = `${original.name} đã hợp nhất vào ${p.name} từ ${formatDate(nextDay(original.until!))}; áp dụng theo ${p.name}.`;
  NOTES.set(original, { from: original.name, until: original.until!, to: p.name, note });
  return note;
}

/** The province named by `input` as it stands on `on`; `undefined` when the name is unknown. */
export function resolveProvince(index: ProvinceIndex, input: string, on: string): ResolvedProvince | undefined {
  let p = lookup(index, input);
  if (!p) return undefined;
  const original = p;
  // Follow the merger chain (one step today; a loop keeps later rearrangements working).
  for (let hops = 0; p.until && p.successor && compareDates(on, p.until) > 0 && hops < 5; hops++) {
    const next = index.byName.get(p.successor);
    if (!next) break;
    p = next;
  }
  if (p === original) return { province: p };
  return { province: p, note: mergerNote(original, p) };
}

function nextDay(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const dt = new Date(Date.UTC(y, m - 1, d + 1));
  return dt.toISOString().slice(0, 10);
}
