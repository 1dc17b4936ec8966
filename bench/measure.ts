/** Timing helpers for the benchmark: wall-clock seconds, rates, progress on stderr (stdout carries the JSON). */

export interface Rate {
  /** Operations timed (over all passes). */
  count: number;
  seconds: number;
  /** Operations per second of the best pass. */
  perSecond: number;
  passes: number;
}

export function log(message: string): void {
  process.stderr.write(`[bench] ${message}\n`);
}

/**
 * Runs `pass` (which performs `opsPerPass` operations) until at least `minSeconds` have elapsed and at least
 * `minPasses` passes ran, at most `maxPasses`; the best pass gives the rate (the others absorb JIT warm-up and noise
 * from other processes on this shared machine).
 */
export function timeSync(opsPerPass: number, pass: () => void, options: { minSeconds?: number; minPasses?: number; maxPasses?: number } = {}): Rate {
  const { minSeconds = 1, minPasses = 2, maxPasses = 7 } = options;
  let best = Number.POSITIVE_INFINITY;
  let total = 0;
  let passes = 0;
  while (passes < maxPasses && (passes < minPasses || total < minSeconds)) {
    const t = performance.now();
    pass();
    const s = (performance.now() - t) / 1000;
    best = Math.min(best, s);
    total += s;
    passes++;
  }
  return { count: opsPerPass * passes, seconds: round(total, 3), perSecond: Math.round(opsPerPass / best), passes };
}

/** One timed pass of an asynchronous loop (the reference evaluator is too slow to repeat). */
export async function timeAsync(ops: number, pass: () => Promise<void>): Promise<Rate> {
  const t = performance.now();
  await pass();
  const s = (performance.now() - t) / 1000;
  return { count: ops, seconds: round(s, 3), perSecond: Math.round(ops / s), passes: 1 };
}

/** A full garbage collection when node runs with --expose-gc (as `npm run bench` does), so that one phase's garbage is not billed to the next. */
export function collectGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

export function round(x: number, digits = 1): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

export function envInt(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw.replaceAll('_', ''));
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a non-negative integer, got "${raw}"`);
  return n;
}

export function peakRssMiB(): number {
  return round(process.resourceUsage().maxRSS / 1024);
}

/**
 * Subjects timed in alternating passes (a, b, c, a, b, c…), `passes` each, best pass of each: on a shared machine
 * they then see the same moments of load, so their ratios are steadier than phases timed one after the other.
 */
export function timeAlternating<T extends Array<() => void>>(opsPerPass: number, ...subjects: T): { [K in keyof T]: Rate } {
  const passes = 7;
  const best = subjects.map(() => Number.POSITIVE_INFINITY);
  const total = subjects.map(() => 0);
  for (let p = 0; p < passes; p++) {
    subjects.forEach((pass, k) => {
      const t = performance.now();
      pass();
      const s = (performance.now() - t) / 1000;
      best[k] = Math.min(best[k]!, s);
      total[k]! += s;
    });
  }
  return subjects.map((_, k): Rate => ({ count: opsPerPass * passes, seconds: round(total[k]!, 3), perSecond: Math.round(opsPerPass / best[k]!), passes })) as { [K in keyof T]: Rate };
}
