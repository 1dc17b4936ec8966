/**
 * The fast path of the compiled evaluator: the rules of one level and mode as a small tree of plain nodes
 * (`FastNode`), read by one interpreter over the fact values laid out in an array, with the outcomes as bits.
 *
 * It agrees with json-rules-engine 7.3.1 (and with the closures of compileConditions.ts, which remain the general
 * path) because it only takes what cannot tell evaluation order apart:
 * - at compile time, rules whose every leaf is an undecorated `equal`, `notEqual`, `in`/`notIn` over a literal array,
 *   a numeric operator over a literal primitive, or `intersects`, on a fact named by an own string that no plain
 *   object inherits, with a literal value and no path; every priority a number (or none); at most `MAX_FAST_RULES`
 *   rules; no two rules sharing an id. These leaves return booleans and cannot throw on the values checked next.
 * - at run time, an evaluation takes the fast path only when every fact the rules name is present (not `undefined`)
 *   and every fact a numeric operator reads is not an object, a symbol or a function (the only values whose
 *   comparison could call user code or throw). Then every leaf is a pure boolean function of the values, so
 *   short-circuiting, and trying priority groups in any order, gives the library's result; otherwise the general
 *   path runs and throws, or not, exactly as the library does.
 */
import { FACT_NAMES, readFactValues } from '../facts.ts';
import { isNumberLike } from './operatorTable.ts';
import { cloneLikeRuleResult } from './cloneLikeRuleResult.ts';

/** Rules per level and mode the fast path takes: their outcomes fit the bits of a small integer. */
export const MAX_FAST_RULES = 30;

const EQ = 0, NE = 1, IN = 2, NOT_IN = 3, LT = 4, LE = 5, GT = 6, GE = 7, INTERSECTS = 8, FALSE = 9;
/** `equal`/`notEqual` to a string literal, and `in`/`notIn` over strings only: each comparison site sees strings only. */
const EQ_STRING = 10, NE_STRING = 11, IN_STRINGS = 12, NOT_IN_STRINGS = 13;
/** Number literal: a number fact compares without coercion. */
const GE_NUMBER = 14, LT_NUMBER = 15;
/** Opcodes from here on are boolean nodes. */
const ALL = 16, ANY = 17, NOT = 18;
/** A root `all` / non-empty `any` whose children are all leaves. */
const ALL_LEAVES = 19, ANY_LEAVES = 20;

/** The opcodes of `FastNode.op`, for readers of a plan other than `runFastPlan` (see generateBitsSource.ts). */
export const FAST_OP = {
  EQ, NE, IN, NOT_IN, LT, LE, GT, GE, INTERSECTS, FALSE, EQ_STRING, NE_STRING, IN_STRINGS, NOT_IN_STRINGS, GE_NUMBER, LT_NUMBER,
  ALL, ANY, NOT, ALL_LEAVES, ANY_LEAVES,
} as const;

/** One node: a leaf (opcode below `ALL`) or a boolean node over `kids`. One class: every node has one shape. */
export class FastNode {
  constructor(
    readonly op: number,
    /** Index of the leaf's fact in the values array. */
    readonly slot: number,
    /** The leaf's literal value (after json-rules-engine's per-run copy). */
    readonly value: unknown,
    /** `in`/`notIn`/`intersects`: the value's members, as `indexOf`/`includes` find them. */
    readonly set: ReadonlySet<unknown> | null,
    readonly kids: readonly FastNode[],
  ) {}
}

export interface FastPlan {
  /** One root per applicable rule, in order. */
  readonly roots: readonly FastNode[];
  /** Slot k of the values array holds fact `names[k]`. */
  readonly names: readonly string[];
  /** Fills `out` with the values of `names`, in order. */
  readonly read: (facts: Readonly<Record<string, unknown>>, out: unknown[]) => void;
  /** Slots some leaf reads, and whether a numeric operator reads it (1) or not (0), side by side. */
  readonly used: Int32Array;
  readonly numeric: Uint8Array;
}

/** Returned by `runFastPlan` when the facts need the general path. */
export const NOT_FAST = -1;

type Raw = Record<string, unknown>;
const hasOwn = (o: unknown, k: string) => Object.prototype.hasOwnProperty.call(o, k);
const INHERITED: object = {};
const ENGINE_FACTS: ReadonlySet<string> = new Set(FACT_NAMES);
const NUMERIC: Readonly<Record<string, number>> = { lessThan: LT, lessThanInclusive: LE, greaterThan: GT, greaterThanInclusive: GE };

class Unfit extends Error {}
const unfit = (): never => { throw new Unfit(); };

/**
 * The fast plan of a list of applicable rules (their `conditions`), or `undefined` when one of them needs the
 * general path. `ids` are the rules' ids (rules sharing one take the general path).
 */
