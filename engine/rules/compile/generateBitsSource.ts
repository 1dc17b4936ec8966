/**
 * JavaScript source text for the fast plans (compileFastPlan.ts) of a ruleset's levels and modes: one function
 * `(facts, at) => bits` that returns, for the plan at position `at`, exactly what `runFastPlan` returns for it — the
 * outcomes as bits, or `NOT_FAST` when the facts need the general path (or there is no plan at `at`) — written out as
 * straight-line code instead of interpreted node by node (the ajv way). One function for all plans, so that its
 * caller has one call site to one function, as a hand-written evaluator would.
 *
 * The engine only writes the text; it never evaluates it. A face that may run generated code (the CLI, the bench)
 * passes a `MakeFunction`; the page, under a Content-Security-Policy without 'unsafe-eval', does not, and keeps the
 * closures.
 *
 * Rulesets are user input, so no ruleset text ever becomes code: every fact name, string, literal value and member
 * set is an element of the constants array `K`, passed in as a parameter and read by a numeric index the generator
 * chose. The source is built only from fixed fragments, identifiers the generator numbers itself (`k3`, `v2`),
 * integers it computed, and finite numbers compared by `<`, `<=`, `>`, `>=`, printed by `String` and checked against
 * a numeric-literal pattern before use; two plans with the same shape and numbers but different names or strings
 * give the same source. Operators come only
 * from the plan's fixed opcodes. Fact reads are `facts[k]` with a constant key, which the fast plan only admits for
 * names no plain object inherits, so a read is an own property or `undefined` (then `NOT_FAST`: the closures decide,
 * with their own-property checks and errors), as in `runFastPlan`.
 */
import { FAST_OP, intersects, NOT_FAST, type FastNode, type FastPlan } from './compileFastPlan.ts';
import { isNumberLike } from './operatorTable.ts';

/**
 * Turns generated source into a function, as `new Function(...parameterNames, body)` does. Supplied by a face that
 * allows generated code; the engine never calls `eval` or `Function` itself.
 */
export type MakeFunction = (parameterNames: readonly string[], body: string) => (...args: never[]) => unknown;

/** The generated source of a list of plans with what it must be called with. */
export interface GeneratedBitsSource {
  /** `K`: the constants; `N`: json-rules-engine's number validator; `X`: `intersects` (see compileFastPlan.ts). */
  readonly parameterNames: readonly ['K', 'N', 'X'];
  /** Body of a function of `parameterNames` that returns the bits function `(facts, at) => bits`. */
  readonly body: string;
  /** Fact names, literal values and member sets, indexed by the numbers in `body`. */
  readonly constants: readonly unknown[];
}

/** A plan deeper than this, or with more leaves, is not generated (the interpreter runs it): bounded source and parser stack. */
const MAX_DEPTH = 48;
const MAX_LEAVES = 4096;
/** `in`/`notIn` over at most this many members compare one by one; larger sets use `Set.has`. */
const MAX_CHAIN = 6;

const { EQ, NE, IN, NOT_IN, LT, LE, GT, GE, INTERSECTS, FALSE, EQ_STRING, NE_STRING, IN_STRINGS, NOT_IN_STRINGS, GE_NUMBER, LT_NUMBER, ALL, ANY, NOT, ALL_LEAVES, ANY_LEAVES } = FAST_OP;

const RELATION: Readonly<Record<number, string>> = { [LT]: '<', [LE]: '<=', [GT]: '>', [GE]: '>=', [GE_NUMBER]: '>=', [LT_NUMBER]: '<' };

class TooLarge extends Error {}

const NUMBER_LITERAL = /^-?\d+(?:\.\d+)?(?:e[+-]\d+)?$/;

/**
 * A finite number compared by `<`, `<=`, `>`, `>=` as a literal in parentheses (the optimiser then compares with a
 * constant), checked to be a plain numeric literal; anything else (`NaN`, `Infinity`, not a number) is a constant.
 * `-0` prints as `0`, which no relational comparison tells apart.
 */
function numberLiteral(value: unknown): string | undefined {
  if (typeof value !== 'number' || !Number.isFinite(value)) return undefined;
  const text = String(value);
  return NUMBER_LITERAL.test(text) ? `(${text})` : undefined;
}

/**
 * The source of the bits function of `plans` (position `at` in the function is `plans[at]`). A plan that is missing,
 * too deep or too large to be worth writing out gets `NOT_FAST` (the caller then keeps `runFastPlan` for it).
 */
export function generateBitsSource(plans: readonly (FastPlan | undefined)[]): GeneratedBitsSource {
  const constants: unknown[] = [];
  const constant = (value: unknown): string => `k${constants.push(value) - 1}`;
  const cases: string[] = [];
  plans.forEach((plan, at) => {
    if (!plan) return;
    const mark = constants.length;
    const lines = planLines(plan, constant);
    if (lines) cases.push(`  case ${at}: {`, ...lines.map((l) => `    ${l}`), '  }');
    else constants.length = mark;
  });
  const body = ['"use strict";'];
  if (constants.length > 0) body.push(`const ${constants.map((_, i) => `k${i} = K[${i}]`).join(', ')};`);
  body.push('return function generatedBits(f, at) {', '  switch (at) {', ...cases, '  }', `  return ${NOT_FAST};`, '};');
  return { parameterNames: ['K', 'N', 'X'], body: body.join('\n'), constants };
}

