/**
 * The undo history as stored beside the workspace, so that undo still works after a reload. Each entry keeps its
 * diff as `[id, before, after]` triples (`null` for absent). Only the newest entries are kept; a stored history that
 * does not read, or does not fit the workspace it is stored with, is dropped (the workspace itself is never at risk).
 *
 * Entries saved by builds before steps named their documents have no `documents` (and may lack a `label`): they are
 * migrated on load, their documents derived from the records of their diff, their label the generic "Thay đổi" /
 * "Change" followed by what the diff names.
 */
import { z } from 'zod/mini';
import type { Diff, HistoryEntry } from './createHistory.ts';
import { describeStep, GENERIC_STEP_LABEL } from './describeStep.ts';
import { documentsOfDiff, lookupIn, type RecordLookup } from './historyDocuments.ts';
import type { RecordId, Records, WorkspaceRecord } from './records.ts';
import { RecordSchema } from './workspaceDocument.ts';

export const PERSISTED_HISTORY_LIMIT = 200;

const EntrySchema = z.object({
  /** Optional: absent in histories of older builds (migrated to a generic label). */
  label: z.optional(z.object({ vi: z.string(), en: z.string() })),
  /** Optional: absent in histories of older builds (derived from the diff on load). */
  documents: z.optional(z.array(z.string())),
  mergeKey: z.optional(z.string()),
  at: z.number(),
  diff: z.array(z.tuple([z.string(), z.nullable(RecordSchema), z.nullable(RecordSchema)])),
});
const HistorySchema = z.object({ undo: z.array(EntrySchema), redo: z.array(EntrySchema) });
export type PersistedHistory = z.infer<typeof HistorySchema>;

function toStored(e: HistoryEntry): PersistedHistory['undo'][number] {
  return {
    label: e.label, documents: [...e.documents], at: e.at, ...(e.mergeKey === undefined ? {} : { mergeKey: e.mergeKey }),
    diff: [...e.diff].map(([id, [before, after]]) => [id, (before ?? null) as never, (after ?? null) as never]),
  };
}

type StoredEntry = PersistedHistory['undo'][number];

const diffOf = (e: StoredEntry): Diff => new Map(e.diff.map(([id, before, after]) => [id, [(before ?? undefined) as WorkspaceRecord | undefined, (after ?? undefined) as WorkspaceRecord | undefined] as const]));

/** A stored entry as a history entry; `lookup` finds the records an old entry's diff lacks (a condition's rule). */
function fromStored(e: StoredEntry, diff: Diff, lookup: RecordLookup, records: Records): HistoryEntry {
  const documents = e.documents ?? documentsOfDiff(diff, lookup);
  const label = e.label ?? describeStep(GENERIC_STEP_LABEL, diff, records);
  return { label, documents, at: e.at, diff, ...(e.mergeKey === undefined ? {} : { mergeKey: e.mergeKey }) };
}

export function persistHistory(stacks: { undo: readonly HistoryEntry[]; redo: readonly HistoryEntry[] }): PersistedHistory {
  return { undo: stacks.undo.slice(-PERSISTED_HISTORY_LIMIT).map(toStored), redo: stacks.redo.slice(-PERSISTED_HISTORY_LIMIT).map(toStored) };
}

/**
 * The stored history, if it reads and fits `records`: undoing it must find each record as the newest entry left it
 * (checked by replaying the undo stack backwards, then the redo stack forwards, on the records' contents).
 */
export function restoreHistory(raw: unknown, records: Records): { undo: HistoryEntry[]; redo: HistoryEntry[] } | undefined {
  const parsed = HistorySchema.safeParse(raw);
  if (!parsed.success) return undefined;
  const undoDiffs = parsed.data.undo.map(diffOf);
  const redoDiffs = parsed.data.redo.map(diffOf);
  // Records the workspace no longer has (a deleted rule) are found in the diffs that held them.
  const lookup = lookupIn(records, ...undoDiffs, ...redoDiffs);
  const undo = parsed.data.undo.map((e, i) => fromStored(e, undoDiffs[i]!, lookup, records));
  const redo = parsed.data.redo.map((e, i) => fromStored(e, redoDiffs[i]!, lookup, records));
  const now = new Map<RecordId, string | undefined>([...records].map(([id, r]) => [id, JSON.stringify(r)]));
  let state = new Map(now);
  for (let i = undo.length - 1; i >= 0; i--) {
    for (const [id, [before, after]] of undo[i]!.diff) {
      if (state.get(id) !== (after === undefined ? undefined : JSON.stringify(after))) return undefined;
      state.set(id, before === undefined ? undefined : JSON.stringify(before));
    }
  }
  state = now;
  for (let i = redo.length - 1; i >= 0; i--) {
    for (const [id, [before, after]] of redo[i]!.diff) {
      if (state.get(id) !== (before === undefined ? undefined : JSON.stringify(before))) return undefined;
      state.set(id, after === undefined ? undefined : JSON.stringify(after));
    }
  }
  return { undo, redo };
}
