/**
 * The facts the rules of one training level read: the cadre form shows the fields behind them (years teaching for
 * `cc350-lecturer`, the civil-service grade for `cc350-principal-specialist`…) and keeps the others on demand. Pure.
 */
import type { Condition, Rule } from '../../engine/documents/ruleset.ts';
import type { TrainingLevel } from '../../engine/documents/enums.ts';

function collect(c: Condition, out: Set<string>): void {
  if (typeof c !== 'object' || c === null) return;
  if ('fact' in c) { out.add(String(c.fact)); return; }
  if ('all' in c) for (const x of c.all ?? []) collect(x, out);
  else if ('any' in c) for (const x of c.any ?? []) collect(x, out);
  else if ('not' in c) collect(c.not, out);
}

/** Every fact named by a condition of the rules of `level` (all rules when `level` is undefined). */
export function factsInPlay(rules: readonly Rule[], level?: TrainingLevel): ReadonlySet<string> {
  const out = new Set<string>();
  for (const r of rules) if (level === undefined || r.level === level) collect(r.conditions, out);
  return out;
}
