/**
 * The `path` of a condition or of a fact reference, resolved as json-rules-engine 7.3.1's default path resolver does:
 * `JSONPath({ path, json: factValue, wrap: false })` (jsonpath-plus), applied only when the fact value is a non-null
 * object — any other fact value (a string, a number, null) is used as it is, path ignored.
 *
 * Dotted names and array indexes (`$.a.b`, `$.a[0]`, `$[2].x`) are resolved here without the library, with its exact
 * rule for such steps: follow `value[key]` while `value` is truthy and `Object.hasOwn(value, key)` (so `$.s.length`
 * and `$.s[0]` work on strings, and a missing step gives `undefined`). Every other path (wildcards, filters, slices,
 * quoted names, a path without `$`) goes to jsonpath-plus exactly as json-rules-engine's default resolver calls it
 * (`defaultPathResolver` in dist/almanac.js), so the answer is the library's — without loading json-rules-engine
 * itself, which only the reference evaluator needs (the page then loads jsonpath-plus alone).
 */
import { jsonPathQuery } from './jsonPathQuery.ts';

type Resolver = (value: object) => unknown;

const SIMPLE_PATH = /^\$(?:\.[A-Za-z_][A-Za-z0-9_]*|\[\d+\])+$/;
const STEP = /\.([A-Za-z_][A-Za-z0-9_]*)|\[(\d+)\]/g;

/** json-rules-engine 7.3.1's `defaultPathResolver`, call for call. */
function libraryResolve(value: unknown, path: unknown): unknown {
  return jsonPathQuery(path, value);
}

/** True when `path` is resolved without the library. */
export function isSimplePath(path: unknown): path is string {
  return typeof path === 'string' && SIMPLE_PATH.test(path);
}

/** A resolver for one path, built once per condition. `path` must be truthy (a falsy path means "no path"). */
export function compilePath(path: unknown): Resolver {
  if (!isSimplePath(path)) {
    return (value) => libraryResolve(value, path);
  }
  const keys = [...path.matchAll(STEP)].map((m) => (m[1] ?? m[2])!);
  if (keys.length === 1) {
    const [k] = keys as [string];
    return (value) => (Object.hasOwn(value, k) ? (value as Record<string, unknown>)[k] : undefined);
  }
  return (value) => {
    let v: unknown = value;
    for (const k of keys) {
      if (v && Object.hasOwn(v, k)) v = (v as Record<string, unknown>)[k];
      else return undefined;
    }
    return v;
  };
}
