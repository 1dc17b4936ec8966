/**
 * Depth limits for values read from files: a cadre field, a ruleset condition or a lifecycle guard nested a few
 * thousand levels deep must be refused with its path and the limit, not end in a stack overflow in the recursive
 * walks (zod, validators, evaluators, JSON.stringify). The walk here is iterative, so it cannot overflow itself;
 * it visits each value once (cost linear in the size of the value). Pure.
 */

/** Nesting allowed in a document (ruleset, lifecycle, golden cases, events): ten times what the shipped ones use. */
export const MAX_DOCUMENT_DEPTH = 100;
/** Nesting allowed in a cadre profile (the deepest real field, `ratings[0].year`, is 3 levels down). */
export const MAX_CADRE_DEPTH = 32;

export interface TooDeep {
  /** Path of the first value found below the limit, as segments (shortened to its first `limit` + 1 keys). */
  segments: (string | number)[];
  limit: number;
}

/**
 * The first place where `value` nests objects or arrays more than `limit` levels deep (the value itself is level 0,
 * its members level 1…), or `undefined`.
 */
export function findTooDeep(value: unknown, limit: number): TooDeep | undefined {
  // Each entry: a container, its depth, and the key that led to it (parents are kept to rebuild the path).
  interface Frame { value: object; depth: number; key: string | number | undefined; parent: Frame | undefined }
  if (typeof value !== 'object' || value === null) return undefined;
  const stack: Frame[] = [{ value, depth: 0, key: undefined, parent: undefined }];
  while (stack.length > 0) {
    const frame = stack.pop()!;
    const children: [string | number, unknown][] = Array.isArray(frame.value)
      ? frame.value.map((v, i) => [i, v] as [number, unknown])
      : Object.keys(frame.value).map((k) => [k, (frame.value as Record<string, unknown>)[k]] as [string, unknown]);
    for (const [key, child] of children) {
      if (typeof child !== 'object' || child === null) continue;
      const next: Frame = { value: child, depth: frame.depth + 1, key, parent: frame };
      if (next.depth > limit) {
        const segments: (string | number)[] = [];
        for (let f: Frame | undefined = next; f && f.key !== undefined; f = f.parent) segments.push(f.key);
        return { segments: segments.reverse(), limit };
      }
      stack.push(next);
    }
  }
  return undefined;
}

/** A path of segments as text, `rules[0].conditions.all[0].not.not…`, with the middle of a long one elided. */
export function formatDeepPath(segments: readonly (string | number)[]): string {
  const text = (s: readonly (string | number)[]) => s.map((x, i) => (typeof x === 'number' ? `[${x}]` : i === 0 ? x : `.${x}`)).join('');
  return segments.length <= 12 ? text(segments) : `${text(segments.slice(0, 6))}…(${segments.length - 10})…${text(segments.slice(-4)).replace(/^(?!\[)/, '.')}`;
}
