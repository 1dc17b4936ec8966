/**
 * The eligibility checks of a scenario's runs, remembered: a check is pure in (cadre, nomination), and the runs of a
 * Monte Carlo nominate the same cadres on a few dispatch dates, so most checks of a run were made by an earlier run.
 *
 * An open-addressing table in typed arrays, keyed by the cadre's index in the cohort and a number made of the
 * nomination's day, level and mode: a lookup builds no key text and touches two arrays, where maps keyed by profile
 * then by text cost several cache misses each (they were a quarter of a run's time). Each entry holds the screening
 * (what bulk screening needs, shared by every cadre with the same outcome) and, once asked for, the full outcome with
 * its messages (a learner's recorded verdict). Bounded: past `limit` entries the table starts afresh, so that a
 * national cohort does not keep every verdict. Pure apart from its own state.
 */
import type { Nomination } from '../documents/cadre.ts';
import { isoToDay } from '../generate/civilDays.ts';
import { toScreening } from '../rules/buildVerdict.ts';
import type { CheckOutcome, ScreenOutcome } from '../rules/createChecker.ts';

/** Level and mode as a number below 8. */
const LEVEL_MODE = { elementary: { 'full-time': 0, 'part-time': 1 }, intermediate: { 'full-time': 2, 'part-time': 3 }, advanced: { 'full-time': 4, 'part-time': 5 } } as const;

export interface ScreeningMemo {
  /** The entry of cadre `cadre` for `nomination` (no special decision), made with `make` when missing. */
  screening(cadre: number, nomination: Nomination, make: () => ScreenOutcome): ScreenOutcome;
  /** The full outcome, made with `make` when missing (its screening is then remembered too). */
  outcome(cadre: number, nomination: Nomination, make: () => CheckOutcome): CheckOutcome;
  /** Entries held now. */
  readonly size: number;
}

export function nominationKey(n: Nomination): number {
  return isoToDay(n.on) * 8 + LEVEL_MODE[n.level][n.mode];
}

/** `limit`: entries held before the table starts afresh; the table has at least twice as many slots. */
export function createScreeningMemo(limit: number): ScreeningMemo {
  let bits = 10;
  while ((1 << bits) < limit * 2 && bits < 26) bits++;
  const slots = 1 << bits;
  const shift = 32 - bits;
  const mask = slots - 1;
  // keys[2s] = cadre + 1 (0: empty slot), keys[2s + 1] = nomination key.
  const keys = new Int32Array(slots * 2);
  let screenings = new Array<ScreenOutcome | undefined>(slots);
  let outcomes = new Array<CheckOutcome | undefined>(slots);
  let size = 0;
  const max = Math.min(limit, slots >> 1);

  /**
   * The slot holding (cadre, key), or the empty slot where it would go. The first slot tried is the nomination's
   * base plus the cadre's index, so the checks of one dispatch (one agency, one date) fall in one region of the table
   * and stay in the processor's cache; a collision steps by an odd stride drawn from both, so that overlapping regions
   * do not pile up into long runs.
   */
  function find(cadre: number, key: number): number {
    let s = ((Math.imul(key, 0x9e3779b1) >>> shift) + cadre) & mask;
    let step = 0;
    for (;;) {
      const c = keys[2 * s]!;
      if (c === 0 || (c === cadre + 1 && keys[2 * s + 1] === key)) return s;
      if (step === 0) step = ((Math.imul(cadre + 1, 0x85ebca77) ^ Math.imul(key, 0xc2b2ae35)) >>> shift) | 1;
      s = (s + step) & mask;
    }
  }

  function claim(cadre: number, key: number): number {
    if (size >= max) {
      keys.fill(0);
      screenings = new Array<ScreenOutcome | undefined>(slots);
      outcomes = new Array<CheckOutcome | undefined>(slots);
      size = 0;
    }
    const s = find(cadre, key);
    keys[2 * s] = cadre + 1;
    keys[2 * s + 1] = key;
    size++;
    return s;
  }

  return {
    get size() { return size; },
    screening(cadre, nomination, make) {
      const key = nominationKey(nomination);
      const s = find(cadre, key);
      if (keys[2 * s] !== 0) return screenings[s]!;
      const o = make();
      screenings[claim(cadre, key)] = o;
      return o;
    },
    outcome(cadre, nomination, make) {
      const key = nominationKey(nomination);
      let s = find(cadre, key);
      if (keys[2 * s] !== 0 && outcomes[s] !== undefined) return outcomes[s]!;
      const o = make();
      if (keys[2 * s] === 0) {
        s = claim(cadre, key);
        screenings[s] = o.ok ? toScreening(o.verdict) : o;
      }
      outcomes[s] = o;
      return o;
    },
  };
}
