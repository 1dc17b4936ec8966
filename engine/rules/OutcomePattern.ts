/**
 * The outcomes of one evaluation as a pattern: the applicable rules, in ruleset order, and whether each passed.
 * A cohort of a million cadres shows a few hundred distinct patterns per level and mode, so a synchronous
 * evaluator interns them (`createPatternTable`): one frozen pattern object per distinct outcome, shared by every
 * cadre that has it, and everything a verdict derives from the outcomes alone is worked out once per pattern.
 */
import type { Rule } from '../documents/ruleset.ts';
import type { RuleOutcome } from './RuleEvaluator.ts';

export interface OutcomePattern {
  /** The applicable rules, in ruleset order (the same array for every pattern of one table). */
  readonly rules: readonly Rule[];
  /** `passed[i]`: whether `rules[i]` passed. */
  readonly passed: readonly boolean[];
}

export interface PatternTable {
  /**
   * The pattern for `passed` (read up to `rules.length`, not kept): the same object for the same outcomes while
   * the table holds fewer than `MAX_PATTERNS`, then a fresh one each time.
   */
  intern(passed: ArrayLike<boolean | number>): OutcomePattern;
  /**
   * The same for outcomes given as bits (bit i set: `rules[i]` passed), for tables of at most `MAX_BIT_RULES` rules;
   * throws a RangeError for a larger table.
   */
  internBits(bits: number): OutcomePattern;
}

/** Distinct patterns one table keeps; past this each call builds its own (memory stays bounded). */
export const MAX_PATTERNS = 65_536;

/** Up to this many rules, a pattern's key is a small integer (bit i: rule i passed); past it, a string of 0s and 1s. */
export const MAX_BIT_RULES = 30;

/** A table of interned patterns over one list of applicable rules. */
export function createPatternTable(rules: readonly Rule[]): PatternTable {
  const n = rules.length;
  const byBits = new Map<number, OutcomePattern>();
  const byText = new Map<string, OutcomePattern>();

  function make(passed: ArrayLike<boolean | number>): OutcomePattern {
    const out = new Array<boolean>(n);
    for (let i = 0; i < n; i++) out[i] = !!passed[i];
    return Object.freeze({ rules, passed: Object.freeze(out) });
  }

  function fromBits(bits: number): OutcomePattern {
    const out = new Array<boolean>(n);
    for (let i = 0; i < n; i++) out[i] = (bits & (1 << i)) !== 0;
    return Object.freeze({ rules, passed: Object.freeze(out) });
  }

  function internBits(bits: number): OutcomePattern {
    let p = byBits.get(bits);
    if (p === undefined) {
      p = fromBits(bits);
      if (byBits.size < MAX_PATTERNS) byBits.set(bits, p);
    }
    return p;
  }

  return {
    internBits(bits) {
      if (n > MAX_BIT_RULES) throw new RangeError(`outcomes as bits need at most ${MAX_BIT_RULES} rules, this table has ${n}`);
      return internBits(bits);
    },
    intern(passed) {
      if (n <= MAX_BIT_RULES) {
        let key = 0;
        for (let i = 0; i < n; i++) if (passed[i]) key |= 1 << i;
        return internBits(key);
      }
      let key = '';
      for (let i = 0; i < n; i++) key += passed[i] ? '1' : '0';
      let p = byText.get(key);
      if (p === undefined) {
        p = make(passed);
        if (byText.size < MAX_PATTERNS) byText.set(key, p);
      }
      return p;
    },
  };
}

/**
 * Interns outcome lists (an asynchronous evaluator's results, fresh objects each time) into the patterns of one
 * table per list of applicable rules, so that verdicts built from them share their work as the synchronous path's do.
 */
export function createOutcomeInterner(): { intern(outcomes: readonly RuleOutcome[]): OutcomePattern } {
  /** Tables by their first rule (by `undefined` for no rules), each with the rule list it serves. */
  const tables = new Map<Rule | undefined, Array<{ rules: readonly Rule[]; table: PatternTable }>>();
  const sameRules = (rules: readonly Rule[], outcomes: readonly RuleOutcome[]) =>
    rules.length === outcomes.length && rules.every((r, i) => r === outcomes[i]!.rule);
  return {
    intern(outcomes) {
      const first = outcomes[0]?.rule;
      let candidates = tables.get(first);
      if (!candidates) { candidates = []; tables.set(first, candidates); }
      let entry = candidates.find((c) => sameRules(c.rules, outcomes));
      if (!entry) {
        const rules = outcomes.map((o) => o.rule);
        entry = { rules, table: createPatternTable(rules) };
        candidates.push(entry);
      }
      return entry.table.intern(outcomes.map((o) => o.passed));
    },
  };
}
