/**
 * Commands on a lifecycle's states, addressed by state record id: add, edit, make initial, delete, rename.
 *
 * Renaming a state changes its record's `name` — never its id, so the canvas layout and every transition into it
 * follow by themselves — and every reference by name: guard and action parameters naming the state in this lifecycle
 * and, for a learner lifecycle, in the class lifecycles that host it. It records the rename in
 * `revisions[].renamedStates`, so class snapshots saved under the earlier revision resume in the new name. The first
 * rename after loading opens revision n + 1; later renames in the workspace go into that same revision, as do renames
 * made after an edit that opened the next revision of a published lifecycle (workspace/nextRevision.ts). Publishing
 * closes the open revision (publishCommands.ts).
 */
import type { Label } from '../../../engine/documents/enums.ts';
import { LifecycleId, type LifecycleSubject } from '../../../engine/documents/lifecycle.ts';
import { createLifecycleRegistry } from '../../../engine/lifecycle/createLifecycleRegistry.ts';
import type { SpecRefs } from '../../../engine/lifecycle/types.ts';
import type { Change, Command } from '../createWorkspaceStore.ts';
import { statesOf, stateNamed, transitionsOf } from '../lifecycleRecords.ts';
import { layoutIdOf, recordsOfType, type LifecycleRecord, type RecordId, type Records, type StateRecord, type StateRef, type TransitionRecord, type WorkspaceRecord } from '../records.ts';
import { isObject, isRefusal, mergeKey, refuse, type Json, type Refusal } from './kit.ts';
import { lifecycleOr, stateAndLifecycle } from './lifecycleCommands.ts';

const REGISTRY = createLifecycleRegistry();
/** The note of the revision the editor opens for renames. */
export const EDITOR_REVISION_NOTE = 'Đổi tên trạng thái trong LLCT Studio / States renamed in LLCT Studio';

function checkStateName(name: string): Refusal | undefined {
  if (!LifecycleId.safeParse(name).success) {
    return refuse(`Mã trạng thái "${name}" không hợp lệ: viết thường, nối bằng gạch ngang (vd. in-session).`, `State id "${name}" is not valid: lower case words joined by hyphens (e.g. in-session).`);
  }
  return undefined;
}

/**
 * The records whose references by a name the lifecycle had no state for (its initial state, transition targets) now
 * name `state`, which takes that name: they become references to the state record.
 */
function resolvedTo(records: Records, lc: LifecycleRecord, state: StateRecord): { head: LifecycleRecord; transitions: TransitionRecord[] } {
  const names = (ref: StateRef | undefined) => ref !== undefined && 'name' in ref && ref.name === state.name;
  const head = names(lc.initial) ? { ...lc, initial: { state: state.id } } : lc;
  const transitions = statesOf(records, lc).flatMap((s) => transitionsOf(records, s)).filter((t) => names(t.target)).map((t) => ({ ...t, target: { state: state.id } }));
  return { head, transitions };
}

/** Adds a state named `name` (not final, no transitions) at the end of the lifecycle's states. */
export function addState(lifecycleId: RecordId, name: string, label: Label): Command {
  return {
    type: 'lifecycle/state-add',
    label: { vi: 'Thêm trạng thái', en: 'Add state' },
    run: (records, ctx) => {
      const lc = lifecycleOr(records, lifecycleId);
      if (isRefusal(lc)) return lc;
      const bad = checkStateName(name);
      if (bad) return bad;
      if (stateNamed(records, lc, name)) return refuse(`Đã có trạng thái "${name}".`, `There is already a state "${name}".`);
      const state: StateRecord = { id: ctx.ids('state'), type: 'state', lifecycle: lifecycleId, name, data: { label: { ...label }, final: false }, on: [] };
      const { head, transitions } = resolvedTo(records, lc, state);
      return { put: [state, ...transitions, { ...head, states: [...lc.states, state.id] }] };
    },
  };
}

