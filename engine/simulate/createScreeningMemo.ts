/**
 * The eligibility checks of a scenario's runs, remembered: a check is pure in (cadre, nomination), and the runs of a
 * Monte Carlo nominate the same cadres on a few dispatch dates, so most checks of a run were made by an earlier run.
 *
 * An open-addressing table in one typed array, keyed by the cadre's index in the cohort and a number made of the
 * nomination's day, level and mode: a lookup builds no key text and reads one slot of 16 bytes, where maps keyed by
 * profile then by text cost several cache misses each (they were a quarter of a run's time). Each slot holds its key,
 * the number of its screening (what bulk screening needs; screenings are few, as the checker shares one object among
 * every cadre with the same outcome) and, once asked for, the number of the full outcome with its messages (a
 * learner's recorded verdict). The table starts small and doubles at half full, so that it stays as small as what it
 * holds (and in the processor's cache); past `limit` entries it starts afresh, so that a national cohort does not
 * keep every verdict. The last slot found is remembered: a learner's guard and its recorded verdict ask for the same
 * entry one after the other. The same table keyed by any number (`createKeyedMemo`) holds the checks by signature
 * (createCheckSignature.ts). Pure apart from its own state.
 */
import type { Nomination } from '../documents/cadre.ts';
import { isoToDay } from '../generate/civilDays.ts';
import { toScreening } from '../rules/screenVerdict.ts';
import type { CheckOutcome, ScreenOutcome } from '../rules/createChecker.ts';

/** Level and mode as a number below 8. */
const LEVEL_MODE = { elementary: { 'full-time': 0, 'part-time': 1 }, intermediate: { 'full-time': 2, 'part-time': 3 }, advanced: { 'full-time': 4, 'part-time': 5 } } as const;

export interface ScreeningMemo {
  /** The entry of cadre `cadre` for `nomination` (no special decision), made with `make` when missing. */
  screening(cadre: number, nomination: Nomination, make: () => ScreenOutcome): ScreenOutcome;
  /** The entry held for cadre `cadre` and `nomination`, or undefined (nothing is made). */
  held(cadre: number, nomination: Nomination): ScreenOutcome | undefined;
  /** The full outcome, made with `make` when missing (its screening is then remembered too). */
  outcome(cadre: number, nomination: Nomination, make: () => CheckOutcome): CheckOutcome;
  /** Entries held now. */
  readonly size: number;
}

/** The same table keyed by any number the caller makes (a check signature, say), with its own kinds of values. */
export interface KeyedMemo<S, O> {
  /** The first value held for (cadre, key), or undefined. */
  peek(cadre: number, key: number): S | undefined;
  /** Holds `value` for (cadre, key), which must not be held yet. */
  put(cadre: number, key: number, value: S): void;
  /** The second value held for (cadre, key), made with `make` when missing; held only when (cadre, key) is. */
  second(cadre: number, key: number, make: () => O): O;
  readonly size: number;
}

export function nominationKey(n: Nomination): number {
  return isoToDay(n.on) * 8 + levelModeOf(n);
}

/** Level and mode as a number below 8, to be added to a key multiplied by 8. */
export function levelModeOf(n: Pick<Nomination, 'level' | 'mode'>): number {
  return LEVEL_MODE[n.level][n.mode];
}

/** Int32 fields of a slot: cadre + 1 (0: empty), key, first value's number + 1, second value's number + 1 (0: none). */
const CADRE = 0;
const KEY = 1;
const FIRST = 2;
const SECOND = 3;
const WIDTH = 4;
const FIRST_BITS = 12;

