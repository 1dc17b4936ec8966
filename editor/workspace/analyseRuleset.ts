/**
 * What the editor shows beside a workspace ruleset, recomputed on each change: its diagnostics addressed to the
 * rule or condition they concern, a checker over it, and its golden cases re-run on the compiled evaluator.
 */
import type { Diagnostic } from '../../engine/diagnostics/Diagnostic.ts';
import { validateRuleset } from '../../engine/diagnostics/validateRuleset.ts';
import type { InstitutionCatalogue, PositionCatalogue } from '../../engine/documents/catalogue.ts';
import type { Ruleset } from '../../engine/documents/ruleset.ts';
import { createChecker } from '../../engine/rules/createChecker.ts';
import { runGoldenCases, type GoldenReport } from '../../engine/rules/runGoldenCases.ts';
import { recordsOfType, type RecordId, type Records } from './records.ts';
import { nodeForPath, toRuleset } from './rulesetRecords.ts';

export interface Catalogues {
  positions: PositionCatalogue;
  institutions: InstitutionCatalogue;
}

export interface RulesetDiagnostics {
  all: readonly Diagnostic[];
  /** Diagnostics by the rule or condition record they concern; ruleset-wide ones under the ruleset record id. */
  byNode: ReadonlyMap<RecordId, readonly Diagnostic[]>;
}

const diagnosticsCache = new WeakMap<Ruleset, RulesetDiagnostics>();

export function rulesetDiagnostics(records: Records, rulesetId: RecordId, catalogues: Catalogues): RulesetDiagnostics {
  const built = toRuleset(records, rulesetId);
  const hit = diagnosticsCache.get(built.ruleset);
  if (hit) return hit;
  const all = validateRuleset(built.ruleset, catalogues);
  const byNode = new Map<RecordId, Diagnostic[]>();
  for (const d of all) {
    const id = nodeForPath(built, d.segments) ?? rulesetId;
    byNode.set(id, [...(byNode.get(id) ?? []), d]);
  }
  const out = { all, byNode };
  diagnosticsCache.set(built.ruleset, out);
  return out;
}

/** Workspace rulesets of one origin, as plain rulesets, in record-id order. */
export function workspaceRulesets(records: Records, filter: (origin: string) => boolean = () => true): Array<{ id: RecordId; ruleset: Ruleset }> {
  return recordsOfType(records, 'ruleset').filter((r) => filter(r.origin)).map((r) => ({ id: r.id, ruleset: toRuleset(records, r.id).ruleset }));
}

/**
 * The rulesets a nomination date chooses from in the workspace: the editable copies of the shipped regulations
 * (what the check tab and "by date" comparisons use), with `replacing` standing in for its namesake when given.
 */
export function rulesetsByDate(records: Records, replacing?: RecordId): Ruleset[] {
  const builtin = workspaceRulesets(records, (o) => o === 'builtin');
  if (!replacing) return builtin.map((r) => r.ruleset);
  const own = toRuleset(records, replacing).ruleset;
  return [own, ...builtin.filter((r) => r.id !== replacing && r.ruleset.id !== own.id).map((r) => r.ruleset)];
}

/** Runs the ruleset's golden cases (the workspace file whose `ruleset` is this ruleset's document id). */
export async function runWorkspaceGolden(records: Records, rulesetId: RecordId, catalogues: Catalogues): Promise<GoldenReport | undefined> {
  const own = toRuleset(records, rulesetId).ruleset;
  const golden = records.get(`golden:${own.id}`);
  if (golden?.type !== 'golden') return undefined;
  const checker = createChecker({ rulesets: rulesetsByDate(records, rulesetId), positions: catalogues.positions, institutions: catalogues.institutions });
  const result = await runGoldenCases(checker, golden.doc, `${own.id}.cases.json`);
  return result.ok ? result.report : undefined;
}
