/**
 * The workspace files the lifecycle benchmarks import into the page, built in Node from the default workspace with
 * the editor's own commands (what a user's exported workspace would hold):
 * - `largeLifecycleWorkspace`: the class lifecycle replaced by the generated one (200 states, 600 transitions), no
 *   stored positions, so the lifecycle tab lays it out with dagre when it first shows it;
 * - `classRunWorkspace`: the maximum class size raised to `learners` + 50 (the default, 70 for a full-time trung cấp
 *   class, would refuse to convene 200); the run panel nominates from its built-in Hà Nội 2024 sample list.
 */
import { createDefaultWorkspace } from '../../editor/workspace/createDefaultWorkspace.ts';
import { setParameterValue } from '../../editor/workspace/commands/lifecycleCommands.ts';
import { createWorkspaceStore } from '../../editor/workspace/createWorkspaceStore.ts';
import { recordsFromLifecycle } from '../../editor/workspace/lifecycleRecords.ts';
import type { WorkspaceRecord } from '../../editor/workspace/records.ts';
import { counterIds } from '../../editor/workspace/rulesetRecords.ts';
import { toWorkspaceDocument, type WorkspaceDocument } from '../../editor/workspace/workspaceDocument.ts';
import { generateLargeLifecycle } from '../../test/lifecycle/generateLargeLifecycle.ts';
import { installShippedJsonFromFiles } from '../../test/shippedJsonFromFiles.ts';

/** Record id of the workspace's class lifecycle (the one the lifecycle tab shows first). */
export const CLASS_RECORD = 'lifecycle:class-default';

function withRecords(change: (records: WorkspaceRecord[]) => WorkspaceRecord[], name: string): WorkspaceDocument {
  return toWorkspaceDocument(name, change([...createDefaultWorkspace(installShippedJsonFromFiles()).records]));
}

export function largeLifecycleWorkspace(states = 200, transitions = 600): WorkspaceDocument {
  const doc = generateLargeLifecycle(states, transitions) as unknown as Record<string, unknown>;
  const own = recordsFromLifecycle(doc, CLASS_RECORD, counterIds('large/'));
  if (!own) throw new Error('the generated lifecycle does not split into records');
  const isClass = (r: WorkspaceRecord) => r.id === CLASS_RECORD || ((r.type === 'state' || r.type === 'transition') && r.lifecycle === CLASS_RECORD);
  return withRecords((records) => [...records.filter((r) => !isClass(r)), ...own], `bench: lifecycle ${states}/${transitions}`);
}

export function classRunWorkspace(learners = 200): WorkspaceDocument {
  const store = createWorkspaceStore(createDefaultWorkspace(installShippedJsonFromFiles()).records, { ids: counterIds('bench') });
  const r = store.apply(setParameterValue(CLASS_RECORD, 'maxClassSize', learners + 50));
  if (!r.ok) throw new Error(`maxClassSize refused: ${r.reason.en}`);
  return toWorkspaceDocument(`bench: class run of ${learners}`, [...store.records().values()]);
}
