/**
 * One leaf condition (`{ fact, operator, value, path?, params? }`) compiled to a closure over the facts object, with
 * the exact result json-rules-engine 7.3.1 gives: `operator(factValue at path, value or referenced fact at its path)`.
 *
 * Facts are plain data (see createCompiledEvaluator). A fact is present when it is an own property of the facts
 * object; a missing one throws `UndefinedFactError` ("Undefined fact: x"), like the reference with
 * `allowUndefinedFacts: false`. `params` only matter for computed facts; every fact here is a value, so they are
 * ignored, as the reference ignores them. A value `{ fact, path?, params? }` (an object with an own `fact` key) is a
 * fact reference; any other value is a literal. Values and paths are used as json-rules-engine sees them, after its
 * per-run copy (see cloneLikeRuleResult.ts).
 */
import { cloneLikeRuleResult } from './cloneLikeRuleResult.ts';
import { compilePath } from './compilePath.ts';
import { isNumberLike, lookupOperator, type OperatorFn } from './operatorTable.ts';

/** The facts of one evaluation: a plain object whose own properties are the facts. */
export type FactBag = Readonly<Record<string, unknown>>;
/** A compiled condition: its raw json-rules-engine result. */
export type Run = (facts: FactBag) => unknown;

/** The error json-rules-engine raises for a fact that is not supplied (same message and code). */
export class UndefinedFactError extends Error {
  readonly code = 'UNDEFINED_FACT';
  constructor(fact: unknown) {
    super(`Undefined fact: ${String(fact)}`);
    this.name = 'UndefinedFactError';
  }
}

const hasOwn = (o: object, k: string) => Object.prototype.hasOwnProperty.call(o, k);
/** Names a plain object inherits (`constructor`, `toString`, `__proto__`…): reading them needs an own-property check. */
const INHERITED: object = {};

/** Reads one fact, throwing when it is missing. A read giving `undefined` is the only case needing a second look. */
export function factReader(name: unknown): (facts: FactBag) => unknown {
  if (typeof name !== 'string') {
    // The reference keys its fact map by the (string) property names, so a non-string fact id is never found.
    return () => { throw new UndefinedFactError(name); };
  }
  if (name in INHERITED) {
    return (facts) => {
      if (!hasOwn(facts, name)) throw new UndefinedFactError(name);
      return facts[name];
    };
  }
  return (facts) => {
    const v = facts[name];
    if (v === undefined && !hasOwn(facts, name)) throw new UndefinedFactError(name);
    return v;
  };
}

/** `factValue(fact, params, path)`: the path applies only to a non-null object value. */
function pathReader(name: unknown, path: unknown): (facts: FactBag) => unknown {
  const read = factReader(name);
  if (!path) return read;
  const resolve = compilePath(path);
  return (facts) => {
    const v = read(facts);
    return v !== null && typeof v === 'object' ? resolve(v) : v;
  };
}

export function isFactReference(value: unknown): value is { fact: unknown; path?: unknown; params?: unknown } {
  return value !== null && typeof value === 'object' && hasOwn(value, 'fact');
}

export interface LeafInput {
  fact: unknown;
  operator: unknown;
  value: unknown;
  path?: unknown;
}

/** Compiles a leaf. `ops` is the ruleset's operator table (see operatorTable.ts). */
export function compileLeaf(leaf: LeafInput, ops: Map<string, OperatorFn>): Run {
  const name = leaf.operator;
  const op = typeof name === 'string' ? lookupOperator(ops, name) : null;
  if (!op) return () => { throw new Error(`Unknown operator: ${String(name)}`); };
  const value = cloneLikeRuleResult(leaf.value);
  const path = cloneLikeRuleResult(leaf.path);
  const readFact = pathReader(leaf.fact, path);
  if (isFactReference(value)) {
    const readValue = pathReader(value.fact, value.path);
    return (facts) => {
      const jv = readValue(facts);
      return op(readFact(facts), jv);
    };
  }
  const special = typeof leaf.fact === 'string' && !path && !(leaf.fact in INHERITED)
    ? specialise(name as string, leaf.fact, value)
    : undefined;
  return special ?? ((facts) => op(readFact(facts), value));
}

/**
 * Hand-inlined closures for the undecorated operators the rulesets use, with a literal value and no path: the same
 * results as the generic `op(fact, value)`, without the calls.
 */
function specialise(operator: string, fact: string, value: unknown): Run | undefined {
  const missing = (facts: FactBag) => { if (!hasOwn(facts, fact)) throw new UndefinedFactError(fact); };
  switch (operator) {
    case 'equal':
      return (facts) => { const a = facts[fact]; if (a === undefined) missing(facts); return a === value; };
    case 'notEqual':
      return (facts) => { const a = facts[fact]; if (a === undefined) missing(facts); return a !== value; };
    case 'in':
    case 'notIn': {
      const found = membership(value);
      if (!found) return undefined;
      return operator === 'in'
        ? (facts) => { const a = facts[fact]; if (a === undefined) missing(facts); return found(a); }
        : (facts) => { const a = facts[fact]; if (a === undefined) missing(facts); return !found(a); };
    }
    case 'lessThan': case 'lessThanInclusive': case 'greaterThan': case 'greaterThanInclusive': {
      /* eslint-disable @typescript-eslint/no-explicit-any -- JS relational coercion is the semantics being copied. */
      const v = value as any;
      const cmp: (a: any) => boolean = operator === 'lessThan' ? (a) => a < v
        : operator === 'lessThanInclusive' ? (a) => a <= v
          : operator === 'greaterThan' ? (a) => a > v : (a) => a >= v;
      /* eslint-enable @typescript-eslint/no-explicit-any */
      if (typeof value === 'number') {
        // Number vs number is the overwhelming case: no call, same coercion rules otherwise.
        return operator === 'lessThan'
          ? (facts) => { const a = facts[fact]; if (a === undefined) missing(facts); return typeof a === 'number' ? a < value : isNumberLike(a) && cmp(a); }
          : operator === 'lessThanInclusive'
            ? (facts) => { const a = facts[fact]; if (a === undefined) missing(facts); return typeof a === 'number' ? a <= value : isNumberLike(a) && cmp(a); }
            : operator === 'greaterThan'
              ? (facts) => { const a = facts[fact]; if (a === undefined) missing(facts); return typeof a === 'number' ? a > value : isNumberLike(a) && cmp(a); }
              : (facts) => { const a = facts[fact]; if (a === undefined) missing(facts); return typeof a === 'number' ? a >= value : isNumberLike(a) && cmp(a); };
      }
      return (facts) => { const a = facts[fact]; if (a === undefined) missing(facts); return isNumberLike(a) && cmp(a); };
    }
    default:
      return undefined;
  }
}

/**
 * `value.indexOf(a) > -1` for a literal `value`, precomputed: a `Set` for a dense array without NaN (`Set.has` uses
 * SameValueZero, `indexOf` uses `===`: they differ only on NaN, which `indexOf` never finds), the string itself for
 * a string (substring match, the fact coerced to a string). Other values throw in the reference: not specialised.
 */
function membership(value: unknown): ((a: unknown) => boolean) | undefined {
  if (typeof value === 'string') return (a) => value.indexOf(a as string) > -1;
  if (!Array.isArray(value)) return undefined;
  for (let i = 0; i < value.length; i++) {
    if (!(i in value) || Number.isNaN(value[i])) return undefined;
  }
  if (value.length <= 4) {
    // indexOf over a handful of values beats hashing.
    const list = value.slice();
    return (a) => list.indexOf(a) > -1;
  }
  const set = new Set<unknown>(value);
  return (a) => set.has(a);
}
