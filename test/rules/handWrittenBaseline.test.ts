import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HAND_WRITTEN } from '../../bench/handWritten/handWrittenEvaluators.ts';
import { builtinDocuments } from '../../engine/builtin.ts';
import { CadreProfile, type Nomination } from '../../engine/documents/cadre.ts';
import type { Ruleset } from '../../engine/documents/ruleset.ts';
import { generateBuiltinCohort } from '../../engine/generate/generateBuiltinCohort.ts';
import { createReferenceEvaluator } from '../../engine/rules/createReferenceEvaluator.ts';
import { deriveFacts, indexPositions } from '../../engine/rules/facts.ts';
import { indexProvinces } from '../../engine/rules/provinces.ts';
import type { RuleOutcome } from '../../engine/rules/RuleEvaluator.ts';
import { cadreCaseArb, LEVEL_MODES } from './differentialCadres.ts';

const docs = builtinDocuments();
const ctx = { positions: indexPositions(docs.positions), provinces: indexProvinces(docs.institutions) };
/** One date inside each regulation's period, as the benchmark uses. */
const BENCH_DATES: Record<string, string> = { '57-qd-tw': '2024-03-01', '350-qd-tw': '2026-03-01' };

/** Rules that cannot fail where they apply: the academy tier names the level it belongs to (`level` is `advanced`). */
const CANNOT_FAIL = new Set(['cc-tier-academy', 'cc350-tier-academy']);

const bitsOf = (outcomes: RuleOutcome[]) => outcomes.reduce((bits, o, i) => (o.passed ? bits | (1 << i) : bits), 0);
const names = (outcomes: RuleOutcome[], bits: number) => outcomes.filter((_, i) => (bits & (1 << i)) !== 0).map((o) => o.rule.id);

function harness(ruleset: Ruleset) {
  const reference = createReferenceEvaluator(ruleset);
  const hand = HAND_WRITTEN[ruleset.id]!;
  const tally = { cases: 0, passes: new Array<number>(ruleset.rules.length).fill(0), fails: new Array<number>(ruleset.rules.length).fill(0) };
  return {
    tally,
    async compare(profile: CadreProfile, nomination: Nomination) {
      const { facts } = deriveFacts(profile, nomination, ctx);
      const expected = await reference.evaluate(facts, nomination.level, nomination.mode);
      const actual = hand(facts, nomination.level, nomination.mode);
      if (actual !== bitsOf(expected)) {
        expect({ id: profile.id, nomination, passed: names(expected, actual) }).toEqual({ id: profile.id, nomination, passed: names(expected, bitsOf(expected)) });
      }
      tally.cases++;
      expected.forEach((o) => { const k = ruleset.rules.indexOf(o.rule); if (o.passed) tally.passes[k]!++; else tally.fails[k]!++; });
    },
  };
}

describe.each(builtinDocuments().rulesets.map((r) => [r.id, r] as const))('the hand-written baseline of %s', (_, ruleset) => {
  it('gives json-rules-engine\'s outcomes for a generated cohort like the benchmark\'s, every level and mode', async () => {
    const h = harness(ruleset);
    const cohort = generateBuiltinCohort({ count: 1500, seed: 'hand-written-baseline' }).map((p) => CadreProfile.parse(p));
    for (const [i, profile] of cohort.entries()) {
      const [level, mode] = LEVEL_MODES[i % LEVEL_MODES.length]!;
      await h.compare(profile, { level, mode, on: BENCH_DATES[ruleset.id]! });
    }
    expect(h.tally.cases).toBe(1500);
  });

  it('gives json-rules-engine\'s outcomes for random cadres on random dates, and every rule both passes and fails', async () => {
    const h = harness(ruleset);
    await fc.assert(fc.asyncProperty(cadreCaseArb, async ({ profile, dates, onRequest }) => {
      const on = ruleset.id === '57-qd-tw' ? dates[0] : dates[1];
      for (const [level, mode] of LEVEL_MODES) await h.compare(profile, { level, mode, on, onRequest });
    }), { seed: 24_57_350, numRuns: 400 });
    // The comparison means something only when each predicate was seen deciding both ways.
    ruleset.rules.forEach((rule, k) => {
      expect.soft(h.tally.passes[k], `${rule.id} passed`).toBeGreaterThan(0);
      if (CANNOT_FAIL.has(rule.id)) expect.soft(h.tally.fails[k], `${rule.id} failed`).toBe(0);
      else expect.soft(h.tally.fails[k], `${rule.id} failed`).toBeGreaterThan(0);
    });
  });
});
