/**
 * The simulation's memory of eligibility checks: the typed-array table gives back what was made for each
 * (cadre, nomination) and makes nothing twice until it starts afresh at its bound; a scenario's remembered answers
 * (screening, guard, recorded verdict, full check) equal the checker's own.
 */
import fc from 'fast-check';
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import type { Nomination } from '../../engine/documents/cadre.ts';
import { screeningVerdictOf } from '../../engine/lifecycle/learnerSpecs.ts';
import type { CheckOutcome, ScreenOutcome } from '../../engine/rules/createChecker.ts';
import { createScreeningMemo, nominationKey } from '../../engine/simulate/createScreeningMemo.ts';
import { toScreening, type Screening } from '../../engine/rules/screenVerdict.ts';
import { hanoiPlan, scenario, spec } from './simulateKit.ts';

const LEVELS = ['elementary', 'intermediate', 'advanced'] as const;
const MODES = ['full-time', 'part-time'] as const;
const DATES = ['2024-03-01', '2024-03-08', '2025-06-30', '2025-07-01', '2025-10-01', '2026-01-15'];

const screening = (tag: string): Screening => ({ ok: true, ruleset: tag, regulation: tag, eligible: true, failures: [], institution: null });

describe('createScreeningMemo', () => {
  it('keys nominations by day, level and mode, all distinct', () => {
    const keys = new Set<number>();
    for (const on of DATES) for (const level of LEVELS) for (const mode of MODES) keys.add(nominationKey({ level, mode, on }));
    expect(keys.size).toBe(DATES.length * LEVELS.length * MODES.length);
  });

  it('gives back what it made, makes each entry once, and starts afresh past its bound', () => {
    fc.assert(fc.property(
      fc.integer({ min: 8, max: 200 }),
      fc.array(fc.record({ cadre: fc.integer({ min: 0, max: 5000 }), date: fc.constantFrom(...DATES), level: fc.constantFrom(...LEVELS), mode: fc.constantFrom(...MODES), full: fc.boolean() }), { maxLength: 600 }),
      (limit, lookups) => {
        const memo = createScreeningMemo(limit);
        // The reference: what is held since the last fresh start, and how many times each entry was made.
        let held = new Map<string, { screen: ScreenOutcome; full?: CheckOutcome }>();
        for (const q of lookups) {
          const n: Nomination = { level: q.level, mode: q.mode, on: q.date };
          const id = `${q.cadre}|${q.date}|${q.level}|${q.mode}`;
          const before = held.get(id);
          if (!before && held.size >= limit) held = new Map();
          let made = 0;
          if (q.full) {
            const verdict = { ruleset: id, regulation: id, eligible: true, failures: [], institution: null } as unknown as Extract<CheckOutcome, { ok: true }>['verdict'];
            const o = memo.outcome(q.cadre, n, () => { made++; return { ok: true, verdict }; });
            const mine = held.get(id);
            if (mine?.full) { expect(made).toBe(0); expect(o).toBe(mine.full); } else {
              expect(made).toBe(1);
              if (mine) mine.full = o; else held.set(id, { screen: toScreening(verdict), full: o });
            }
          } else {
            const o = memo.screening(q.cadre, n, () => { made++; return screening(id); });
            const mine = held.get(id);
            if (mine) { expect(made).toBe(0); expect(o).toEqual(mine.screen); } else { expect(made).toBe(1); held.set(id, { screen: o }); }
          }
          expect(memo.size).toBe(held.size);
        }
      },
    ), { seed: 20261203, numRuns: 150 });
  });
  it('keeps every entry while it grows from a few thousand slots to hundreds of thousands', () => {
    const memo = createScreeningMemo(400_000);
    const shared = [screening('a'), screening('b'), screening('c')];
    const entries: Array<{ cadre: number; n: Nomination; s: Screening }> = [];
    for (let k = 0; k < 150_000; k++) {
      // 150,000 distinct (cadre, nomination) pairs, in a scrambled order.
      const i = (k * 7919) % 150_000;
      const combo = Math.floor(i / 50_000);
      const n: Nomination = { level: LEVELS[combo]!, mode: MODES[combo % 2]!, on: DATES[combo * 2]! };
      entries.push({ cadre: i % 50_000, n, s: shared[i % 3]! });
    }
    const made = new Map<string, Screening>();
    for (const e of entries) {
      const id = `${e.cadre}|${nominationKey(e.n)}`;
      const o = memo.screening(e.cadre, e.n, () => { expect(made.has(id)).toBe(false); made.set(id, e.s); return e.s; });
      expect(o).toBe(made.get(id));
    }
    expect(memo.size).toBe(made.size);
    expect(made.size).toBe(150_000);
    // Everything is still there, in any order, and nothing is made again.
    for (let i = entries.length - 1; i >= 0; i -= 3) {
      const e = entries[i]!;
      expect(memo.screening(e.cadre, e.n, () => { throw new Error('made twice'); })).toBe(made.get(`${e.cadre}|${nominationKey(e.n)}`));
    }
  });
});

