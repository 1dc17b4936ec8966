/** A headless workspace for tests: the default workspace in a store with deterministic ids and clocks. */
import { createDefaultWorkspace } from '../../editor/workspace/createDefaultWorkspace.ts';
import { createWorkspaceStore, type WorkspaceStore } from '../../editor/workspace/createWorkspaceStore.ts';
import { counterIds } from '../../editor/workspace/rulesetRecords.ts';
import { toWorkspaceDocument } from '../../editor/workspace/workspaceDocument.ts';

export interface Harness {
  store: WorkspaceStore;
  /** The workspace as the exact text that is saved and exported. */
  bytes(): string;
  /** Advances the merge clock (ms). */
  tick(ms: number): void;
}

export function createHarness(): Harness {
  let ms = 0;
  const store = createWorkspaceStore(createDefaultWorkspace().records, {
    ids: counterIds('t'), now: () => '2026-12-03T08:00:00.000Z', clockMs: () => ms,
  });
  return {
    store,
    bytes: () => JSON.stringify(toWorkspaceDocument('w', store.records().values())),
    tick: (n) => { ms += n; },
  };
}
