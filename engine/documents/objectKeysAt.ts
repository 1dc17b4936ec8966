/**
 * The keys a zod schema allows on the object at a path of a document, for "did you mean" hints about unknown keys
 * (`rules[4].notee` → the keys of a rule). Reads zod 4's schema definitions; pure.
 */
import type { z } from 'zod/mini';

interface Def {
  type: string;
  shape?: Record<string, z.ZodMiniType>;
  element?: z.ZodMiniType;
  valueType?: z.ZodMiniType;
  innerType?: z.ZodMiniType;
  in?: z.ZodMiniType;
  options?: readonly z.ZodMiniType[];
  getter?: () => z.ZodMiniType;
}

const defOf = (schema: z.ZodMiniType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;

/**
 * The allowed keys of the object schema reached by `path` (object keys, array indexes, record keys) from `schema`;
 * `undefined` when the path does not lead to an object schema. Through a union, the first option that leads to an
 * object wins (unions report their own issues, so an unknown key inside one rarely comes here).
 */
export function objectKeysAt(schema: z.ZodMiniType, path: readonly PropertyKey[]): string[] | undefined {
  const def = defOf(schema);
  const wrapped = def.innerType ?? def.in ?? (def.type === 'lazy' ? def.getter?.() : undefined);
  if (wrapped) return objectKeysAt(wrapped, path);
  if (def.type === 'union') {
    for (const option of def.options ?? []) {
      const keys = objectKeysAt(option, path);
      if (keys) return keys;
    }
    return undefined;
  }
  const [head, ...rest] = path;
  if (def.type === 'object' && def.shape) {
    if (head === undefined) return Object.keys(def.shape);
    const next = typeof head === 'string' ? def.shape[head] : undefined;
    return next ? objectKeysAt(next, rest) : undefined;
  }
  if (head === undefined) return undefined;
  if (def.type === 'array' && def.element) return objectKeysAt(def.element, rest);
  if (def.type === 'record' && def.valueType) return objectKeysAt(def.valueType, rest);
  return undefined;
}
