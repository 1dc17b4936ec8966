/**
 * Saving and resuming a running class. The snapshot records the lifecycle ids, revisions and fingerprints it was
 * taken under, the class state and context (learners included) and the date of the last event. Resuming:
 * - a snapshot of another lifecycle, of a later revision, or of a newer snapshot format is refused;
 * - a snapshot of an earlier revision is migrated with the documents' `revisions[].renamedStates`, and refused
 *   when a state it is in no longer exists — never resumed in a state the machine does not have;
 * - a document changed without a new revision gives a warning (and the same state check).
 */
import { z } from 'zod/mini';
import { diagnostic, type Diagnostic } from '../diagnostics/Diagnostic.ts';
import { IsoDate } from '../documents/cadre.ts';
import type { Label } from '../documents/enums.ts';
import { LifecycleId, type Lifecycle } from '../documents/lifecycle.ts';
import { loadDocument, type DocumentKind } from '../documents/loadDocument.ts';
import { ClassContext } from './context.ts';
import type { ClassLifecycle, ClassRun } from './createClassLifecycle.ts';
import { stateOf } from './createLifecycleRuntime.ts';
import { lifecycleFingerprint } from './fingerprint.ts';
import { own } from '../documents/own.ts';

const DocRef = z.strictObject({ id: LifecycleId, revision: z.int().check(z.gte(1)), fingerprint: z.string() });

export const ClassSnapshotSchema = z.strictObject({
  schema: z.literal('llct/lifecycle-snapshot'),
  version: z.literal(1),
  lifecycle: DocRef,
  learnerLifecycle: DocRef,
  state: z.string().check(z.minLength(1)),
  context: ClassContext,
  lastAt: z.nullable(IsoDate),
});
export type ClassSnapshot = z.infer<typeof ClassSnapshotSchema>;

export const CLASS_SNAPSHOT_KIND: DocumentKind<typeof ClassSnapshotSchema> = {
  kind: 'llct/lifecycle-snapshot', version: 1, schema: ClassSnapshotSchema, migrations: {},
};

const refOf = (doc: Lifecycle) => ({ id: doc.id, revision: doc.revision, fingerprint: lifecycleFingerprint(doc) });

/** The JSON to save for a running class (plain data; `JSON.stringify` it as is). */
export function saveClassRun(lc: ClassLifecycle, run: ClassRun): ClassSnapshot {
  return {
    schema: 'llct/lifecycle-snapshot', version: 1,
    lifecycle: refOf(lc.lifecycle), learnerLifecycle: refOf(lc.learnerLifecycle),
    state: stateOf(run.snapshot), context: structuredClone(run.snapshot.context as ClassContext), lastAt: run.lastAt,
  };
}

export type ResumeResult = { ok: true; run: ClassRun; diagnostics: Diagnostic[] } | { ok: false; diagnostics: Diagnostic[] };

/** Where a state of revision `from` is in the document now: the renames of the later revisions followed in order. */
export function renamedState(doc: Pick<Lifecycle, 'revision' | 'revisions'>, from: number, state: string): string {
  let s = state;
  for (const r of [...doc.revisions].sort((a, b) => a.revision - b.revision)) {
    if (r.revision > from && r.revision <= doc.revision) s = own(r.renamedStates, s) ?? s;
  }
  return s;
}