describe('a scenario remembers checks as the checker makes them', () => {
  it('screening, guard, recorded verdict and full check agree with checkSync, first time and remembered', () => {
    const sc = scenario(spec(hanoiPlan(), { kind: 'generate', count: 400, seed: 'memo', referenceDate: '2024-03-01' }));
    // Dates close together share check signatures (createCheckSignature.ts): later ones are answered from earlier ones.
    const dates = ['2024-04-10', '2024-04-17', '2024-09-02', '2025-06-30', '2025-07-01', '2025-10-01', '2025-12-31', '2026-01-02'];
    for (let pass = 0; pass < 2; pass++) {
      sc.cadres.forEach((p, i) => {
        for (const on of dates) for (const level of LEVELS) {
          const n: Nomination = { level, mode: 'part-time', on };
          const full = sc.checker.checkSync(p, n);
          const s = sc.screen(i, n);
          expect(s).toEqual(full.ok ? toScreening(full.verdict) : full);
          expect(sc.isEligible(p, n)).toBe(full.ok && full.verdict.eligible);
          expect(sc.recordedVerdict(p, n)).toEqual(screeningVerdictOf(full));
          expect(sc.check(p, n)).toEqual(full);
        }
      });
    }
  });

  it('remembers refusals too (a date before any regulation): the checker is asked once per cadre and date', () => {
    const sc = scenario(spec(hanoiPlan(), { kind: 'generate', count: 50, seed: 'refused', referenceDate: '2024-03-01' }));
    let asked = 0;
    const screenSync = sc.checker.screenSync.bind(sc.checker);
    (sc.checker as { screenSync: typeof screenSync }).screenSync = (p, n) => { asked++; return screenSync(p, n); };
    const n: Nomination = { level: 'intermediate', mode: 'part-time', on: '2021-06-01' };
    const first = sc.cadres.map((_, i) => sc.screen(i, n));
    expect(first.every((o) => !o.ok)).toBe(true);
    expect(asked).toBe(sc.cadres.length);
    const again = sc.cadres.map((_, i) => sc.screen(i, n));
    expect(asked).toBe(sc.cadres.length);
    expect(again).toEqual(first);
  });

  it('checks a nomination with a request to study on its own, never from the memo of one without', () => {
    const sc = scenario(spec(hanoiPlan(), { kind: 'generate', count: 300, seed: 'request', referenceDate: '2024-03-01' }));
    let differ = 0;
    for (const onRequest of [undefined, true, false, undefined]) {
      sc.cadres.forEach((p, i) => {
        const n: Nomination = { level: 'elementary', mode: 'part-time', on: '2024-04-10', ...(onRequest === undefined ? {} : { onRequest }) };
        const full = sc.checker.checkSync(p, n);
        expect(sc.screen(i, n)).toEqual(full.ok ? toScreening(full.verdict) : full);
        expect(sc.recordedVerdict(p, n)).toEqual(screeningVerdictOf(full));
        if (onRequest && full.ok && !isDeepStrictEqual(full, sc.checker.checkSync(p, { ...n, onRequest: false }))) differ++;
      });
    }
    // The request changes some cadres' checks, so the test would see a memo that confused the two.
    expect(differ).toBeGreaterThan(0);
  });
});
