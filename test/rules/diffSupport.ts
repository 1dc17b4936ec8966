import { expect } from 'vitest';
import type { DiffSummary } from '../../engine/rules/diff/createCohortDiff.ts';
import type { CadreDiff } from '../../engine/rules/diff/diffVerdicts.ts';

/** The summary's per-rule counts, side by side, are what the returned rows show. */
export function expectRuleCountsMatchRows(diffs: readonly CadreDiff[], summary: DiffSummary): void {
  for (const name of ['a', 'b'] as const) {
    const counted: Record<string, number> = {};
    for (const d of diffs) {
      const s = d[name];
      if (s.ok) for (const f of s.failures) counted[f.rule] = (counted[f.rule] ?? 0) + 1;
    }
    expect(Object.fromEntries(Object.entries(summary.byRule[name]).map(([k, v]) => [k, v.count]))).toEqual(counted);
  }
}
