/**
 * When two nominations of one cadre get the same check: a number for (cadre, nomination date) such that two dates
 * with the same number give the same facts, the same regulation and the same rule outcomes, hence the same screening
 * and the same failure messages. A Monte Carlo nominates a cadre on many dispatch dates; without this, every new date
 * was a new check (a quarter of the first runs' time, and a check per learner screened ever after).
 *
 * What a check reads from the date, and how the number covers it (see `deriveFacts`, `createChecker`):
 * - whole years (age, years in grade, years teaching) are `floor((on - since) / 10000)` on YYYYMMDD numbers: given the
 *   year of `on`, each depends only on whether `on`'s month and day reach the anniversary (a bit per date);
 * - ratings of the two previous years, and the `{lastYear}` texts: the year;
 * - `onOrdinal` in a rule's conditions, the regulation in force (`effectiveFrom`) and the province a pre-merger name
 *   stands for (`until`): every rule compares `onOrdinal` with constants, so the dates are cut at each constant and
 *   the day after, and the number carries the piece the date falls in.
 *
 * `-1` means "no signature, check this date on its own": a ruleset comparing `onOrdinal` with another fact (or with
 * a path or parameters), a date or profile date that is not a strict ISO date, or numbers too large. Pure apart from
 * its caches.
 */
import type { CadreProfile } from '../documents/cadre.ts';
import type { InstitutionCatalogue } from '../documents/catalogue.ts';
import type { Condition, Ruleset } from '../documents/ruleset.ts';
import { dateNumber } from '../rules/facts.ts';

export interface CheckSignature {
  /** The signature of cohort member `cadre` (its profile `profile`) nominated on `on`, or -1. */
  of(cadre: number, profile: CadreProfile, on: string): number;
}

/** The cut points of `onOrdinal` (YYYYMMDD) the checks depend on, sorted; `undefined` when a rule reads it otherwise. */
export function ordinalCuts(rulesets: readonly Ruleset[], institutions: InstitutionCatalogue): number[] | undefined {
  const cuts = new Set<number>();
  const cut = (x: number) => { const f = Math.floor(x); cuts.add(f); cuts.add(f + 1); };
  let safe = true;
  const constants = (v: unknown): void => {
    if (Array.isArray(v)) { for (const x of v) constants(x); return; }
    if (v !== null && typeof v === 'object') { safe = false; return; }
    const x = Number(v);
    if (Number.isFinite(x)) cut(x);
  };
  const readsOrdinal = (v: unknown): boolean => {
    if (Array.isArray(v)) return v.some(readsOrdinal);
    return v !== null && typeof v === 'object' && (v as { fact?: unknown }).fact === 'onOrdinal';
  };
  const walk = (c: Condition): void => {
    if ('all' in c) { c.all.forEach(walk); return; }
    if ('any' in c) { c.any.forEach(walk); return; }
    if ('not' in c) { walk(c.not); return; }
    if (readsOrdinal(c.value)) safe = false;
    if (c.fact !== 'onOrdinal') return;
    if (c.path !== undefined || c.params !== undefined) safe = false;
    constants(c.value);
  };
  for (const rs of rulesets) {
    const from = dateNumber(rs.regulation.effectiveFrom);
    if (from === undefined) return undefined;
    cut(from);
    for (const r of rs.rules) walk(r.conditions);
  }
  for (const p of institutions.provinces) {
    if (p.until === undefined) continue;
    const until = dateNumber(p.until);
    if (until === undefined) return undefined;
    cut(until);
  }
  return safe ? [...cuts].sort((a, b) => a - b) : undefined;
}

/** A cadre's anniversaries are month × 100 + day; NONE: no such date (the fact does not depend on the date). */
const NONE = -1;

export function createCheckSignature(options: { rulesets: readonly Ruleset[]; institutions: InstitutionCatalogue; cadres: number }): CheckSignature {
  const cuts = ordinalCuts(options.rulesets, options.institutions);
  if (!cuts) return { of: () => -1 };
  const pieces = cuts.length + 1;
  // Per cadre, read once, side by side (one cache line): whether it can be signed (0 unread, 1 yes, 2 no), then its
  // birth, grade and teaching anniversaries.
  const anniversaries = new Int32Array(options.cadres * 4);
  // The last date read: its year, month-day and piece (dispatches repeat a date many times).
  let lastOn = '';
  let lastBase = -1;
  let lastMonthDay = 0;

  const monthDay = (iso: string | undefined): number | undefined => {
    if (iso === undefined) return NONE;
    const n = dateNumber(iso);
    return n === undefined ? undefined : n % 10000;
  };

  function read(cadre: number, p: CadreProfile): boolean {
    const b = monthDay(p.birthDate);
    const g = p.civilService.grade ? monthDay(p.civilService.since) : NONE;
    const t = monthDay(p.lecturer?.teachingSince);
    if (b === undefined || b === NONE || g === undefined || t === undefined) { anniversaries[cadre * 4] = 2; return false; }
    anniversaries[cadre * 4] = 1;
    anniversaries[cadre * 4 + 1] = b;
    anniversaries[cadre * 4 + 2] = g;
    anniversaries[cadre * 4 + 3] = t;
    return true;
  }

  return {
    of(cadre, profile, on) {
      if (on !== lastOn) {
        const n = dateNumber(on);
        lastOn = on;
        lastBase = -1;
        if (n !== undefined) {
          let piece = 0;
          while (piece < cuts.length && n >= cuts[piece]!) piece++;
          const year = Math.floor(n / 10000);
          const base = ((year - 1800) * pieces + piece) * 8;
          // Room for the three bits and, in the memo's key, level and mode (× 8).
          if (year >= 1800 && (base + 8) * 8 < 2 ** 31) lastBase = base;
          lastMonthDay = n % 10000;
        }
      }
      if (lastBase < 0 || !(cadre >= 0 && cadre < options.cadres)) return -1;
      const at = cadre * 4;
      const state = anniversaries[at]!;
      if (state !== 1 && (state === 2 || !read(cadre, profile))) return -1;
      const md = lastMonthDay;
      const g = anniversaries[at + 2]!;
      const t = anniversaries[at + 3]!;
      return lastBase + (md >= anniversaries[at + 1]! ? 1 : 0) + (g !== NONE && md >= g ? 2 : 0) + (t !== NONE && md >= t ? 4 : 0);
    },
  };
}
