/**
 * A small seeded pseudo-random generator for synthetic data: sfc32 (Chris Doty-Humphrey's "small fast chaotic"
 * generator, 128-bit state), seeded through splitmix32 so that nearby seeds give unrelated streams. Pure: the same
 * seed always gives the same sequence, in Node and in the browser. Not for anything secret.
 */

/** A seed: an unsigned 32-bit integer, or any text (hashed). */
export type Seed = number | string;

export interface Rng {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max], both ends included. */
  int(min: number, max: number): number;
  /** True with probability `p`. */
  chance(p: number): boolean;
  /** One element of a non-empty list, uniformly. */
  pick<T>(items: readonly T[]): T;
  /** Approximately normal (Irwin–Hall sum of four uniforms): mean `mean`, standard deviation `sd`, within ±3.46 sd. */
  normal(mean: number, sd: number): number;
}

/** A weighted choice built once and drawn many times (cumulative table, linear scan: the tables here are short). */
export interface Weighted<T> {
  readonly values: readonly T[];
  draw(rng: Rng): T;
}

function hashText(text: string): number {
  // FNV-1a over UTF-16 code units.
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * Writes the first `count` values `createRng(seed).next()` would give into `out` from index `from` (by default, fills
 * `out`), without building a generator (for bulk work such as one short stream per cadre per simulated run). `seed`
 * is an unsigned 32-bit integer.
 */
export function fillUniforms(seed: number, out: { length: number; [i: number]: number }, from = 0, count = out.length - from): void {
  // splitmix32 four times, then sfc32, as createRng does (written out: no closure and no array per call; the state
  // stays in 32-bit integers, which the engine keeps unboxed).
  let s = seed | 0;
  s = (s + 0x9e3779b9) | 0;
  let a = mix32(s);
  s = (s + 0x9e3779b9) | 0;
  let b = mix32(s);
  s = (s + 0x9e3779b9) | 0;
  let c = mix32(s);
  s = (s + 0x9e3779b9) | 0;
  let d = mix32(s);
  for (let i = -12; i < count; i++) {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    if (i >= 0) out[from + i] = (t >>> 0) / 4294967296;
  }
}

/** splitmix32's output function, as a signed 32-bit integer (its bits are what sfc32 reads). */
function mix32(s: number): number {
  let z = s;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return z ^ (z >>> 16);
}

/** Creates a generator from `seed`: an integer in 0…2^32−1 is used as is; any other number or text is hashed. */
export function createRng(seed: Seed): Rng {
  let s = typeof seed === 'number' && Number.isInteger(seed) && seed >= 0 && seed <= 0xffffffff ? seed : hashText(String(seed));
  const splitmix = (): number => {
    s = (s + 0x9e3779b9) | 0;
    return mix32(s) >>> 0;
  };
  let a = splitmix();
  let b = splitmix();
  let c = splitmix();
  let d = splitmix();

  const next = (): number => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  for (let i = 0; i < 12; i++) next();

  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    chance: (p) => next() < p,
    pick: <T>(items: readonly T[]): T => {
      if (items.length === 0) throw new RangeError('pick from an empty list');
      return items[Math.floor(next() * items.length)] as T;
    },
    normal: (mean, sd) => mean + sd * ((next() + next() + next() + next() - 2) * Math.sqrt(3)),
  };
}

/**
 * Builds a weighted choice from `[value, weight]` pairs. Weights need not sum to 1; zero weights are allowed,
 * negative ones and an all-zero table are bugs.
 */
export function weighted<T>(entries: readonly (readonly [T, number])[]): Weighted<T> {
  const values = entries.map(([v]) => v);
  const cumulative = new Float64Array(entries.length);
  let total = 0;
  entries.forEach(([v, w], i) => {
    if (!(w >= 0)) throw new RangeError(`negative weight for ${String(v)}`);
    total += w;
    cumulative[i] = total;
  });
  if (!(total > 0)) throw new RangeError('weighted choice with no positive weight');
  const last = values.length - 1;
  return {
    values,
    draw(rng) {
      const x = rng.next() * total;
      for (let i = 0; i < last; i++) if (x < cumulative[i]!) return values[i] as T;
      return values[last] as T;
    },
  };
}
