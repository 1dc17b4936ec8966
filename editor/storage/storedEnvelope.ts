import { z } from 'zod/mini';

/**
 * What is stored per workspace id: the envelope (who wrote it, when, which revision) around the workspace document. `revision` starts at 1 and grows by one per successful write; `savedAt` is the
 * writer's clock as an ISO 8601 string (UTC from the default clock); `savedBy` is the writing tab's id; `doc` is
 * the workspace itself, opaque here, JSON-serialisable and never `undefined` by contract. Unknown keys make a
 * stored value corrupt: a record written by a newer format is not ours to rewrite.
 */
export const StoredEnvelopeSchema = z.strictObject({
  revision: z.int().check(z.positive()),
  savedAt: z.string().check(z.minLength(1)),
  savedBy: z.string().check(z.minLength(1)),
  doc: z.unknown().check(z.refine((doc): boolean => doc !== undefined, { message: 'doc is missing' })),
});

/** A stored workspace in its envelope, as validated by {@link StoredEnvelopeSchema}. */
export type StoredEnvelope = z.infer<typeof StoredEnvelopeSchema>;

/** Who wrote a record and when, without the document: what a conflict reports about the other side. */
export type EnvelopeMeta = Omit<StoredEnvelope, 'doc'>;

/** The metadata of `record`, without its document. */
export function envelopeMeta(record: StoredEnvelope): EnvelopeMeta {
  return { revision: record.revision, savedAt: record.savedAt, savedBy: record.savedBy };
}
