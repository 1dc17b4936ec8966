/**
 * Writes an outline's rule → provisions map into a ruleset document as it is stored (raw JSON, key order kept):
 * each mapped rule gets its `provisions` list right after its `citation` (replacing a list already there, in place).
 * Pure; scripts/applyProvisions.ts reads and writes the files.
 */

export interface ApplyProvisionsReport {
  /** Rules whose `provisions` changed. */
  changed: string[];
  /** Rules of the ruleset the map does not name (left as they are). */
  unmapped: string[];
  /** Rule ids the map names that the ruleset does not have. */
  missing: string[];
}

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A copy of `ruleset` with the map applied, and what was done. `ruleset` is not modified. */
export function applyProvisionMap(ruleset: Json, map: Readonly<Record<string, readonly string[]>>): { ruleset: Json; report: ApplyProvisionsReport } {
  const rules = Array.isArray(ruleset.rules) ? ruleset.rules : [];
  const report: ApplyProvisionsReport = { changed: [], unmapped: [], missing: [] };
  const seen = new Set<string>();
  const next = rules.map((rule: unknown) => {
    if (!isObject(rule) || typeof rule.id !== 'string') return rule;
    seen.add(rule.id);
    const keys = map[rule.id];
    if (!keys) { report.unmapped.push(rule.id); return rule; }
    if (JSON.stringify(rule.provisions) === JSON.stringify(keys)) return rule;
    report.changed.push(rule.id);
    return withProvisions(rule, [...keys]);
  });
  report.missing = Object.keys(map).filter((id) => !seen.has(id));
  return { ruleset: { ...ruleset, rules: next }, report };
}

/** The rule with `provisions` set: where it was, or right after `citation` (at the end when there is none). */
function withProvisions(rule: Json, provisions: string[]): Json {
  if ('provisions' in rule) return Object.fromEntries(Object.entries(rule).map(([k, v]) => [k, k === 'provisions' ? provisions : v]));
  const out: Json = {};
  let placed = false;
  for (const [k, v] of Object.entries(rule)) {
    out[k] = v;
    if (k === 'citation') { out.provisions = provisions; placed = true; }
  }
  if (!placed) out.provisions = provisions;
  return out;
}
