/**
 * Plain plan ⇄ records. `recordsFromPlan` splits a plan document into its head `plan` record and one `plan-class`
 * record per class (its quotas items with ids of their own), with fresh ids; `toPlan` puts it back together, exactly
 * the JSON `llct simulate --plan` reads, and says which class record (or quota) a document path is on, so a
 * diagnostic's path (`classes.3.minSize`) lands on its class. Documents may be invalid: whatever is typed round-trips.
 */
import { diagnostic, type Diagnostic } from '../../engine/diagnostics/Diagnostic.ts';
import { PlanClassSchema, PlanSchema } from '../../engine/documents/plan.ts';
import type { PlanClassRecord, PlanQuotaItem, PlanRecord, RecordId, Records, WorkspaceRecord } from './records.ts';
import type { IdSource, PathSegment } from './rulesetRecords.ts';

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The fields a schema lists after `key`: where `key` goes back when a document is rebuilt (before the first of them present). */
const keysAfter = (shape: object, key: string): ReadonlySet<string> => {
  const keys = Object.keys(shape);
  return new Set(keys.slice(keys.indexOf(key) + 1));
};
const AFTER_CLASSES = keysAfter(PlanSchema.shape, 'classes');
const AFTER_SERVES = keysAfter(PlanClassSchema.shape, 'serves');

/**
 * `data` with `key: value` put back where the schema places it: before the first field the schema lists after it,
 * else last. A document written in the schema's order (every shipped and saved plan) comes back key for key.
 */
function withKey(data: Json, key: string, value: unknown, after: ReadonlySet<string>): Json {
  const out: Json = {};
  let placed = false;
  for (const [k, v] of Object.entries(data)) {
    if (!placed && after.has(k)) { out[key] = value; placed = true; }
    out[k] = v;
  }
  if (!placed) out[key] = value;
  return out;
}

/**
 * Whether a document can be held as plan records: its classes (when given) a list of objects, each one's quotas (when
 * given) a list of objects, its parameters (when given) an object and its agencies (when given) a list of objects.
 * Anything else inside is kept as typed, valid or not.
 */
export function isPlanShaped(doc: unknown): doc is Json {
  if (!isObject(doc)) return false;
  if (doc.parameters !== undefined && !isObject(doc.parameters)) return false;
  if (doc.agencies !== undefined && !(Array.isArray(doc.agencies) && doc.agencies.every(isObject))) return false;
  if (doc.classes === undefined) return true;
  return Array.isArray(doc.classes) && doc.classes.every((c) => isObject(c) && (c.serves === undefined || (Array.isArray(c.serves) && c.serves.every(isObject))));
}

/** Quota items for a class's `serves` (copied), each with a fresh id. */
export const quotaItems = (serves: readonly Json[], ids: IdSource): PlanQuotaItem[] => ownQuotaItems(structuredClone(serves), ids);

const ownQuotaItems = (serves: readonly Json[], ids: IdSource): PlanQuotaItem[] => serves.map((q) => ({ id: ids('quota'), data: q }));

/** A class record for a class object (its `serves` a list of objects, or absent), with fresh ids; the object is copied. */
export const classRecord = (c: Json, planId: RecordId, ids: IdSource): PlanClassRecord => ownClassRecord(structuredClone(c), planId, ids);

/** A class record holding the parts of `c` itself (a copy the caller owns). */
function ownClassRecord(c: Json, planId: RecordId, ids: IdSource): PlanClassRecord {
  const { serves, ...data } = c;
  const rec: PlanClassRecord = { id: ids('plan-class'), type: 'plan-class', plan: planId, data };
  if (Array.isArray(serves)) rec.serves = ownQuotaItems(serves as Json[], ids);
  return rec;
}

/** The head and class records of a plan document shaped as `isPlanShaped` says (the caller checks). Copies: the document is not shared. */
export function recordsFromPlan(doc: Json, planId: RecordId, ids: IdSource): WorkspaceRecord[] {
  const { classes, ...meta } = structuredClone(doc);
  const out: WorkspaceRecord[] = [];
  const head: PlanRecord = { id: planId, type: 'plan', meta };
  if (Array.isArray(classes)) {
    head.classes = (classes as Json[]).map((c) => {
      const rec = ownClassRecord(c, planId, ids);
      out.push(rec);
      return rec.id;
    });
  }
  out.push(head);
  return out;
}

const classCache = new WeakMap<PlanClassRecord, Json>();

/**
 * The class object of a class record, as the document writes it. Remembered per record (records are immutable), so
 * rebuilding a plan after one cell's edit builds that one class again, not all of them. Treat it as read-only.
 */