export function compileFastPlan(conditions: readonly unknown[], ids: readonly string[]): FastPlan | undefined {
  if (conditions.length > MAX_FAST_RULES || new Set(ids).size !== ids.length || ids.includes('')) return undefined;
  const slots = new Map<string, number>();
  const numericSlots = new Set<number>();
  const slotOf = (fact: string, numeric: boolean) => {
    let k = slots.get(fact);
    if (k === undefined) { k = slots.size; slots.set(fact, k); }
    if (numeric) numericSlots.add(k);
    return k;
  };
  let roots: FastNode[];
  try {
    roots = conditions.map((c) => root(c, slotOf));
  } catch (error) {
    if (error instanceof Unfit) return undefined;
    throw error;
  }
  const usedNames = [...slots.keys()];
  const engineFacts = usedNames.every((n) => ENGINE_FACTS.has(n));
  // The engine's own facts are read by one function with a load per fact; other names by name.
  const names: readonly string[] = engineFacts ? FACT_NAMES : usedNames;
  const remap = usedNames.map((n) => names.indexOf(n));
  const relabel = (n: FastNode): FastNode => n.op >= ALL
    ? new FastNode(n.op, 0, undefined, null, n.kids.map(relabel))
    : new FastNode(n.op, n.op === FALSE ? 0 : remap[n.slot]!, n.value, n.set, NO_KIDS);
  const flat = (n: FastNode): FastNode => (n.op === ALL || n.op === ANY) && n.kids.length > 0 && n.kids.every((k) => k.op < ALL)
    ? new FastNode(n.op === ALL ? ALL_LEAVES : ANY_LEAVES, 0, undefined, null, n.kids)
    : n;
  return {
    roots: (engineFacts ? roots.map(relabel) : roots).map(flat),
    names,
    read: engineFacts ? readFactValues as FastPlan['read'] : readByName(usedNames),
    used: Int32Array.from(remap),
    numeric: Uint8Array.from(usedNames.map((_, k) => (numericSlots.has(k) ? 1 : 0))),
  };
}

function readByName(names: readonly string[]): FastPlan['read'] {
  const n = names.length;
  return (facts, out) => { for (let k = 0; k < n; k++) out[k] = facts[names[k]!]; };
}

type SlotOf = (fact: string, numeric: boolean) => number;

const NO_KIDS: readonly FastNode[] = Object.freeze([]);

function node(op: number, kids: readonly FastNode[]): FastNode {
  return new FastNode(op, 0, undefined, null, kids);
}

/** json-rules-engine's choice among several boolean keys of one node: `any`, then `all`, then `not`. */
function booleanKey(c: unknown): 'any' | 'all' | 'not' | undefined {
  return hasOwn(c, 'any') ? 'any' : hasOwn(c, 'all') ? 'all' : hasOwn(c, 'not') ? 'not' : undefined;
}

function root(conditions: unknown, slotOf: SlotOf): FastNode {
  if (!conditions || typeof conditions !== 'object') return unfit();
  return boolean(conditions as Raw, slotOf) ?? unfit();
}

function boolean(c: Raw, slotOf: SlotOf): FastNode | undefined {
  const key = booleanKey(c);
  if (!key) return undefined;
  const sub = c[key];
  if (key === 'not') {
    if (Array.isArray(sub)) return unfit();
    return node(NOT, [child(sub, slotOf)]);
  }
  if (!Array.isArray(sub)) return unfit();
  return node(key === 'all' ? ALL : ANY, sub.map((s) => child(s, slotOf)));
}

function child(c: unknown, slotOf: SlotOf): FastNode {
  if (!c || typeof c !== 'object') return unfit();
  const raw = c as Raw;
  // A boolean node's priority is `parseInt(…) || 1`, always a usable group key; a leaf's is kept raw.
  const nested = boolean(raw, slotOf);
  if (nested) return nested;
  if (hasOwn(raw, 'condition')) return unfit();
  const priority = raw.priority;
  if (priority !== undefined && typeof priority !== 'number') return unfit();
  return leaf(raw, slotOf);
}

function leaf(c: Raw, slotOf: SlotOf): FastNode {
  if (!hasOwn(c, 'fact') || !hasOwn(c, 'operator') || !hasOwn(c, 'value')) return unfit();
  const { fact, operator } = c;
  if (typeof fact !== 'string' || fact in INHERITED || typeof operator !== 'string') return unfit();
  if (cloneLikeRuleResult(c.path)) return unfit();
  const value = cloneLikeRuleResult(c.value);
  if (value !== null && typeof value === 'object' && hasOwn(value, 'fact')) return unfit();
  const at = (numeric: boolean) => slotOf(fact, numeric);
  const make = (op: number, set: ReadonlySet<unknown> | null = null) => new FastNode(op, at(NUMERIC[operator] !== undefined), value, set, NO_KIDS);
  switch (operator) {
    case 'equal': return make(typeof value === 'string' ? EQ_STRING : EQ);
    case 'notEqual': return make(typeof value === 'string' ? NE_STRING : NE);
    case 'in': case 'notIn': {
      // A string value means substring search (coercing the fact); anything else but an array throws.
      if (!Array.isArray(value)) return unfit();
      const members = indexOfMembers(value);
      const strings = [...members].every((m) => typeof m === 'string');
      return make(operator === 'in' ? (strings ? IN_STRINGS : IN) : (strings ? NOT_IN_STRINGS : NOT_IN), members);
    }
    case 'intersects':
      // The validator wants an array fact; a value that is not an array never matches.
      if (!Array.isArray(value)) { at(false); return new FastNode(FALSE, 0, value, null, NO_KIDS); }
      return make(INTERSECTS, new Set(value));
    default: {
      const op = NUMERIC[operator];
      if (op === undefined || (value !== null && (typeof value === 'object' || typeof value === 'symbol' || typeof value === 'function'))) return unfit();
      if (typeof value === 'number') return make(op === GE ? GE_NUMBER : op === LT ? LT_NUMBER : op);
      return make(op);
    }
  }
}

