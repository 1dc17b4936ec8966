/** `--engine`: which rule evaluator a command uses. Both give the same verdicts; the compiled one is the default. */
import { createReferenceEvaluator } from '../engine/rules/createReferenceEvaluator.ts';
import type { EvaluatorFactory } from '../engine/rules/RuleEvaluator.ts';
import { createGeneratedEvaluator } from './createGeneratedEvaluator.ts';
import type { OptionSpec } from './parseArgs.ts';

export const ENGINE_OPTION = {
  name: 'engine', type: 'enum', values: ['compiled', 'reference'], default: 'compiled', valueName: 'compiled|reference',
  description: {
    vi: 'cách đánh giá quy tắc: compiled (biên dịch sẵn, nhanh) hoặc reference (json-rules-engine, chuẩn ngữ nghĩa để đối chiếu); cùng kết luận',
    en: 'how rules are evaluated: compiled (fast) or reference (json-rules-engine, the semantics oracle, for comparison); same verdicts',
  },
} as const satisfies OptionSpec;

/** The evaluator `--engine` names (compiled: with generated code, see createGeneratedEvaluator.ts). */
export function evaluatorOf(engine: (typeof ENGINE_OPTION.values)[number]): EvaluatorFactory {
  return engine === 'reference' ? createReferenceEvaluator : createGeneratedEvaluator;
}
