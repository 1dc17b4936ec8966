/**
 * The built-in default workspace: editable copies of both shipped rulesets, the shipped lifecycles, the golden
 * cases, the sample cadres and the Hà Nội 2024 training plan. Ids are deterministic (`rule:57-qd-tw/12`), so the default workspace is the same bytes everywhere.
 */
import golden350 from '../../fixtures/golden/350-qd-tw.cases.json' with { type: 'json' };
import golden57 from '../../fixtures/golden/57-qd-tw.cases.json' with { type: 'json' };
import haNoi2024 from '../../fixtures/plans/ha-noi-2024.json' with { type: 'json' };
import { builtinDocuments } from '../../engine/builtin.ts';
import { GOLDEN_CASES_KIND } from '../../engine/documents/goldenCases.ts';
import { loadDocument } from '../../engine/documents/loadDocument.ts';
import { BUILTIN_LIFECYCLE_JSON } from '../../engine/lifecycle/builtinLifecycles.ts';
import { SAMPLES } from './samples.ts';
import { planRecordId, SAMPLES_RECORD_ID, type WorkspaceRecord } from './records.ts';
import { counterIds, recordsFromRuleset } from './rulesetRecords.ts';
import { recordsFromPlan } from './planRecords.ts';
import { toWorkspaceDocument, type WorkspaceDocument } from './workspaceDocument.ts';

export const DEFAULT_WORKSPACE_NAME = 'Không gian làm việc mặc định';

/** Record id of the editable copy of a shipped ruleset. */
export const builtinRulesetId = (documentId: string) => `ruleset:${documentId}`;

export function createDefaultWorkspace(): WorkspaceDocument {
  const records: WorkspaceRecord[] = [];
  for (const rs of builtinDocuments().rulesets) {
    const ids = counterIds(`${rs.id}/`);
    records.push(...recordsFromRuleset(structuredClone(rs), builtinRulesetId(rs.id), 'builtin', ids));
  }
  for (const [id, doc] of Object.entries(BUILTIN_LIFECYCLE_JSON)) records.push({ id: `lifecycle:${id}`, type: 'lifecycle', doc: structuredClone(doc) as Record<string, unknown> });
  for (const raw of [golden57, golden350]) {
    const g = loadDocument(GOLDEN_CASES_KIND, raw);
    if (!g.ok) throw new Error(`built-in golden cases do not load: ${g.diagnostics.map((d) => d.message).join('; ')}`);
    records.push({ id: `golden:${g.value.ruleset}`, type: 'golden', doc: g.value });
  }
  records.push({ id: SAMPLES_RECORD_ID, type: 'cadres', items: structuredClone([...SAMPLES]) });
  records.push(...recordsFromPlan(haNoi2024 as Record<string, unknown>, planRecordId(haNoi2024.id), counterIds(`${haNoi2024.id}/`)));
  return toWorkspaceDocument(DEFAULT_WORKSPACE_NAME, records);
}
