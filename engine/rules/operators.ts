/**
 * The operators rules may use: json-rules-engine's built-ins, its operator decorators (`someFact:in`, `not:equal`),
 * and our custom ones. Custom operators are declared here once, with their evaluator, so that the reference engine
 * and any fast evaluator register the very same function.
 */

export const BUILTIN_OPERATORS = [
  'equal', 'notEqual', 'in', 'notIn', 'contains', 'doesNotContain',
  'lessThan', 'lessThanInclusive', 'greaterThan', 'greaterThanInclusive',
] as const;

export const OPERATOR_DECORATORS = ['someFact', 'someValue', 'everyFact', 'everyValue', 'swap', 'not'] as const;

export const NUMERIC_OPERATORS: ReadonlySet<string> = new Set(['lessThan', 'lessThanInclusive', 'greaterThan', 'greaterThanInclusive']);

export interface CustomOperator {
  name: string;
  /** Same contract as json-rules-engine: `(factValue, ruleValue) => boolean`. */
  evaluate: (factValue: unknown, ruleValue: unknown) => boolean;
  /** When given and false for the fact value, the operator yields false without calling `evaluate`. */
  validateFactValue?: (factValue: unknown) => boolean;
  label: { vi: string; en: string };
}

/** `fact` (a list) shares at least one element with `value` (a list): "quy hoạch một trong các chức danh". */
const intersects: CustomOperator = {
  name: 'intersects',
  evaluate: (a, b) => Array.isArray(b) && (a as unknown[]).some((x) => b.includes(x)),
  validateFactValue: Array.isArray,
  label: { vi: 'có ít nhất một trong', en: 'shares an element with' },
};

export const CUSTOM_OPERATORS: readonly CustomOperator[] = [intersects];

const BASE = new Set<string>([...BUILTIN_OPERATORS, ...CUSTOM_OPERATORS.map((o) => o.name)]);
const DECORATORS = new Set<string>(OPERATOR_DECORATORS);

/** All operator names without decorators, for "did you mean" hints. */
export const OPERATOR_NAMES: readonly string[] = [...BASE];

/** True when `name` is an operator, possibly decorated (`someFact:in`, `not:someValue:equal`). */
export function isKnownOperator(name: string): boolean {
  const parts = name.split(':');
  const base = parts.pop()!;
  return BASE.has(base) && parts.every((p) => DECORATORS.has(p));
}

/** The undecorated operator of a possibly decorated name. */
export function baseOperator(name: string): string {
  return name.split(':').pop()!;
}