/** `limit`: entries held before the table starts afresh; the table grows to at least twice as many slots. */
export function createKeyedMemo<S, O>(limit: number): KeyedMemo<S, O> {
  let maxBits = 10;
  while ((1 << maxBits) < limit * 2 && maxBits < 26) maxBits++;
  const max = Math.min(limit, (1 << maxBits) >> 1);
  let bits = 0;
  let shift = 0;
  let mask = 0;
  let table = new Int32Array(0);
  allocate(Math.min(FIRST_BITS, maxBits));
  // Distinct first values by number, and the number of each; second values by number.
  let firsts: S[] = [];
  let numbers = new Map<S, number>();
  let seconds: O[] = [];
  let size = 0;
  // The last slot found.
  let lastCadre = -1;
  let lastKey = 0;
  let lastSlot = -1;

  function allocate(b: number): void {
    bits = b;
    shift = 32 - b;
    mask = (1 << b) - 1;
    table = new Int32Array((1 << b) * WIDTH);
  }

  /**
   * The slot holding (cadre, key), or the empty slot where it would go. The first slot tried is the key's base plus
   * the cadre's index, so the checks of one dispatch (one agency, one date) fall in one region of the table and stay
   * in the processor's cache; a collision steps by an odd stride drawn from both, so that overlapping regions do not
   * pile up into long runs.
   */
  function find(cadre: number, key: number): number {
    if (cadre === lastCadre && key === lastKey) return lastSlot;
    let s = ((Math.imul(key, 0x9e3779b1) >>> shift) + cadre) & mask;
    let step = 0;
    for (;;) {
      const c = table[s * WIDTH + CADRE]!;
      if (c === 0 || (c === cadre + 1 && table[s * WIDTH + KEY] === key)) break;
      if (step === 0) step = ((Math.imul(cadre + 1, 0x85ebca77) ^ Math.imul(key, 0xc2b2ae35)) >>> shift) | 1;
      s = (s + step) & mask;
    }
    // Only a filled slot is remembered: an empty one may be taken by another key before it is filled.
    if (table[s * WIDTH + CADRE] !== 0) { lastCadre = cadre; lastKey = key; lastSlot = s; }
    return s;
  }

  function forget(): void { lastCadre = -1; lastSlot = -1; }

  /** Twice the slots, the entries moved over. */
  function grow(): void {
    const old = table;
    allocate(bits + 1);
    forget();
    for (let o = 0; o < old.length; o += WIDTH) {
      if (old[o + CADRE] === 0) continue;
      const s = find(old[o + CADRE]! - 1, old[o + KEY]!) * WIDTH;
      for (let f = 0; f < WIDTH; f++) table[s + f] = old[o + f]!;
    }
    forget();
  }

  function claim(cadre: number, key: number, value: S): number {
    if (size >= max) {
      table.fill(0);
      firsts = [];
      numbers = new Map();
      seconds = [];
      size = 0;
      forget();
    } else if ((size + 1) * 2 > mask + 1 && bits < maxBits) {
      grow();
    }
    const s = find(cadre, key);
    let number = numbers.get(value);
    if (number === undefined) {
      number = firsts.push(value) - 1;
      numbers.set(value, number);
    }
    table[s * WIDTH + CADRE] = cadre + 1;
    table[s * WIDTH + KEY] = key;
    table[s * WIDTH + FIRST] = number + 1;
    size++;
    lastCadre = cadre; lastKey = key; lastSlot = s;
    return s;
  }

  const held = (s: number) => table[s * WIDTH + CADRE] !== 0;
  const first = (s: number) => firsts[table[s * WIDTH + FIRST]! - 1]!;
  const secondAt = (s: number): O | undefined => (table[s * WIDTH + SECOND] === 0 ? undefined : seconds[table[s * WIDTH + SECOND]! - 1]);

  return {
    get size() { return size; },
    peek(cadre, key) {
      const s = find(cadre, key);
      return held(s) ? first(s) : undefined;
    },
    put(cadre, key, value) {
      if (held(find(cadre, key))) throw new Error(`memo: (${cadre}, ${key}) is held already`);
      claim(cadre, key, value);
    },
    second(cadre, key, make) {
      const s = find(cadre, key);
      if (!held(s)) return make();
      const o = secondAt(s);
      if (o !== undefined) return o;
      const made = make();
      table[s * WIDTH + SECOND] = seconds.push(made);
      return made;
    },
  };
}

/** `limit`: entries held before the table starts afresh. */
export function createScreeningMemo(limit: number): ScreeningMemo {
  const memo = createKeyedMemo<ScreenOutcome, CheckOutcome>(limit);
  // The last nomination date read.
  let lastOn = '';
  let lastDay = 0;
  const keyOf = (n: Nomination): number => {
    if (n.on !== lastOn) { lastDay = isoToDay(n.on); lastOn = n.on; }
    return lastDay * 8 + LEVEL_MODE[n.level][n.mode];
  };
  return {
    get size() { return memo.size; },
    screening(cadre, nomination, make) {
      const key = keyOf(nomination);
      const known = memo.peek(cadre, key);
      if (known !== undefined) return known;
      const o = make();
      memo.put(cadre, key, o);
      return o;
    },
    held(cadre, nomination) {
      return memo.peek(cadre, keyOf(nomination));
    },
    outcome(cadre, nomination, make) {
      const key = keyOf(nomination);
      if (memo.peek(cadre, key) === undefined) {
        const o = make();
        memo.put(cadre, key, o.ok ? toScreening(o.verdict) : o);
        return memo.second(cadre, key, () => o);
      }
      return memo.second(cadre, key, make);
    },
  };
}
