/**
 * The problems of every document in a set of workspace records, as the CLI gives them: each ruleset as `llct validate`
 * (schema, then facts, operators and values against the catalogues), each lifecycle and plan against its schema, each
 * saved version as a ruleset. Located by record (`ruleset:57-qd-tw: rules[18].title.vi`). Pure; never throws.
 */
import { builtinDocuments } from '../shipped/builtin.ts';
import type { Diagnostic } from '../../engine/diagnostics/Diagnostic.ts';
import { validateRuleset } from '../../engine/diagnostics/validateRuleset.ts';
import { LIFECYCLE_KIND } from '../../engine/documents/lifecycle.ts';
import { loadDocument } from '../../engine/documents/loadDocument.ts';
import { PLAN_KIND } from '../../engine/documents/plan.ts';
import { RULESET_KIND } from '../../engine/documents/ruleset.ts';
import type { Catalogues } from './analyseRuleset.ts';
import type { WorkspaceRecord } from './records.ts';
import { toRuleset } from './rulesetRecords.ts';
import { toLifecycle } from './lifecycleRecords.ts';
import { toPlan } from './planRecords.ts';

const at = (id: string, ds: readonly Diagnostic[]) => ds.map((d) => ({ ...d, path: d.path === '' ? id : `${id}: ${d.path}` }));

export function documentProblems(records: readonly WorkspaceRecord[], catalogues?: Catalogues): Diagnostic[] {
  const cats = catalogues ?? (() => { const d = builtinDocuments(); return { positions: d.positions, institutions: d.institutions }; })();
  const byId = new Map(records.map((r) => [r.id, r]));
  const out: Diagnostic[] = [];
  for (const r of records) {
    const loaded = r.type === 'ruleset' ? { ok: false as const, diagnostics: validateRuleset(toRuleset(byId, r.id).ruleset, cats) }
      : r.type === 'lifecycle' ? loadDocument(LIFECYCLE_KIND, toLifecycle(byId, r.id).doc)
        : r.type === 'plan' ? loadDocument(PLAN_KIND, toPlan(byId, r.id).plan)
          : r.type === 'version' ? loadDocument(RULESET_KIND, r.snapshot) : undefined;
    if (loaded && !loaded.ok) out.push(...at(r.id, loaded.diagnostics.filter((d) => d.severity === 'error')));
  }
  return out;
}
