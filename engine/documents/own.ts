/**
 * Own-key lookup for names that come from files (event types, state ids, fact names, guard names…): `constructor`,
 * `toString` or `__proto__` must not reach `Object.prototype`. Pure.
 */

/** `record[key]` when `key` is an own property of `record`, else `undefined`. */
export function own<T>(record: Readonly<Record<string, T>> | undefined | null, key: string): T | undefined {
  return record != null && Object.hasOwn(record, key) ? record[key] : undefined;
}
