/**
 * A rule's json-rules-engine conditions (`all` / `any` / `not`, nested, and leaves) compiled to closures — no `eval`,
 * no `new Function` — with the results, and the errors, of json-rules-engine 7.3.1 (dist/rule.js, dist/condition.js).
 *
 * Odd corners copied on purpose:
 * - Structure is checked like the library's constructors, in the same order and with the same messages: a root
 *   without `all`/`any`/`not`/`condition`, an `all`/`any` that is not an array, a `not` that is an array, a leaf
 *   without an own `fact`, `operator` or `value`. These make the reference fail when its engine is built, so the
 *   compiled evaluator rejects every evaluation of that level and mode with the same message.
 * - A node with several of `any`, `all`, `not` is the first of them in that order (the others are ignored).
 * - `all: []` and `any: []` are both TRUE (the library returns `true` for an empty list), so `not: { any: [] }` is false.
 * - A list of one condition yields that condition's raw result; a nested boolean node passes only when its result
 *   `=== true`, and lists of two or more count results `=== true` (only a custom operator can return a non-boolean).
 *   The rule itself passes on a truthy result.
 * - No short-circuit inside a priority group: the library evaluates every condition of a group (`Promise.all`), so a
 *   condition that throws (a missing fact, `in` with a number value, an unknown operator) makes the rule throw even
 *   when a sibling already decided the result. Groups are tried from the highest priority down, and there the
 *   library does stop as soon as the result is known. Priorities: a boolean node has `parseInt(priority, 10) || 1`;
 *   a leaf keeps its raw `priority` when truthy (`'2.5'`, `'x'`), else 1 (engine-level facts, which could carry a
 *   priority, are never registered). Groups are ordered exactly as the library orders them: keys of a plain object
 *   sorted by `Number(a) > Number(b) ? -1 : 1` — including its failures (a priority named `toString` throws).
 * - A condition reference (`{ condition: "name" }`) throws "No condition name exists" when reached: the reference
 *   engine registers no named conditions (and `allowUndefinedConditions` is off).
 * - A rule whose `conditions` is missing or falsy builds, and throws on every evaluation.
 */
import { compileLeaf, type LeafInput, type Run } from './compileLeaf.ts';
import type { OperatorFn } from './operatorTable.ts';

type Raw = Record<string, unknown>;
type BooleanOperator = 'any' | 'all' | 'not';

const hasOwn = (o: unknown, k: string) => Object.prototype.hasOwnProperty.call(o, k);

function booleanOperator(c: unknown): BooleanOperator | undefined {
  if (hasOwn(c, 'any')) return 'any';
  if (hasOwn(c, 'all')) return 'all';
  if (hasOwn(c, 'not')) return 'not';
  return undefined;
}

/** A compiled condition node with what its parent needs to group it by priority. */
interface Node {
  /** Result as seen by a parent list (`evaluateCondition` in the library). */
  run: Run;
  /** Raw priority as `prioritizeConditions` reads it. */
  priority: unknown;
  /** True when `run` always returns a boolean. */
  boolean: boolean;
}

const throwing = (error: () => Error): Run => () => { throw error(); };

/**
 * Compiles the root `conditions` of a rule to a closure whose truthiness is the rule's outcome. Throws (like the
 * library's `Rule` constructor) when the structure is invalid.
 */
export function compileConditions(conditions: unknown, ops: Map<string, OperatorFn>): Run {
  if (!conditions) {
    // The library skips `setConditions` for a falsy value, then reads `undefined.any` when the rule runs.
    return throwing(() => new TypeError("Cannot read properties of undefined (reading 'any')"));
  }
  if (!hasOwn(conditions, 'all') && !hasOwn(conditions, 'any') && !hasOwn(conditions, 'not') && !hasOwn(conditions, 'condition')) {
    throw new Error('"conditions" root must contain a single instance of "all", "any", "not", or "condition"');
  }
  const op = booleanOperator(conditions);
  if (!op) return compileNode(conditions, ops).run;
  const children = childrenOf(conditions as Raw, op, ops);
  // The root runs the list directly (no `=== true` of a nested node): its raw value decides the rule.
  return op === 'not' ? negate(children[0]!) : list(children, op);
}

