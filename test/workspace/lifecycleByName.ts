/**
 * Lifecycle commands written with state names and document places, as a person reads the document, for tests that
 * script edits: the record ids the commands take are looked up when the command runs (a state added by an earlier
 * command of the same script is found). A name or place with no record gives an id no record has (the command then
 * refuses it).
 */
import type { Command, WorkspaceStore } from '../../editor/workspace/createWorkspaceStore.ts';
import { stateNamed, toLifecycle } from '../../editor/workspace/lifecycleRecords.ts';
import type { RecordId, Records } from '../../editor/workspace/records.ts';

type Json = Record<string, unknown>;
export type LifecycleDoc = Json & { states: Record<string, Json & { on?: Record<string, Json[]> }> };

/** The record id of the state named `name` in the lifecycle (`state:<name>`, which no record has, when there is none). */
export function stateId(records: Records, lifecycle: RecordId, name: string): RecordId {
  const head = records.get(lifecycle);
  return (head?.type === 'lifecycle' ? stateNamed(records, head, name)?.id : undefined) ?? `state:${name}`;
}

/** The record id of the transition at a document place: the `index`th transition of `from` on `event`. */
export function transitionId(records: Records, lifecycle: RecordId, at: { from: string; event: string; index: number }): RecordId {
  return (records.get(lifecycle)?.type === 'lifecycle' ? toLifecycle(records, lifecycle).nodeAtPath.get(['states', at.from, 'on', at.event, at.index].join('.')) : undefined)
    ?? `transition:${at.from}/${at.event}/${at.index}`;
}

/** The command `make` gives for the records as they are when it runs. */
export function byName(make: (records: Records) => Command): Command {
  const shape = make(new Map());
  return { type: shape.type, label: shape.label, ...(shape.mergeKey ? { mergeKey: shape.mergeKey } : {}), run: (records, ctx) => make(records).run(records, ctx) };
}

/** The plain lifecycle document of a workspace lifecycle record. */
export function lifecycleDoc(store: WorkspaceStore, id: RecordId): LifecycleDoc {
  if (store.records().get(id)?.type !== 'lifecycle') throw new Error(`no lifecycle ${id}`);
  return toLifecycle(store.records(), id).doc as LifecycleDoc;
}
