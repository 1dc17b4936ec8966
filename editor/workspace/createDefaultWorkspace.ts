/**
 * The built-in default workspace: editable copies of both shipped rulesets, the shipped lifecycles, the golden
 * cases, the sample cadres and the Hà Nội 2024 training plan. Ids are deterministic (`rule:57-qd-tw/12`, `state:class-default/3`), so the default workspace is the same bytes everywhere.
 */
import { builtinOf } from '../shipped/builtin.ts';
import { shippedJson, type ShippedJson } from '../shipped/shippedJson.ts';
import { GOLDEN_CASES_KIND } from '../../engine/documents/goldenCases.ts';
import { loadDocument } from '../../engine/documents/loadDocument.ts';
import { SAMPLES } from './samples.ts';
import { planRecordId, SAMPLES_RECORD_ID, type WorkspaceRecord } from './records.ts';
import { counterIds, recordsFromRuleset } from './rulesetRecords.ts';
import { recordsFromLifecycle } from './lifecycleRecords.ts';
import { recordsFromPlan } from './planRecords.ts';
import { toWorkspaceDocument, type WorkspaceDocument } from './workspaceDocument.ts';

export const DEFAULT_WORKSPACE_NAME = 'Không gian làm việc mặc định';

/** Record id of the editable copy of a shipped ruleset. */
export const builtinRulesetId = (documentId: string) => `ruleset:${documentId}`;

/** The records of a shipped lifecycle: `lifecycle:class-default`, `state:class-default/1`, `transition:class-default/2`… */
function builtinLifecycleRecords(id: string, doc: unknown): WorkspaceRecord[] {
  const records = recordsFromLifecycle(doc, `lifecycle:${id}`, counterIds(`${id}/`));
  if (!records) throw new Error(`built-in lifecycle ${id} does not split into records`);
  return records;
}

/** `shipped`: the shipped files the documents come from (those the page fetched at start-up by default). */
export function createDefaultWorkspace(shipped: ShippedJson = shippedJson()): WorkspaceDocument {
  const records: WorkspaceRecord[] = [];
  for (const rs of builtinOf(shipped).documents().rulesets) {
    const ids = counterIds(`${rs.id}/`);
    records.push(...recordsFromRuleset(structuredClone(rs), builtinRulesetId(rs.id), 'builtin', ids));
  }
  for (const [id, doc] of Object.entries(shipped.lifecycles)) records.push(...builtinLifecycleRecords(id, doc));
  for (const raw of shipped.golden) {
    const g = loadDocument(GOLDEN_CASES_KIND, raw);
    if (!g.ok) throw new Error(`built-in golden cases do not load: ${g.diagnostics.map((d) => d.message).join('; ')}`);
    records.push({ id: `golden:${g.value.ruleset}`, type: 'golden', doc: g.value });
  }
  records.push({ id: SAMPLES_RECORD_ID, type: 'cadres', items: structuredClone([...SAMPLES]) });
  records.push(...recordsFromPlan(structuredClone(shipped.plan) as Record<string, unknown>, planRecordId(shipped.plan.id), counterIds(`${shipped.plan.id}/`)));
  return toWorkspaceDocument(DEFAULT_WORKSPACE_NAME, records);
}
