/**
 * Values remembered by the facts they are made from: a trie with one level per fact read, keyed on that fact's value.
 * A cohort repeats a few hundred combinations of, say, position, tier and planning, so a verdict's failure texts
 * are made once per combination and then shared.
 */
import type { FactName, Facts } from './facts.ts';

export interface FactMemo<T> {
  /** The value remembered for these facts' values, or `undefined`. */
  get(facts: Facts): T | undefined;
  /** Remembers `value` for these facts' values, unless `max` values are remembered already. */
  set(facts: Facts, value: T): void;
}

/** A list fact's key: its items joined by a character no code contains. */
function keyOf(value: Facts[FactName]): unknown {
  if (!Array.isArray(value)) return value;
  return value.length === 1 ? `\u0000${value[0]}` : value.join('\u0001');
}

export function createFactMemo<T>(reads: readonly FactName[], max: number): FactMemo<T> {
  const root = new Map<unknown, unknown>();
  const depth = reads.length;
  let size = 0;
  let only: T | undefined;

  return {
    get(facts) {
      if (depth === 0) return only;
      let node = root;
      for (let i = 0; i < depth - 1; i++) {
        const next = node.get(keyOf(facts[reads[i]!])) as Map<unknown, unknown> | undefined;
        if (next === undefined) return undefined;
        node = next;
      }
      return node.get(keyOf(facts[reads[depth - 1]!])) as T | undefined;
    },
    set(facts, value) {
      if (depth === 0) { only = value; return; }
      if (size >= max) return;
      let node = root;
      for (let i = 0; i < depth - 1; i++) {
        const key = keyOf(facts[reads[i]!]);
        let next = node.get(key) as Map<unknown, unknown> | undefined;
        if (next === undefined) { next = new Map(); node.set(key, next); }
        node = next;
      }
      node.set(keyOf(facts[reads[depth - 1]!]), value);
      size++;
    },
  };
}
