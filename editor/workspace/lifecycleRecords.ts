/**
 * Plain lifecycle ⇄ records. `recordsFromLifecycle` splits a lifecycle document into lifecycle/state/transition
 * records with fresh ids; `toLifecycle` puts it back together — the JSON `llct lifecycle validate` and the engine
 * read, keys in the schema's order (the shipped files' order) — and says which record each document path belongs to,
 * so a diagnostic on `states.planned.on.CONVENE.0` lands on its transition record.
 *
 * A document may be invalid and still split (an `initial` naming no state, a target naming a missing state, a label
 * left empty): it comes back unchanged. It must be *shaped* for that: an object whose `states` is an object of state
 * objects, each `on` (when present) an object of non-empty lists of transition objects. Pure.
 */
import type { LifecycleRecord, RecordId, Records, StateRecord, StateRef, TransitionRecord, WorkspaceRecord } from './records.ts';
import type { IdSource, PathSegment } from './rulesetRecords.ts';

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The keys of a lifecycle, a state and a transition in the schema's order; other keys follow in their own order. */
const DOCUMENT_KEYS = ['schema', 'version', 'id', 'revision', 'subject', 'title', 'description', 'source', 'learnerLifecycle', 'initial', 'parameters', 'events', 'states', 'revisions'];
const STATE_KEYS = ['label', 'description', 'final', 'on'];
const TRANSITION_KEYS = ['target', 'guard', 'actions', 'description'];

function inOrder(o: Json, keys: readonly string[]): Json {
  const out: Json = {};
  for (const k of keys) if (Object.hasOwn(o, k)) out[k] = o[k];
  for (const k of Object.keys(o)) if (!Object.hasOwn(out, k)) out[k] = o[k];
  return out;
}

/** Why a lifecycle document cannot be split into records (undefined when it can): see the module comment. */
export function lifecycleShapeProblem(doc: unknown): string | undefined {
  if (!isObject(doc)) return 'not an object';
  if (!isObject(doc.states)) return 'states';
  for (const [name, s] of Object.entries(doc.states)) {
    if (!isObject(s)) return `states.${name}`;
    if (s.on === undefined || !Object.hasOwn(s, 'on')) continue;
    if (!isObject(s.on)) return `states.${name}.on`;
    for (const [event, list] of Object.entries(s.on)) {
      if (!Array.isArray(list) || list.length === 0 || !list.every(isObject)) return `states.${name}.on.${event}`;
    }
  }
  return undefined;
}

/**
 * The records of a lifecycle document under the head id `lifecycleId`, or undefined when the document is not shaped
 * (see `lifecycleShapeProblem`). Fields are copied, never shared with `doc`.
 */
export function recordsFromLifecycle(doc: unknown, lifecycleId: RecordId, ids: IdSource, openRevision?: number): WorkspaceRecord[] | undefined {
  if (lifecycleShapeProblem(doc) !== undefined) return undefined;
  const plain = structuredClone(doc) as Json;
  const { initial, states, ...meta } = plain;
  const stateDocs = Object.entries(states as Record<string, Json>);
  const idOf = new Map<string, RecordId>(stateDocs.map(([name]) => [name, ids('state')]));
  const ref = (name: unknown): StateRef => (typeof name === 'string' && idOf.has(name) ? { state: idOf.get(name)! } : { name });
  const out: WorkspaceRecord[] = [];
  for (const [name, s] of stateDocs) {
    const { on, ...data } = s;
    const id = idOf.get(name)!;
    let transitionIds: RecordId[] | undefined;
    if (Object.hasOwn(s, 'on') && on !== undefined) {
      transitionIds = [];
      for (const [event, list] of Object.entries(on as Record<string, Json[]>)) {
        for (const t of list) {
          const { target, ...tdata } = t;
          const tid = ids('transition');
          transitionIds.push(tid);
          out.push({ id: tid, type: 'transition', lifecycle: lifecycleId, from: id, event, ...(Object.hasOwn(t, 'target') && target !== undefined ? { target: ref(target) } : {}), data: tdata });
        }
      }
    }
    out.push({ id, type: 'state', lifecycle: lifecycleId, name, data, ...(transitionIds ? { on: transitionIds } : {}) });
  }
  out.push({
    id: lifecycleId, type: 'lifecycle', meta, ...(Object.hasOwn(plain, 'initial') && initial !== undefined ? { initial: ref(initial) } : {}),
    states: stateDocs.map(([name]) => idOf.get(name)!), ...(openRevision === undefined ? {} : { openRevision }),
  });
  return out;
}

