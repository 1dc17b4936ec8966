/**
 * The compiled evaluator as the CLI runs it: with generated code (engine/rules/compile/generateBitsSource.ts). The
 * engine only writes source text; this face may run it (Node allows code generation from strings unless started
 * with --disallow-code-generation-from-strings, and then the evaluator keeps its closures). The page does not pass a
 * maker: it runs under a Content-Security-Policy without 'unsafe-eval'.
 */
import { createCompiledEvaluator, type CompiledEvaluator, type MakeFunction } from '../engine/rules/compile/createCompiledEvaluator.ts';
import type { Ruleset } from '../engine/documents/ruleset.ts';

/** `new Function(...parameterNames, body)`: the only place outside tests where generated source becomes code. */
export const makeFunction: MakeFunction = (parameterNames, body) => new Function(...parameterNames, body) as (...args: never[]) => unknown;

/** `createCompiledEvaluator` with `makeFunction`: the same results as without it, faster on the fast plans. */
export function createGeneratedEvaluator(ruleset: Ruleset): CompiledEvaluator {
  return createCompiledEvaluator(ruleset, { makeFunction });
}
