/**
 * json-rules-engine 7.3.1's operators and operator decorators as plain functions, composed once at compile time.
 * Each function is the library's `Operator.evaluate`: `validator(factValue) && callback(factValue, jsonValue)`, so the
 * result keeps the library's shape (a falsy validator result short-circuits without calling the callback).
 *
 * Odd corners copied on purpose (see node_modules/json-rules-engine/dist/engine-default-operators.js):
 * - `equal`/`notEqual` are strict (`===`): `'5'` is not equal to `5`.
 * - `in`/`notIn` call `value.indexOf(fact)`: a string value means substring match (`'abc'.indexOf('b')`, and the fact
 *   is coerced, so `null` is found in `'annulled'`); a value without `indexOf` (number, null, object) throws.
 * - `contains`/`doesNotContain` need an array fact (validator `Array.isArray`), otherwise they are false.
 * - the numeric operators first run `Number.parseFloat(fact).toString() !== 'NaN'`, then compare with JS coercion:
 *   `'50' > 40` is true, `[5] < 6` is true, `null < 1` and `'' < 1` are false (validator), and `'40abc' >= 40` is
 *   false although `'40abc'` passes the validator (parseFloat reads 40, the comparison converts it to NaN).
 * - decorators wrap the operator named after them: `someFact:in` needs an array fact and tries each element;
 *   `someValue:`/`everyValue:` call `value.some`/`value.every` and throw on a non-array value; `swap:` exchanges the
 *   fact and the value *before* the inner operator's validator runs; `not:` negates the inner result and has no
 *   validator of its own, so `not:lessThan` on a non-number fact is true.
 */
import { CUSTOM_OPERATORS } from '../operators.ts';

/** `(factValue, jsonValue) => result`, exactly json-rules-engine's `Operator.evaluate`. */
export type OperatorFn = (factValue: unknown, jsonValue: unknown) => unknown;

type Callback = (factValue: unknown, jsonValue: unknown) => unknown;
type Validator = (factValue: unknown) => unknown;
type DecoratorCallback = (factValue: unknown, jsonValue: unknown, next: OperatorFn) => unknown;

interface IndexOf { indexOf(x: unknown): number }
interface ArrayLike { some(f: (x: unknown) => unknown): boolean; every(f: (x: unknown) => unknown): boolean }

/** json-rules-engine's `numberValidator`, with a shortcut for numbers (the same answer: valid unless NaN). */
export function isNumberLike(v: unknown): boolean {
  return typeof v === 'number' ? v === v : Number.parseFloat(v as string).toString() !== 'NaN';
}

function operator(cb: Callback, validator?: Validator): OperatorFn {
  // The library's default validator returns true, and `true && x` is `x`.
  return validator ? (a, b) => validator(a) && cb(a, b) : cb;
}

function builtinOperators(): Map<string, OperatorFn> {
  const ops = new Map<string, OperatorFn>();
  ops.set('equal', operator((a, b) => a === b));
  ops.set('notEqual', operator((a, b) => a !== b));
  ops.set('in', operator((a, b) => (b as IndexOf).indexOf(a) > -1));
  ops.set('notIn', operator((a, b) => (b as IndexOf).indexOf(a) === -1));
  ops.set('contains', operator((a, b) => (a as IndexOf).indexOf(b) > -1, Array.isArray));
  ops.set('doesNotContain', operator((a, b) => (a as IndexOf).indexOf(b) === -1, Array.isArray));
  /* eslint-disable @typescript-eslint/no-explicit-any -- JS relational coercion is the semantics being copied. */
  ops.set('lessThan', operator((a: any, b: any) => a < b, isNumberLike));
  ops.set('lessThanInclusive', operator((a: any, b: any) => a <= b, isNumberLike));
  ops.set('greaterThan', operator((a: any, b: any) => a > b, isNumberLike));
  ops.set('greaterThanInclusive', operator((a: any, b: any) => a >= b, isNumberLike));
  /* eslint-enable @typescript-eslint/no-explicit-any */
  return ops;
}

const DECORATORS = new Map<string, { cb: DecoratorCallback; validator?: Validator }>([
  ['someFact', { cb: (f, v, next) => (f as ArrayLike).some((x) => next(x, v)), validator: Array.isArray }],
  ['someValue', { cb: (f, v, next) => (v as ArrayLike).some((x) => next(f, x)) }],
  ['everyFact', { cb: (f, v, next) => (f as ArrayLike).every((x) => next(x, v)), validator: Array.isArray }],
  ['everyValue', { cb: (f, v, next) => (v as ArrayLike).every((x) => next(f, x)) }],
  ['swap', { cb: (f, v, next) => next(v, f) }],
  ['not', { cb: (f, v, next) => !next(f, v) }],
]);

/**
 * The operator table of one compiled ruleset: built-ins, then our custom operators (registered after the built-ins
 * in the reference engine too, so a custom operator of the same name wins).
 */
export function createOperatorTable(): Map<string, OperatorFn> {
  const ops = builtinOperators();
  for (const op of CUSTOM_OPERATORS) ops.set(op.name, operator(op.evaluate, op.validateFactValue));
  return ops;
}

/**
 * Resolves a possibly decorated operator name the way json-rules-engine's `OperatorMap.get` does: the longest
 * registered suffix is the operator, each `prefix:` before it must be a decorator, applied innermost first.
 * Returns `null` for an unknown operator or decorator (the reference then rejects with "Unknown operator").
 * Decorated operators are cached in the table under their full name, as the library does.
 */
export function lookupOperator(table: Map<string, OperatorFn>, name: string): OperatorFn | null {
  const decorators: string[] = [];
  let rest = name;
  while (!table.has(rest)) {
    const colon = rest.indexOf(':');
    if (colon <= 0) return null;
    const decorator = rest.slice(0, colon);
    if (!DECORATORS.has(decorator)) return null;
    decorators.unshift(decorator);
    rest = rest.slice(colon + 1);
  }
  let op = table.get(rest)!;
  for (const d of decorators) {
    const { cb, validator } = DECORATORS.get(d)!;
    const next = op;
    op = validator ? (f, v) => validator(f) && cb(f, v, next) : (f, v) => cb(f, v, next);
    rest = `${d}:${rest}`;
    table.set(rest, op);
  }
  return op;
}
