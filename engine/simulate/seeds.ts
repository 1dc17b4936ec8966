/**
 * Seeds of a simulation. Run `i` of a Monte Carlo with seed `S` always has the seed `runSeed(S, i)`, whichever worker
 * runs it and however many there are; inside a run, every class, agency and cadre draws from its own stream
 * (`streamSeed(run, key)`), so two scenarios run on the same seeds give a cadre the same fate wherever the rules
 * let the cadre reach the same step (common random numbers). Pure.
 */
import type { Seed } from '../generate/createRng.ts';

/** FNV-1a over UTF-16 code units. */
export function hashText(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

function mix(a: number, b: number): number {
  let z = (a ^ Math.imul(b, 0x9e3779b9)) >>> 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

/** The base seed as an unsigned 32-bit integer (a number in range as is; anything else hashed). */
export function baseSeed(seed: Seed): number {
  return typeof seed === 'number' && Number.isInteger(seed) && seed >= 0 && seed <= 0xffffffff ? seed : hashText(String(seed));
}

/** The seed of run `index` (0-based) of a Monte Carlo started with `seed`. */
export function runSeed(seed: Seed, index: number): number {
  return mix(baseSeed(seed), index + 1);
}

/** The seed of one stream inside a run: `key` is a pre-hashed name (`hashText('class:tc-01')`, a cadre id…). */
export function streamSeed(run: number, key: number): number {
  return mix(run, key);
}
