/**
 * The workspace files the lifecycle benchmarks import into the page, built in Node from the default workspace with
 * the editor's own commands (what a user's exported workspace would hold):
 * - `largeLifecycleWorkspace`: the class lifecycle replaced by the generated one (200 states, 600 transitions), no
 *   stored positions, so the lifecycle tab lays it out with dagre when it first shows it;
 * - `classRunWorkspace`: the maximum class size raised to `learners` + 50 (the default, 70 for a full-time trung cấp
 *   class, would refuse to convene 200) and the workspace's sample cadres replaced by the first `learners` cadres of
 *   the Hà Nội 2024 sample cohort, so the run panel's profile list offers them.
 */
import hanoi from '../../fixtures/cadres/hanoi-2024-central-agencies.json' with { type: 'json' };
import type { CadreProfileInput } from '../../engine/documents/cadre.ts';
import type { Sample } from '../../editor/check/samples.ts';
import { createDefaultWorkspace } from '../../editor/workspace/createDefaultWorkspace.ts';
import { setParameterValue } from '../../editor/workspace/commands/lifecycleCommands.ts';
import { createWorkspaceStore } from '../../editor/workspace/createWorkspaceStore.ts';
import { SAMPLES_RECORD_ID, type WorkspaceRecord } from '../../editor/workspace/records.ts';
import { counterIds } from '../../editor/workspace/rulesetRecords.ts';
import { toWorkspaceDocument, type WorkspaceDocument } from '../../editor/workspace/workspaceDocument.ts';
import { generateLargeLifecycle } from '../../test/lifecycle/generateLargeLifecycle.ts';

/** Record id of the workspace's class lifecycle (the one the lifecycle tab shows first). */
export const CLASS_RECORD = 'lifecycle:class-default';

function withRecords(change: (records: WorkspaceRecord[]) => WorkspaceRecord[], name: string): WorkspaceDocument {
  return toWorkspaceDocument(name, change([...createDefaultWorkspace().records]));
}

export function largeLifecycleWorkspace(states = 200, transitions = 600): WorkspaceDocument {
  const doc = generateLargeLifecycle(states, transitions) as unknown as Record<string, unknown>;
  return withRecords((records) => records.map((r) => (r.id === CLASS_RECORD ? { id: CLASS_RECORD, type: 'lifecycle', doc } : r)), `bench: lifecycle ${states}/${transitions}`);
}

/** The first `learners` cadres of the sample cohort, as sample cadres (nominated for full-time trung cấp). */
export function cohortSamples(learners: number): Sample[] {
  const cadres = (hanoi as unknown as CadreProfileInput[]).slice(0, learners);
  if (cadres.length < learners) throw new Error(`the sample cohort has ${cadres.length} cadres, not ${learners}`);
  return cadres.map((profile) => ({
    id: profile.id, title: { vi: `${profile.id} ${profile.fullName}`, en: `${profile.id} ${profile.fullName}` }, profile,
    nomination: { level: 'intermediate', mode: 'full-time', on: '2024-03-05' },
  }));
}

export function classRunWorkspace(learners = 200): WorkspaceDocument {
  const store = createWorkspaceStore(createDefaultWorkspace().records, { ids: counterIds('bench') });
  const r = store.apply(setParameterValue(CLASS_RECORD, 'maxClassSize', learners + 50));
  if (!r.ok) throw new Error(`maxClassSize refused: ${r.reason.en}`);
  const records = [...store.records().values()].map((x) => (x.id === SAMPLES_RECORD_ID ? { id: SAMPLES_RECORD_ID, type: 'cadres' as const, items: cohortSamples(learners) } : x));
  return toWorkspaceDocument(`bench: class run of ${learners}`, records);
}
