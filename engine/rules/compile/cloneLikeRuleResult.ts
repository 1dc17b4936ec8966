/**
 * json-rules-engine 7.3.1 evaluates a deep copy of the rule's conditions on every run (`RuleResult` copies them with
 * the `clone` package, 2.1.2), so the values its operators see are the copies, not the ruleset's values. That copy
 * is not faithful for plain objects: an own key that shadows a data property of the object's prototype is dropped
 * (`{ "toString": 1, "a": 2 }` becomes `{ a: 2 }`), and an own `__proto__` key is assigned, which replaces the copy's
 * prototype (`{ "__proto__": null }` becomes an object without prototype, which then cannot be coerced to a string).
 * Arrays keep every enumerable index. This is the same copy, made once at compile time, for the plain data a ruleset
 * holds (objects, arrays, primitives).
 */
export function cloneLikeRuleResult(value: unknown): unknown {
  return copy(value, new Map());
}

function copy(parent: unknown, seen: Map<object, unknown>): unknown {
  if (parent === null || typeof parent !== 'object') return parent;
  const known = seen.get(parent);
  if (known !== undefined) return known;
  let child: Record<string, unknown>;
  let proto: object | null | undefined;
  if (Array.isArray(parent)) {
    child = [] as unknown as Record<string, unknown>;
  } else {
    proto = Object.getPrototypeOf(parent) as object | null;
    child = Object.create(proto) as Record<string, unknown>;
  }
  seen.set(parent, child);
  for (const key in parent) {
    const attrs = proto ? Object.getOwnPropertyDescriptor(proto, key) : undefined;
    if (attrs && attrs.set == null) continue;
    // A plain assignment, as the library does: for `__proto__` it calls the setter.
    child[key] = copy((parent as Record<string, unknown>)[key], seen);
  }
  return child;
}