export function toPlanClass(rec: PlanClassRecord): Json {
  const hit = classCache.get(rec);
  if (hit) return hit;
  const built = rec.serves === undefined ? { ...rec.data } : withKey(rec.data, 'serves', rec.serves.map((q) => ({ ...q.data })), AFTER_SERVES);
  classCache.set(rec, built);
  return built;
}

export interface BuiltPlan {
  /** The plain plan document (possibly invalid), as written. Read-only: it shares its classes with other builds. */
  plan: Json;
  /** The class records behind `plan.classes`, in the same order (`classes.3` is `classes[3]`). */
  classes: readonly PlanClassRecord[];
}

const cache = new WeakMap<PlanRecord, BuiltPlan>();

/**
 * The plain plan of a workspace plan record. Remembered per head record and reused while every class record it was
 * built from is unchanged, so an edit of another document keeps the same plan object (and what is memoized on it:
 * the plan's diagnostics). A class listed but missing (a workspace the loader would refuse) is left out.
 */
export function toPlan(records: Records, planId: RecordId): BuiltPlan {
  const head = records.get(planId);
  if (head?.type !== 'plan') throw new Error(`no plan record ${planId}`);
  const hit = cache.get(head);
  if (hit && hit.classes.every((r) => records.get(r.id) === r)) return hit;
  const classes = planClasses(records, head);
  const meta = { ...head.meta };
  const plan = head.classes === undefined ? meta : withKey(meta, 'classes', classes.map(toPlanClass), AFTER_CLASSES);
  const built: BuiltPlan = { plan, classes };
  cache.set(head, built);
  return built;
}

/** The class records of a plan, in its order (a listed id that is not a class record is skipped). */
export function planClasses(records: Records, head: PlanRecord): PlanClassRecord[] {
  return (head.classes ?? []).flatMap((id) => {
    const r = records.get(id);
    return r?.type === 'plan-class' ? [r] : [];
  });
}

/** Where a document path lands: the class record and, inside it, the quota and the field path left. */
export interface PlanPlace { classId: RecordId; quotaId?: RecordId; field: readonly PathSegment[] }

/** The class (and quota) a document path is on (`classes.3.serves.1.quota` → class, quota, `['quota']`); undefined outside the classes. */
export function placeOfPath(built: BuiltPlan, segments: readonly PathSegment[]): PlanPlace | undefined {
  if (segments[0] !== 'classes' || typeof segments[1] !== 'number') return undefined;
  const cls = built.classes[segments[1]];
  if (!cls) return undefined;
  const quota = segments[2] === 'serves' && typeof segments[3] === 'number' ? cls.serves?.[segments[3]] : undefined;
  return quota ? { classId: cls.id, quotaId: quota.id, field: segments.slice(4) } : { classId: cls.id, field: segments.slice(2) };
}

/**
 * That the plan records hang together: every class a plan lists is a class record of that plan, listed once; every
 * class record is listed by its plan; a quota id is used once. A workspace that fails this would make the table and
 * the exported plan disagree.
 */
export function planGraphProblems(records: readonly WorkspaceRecord[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  const bad = (id: string, vi: string, en: string) => out.push(diagnostic('workspace/broken-record', 'error', id, { vi, en }));
  const byId = new Map(records.map((r) => [r.id, r]));
  const listed = new Set<RecordId>();
  const quotas = new Set<RecordId>();
  for (const head of records) {
    if (head.type !== 'plan') continue;
    for (const id of head.classes ?? []) {
      const c = byId.get(id);
      if (c?.type !== 'plan-class' || c.plan !== head.id) { bad(id, `Lớp "${id}" thiếu hoặc không thuộc kế hoạch "${head.id}".`, `Class "${id}" is missing or does not belong to plan "${head.id}".`); continue; }
      if (listed.has(id)) { bad(id, `Lớp "${id}" được liệt kê hai lần.`, `Class "${id}" is listed twice.`); continue; }
      listed.add(id);
      for (const q of c.serves ?? []) {
        if (quotas.has(q.id)) bad(id, `Chỉ tiêu "${q.id}" xuất hiện hai lần.`, `Quota "${q.id}" appears twice.`);
        quotas.add(q.id);
      }
    }
  }
  for (const r of records) {
    if (r.type === 'plan-class' && !listed.has(r.id)) bad(r.id, `Lớp "${r.id}" không thuộc kế hoạch nào.`, `Class "${r.id}" belongs to no plan.`);
  }
  return out;
}
