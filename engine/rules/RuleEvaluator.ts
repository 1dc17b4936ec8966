/**
 * What any rule evaluator (json-rules-engine reference, or a compiled one) returns for one cadre: whether each rule
 * that applies to the nomination's level and mode passed, in ruleset order.
 */
import type { Mode, TrainingLevel } from '../documents/enums.ts';
import type { Rule, Ruleset } from '../documents/ruleset.ts';
import type { Facts } from './facts.ts';
import type { OutcomePattern } from './OutcomePattern.ts';

export interface RuleOutcome { rule: Rule; passed: boolean }

export interface RuleEvaluator {
  evaluate(facts: Facts, level: TrainingLevel, mode: Mode): RuleOutcome[] | Promise<RuleOutcome[]>;
  /**
   * The same outcomes as `evaluate`, synchronously, as an interned pattern (see OutcomePattern.ts): what bulk checks
   * use. Only synchronous evaluators have it.
   */
  evaluatePattern?(facts: Facts, level: TrainingLevel, mode: Mode): OutcomePattern;
}

/** A synchronous evaluator (the compiled one): outcomes at once, and as interned patterns. */
export interface SyncRuleEvaluator extends RuleEvaluator {
  evaluate(facts: Facts, level: TrainingLevel, mode: Mode): RuleOutcome[];
  evaluatePattern(facts: Facts, level: TrainingLevel, mode: Mode): OutcomePattern;
}

export type EvaluatorFactory = (ruleset: Ruleset) => RuleEvaluator;

/** The rules of a ruleset that apply to a level and mode, in document order. */
export function applicableRules(ruleset: Ruleset, level: TrainingLevel, mode: Mode): Rule[] {
  return ruleset.rules.filter((r) => r.level === level && (!r.modes || r.modes.includes(mode)));
}
