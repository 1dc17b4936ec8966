import { describe, expect, it } from 'vitest';
import { dayNumber, dayToIso, isoToDay, shiftYears, yearOfDay } from '../../engine/generate/civilDays.ts';
import { createRng, fillUniforms, weighted } from '../../engine/generate/createRng.ts';

const take = (seed: number | string, n: number) => {
  const rng = createRng(seed);
  return Array.from({ length: n }, () => rng.next());
};

describe('createRng', () => {
  it('gives the same sequence for the same seed and a different one for another seed', () => {
    expect(take(7, 50)).toEqual(take(7, 50));
    expect(take('hà nội', 50)).toEqual(take('hà nội', 50));
    expect(take(7, 50)).not.toEqual(take(8, 50));
    expect(take('a', 50)).not.toEqual(take('b', 50));
  });

  it('keeps large and fractional seeds apart instead of wrapping them onto small ones', () => {
    expect(take(2 ** 32, 10)).not.toEqual(take(0, 10));
    expect(take(1.5, 10)).not.toEqual(take(1, 10));
  });

  it('draws floats in [0, 1) with a roughly uniform mean', () => {
    const xs = take(1, 20_000);
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...xs)).toBeLessThan(1);
    const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
    expect(mean).toBeGreaterThan(0.49);
    expect(mean).toBeLessThan(0.51);
  });

  it('draws integers in an inclusive range, reaching both ends', () => {
    const rng = createRng(3);
    const seen = new Set<number>();
    for (let i = 0; i < 2000; i++) seen.add(rng.int(-2, 3));
    expect([...seen].sort((a, b) => a - b)).toEqual([-2, -1, 0, 1, 2, 3]);
  });

  it('draws near-normal values centred on the mean with the requested spread', () => {
    const rng = createRng(5);
    const xs = Array.from({ length: 20_000 }, () => rng.normal(40, 8));
    const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
    const sd = Math.sqrt(xs.reduce((a, b) => a + (b - mean) ** 2, 0) / xs.length);
    expect(mean).toBeCloseTo(40, 0);
    expect(sd).toBeGreaterThan(7.6);
    expect(sd).toBeLessThan(8.4);
  });

  it('fills arrays with the very values a generator of the same seed gives (bulk draws of the simulator)', () => {
    const seeds = [0, 1, 7, 0x7fffffff, 0x80000000, 0xffffffff, ...take(99, 200).map((x) => Math.floor(x * 2 ** 32))];
    for (const seed of seeds) {
      for (const length of [0, 1, 12, 40]) {
        const plain = new Array<number>(length).fill(-1);
        fillUniforms(seed, plain);
        const typed = new Float64Array(length);
        fillUniforms(seed, typed);
        expect(plain).toEqual(take(seed, length));
        expect([...typed]).toEqual(plain);
        // Written at an offset, leaving the rest alone.
        const at = new Float64Array(length + 5).fill(-1);
        fillUniforms(seed, at, 3, length);
        expect([...at.subarray(3, 3 + length)]).toEqual(plain);
        expect([...at.subarray(0, 3), ...at.subarray(3 + length)]).toEqual([-1, -1, -1, -1, -1]);
      }
    }
  });

  it('refuses to pick from an empty list', () => {
    expect(() => createRng(1).pick([])).toThrow(RangeError);
  });

  it('draws weighted choices in proportion to their weights and never a zero-weight value', () => {
    const table = weighted([['a', 1], ['zero', 0], ['b', 3]] as const);
    const rng = createRng(11);
    const counts = { a: 0, b: 0, zero: 0 };
    for (let i = 0; i < 20_000; i++) counts[table.draw(rng)]++;
    expect(counts.zero).toBe(0);
    expect(counts.b / counts.a).toBeGreaterThan(2.8);
    expect(counts.b / counts.a).toBeLessThan(3.2);
  });

  it('rejects a weight table with no positive weight', () => {
    expect(() => weighted([['a', 0]])).toThrow(RangeError);
    expect(() => weighted([['a', -1], ['b', 2]])).toThrow(RangeError);
  });
});

describe('civil day numbers', () => {
  it('agree with Date.UTC on every day from 1900 to 2100, both ways and for the year', () => {
    const start = Date.UTC(1900, 0, 1) / 86_400_000;
    const end = Date.UTC(2100, 11, 31) / 86_400_000;
    for (let n = start; n <= end; n++) {
      const iso = new Date(n * 86_400_000).toISOString().slice(0, 10);
      if (dayToIso(n) !== iso || isoToDay(iso) !== n || yearOfDay(n) !== Number(iso.slice(0, 4))) {
        throw new Error(`day ${n}: ${dayToIso(n)} (year ${yearOfDay(n)}) vs ${iso}`);
      }
    }
    expect(dayNumber(1970, 1, 1)).toBe(0);
    expect(dayToIso(dayNumber(2024, 2, 29))).toBe('2024-02-29');
  });

  it('shift by whole years, turning 29 February into 28 February in common years', () => {
    expect(shiftYears('2024-02-29', -1)).toBe('2023-02-28');
    expect(shiftYears('2024-02-29', -4)).toBe('2020-02-29');
    expect(shiftYears('1991-03-01', 33)).toBe('2024-03-01');
  });
});