function childrenOf(c: Raw, op: BooleanOperator, ops: Map<string, OperatorFn>): Node[] {
  const sub = c[op];
  const isArray = Array.isArray(sub);
  if (op !== 'not' && !isArray) throw new Error(`"${op}" must be an array`);
  if (op === 'not' && isArray) throw new Error(`"${op}" cannot be an array`);
  return isArray ? (sub as unknown[]).map((s) => compileNode(s, ops)) : [compileNode(sub, ops)];
}

function compileNode(c: unknown, ops: Map<string, OperatorFn>): Node {
  if (!c) throw new Error('Condition: constructor options required');
  const op = booleanOperator(c);
  const raw = c as Raw;
  if (op) {
    const children = childrenOf(raw, op, ops);
    const priority = Number.parseInt(raw.priority as string, 10) || 1;
    if (op === 'not') return { run: negate(children[0]!), priority, boolean: true };
    const run = list(children, op);
    const passes = children.length >= 2 || children.length === 0 || children[0]!.boolean ? run : (f: Parameters<Run>[0]) => run(f) === true;
    return { run: passes, priority, boolean: true };
  }
  if (hasOwn(c, 'condition')) {
    return { run: throwing(() => new Error(`No condition ${String(raw.condition)} exists`)), priority: raw.priority, boolean: true };
  }
  for (const key of ['fact', 'operator', 'value']) {
    if (!hasOwn(c, key)) throw new Error(`Condition: constructor "${key}" property required`);
  }
  return { run: compileLeaf(raw as unknown as LeafInput, ops), priority: raw.priority, boolean: false };
}

function negate(child: Node): Run {
  const run = child.run;
  return (f) => !run(f);
}

/** The library's `prioritizeConditions`, run once at compile time (a throw there throws on every evaluation). */
function priorityGroups(children: Node[]): Run[][] {
  const sets: Record<string, Run[]> = {};
  for (const c of children) {
    const priority = c.priority || 1;
    // Same plain-object indexing as the library (its keys may hit Object.prototype: `toString` → a function).
    const key = priority as string;
    if (!sets[key]) sets[key] = [];
    sets[key].push(c.run);
  }
  return Object.keys(sets).sort((a, b) => (Number(a) > Number(b) ? -1 : 1)).map((k) => sets[k]!);
}

/** `any`/`all` over a list: every member of a priority group runs; groups run until the result is known. */
function list(children: Node[], op: 'any' | 'all'): Run {
  if (children.length === 0) return () => true;
  if (children.length === 1) return children[0]!.run;
  let groups: Run[][];
  try {
    groups = priorityGroups(children);
  } catch (error) {
    return () => { throw error; };
  }
  const runs = groups.map((g) => (op === 'all' ? allOf(g) : anyOf(g)));
  if (runs.length === 1) return runs[0]!;
  if (op === 'all') {
    return (f) => {
      for (const r of runs) if (!r(f)) return false;
      return true;
    };
  }
  return (f) => {
    for (const r of runs) if (r(f)) return true;
    return false;
  };
}

function allOf(g: Run[]): (f: Parameters<Run>[0]) => boolean {
  const n = g.length;
  if (n === 2) { const [a, b] = g as [Run, Run]; return (f) => { const x = a(f) === true; return (b(f) === true) && x; }; }
  return (f) => {
    let ok = true;
    for (let i = 0; i < n; i++) if (g[i]!(f) !== true) ok = false;
    return ok;
  };
}

function anyOf(g: Run[]): (f: Parameters<Run>[0]) => boolean {
  const n = g.length;
  if (n === 2) { const [a, b] = g as [Run, Run]; return (f) => { const x = a(f) === true; return (b(f) === true) || x; }; }
  return (f) => {
    let hit = false;
    for (let i = 0; i < n; i++) if (g[i]!(f) === true) hit = true;
    return hit;
  };
}
