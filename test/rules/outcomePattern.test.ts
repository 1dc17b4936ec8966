import { describe, expect, it } from 'vitest';
import type { Rule } from '../../engine/documents/ruleset.ts';
import { createOutcomeInterner, createPatternTable, MAX_PATTERNS } from '../../engine/rules/OutcomePattern.ts';

const rules = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `r${i}` }) as Rule);
const bits = (n: number, k: number) => Array.from({ length: n }, (_, i) => (Math.floor(k / 2 ** i) % 2 === 1));

describe('interned outcome patterns', () => {
  it('give one frozen object per distinct outcome, whatever array the outcome comes in', () => {
    const list = rules(5);
    const table = createPatternTable(list);
    const a = table.intern([true, false, true, false, false]);
    expect(table.intern(Uint8Array.of(1, 0, 1, 0, 0))).toBe(a);
    expect(table.intern([true, false, true, false, true])).not.toBe(a);
    expect(a.rules).toBe(list);
    expect(a.passed).toEqual([true, false, true, false, false]);
    expect(Object.isFrozen(a) && Object.isFrozen(a.passed)).toBe(true);
  });

  it('read only as many results as there are rules (the buffer may be longer)', () => {
    const table = createPatternTable(rules(3));
    expect(table.intern(Uint8Array.of(1, 1, 0, 1, 1))).toBe(table.intern([true, true, false]));
  });

  it('tell apart every outcome of more rules than fit in a number key', () => {
    const table = createPatternTable(rules(40));
    const seen = new Set<unknown>();
    for (let k = 0; k < 500; k++) {
      const outcome = bits(40, k * 2 ** 31 + k);
      const p = table.intern(outcome);
      expect(p.passed).toEqual(outcome);
      expect(table.intern(outcome)).toBe(p);
      seen.add(p);
    }
    expect(seen.size).toBe(500);
  });

  it(`stop remembering after ${MAX_PATTERNS} distinct outcomes, and stay correct`, () => {
    const table = createPatternTable(rules(17));
    for (let k = 0; k < MAX_PATTERNS; k++) table.intern(bits(17, k));
    const late = bits(17, MAX_PATTERNS + 5);
    const p = table.intern(late);
    expect(p.passed).toEqual(late);
    expect(table.intern(late)).not.toBe(p);
    expect(table.intern(bits(17, 7))).toBe(table.intern(bits(17, 7)));
  });

  it('turn an asynchronous evaluator\'s outcome lists into patterns, one table per list of rules', () => {
    const list = rules(2);
    const interner = createOutcomeInterner();
    const p = interner.intern([{ rule: list[0]!, passed: true }, { rule: list[1]!, passed: false }]);
    expect(p).toEqual({ rules: list, passed: [true, false] });
    expect(interner.intern([{ rule: list[0]!, passed: true }, { rule: list[1]!, passed: false }])).toBe(p);
    const shorter = interner.intern([{ rule: list[0]!, passed: true }]);
    expect(shorter).toEqual({ rules: [list[0]], passed: [true] });
    expect(interner.intern([])).toEqual({ rules: [], passed: [] });
  });
});
