/**
 * The one facade over json-rules-engine, the reference semantics of every ruleset. One engine is built per
 * (level, mode) on first use and reused; each rule's event type is its id.
 */
import { Engine, Operator } from 'json-rules-engine';
import type { Mode, TrainingLevel } from '../documents/enums.ts';
import type { Rule, Ruleset } from '../documents/ruleset.ts';
import { CUSTOM_OPERATORS } from './operators.ts';
import { applicableRules, type RuleEvaluator, type RuleOutcome } from './RuleEvaluator.ts';
import type { Facts } from './facts.ts';

export function createReferenceEvaluator(ruleset: Ruleset): RuleEvaluator {
  const engines = new Map<string, { engine: Engine; rules: Rule[] }>();

  function engineFor(level: TrainingLevel, mode: Mode) {
    const key = `${level}/${mode}`;
    let entry = engines.get(key);
    if (!entry) {
      const rules = applicableRules(ruleset, level, mode);
      // allowUndefinedFacts stays false: every fact is always supplied, so an unknown fact is a ruleset bug.
      const engine = new Engine([], { allowUndefinedFacts: false });
      for (const op of CUSTOM_OPERATORS) engine.addOperator(new Operator(op.name, op.evaluate, op.validateFactValue));
      rules.forEach((rule) => {
        // json-rules-engine rewrites conditions in place (priorities): hand it a copy, never the shared document.
        engine.addRule({ name: rule.id, conditions: structuredClone(rule.conditions) as never, event: { type: rule.id } });
      });
      entry = { engine, rules };
      engines.set(key, entry);
    }
    return entry;
  }

  return {
    async evaluate(facts: Facts, level: TrainingLevel, mode: Mode): Promise<RuleOutcome[]> {
      const { engine, rules } = engineFor(level, mode);
      let results;
      try {
        ({ results } = await engine.run({ ...facts }));
      } catch (error) {
        // After a rejected run json-rules-engine stays "running" for one more tick and would silently skip every rule
        // of the next run: drop the engine so the next evaluation builds a fresh one.
        engines.delete(`${level}/${mode}`);
        throw error;
      }
      const passed = new Set(results.map((r) => r.name as string));
      return rules.map((rule) => ({ rule, passed: passed.has(rule.id) }));
    },
  };
}