/** What `value.indexOf(x) > -1` finds: the array's own elements by `===` (no hole, and never NaN). */
function indexOfMembers(value: readonly unknown[]): ReadonlySet<unknown> {
  const set = new Set<unknown>();
  for (let i = 0; i < value.length; i++) {
    if (i in value && value[i] === value[i]) set.add(value[i]);
  }
  return set;
}

/** `fact.some((x) => value.includes(x))` for an array fact: own elements only, SameValueZero as `Set.has`. */
export function intersects(a: readonly unknown[], set: ReadonlySet<unknown>): boolean {
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    if (set.has(x) && (x !== undefined || i in a)) return true;
  }
  return false;
}

/* eslint-disable @typescript-eslint/no-explicit-any -- JS relational coercion is the semantics being copied. */
/** One leaf. `null` fails every numeric operator's validator (`parseFloat(null)` is NaN): no call for it. */
function test(n: FastNode, v: readonly unknown[]): boolean {
  const a: any = v[n.slot];
  switch (n.op) {
    case EQ_STRING: return typeof a === 'string' && a === n.value;
    case NE_STRING: return typeof a !== 'string' || a !== n.value;
    case IN_STRINGS: return typeof a === 'string' && n.set!.has(a);
    case NOT_IN_STRINGS: return typeof a !== 'string' || !n.set!.has(a);
    case GE_NUMBER: return typeof a === 'number' ? a >= (n.value as number) : a !== null && isNumberLike(a) && a >= (n.value as number);
    case LT_NUMBER: return typeof a === 'number' ? a < (n.value as number) : a !== null && isNumberLike(a) && a < (n.value as number);
    case EQ: return a === n.value;
    case NE: return a !== n.value;
    case IN: return n.set!.has(a);
    case NOT_IN: return !n.set!.has(a);
    case LT: return typeof a === 'number' ? a < (n.value as any) : a !== null && isNumberLike(a) && a < (n.value as any);
    case LE: return typeof a === 'number' ? a <= (n.value as any) : a !== null && isNumberLike(a) && a <= (n.value as any);
    case GT: return typeof a === 'number' ? a > (n.value as any) : a !== null && isNumberLike(a) && a > (n.value as any);
    case GE: return typeof a === 'number' ? a >= (n.value as any) : a !== null && isNumberLike(a) && a >= (n.value as any);
    case INTERSECTS: return Array.isArray(a) && intersects(a, n.set!);
    default: return false;
  }
}
/* eslint-enable @typescript-eslint/no-explicit-any */

function holds(n: FastNode, v: readonly unknown[]): boolean {
  const op = n.op;
  if (op < ALL) return test(n, v);
  const kids = n.kids;
  if (op === NOT) return !holds(kids[0]!, v);
  const len = kids.length;
  if (op === ALL) {
    for (let i = 0; i < len; i++) { const k = kids[i]!; if (!(k.op < ALL ? test(k, v) : holds(k, v))) return false; }
    return true;
  }
  if (len === 0) return true;
  for (let i = 0; i < len; i++) { const k = kids[i]!; if (k.op < ALL ? test(k, v) : holds(k, v)) return true; }
  return false;
}

/**
 * The outcomes of the plan's rules for one facts object as bits (bit i: rule i passed), or `NOT_FAST` when the
 * facts need the general path (see the file's header). `values` is scratch space, overwritten.
 */
export function runFastPlan(plan: FastPlan, facts: Readonly<Record<string, unknown>>, values: unknown[]): number {
  plan.read(facts, values);
  const { used, numeric } = plan;
  for (let j = 0; j < used.length; j++) {
    const a = values[used[j]!];
    if (a === undefined) return NOT_FAST;
    if (numeric[j] === 1 && a !== null && (typeof a === 'object' || typeof a === 'symbol' || typeof a === 'function')) return NOT_FAST;
  }
  const roots = plan.roots;
  let bits = 0;
  for (let i = 0; i < roots.length; i++) {
    const r = roots[i]!;
    const op = r.op;
    const kids = r.kids;
    let ok: boolean;
    // Most rules are one list of leaves: walked here, without a call per node.
    if (op === ALL_LEAVES) {
      ok = true;
      for (let j = 0; j < kids.length; j++) if (!test(kids[j]!, values)) { ok = false; break; }
    } else if (op === ANY_LEAVES) {
      ok = false;
      for (let j = 0; j < kids.length; j++) if (test(kids[j]!, values)) { ok = true; break; }
    } else {
      ok = holds(r, values);
    }
    if (ok) bits |= 1 << i;
  }
  return bits;
}