export function resumeClassRun(lc: ClassLifecycle, raw: unknown): ResumeResult {
  const loaded = loadDocument(CLASS_SNAPSHOT_KIND, raw);
  if (!loaded.ok) return loaded;
  const snap = loaded.value;
  const notes: Diagnostic[] = [];
  const refuse = (code: string, path: string, message: Label, hint?: Label): ResumeResult =>
    ({ ok: false, diagnostics: [diagnostic(code, 'error', path, message, hint)] });

  const pairs: Array<[keyof Pick<ClassSnapshot, 'lifecycle' | 'learnerLifecycle'>, Lifecycle]> = [['lifecycle', lc.lifecycle], ['learnerLifecycle', lc.learnerLifecycle]];
  for (const [key, doc] of pairs) {
    const ref = snap[key];
    if (ref.id !== doc.id) {
      return refuse('lifecycle-snapshot/other-lifecycle', `${key}.id`, { vi: `Snapshot thuộc quy trình "${ref.id}", không phải "${doc.id}".`, en: `The snapshot belongs to lifecycle "${ref.id}", not "${doc.id}".` },
        { vi: 'Mở bằng đúng quy trình đã dùng khi lưu.', en: 'Open it with the lifecycle it was saved with.' });
    }
    if (ref.revision > doc.revision) {
      return refuse('lifecycle-snapshot/newer-revision', `${key}.revision`,
        { vi: `Snapshot lưu với ${doc.id} phiên bản ${ref.revision}, mới hơn phiên bản đang dùng (${doc.revision}); không tiếp tục để tránh hiểu sai.`, en: `The snapshot was saved under ${doc.id} revision ${ref.revision}, newer than the loaded revision ${doc.revision}; refusing to misread it.` },
        { vi: 'Dùng quy trình phiên bản mới hơn.', en: 'Use the newer revision of the lifecycle.' });
    }
    if (ref.revision < doc.revision) {
      const steps = doc.revisions.filter((r) => r.revision > ref.revision && r.revision <= doc.revision).map((r) => `${r.revision}: ${r.note}`);
      notes.push(diagnostic('lifecycle-snapshot/migrated', 'info', `${key}.revision`,
        { vi: `Snapshot ${doc.id} chuyển từ phiên bản ${ref.revision} lên ${doc.revision}${steps.length ? ` (${steps.join('; ')})` : ''}.`, en: `Snapshot of ${doc.id} migrated from revision ${ref.revision} to ${doc.revision}${steps.length ? ` (${steps.join('; ')})` : ''}.` }));
    } else if (ref.fingerprint !== lifecycleFingerprint(doc)) {
      notes.push(diagnostic('lifecycle-snapshot/changed-without-revision', 'warning', `${key}.fingerprint`,
        { vi: `Quy trình ${doc.id} đã bị sửa từ khi lưu snapshot mà không tăng "revision".`, en: `Lifecycle ${doc.id} changed since the snapshot was saved, without a new "revision".` },
        { vi: 'Tăng "revision" mỗi khi sửa quy trình.', en: 'Increase "revision" whenever you change the lifecycle.' }));
    }
  }

  const classFrom = snap.lifecycle.revision;
  const learnerFrom = snap.learnerLifecycle.revision;
  const state = renamedState(lc.lifecycle, classFrom, snap.state);
  const missing = (doc: Lifecycle, saved: string, now: string, from: number, path: string, who: string, whoEn: string) => refuse(
    'lifecycle-snapshot/unknown-state', path,
    { vi: `${who} ở trạng thái "${saved}" (lưu với ${doc.id} phiên bản ${from})${now !== saved ? `, đổi tên thành "${now}",` : ''} không còn trong phiên bản ${doc.revision} và không có ánh xạ đổi tên.`, en: `${whoEn} is in state "${saved}" (saved under ${doc.id} revision ${from})${now !== saved ? `, renamed "${now}",` : ''} which revision ${doc.revision} no longer has, and no revision renames it.` },
    {
      vi: `Thêm "renamedStates" vào "revisions" của ${doc.id} để chỉ trạng thái mới.`,
      en: `Add "renamedStates" to the "revisions" of ${doc.id} to point to the new state.`,
    });
  if (!own(lc.lifecycle.states, state)) return missing(lc.lifecycle, snap.state, state, classFrom, 'state', 'Lớp', 'The class');
  const postponedFrom = snap.context.postponedFrom === null ? null : renamedState(lc.lifecycle, classFrom, snap.context.postponedFrom);
  if (postponedFrom !== null && !own(lc.lifecycle.states, postponedFrom)) {
    return missing(lc.lifecycle, snap.context.postponedFrom!, postponedFrom, classFrom, 'context.postponedFrom', 'Trạng thái trước khi hoãn', 'The state before postponement');
  }
  const learners = [];
  for (const [i, l] of snap.context.learners.entries()) {
    const s = renamedState(lc.learnerLifecycle, learnerFrom, l.state);
    if (!own(lc.learnerLifecycle.states, s)) {
      return missing(lc.learnerLifecycle, l.state, s, learnerFrom, `context.learners[${i}].state`, `Học viên ${l.context.id}`, `Learner ${l.context.id}`);
    }
    learners.push({ ...l, state: s });
  }
  const context: ClassContext = { ...snap.context, postponedFrom, learners };
  return { ok: true, run: { snapshot: lc.runtime.restore(state, context), lastAt: snap.lastAt }, diagnostics: [...loaded.diagnostics, ...notes] };
}
