/**
 * The command kit: what every command file of the workspace writes with, so a command is written one way.
 *
 * - `refuse` / `isRefusal`: a refusal is `{ refused: Label }`, its reason in Vietnamese and English.
 * - `draftDocument`: for the documents kept as JSON (lifecycles, plans), find the record, clone its document, let the
 *   command edit the clone, and put the record back with it — or give the refusal. The lookup, the shape check and the
 *   put are written here once; a command only says what it changes.
 * - `recordOr`: a typed record by id, or the refusal the command gives when it is missing.
 * - `freeId`: an id not taken yet, `base`, `base-2`, `base-3`… (new rules, classes, states, plan copies).
 * - `mergeKey`: the key that merges a run of typing into one history entry, built from the command type and the ids
 *   of what it edits.
 *
 * Everything here is pure: a draft is a deep copy, so a refused command has written nothing anyone can see.
 */
import type { Label } from '../../../engine/documents/enums.ts';
import type { Change } from '../createWorkspaceStore.ts';
import type { RecordId, Records, RecordType, WorkspaceRecord } from '../records.ts';

/** A JSON object as a document kept as JSON holds it (defaults not filled in). */
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

/** A record whose document is JSON (see `LifecycleRecord`, `PlanRecord`). */
type DocumentRecord = Extract<WorkspaceRecord, { doc: Json }>;

/** How one kind of JSON document is drafted: its record type, the refusal when absent, the part commands edit. */
export interface DocumentKind<R extends DocumentRecord, P> {
  type: R['type'];
  /** The refusal when there is no record of this type under the id. */
  notFound: Refusal;
  /**
   * The part of the (copied) document every command of the kind edits, checked, or a refusal when it is not valid.
   * An object with named parts (`{ states }`), never keyed `refused`, so it cannot be taken for a refusal.
   */
  parts(doc: Json): P | Refusal;
}

/** A command's working copy: the record as stored, a deep copy of its document, and that copy's checked parts. */
export interface Draft<R, P> { record: R; doc: Json; parts: P }

/**
 * Runs `edit` on a draft of the record's document and gives the change: the record put back with the edited copy when
 * `edit` returns nothing, what it returns otherwise (a refusal, or a change that puts more records than this one).
 * The stored document is never touched: undo gives it back byte for byte.
 */
export function draftDocument<R extends DocumentRecord, P>(
  records: Records, recordId: RecordId, kind: DocumentKind<R, P>, edit: (draft: Draft<R, P>) => Refusal | Change | void,
): Refusal | Change {
  const record = records.get(recordId);
  if (record?.type !== kind.type) return kind.notFound;
  const doc = structuredClone((record as R).doc);
  const parts = kind.parts(doc);
  if (typeof parts === 'object' && parts !== null && isRefusal(parts)) return parts;
  return edit({ record: record as R, doc, parts: parts as P }) ?? { put: [{ ...(record as R), doc }] };
}