export interface BuiltLifecycle {
  doc: Json;
  /** The record behind each document path (`states.planned`, `states.planned.on.CONVENE.0`), for states and transitions. */
  nodeAtPath: ReadonlyMap<string, RecordId>;
  /** The document path of each state and transition record. */
  pathOf: ReadonlyMap<RecordId, readonly PathSegment[]>;
}

/** The name a reference writes in the document: the state's name, or the name as written for a missing state. */
export function refName(records: Records, ref: StateRef): unknown {
  if ('name' in ref) return ref.name;
  const s = records.get(ref.state);
  return s?.type === 'state' ? s.name : undefined;
}

/** The state records of a lifecycle, in document order (a missing one is skipped). */
export function statesOf(records: Records, lifecycle: LifecycleRecord): StateRecord[] {
  return lifecycle.states.flatMap((id) => { const s = records.get(id); return s?.type === 'state' ? [s] : []; });
}

/** The transition records of a state, in document order. */
export function transitionsOf(records: Records, state: StateRecord): TransitionRecord[] {
  return (state.on ?? []).flatMap((id) => { const t = records.get(id); return t?.type === 'transition' ? [t] : []; });
}

/** The state of the lifecycle named `name`, if any. */
export function stateNamed(records: Records, lifecycle: LifecycleRecord, name: unknown): StateRecord | undefined {
  return typeof name === 'string' ? statesOf(records, lifecycle).find((s) => s.name === name) : undefined;
}

/** Every record id of a lifecycle: its head, states and transitions. */
export function lifecycleRecordIds(records: Records, lifecycle: LifecycleRecord): RecordId[] {
  return [lifecycle.id, ...statesOf(records, lifecycle).flatMap((s) => [s.id, ...(s.on ?? [])])];
}

const cache = new WeakMap<LifecycleRecord, { used: WorkspaceRecord[]; built: BuiltLifecycle }>();

/**
 * The plain lifecycle of a workspace lifecycle record. Remembered per head record and reused while every state and
 * transition record it was built from is unchanged, so a layout change or an edit of another document keeps the same
 * document object (and whatever is memoized on it: diagnostics, the class run).
 */
export function toLifecycle(records: Records, lifecycleId: RecordId): BuiltLifecycle {
  const head = records.get(lifecycleId);
  if (!head || head.type !== 'lifecycle') throw new Error(`no lifecycle record ${lifecycleId}`);
  const hit = cache.get(head);
  if (hit && hit.used.every((r) => records.get(r.id) === r)) return hit.built;
  const nodeAtPath = new Map<string, RecordId>();
  const pathOf = new Map<RecordId, readonly PathSegment[]>();
  const used: WorkspaceRecord[] = [];
  const states: Json = {};
  for (const s of statesOf(records, head)) {
    used.push(s);
    const at: PathSegment[] = ['states', s.name];
    nodeAtPath.set(at.join('.'), s.id);
    pathOf.set(s.id, at);
    const state: Json = { ...s.data };
    if (s.on) {
      const on: Record<string, Json[]> = {};
      for (const t of transitionsOf(records, s)) {
        used.push(t);
        const list = on[t.event] ?? (on[t.event] = []);
        const tat: PathSegment[] = [...at, 'on', t.event, list.length];
        nodeAtPath.set(tat.join('.'), t.id);
        pathOf.set(t.id, tat);
        list.push(inOrder(t.target ? { ...t.data, target: refName(records, t.target) } : { ...t.data }, TRANSITION_KEYS));
      }
      state.on = on;
    }
    states[s.name] = inOrder(state, STATE_KEYS);
  }
  const doc = inOrder({ ...head.meta, ...(head.initial ? { initial: refName(records, head.initial) } : {}), states }, DOCUMENT_KEYS);
  const built: BuiltLifecycle = { doc, nodeAtPath, pathOf };
  cache.set(head, { used, built });
  return built;
}

/** The deepest state or transition record on a document path (a diagnostic on `…on.CONVENE.0.guard` lands on the transition). */
export function lifecycleNodeForPath(built: BuiltLifecycle, segments: readonly PathSegment[]): RecordId | undefined {
  for (let n = Math.min(segments.length, 5); n >= 2; n--) {
    const id = built.nodeAtPath.get(segments.slice(0, n).join('.'));
    if (id) return id;
  }
  return undefined;
}