/** Edits a state's label, description or final mark. Typing in one field of one state is one history entry. */
export function updateState(stateId: RecordId, patch: { label?: Label; description?: Label | null; final?: boolean }): Command {
  return {
    type: 'lifecycle/state-update',
    label: { vi: 'Sửa trạng thái', en: 'Edit state' },
    mergeKey: mergeKey('lifecycle/state-update', stateId, Object.keys(patch).sort().join(',')),
    run: (records) => {
      const found = stateAndLifecycle(records, stateId);
      if (isRefusal(found)) return found;
      const data = { ...found.state.data };
      if (patch.label) data.label = { ...patch.label };
      if (patch.description === null) delete data.description;
      else if (patch.description) data.description = { ...patch.description };
      if (patch.final !== undefined) data.final = patch.final;
      return { put: [{ ...found.state, data }] };
    },
  };
}

export function setInitialState(stateId: RecordId): Command {
  return {
    type: 'lifecycle/initial',
    label: { vi: 'Đặt trạng thái đầu', en: 'Set initial state' },
    run: (records) => {
      const found = stateAndLifecycle(records, stateId);
      if (isRefusal(found)) return found;
      return { put: [{ ...found.lifecycle, initial: { state: stateId } }] };
    },
  };
}

/**
 * Deletes a state, its transitions and the transitions into it (they would point nowhere), and its place on the
 * canvas. The initial state cannot be deleted: make another state initial first.
 */
export function deleteState(stateId: RecordId): Command {
  return {
    type: 'lifecycle/state-delete',
    label: { vi: 'Xoá trạng thái', en: 'Delete state' },
    run: (records) => {
      const found = stateAndLifecycle(records, stateId);
      if (isRefusal(found)) return found;
      const { state, lifecycle: lc } = found;
      if (lc.initial && 'state' in lc.initial && lc.initial.state === stateId) {
        return refuse('Không xoá được trạng thái đầu; hãy đặt trạng thái khác làm trạng thái đầu trước.', 'The initial state cannot be deleted; make another state initial first.');
      }
      const put: WorkspaceRecord[] = [{ ...lc, states: lc.states.filter((x) => x !== stateId) }];
      const remove: RecordId[] = [stateId, ...(state.on ?? [])];
      for (const s of statesOf(records, lc)) {
        if (s.id === stateId) continue;
        const into = transitionsOf(records, s).filter((t) => t.target && 'state' in t.target && t.target.state === stateId).map((t) => t.id);
        if (into.length === 0) continue;
        put.push({ ...s, on: (s.on ?? []).filter((x) => !into.includes(x)) });
        remove.push(...into);
      }
      const layout = records.get(layoutIdOf(lc.id));
      if (layout?.type === 'layout' && Object.hasOwn(layout.positions, stateId)) {
        const { [stateId]: _gone, ...positions } = layout.positions;
        put.push({ ...layout, positions });
      }
      return { put, remove };
    },
  };
}

/** A transition's data with the state references of its guard and actions renamed, as the registry declares them; undefined when none changes. */
function renamedRefs(data: Json, subject: LifecycleSubject, of: LifecycleSubject, from: string, to: string): Json | undefined {
  const specs = REGISTRY[subject];
  const copy = structuredClone(data);
  const rename = (named: Json, table: Readonly<Record<string, SpecRefs>>) => {
    const type = named.type;
    if (typeof type !== 'string' || !Object.hasOwn(table, type) || !isObject(named.params)) return;
    for (const { key, of: target } of table[type]!.states ?? []) {
      if (target !== of || !Object.hasOwn(named.params, key)) continue;
      const v = named.params[key];
      if (v === from) named.params[key] = to;
      else if (Array.isArray(v)) named.params[key] = v.map((x) => (x === from ? to : x));
    }
  };
  const walkGuard = (g: unknown): void => {
    if (!isObject(g)) return;
    if (Array.isArray(g.and)) g.and.forEach(walkGuard);
    else if (Array.isArray(g.or)) g.or.forEach(walkGuard);
    else if (Object.hasOwn(g, 'not')) walkGuard(g.not);
    else rename(g, specs.guards);
  };
  walkGuard(copy.guard);
  if (Array.isArray(copy.actions)) for (const a of copy.actions) if (isObject(a)) rename(a, specs.actions);
  return JSON.stringify(copy) === JSON.stringify(data) ? undefined : copy;
}

