/**
 * Record ids for a browser tab: a random prefix per tab and a counter, so two tabs (or an import) never mint the
 * same id. Deterministic ids (`counterIds`) are for the default workspace and tests.
 */
import type { IdSource } from './rulesetRecords.ts';

export function randomIds(): IdSource {
  const bytes = crypto.getRandomValues(new Uint8Array(6));
  const tab = [...bytes].map((b) => b.toString(36).padStart(2, '0')).join('').slice(0, 8);
  let n = 0;
  return (prefix) => `${prefix}:${tab}.${(++n).toString(36)}`;
}
