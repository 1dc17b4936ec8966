/**
 * The command kit: what every command file of the workspace writes with, so a command is written one way.
 *
 * - `refuse` / `isRefusal`: a refusal is `{ refused: Label }`, its reason in Vietnamese and English.
 * - `recordOr`: a typed record by id, or the refusal the command gives when it is missing.
 * - `draftRecord`: find the record, let the command change a deep copy of it in place, and put the copy back — or give
 *   the refusal. The lookup, the copy and the put are written here once; a command only says what it changes.
 * - `freeId`: an id not taken yet, `base`, `base-2`, `base-3`… (new rules, classes, states, plan copies).
 * - `mergeKey`: the key that merges a run of typing into one history entry, built from the command type and the ids
 *   of what it edits.
 *
 * Everything here is pure: a draft is a deep copy, so a refused command has written nothing anyone can see.
 */
import type { Label } from '../../../engine/documents/enums.ts';
import type { Change } from '../createWorkspaceStore.ts';
import type { RecordId, Records, RecordType, WorkspaceRecord } from '../records.ts';

/** A JSON object as a record's document part holds it (defaults not filled in). */
export type Json = Record<string, unknown>;

/** A command's refusal: the reason, in both languages. */
export interface Refusal { refused: Label }

/** True for a plain JSON object (not null, not an array). */
export const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A command's refusal with its reason in Vietnamese (`vi`, with its diacritics) and English (`en`); frozen, so one can be shared. */
export const refuse = (vi: string, en: string): Refusal => Object.freeze({ refused: Object.freeze({ vi, en }) });

/** True when `x` is a refusal (what `refuse` makes) rather than a result. */
export const isRefusal = (x: object): x is Refusal => 'refused' in x;

/** The record with this id and type, or `missing` (the refusal the command gives) when there is none. */
export function recordOr<T extends RecordType>(records: Records, id: RecordId, type: T, missing: Refusal): Extract<WorkspaceRecord, { type: T }> | Refusal {
  const r = records.get(id);
  return r?.type === type ? r as Extract<WorkspaceRecord, { type: T }> : missing;
}

/**
 * The first of `base`, `base-2`, `base-3`… that is not taken. `taken` is a set of the ids in use, or a test (for ids
 * found by a lookup, such as a record id derived from the candidate).
 */
export function freeId(base: string, taken: { has(id: string): boolean } | ((id: string) => boolean)): string {
  const isTaken = typeof taken === 'function' ? taken : (id: string) => taken.has(id);
  if (!isTaken(base)) return base;
  for (let n = 2; ; n++) if (!isTaken(`${base}-${n}`)) return `${base}-${n}`;
}

/**
 * A merge key: `type:part:part…`. Two changes merge into one history entry when their keys are equal (and they come
 * within the merge window), so the parts name what is edited: the record id, then the part of it and the field.
 */
export const mergeKey = (type: string, ...parts: ReadonlyArray<string | number>): string => [type, ...parts].join(':');

/**
 * Runs `edit` on a draft of a record — a deep copy the command may change in place — and gives the change: the draft
 * put back when `edit` returns nothing, what it returns otherwise (a refusal, or a change that puts more records than
 * this one). `missing` is the refusal when there is no record of this type under the id. The stored record is never
 * touched: a refused command has written nothing, and undo gives the record back byte for byte.
 */
export function draftRecord<T extends RecordType>(
  records: Records, id: RecordId, type: T, missing: Refusal, edit: (draft: Extract<WorkspaceRecord, { type: T }>) => Refusal | Change | void,
): Refusal | Change {
  const record = recordOr(records, id, type, missing);
  if (isRefusal(record)) return record;
  const draft = structuredClone(record);
  return edit(draft) ?? { put: [draft] };
}
