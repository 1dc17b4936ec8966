import { z } from 'zod';

/**
 * What is stored per workspace id. `revision` starts at 1 and grows by one per successful write; `savedAt` is the
 * writer's clock as an ISO 8601 string (UTC from the default clock); `savedBy` is the writing tab's id; `doc` is
 * the workspace itself, opaque here, JSON-serialisable and never `undefined` by contract. Unknown keys make a
 * stored value corrupt: a record written by a newer format is not ours to rewrite.
 */
export const WorkspaceRecordSchema = z.strictObject({
  revision: z.number().int().positive(),
  savedAt: z.string().min(1),
  savedBy: z.string().min(1),
  doc: z.unknown().refine((doc): boolean => doc !== undefined, { message: 'doc is missing' }),
});

/** A stored workspace, as validated by {@link WorkspaceRecordSchema}. */
export type WorkspaceRecord = z.infer<typeof WorkspaceRecordSchema>;

/** Who wrote a record and when, without the document: what a conflict reports about the other side. */
export type RecordMeta = Omit<WorkspaceRecord, 'doc'>;

/** The metadata of `record`, without its document. */
export function recordMeta(record: WorkspaceRecord): RecordMeta {
  return { revision: record.revision, savedAt: record.savedAt, savedBy: record.savedBy };
}
