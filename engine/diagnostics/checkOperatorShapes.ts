/**
 * Whether a leaf condition can throw when json-rules-engine (the reference semantics, which the compiled evaluator
 * follows exactly) evaluates it: `in` / `notIn` call `value.indexOf`, `someValue` / `everyValue` call `value.some`
 * and `value.every`, so the side each one reads must be a list (or, for `in`, a string) whatever the cadre. The
 * shapes of both sides are worked out from the fact catalogue and the literal value, through the decorators
 * (`swap` exchanges the sides, `someFact` / `everyFact` guard themselves with `Array.isArray`). Pure.
 */
import type { FactSpec } from '../rules/facts.ts';

type Kind = 'array' | 'string' | 'number' | 'boolean' | 'null' | 'object';
/** The kinds a side may have at run time, and (for lists) the kinds of its items. */
interface Shape { kinds: ReadonlySet<Kind>; items: Shape | undefined }

const ANY: Shape = { kinds: new Set<Kind>(['array', 'string', 'number', 'boolean', 'null', 'object']), items: undefined };

function kindOf(v: unknown): Kind {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  const t = typeof v;
  return t === 'string' || t === 'number' || t === 'boolean' ? t : 'object';
}

/** The shape of a literal value. */
export function literalShape(v: unknown): Shape {
  if (!Array.isArray(v)) return { kinds: new Set([kindOf(v)]), items: undefined };
  const kinds = new Set<Kind>();
  let nested = false;
  for (const item of v) { kinds.add(kindOf(item)); if (Array.isArray(item)) nested = true; }
  return { kinds: new Set(['array']), items: { kinds, items: nested ? ANY : undefined } };
}

/** The shape of a fact read with or without a `path` (a path selects inside a list fact: anything may come out). */
export function factShape(spec: FactSpec | undefined, path: unknown): Shape {
  if (!spec) return ANY;
  if (spec.type === 'string[]') return path ? ANY : { kinds: new Set(['array']), items: { kinds: new Set(['string']), items: undefined } };
  const kinds = new Set<Kind>([spec.type]);
  if (spec.nullable) kinds.add('null');
  return { kinds, items: undefined };
}

const only = (s: Shape, allowed: readonly Kind[]) => [...s.kinds].every((k) => allowed.includes(k));
const itemsOf = (s: Shape): Shape => s.items ?? ANY;

/**
 * Why the operator (`someValue:in`, `swap:in`…) would throw for some cadre, given the shapes of the fact side and
 * the value side; `undefined` when it cannot.
 */
export function operatorShapeProblem(operator: string, fact: Shape, value: Shape): { vi: string; en: string } | undefined {
  const [head, ...rest] = operator.split(':');
  if (rest.length === 0) {
    if ((head === 'in' || head === 'notIn') && !only(value, ['array', 'string'])) {
      return { vi: `"${head}" cần phía giá trị là một danh sách [ … ] (hoặc chuỗi) với mọi hồ sơ`, en: `"${head}" needs its value side to be a list [ … ] (or a string) for every profile` };
    }
    return undefined;
  }
  const next = rest.join(':');
  switch (head) {
    case 'not': return operatorShapeProblem(next, fact, value);
    case 'swap': return operatorShapeProblem(next, value, fact);
    // Guarded by Array.isArray on the fact side: a fact that is not a list makes the condition false.
    case 'someFact': case 'everyFact': return operatorShapeProblem(next, itemsOf(fact), value);
    case 'someValue': case 'everyValue':
      if (!only(value, ['array'])) {
        return { vi: `"${head}" cần phía giá trị là một danh sách [ … ] với mọi hồ sơ`, en: `"${head}" needs its value side to be a list [ … ] for every profile` };
      }
      return operatorShapeProblem(next, fact, itemsOf(value));
    default: return undefined;
  }
}