/** The transitions of a lifecycle whose guards or actions name a state of `of` `from`, renamed to `to`. */
function transitionsRenamed(records: Records, lc: LifecycleRecord, subject: LifecycleSubject, of: LifecycleSubject, from: string, to: string): TransitionRecord[] {
  return statesOf(records, lc).flatMap((s) => transitionsOf(records, s)).flatMap((t) => {
    const data = renamedRefs(t.data, subject, of, from, to);
    return data ? [{ ...t, data }] : [];
  });
}

/** Adds `from → to` to a renamedStates map, composing with a rename already there (a → from becomes a → to). */
function composeRename(map: Record<string, string>, from: string, to: string): Record<string, string> {
  const out: Record<string, string> = {};
  let composed = false;
  for (const [k, v] of Object.entries(map)) {
    if (v === from) {
      composed = true;
      if (k !== to) out[k] = to;
    } else {
      out[k] = v;
    }
  }
  if (!composed && from !== to) out[from] = to;
  return out;
}

/** The lifecycle with the rename recorded in its revisions (see the top of this file). */
function withRevision(lc: LifecycleRecord, from: string, to: string): LifecycleRecord {
  const meta = { ...lc.meta };
  const revision = typeof meta.revision === 'number' ? meta.revision : 1;
  const revisions = (Array.isArray(meta.revisions) ? meta.revisions.filter(isObject) : []).map((r) => ({ ...r }));
  const open = lc.openRevision === revision ? revisions.find((r) => r.revision === revision) : undefined;
  let openRevision = lc.openRevision;
  if (open) {
    open.renamedStates = composeRename(isObject(open.renamedStates) ? open.renamedStates as Record<string, string> : {}, from, to);
  } else if (lc.openRevision === revision && revision >= 2) {
    // Opened by the first edit after a publication (workspace/nextRevision.ts), with no rename recorded yet.
    revisions.push({ revision, note: EDITOR_REVISION_NOTE, renamedStates: { [from]: to } });
  } else {
    openRevision = revision + 1;
    meta.revision = openRevision;
    revisions.push({ revision: openRevision, note: EDITOR_REVISION_NOTE, renamedStates: { [from]: to } });
  }
  meta.revisions = revisions;
  return { ...lc, meta, ...(openRevision === undefined ? {} : { openRevision }) };
}

/**
 * Renames a state everywhere it is named and records the rename (see the top of this file). Other lifecycles of
 * the workspace are updated in the same command, so one undo reverts them all.
 */
export function renameState(stateId: RecordId, to: string): Command {
  return {
    type: 'lifecycle/state-rename',
    label: { vi: 'Đổi tên trạng thái', en: 'Rename state' },
    run: (records) => {
      const found = stateAndLifecycle(records, stateId);
      if (isRefusal(found)) return found;
      const { state, lifecycle: lc } = found;
      const from = state.name;
      if (from === to) return refuse('Tên mới trùng tên cũ.', 'The new name is the same as the old one.');
      const bad = checkStateName(to);
      if (bad) return bad;
      if (stateNamed(records, lc, to)) return refuse(`Đã có trạng thái "${to}".`, `There is already a state "${to}".`);
      const subject = lc.meta.subject === 'learner' ? 'learner' : 'class';
      const renamed: StateRecord = { ...state, name: to };
      const changed = new Map<RecordId, WorkspaceRecord>([[renamed.id, renamed]]);
      const { head, transitions } = resolvedTo(records, lc, renamed);
      for (const t of transitions) changed.set(t.id, t);
      for (const t of transitionsRenamed(records, lc, subject, subject, from, to)) changed.set(t.id, { ...(changed.get(t.id) as TransitionRecord | undefined ?? t), data: t.data });
      changed.set(lc.id, withRevision(head, from, to));
      // A learner lifecycle's states are also named by the class lifecycles that host it.
      if (subject === 'learner' && typeof lc.meta.id === 'string') {
        for (const host of recordsOfType(records, 'lifecycle')) {
          if (host.id === lc.id || host.meta.learnerLifecycle !== lc.meta.id || host.meta.subject !== 'class') continue;
          for (const t of transitionsRenamed(records, host, 'class', 'learner', from, to)) changed.set(t.id, t);
        }
      }
      return { put: [...changed.values()] } satisfies Change;
    },
  };
}