/** The statements computing one plan's bits (ending in a `return`), or `undefined` when it is too large. */
function planLines(plan: FastPlan, constant: (value: unknown) => string): string[] | undefined {
  /** Local variable of each used slot, by slot. */
  const local = new Map<number, string>();
  const reads: string[] = [];
  const present: string[] = [];
  const primitive: string[] = [];
  for (let j = 0; j < plan.used.length; j++) {
    const slot = plan.used[j]!;
    const v = `v${j}`;
    local.set(slot, v);
    reads.push(`${v} = f[${constant(plan.names[slot])}]`);
    present.push(`${v} === undefined`);
    if (plan.numeric[j] === 1) primitive.push(`(typeof ${v} !== "number" && ${v} !== null && (typeof ${v} === "object" || typeof ${v} === "symbol" || typeof ${v} === "function"))`);
  }
  let leaves = 0;

  const leaf = (n: FastNode): string => {
    if (++leaves > MAX_LEAVES) throw new TooLarge();
    if (n.op === FALSE) return 'false';
    const a = local.get(n.slot);
    if (a === undefined) throw new Error(`generateBitsSource: slot ${n.slot} is not among the plan's used slots`);
    switch (n.op) {
      case EQ: case EQ_STRING: return `${a} === ${constant(n.value)}`;
      case NE: case NE_STRING: return `${a} !== ${constant(n.value)}`;
      case IN: case IN_STRINGS: return member(a, n.set!);
      case NOT_IN: case NOT_IN_STRINGS: return `!(${member(a, n.set!)})`;
      case INTERSECTS: return `(Array.isArray(${a}) && X(${a}, ${constant(n.set)}))`;
      case LT: case LE: case GT: case GE: case GE_NUMBER: case LT_NUMBER: {
        const k = numberLiteral(n.value) ?? constant(n.value);
        const r = RELATION[n.op]!;
        return `(typeof ${a} === "number" ? ${a} ${r} ${k} : ${a} !== null && N(${a}) && ${a} ${r} ${k})`;
      }
      default: throw new Error(`generateBitsSource: unknown leaf opcode ${n.op}`);
    }
  };

  const member = (a: string, set: ReadonlySet<unknown>): string => {
    if (set.size === 0) return 'false';
    if (set.size > MAX_CHAIN) return `${constant(set)}.has(${a})`;
    return `(${[...set].map((m) => `${a} === ${constant(m)}`).join(' || ')})`;
  };

  const expression = (n: FastNode, depth: number): string => {
    if (depth > MAX_DEPTH) throw new TooLarge();
    if (n.op < ALL) return leaf(n);
    if (n.op === NOT) return `!(${expression(n.kids[0]!, depth + 1)})`;
    if (n.kids.length === 0) return 'true';
    const join = n.op === ALL || n.op === ALL_LEAVES ? ' && ' : n.op === ANY || n.op === ANY_LEAVES ? ' || ' : undefined;
    if (join === undefined) throw new Error(`generateBitsSource: unknown node opcode ${n.op}`);
    return `(${n.kids.map((k) => expression(k, depth + 1)).join(join)})`;
  };

  let tests: string[];
  try {
    tests = plan.roots.map((r, i) => `if (${expression(r, 0)}) b |= ${(1 << i) >>> 0};`);
  } catch (error) {
    if (error instanceof TooLarge) return undefined;
    throw error;
  }
  const lines: string[] = [];
  if (reads.length > 0) {
    lines.push(`const ${reads.join(', ')};`);
    lines.push(`if (${present.join(' || ')}) return ${NOT_FAST};`);
  }
  if (primitive.length > 0) lines.push(`if (${primitive.join(' || ')}) return ${NOT_FAST};`);
  lines.push('let b = 0;', ...tests, 'return b;');
  return lines;
}

/** `(facts, at) => bits`: the generated function (see `generateBitsSource`). */
export type GeneratedBits = (facts: Readonly<Record<string, unknown>>, at: number) => number;

/**
 * The bits function of `plans` made by `makeFunction` from generated source, or `undefined` when `makeFunction`
 * refuses (a Content-Security-Policy raises EvalError): the caller then keeps `runFastPlan`.
 */
export function makeBitsFunction(plans: readonly (FastPlan | undefined)[], makeFunction: MakeFunction): GeneratedBits | undefined {
  const source = generateBitsSource(plans);
  let factory: (...args: never[]) => unknown;
  try {
    factory = makeFunction(source.parameterNames, source.body);
  } catch {
    return undefined;
  }
  const bits = (factory as (k: readonly unknown[], n: typeof isNumberLike, x: typeof intersects) => unknown)(source.constants, isNumberLike, intersects);
  if (typeof bits !== 'function') throw new TypeError('makeFunction did not return a function of the generated source');
  return bits as GeneratedBits;
}
