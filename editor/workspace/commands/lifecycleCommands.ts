/**
 * Commands on lifecycle documents (quy trình lớp / học viên): states, transitions, events and parameters. Each
 * puts the whole edited document back (lifecycles are small), so undo restores it byte for byte.
 *
 * A document is edited as its JSON, defaults not filled in, so an export is what the user wrote. A command that
 * cannot make sense of the part it edits (a `states` that is not an object…) refuses instead of guessing.
 *
 * Renaming a state updates every reference — `initial`, transition targets, guard and action parameters naming the
 * state in this document and, for a learner lifecycle, in the class lifecycles that host it — and records the rename
 * in `revisions[].renamedStates`, so class snapshots saved under the earlier revision resume in the new name. The
 * first rename after loading opens revision n + 1; later renames in the workspace go into that same revision.
 */
import type { Label } from '../../../engine/documents/enums.ts';
import { EventType, LifecycleId, ParameterName, type LifecycleSubject } from '../../../engine/documents/lifecycle.ts';
import { createLifecycleRegistry } from '../../../engine/lifecycle/createLifecycleRegistry.ts';
import type { SpecRefs } from '../../../engine/lifecycle/types.ts';
import type { Change, Command } from '../createWorkspaceStore.ts';
import { layoutIdOf, recordsOfType, type LayoutRecord, type LifecycleRecord, type RecordId, type Records, type WorkspaceRecord } from '../records.ts';
import { draftDocument, isObject, isRefusal, mergeKey, refuse, type DocumentKind, type Json, type Refusal } from './kit.ts';

const REGISTRY = createLifecycleRegistry();
/** The note of the revision the editor opens for renames. */
export const EDITOR_REVISION_NOTE = 'Đổi tên trạng thái trong LLCT Studio / States renamed in LLCT Studio';

const own = (o: Json, k: string) => Object.hasOwn(o, k);

/** Lifecycle documents as commands draft them: every command edits `states`, an object of state objects. */
const LIFECYCLE: DocumentKind<LifecycleRecord, { states: Record<string, Json> }> = {
  type: 'lifecycle',
  notFound: refuse('Không tìm thấy quy trình.', 'Lifecycle not found.'),
  parts: (doc) => (isObject(doc.states) && Object.values(doc.states).every(isObject)
    ? { states: doc.states as Record<string, Json> }
    : refuse('Phần "states" của quy trình không hợp lệ; hãy sửa tệp rồi nhập lại.', 'The lifecycle\'s "states" is not valid; correct the file and import it again.')),
};

/** A state's transitions for one event, as a fresh array in the (copied) document, creating `on` as needed. */
function transitionsOf(state: Json, event: string, create = false): Json[] | undefined {
  if (!isObject(state.on)) {
    if (!create) return undefined;
    state.on = {};
  }
  const on = state.on as Json;
  if (!Array.isArray(on[event])) {
    if (!create) return undefined;
    on[event] = [];
  }
  return on[event] as Json[];
}

function checkStateId(id: string): Refusal | undefined {
  if (!LifecycleId.safeParse(id).success) {
    return refuse(`Mã trạng thái "${id}" không hợp lệ: viết thường, nối bằng gạch ngang (vd. in-session).`, `State id "${id}" is not valid: lower case words joined by hyphens (e.g. in-session).`);
  }
  return undefined;
}

/** Adds a state (not final, no transitions). */
export function addState(recordId: RecordId, stateId: string, label: Label): Command {
  return {
    type: 'lifecycle/state-add',
    label: { vi: 'Thêm trạng thái', en: 'Add state' },
    run: (records) => draftDocument(records, recordId, LIFECYCLE, (e) => {
      const { states } = e.parts;
      const bad = checkStateId(stateId);
      if (bad) return bad;
      if (own(states, stateId)) return refuse(`Đã có trạng thái "${stateId}".`, `There is already a state "${stateId}".`);
      states[stateId] = { label: { ...label }, final: false, on: {} };
    }),
  };
}

/** Edits a state's label, description or final mark. Typing in one field of one state is one history entry. */
export function updateState(recordId: RecordId, stateId: string, patch: { label?: Label; description?: Label | null; final?: boolean }): Command {
  return {
    type: 'lifecycle/state-update',
    label: { vi: 'Sửa trạng thái', en: 'Edit state' },
    mergeKey: mergeKey('lifecycle/state-update', recordId, stateId, Object.keys(patch).sort().join(',')),
    run: (records) => draftDocument(records, recordId, LIFECYCLE, (e) => {
      const { states } = e.parts;
      const s = states[stateId];
      if (!s || !own(states, stateId)) return refuse(`Không có trạng thái "${stateId}".`, `No state "${stateId}".`);
      if (patch.label) s.label = { ...patch.label };
      if (patch.description === null) delete s.description;
      else if (patch.description) s.description = { ...patch.description };
      if (patch.final !== undefined) s.final = patch.final;
    }),
  };
}

export function setInitialState(recordId: RecordId, stateId: string): Command {
  return {
    type: 'lifecycle/initial',
    label: { vi: 'Đặt trạng thái đầu', en: 'Set initial state' },
    run: (records) => draftDocument(records, recordId, LIFECYCLE, (e) => {
      const { states } = e.parts;
      if (!own(states, stateId)) return refuse(`Không có trạng thái "${stateId}".`, `No state "${stateId}".`);
      e.doc.initial = stateId;
    }),
  };
}

/**
 * Deletes a state and the transitions into it (they would point nowhere). The initial state cannot be deleted:
 * make another state initial first.
 */
export function deleteState(recordId: RecordId, stateId: string): Command {
  return {
    type: 'lifecycle/state-delete',
    label: { vi: 'Xoá trạng thái', en: 'Delete state' },
    run: (records) => draftDocument(records, recordId, LIFECYCLE, (e) => {
      const { states } = e.parts;
      if (!own(states, stateId)) return refuse(`Không có trạng thái "${stateId}".`, `No state "${stateId}".`);
      if (e.doc.initial === stateId) return refuse('Không xoá được trạng thái đầu; hãy đặt trạng thái khác làm trạng thái đầu trước.', 'The initial state cannot be deleted; make another state initial first.');
      delete states[stateId];
      const layout = withoutPosition(records, recordId, stateId);
      for (const s of Object.values(states)) {
        if (!isObject(s.on)) continue;
        for (const [event, list] of Object.entries(s.on)) {
          if (!Array.isArray(list)) continue;
          const kept = list.filter((t) => !(isObject(t) && t.target === stateId));
          if (kept.length === 0) delete s.on[event];
          else s.on[event] = kept;
        }
      }
      return { put: [{ ...e.record, doc: e.doc }, ...(layout ? [{ ...layout.record, positions: layout.positions }] : [])] };
    }),
  };
}

/** The lifecycle canvas's layout without a state's position (its position returned), if the layout has one. */
function withoutPosition(records: Records, recordId: RecordId, stateId: string): { record: LayoutRecord; positions: LayoutRecord['positions']; at: LayoutRecord['positions'][string] | undefined } | undefined {
  const record = records.get(layoutIdOf(recordId));
  if (record?.type !== 'layout' || !Object.hasOwn(record.positions, stateId)) return undefined;
  const { [stateId]: at, ...positions } = record.positions;
  return { record, positions, at };
}

/** State references in guard and action parameters, as the registry declares them (`SpecRefs.states`). */
function renameRefsIn(doc: Json, subject: LifecycleSubject, of: LifecycleSubject, from: string, to: string): void {
  const specs = REGISTRY[subject];
  const rename = (named: Json, table: Readonly<Record<string, SpecRefs>>) => {
    const type = named.type;
    if (typeof type !== 'string' || !Object.hasOwn(table, type) || !isObject(named.params)) return;
    for (const { key, of: target } of table[type]!.states ?? []) {
      if (target !== of || !own(named.params, key)) continue;
      const v = named.params[key];
      if (v === from) named.params[key] = to;
      else if (Array.isArray(v)) named.params[key] = v.map((x) => (x === from ? to : x));
    }
  };
  const walkGuard = (g: unknown): void => {
    if (!isObject(g)) return;
    if (Array.isArray(g.and)) g.and.forEach(walkGuard);
    else if (Array.isArray(g.or)) g.or.forEach(walkGuard);
    else if (own(g, 'not')) walkGuard(g.not);
    else rename(g, specs.guards);
  };
  if (!isObject(doc.states)) return;
  for (const s of Object.values(doc.states)) {
    if (!isObject(s) || !isObject(s.on)) continue;
    for (const list of Object.values(s.on)) {
      if (!Array.isArray(list)) continue;
      for (const t of list) {
        if (!isObject(t)) continue;
        walkGuard(t.guard);
        if (Array.isArray(t.actions)) for (const a of t.actions) if (isObject(a)) rename(a, specs.actions);
      }
    }
  }
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

/**
 * Renames a state everywhere it is named and records the rename (see the top of this file). Other lifecycles of
 * the workspace are updated in the same command, so one undo reverts them all.
 */
export function renameState(recordId: RecordId, from: string, to: string): Command {
  return {
    type: 'lifecycle/state-rename',
    label: { vi: 'Đổi tên trạng thái', en: 'Rename state' },
    run: (records) => draftDocument(records, recordId, LIFECYCLE, (e) => {
      const { states } = e.parts;
      if (!own(states, from)) return refuse(`Không có trạng thái "${from}".`, `No state "${from}".`);
      if (from === to) return refuse('Tên mới trùng tên cũ.', 'The new name is the same as the old one.');
      const bad = checkStateId(to);
      if (bad) return bad;
      if (own(states, to)) return refuse(`Đã có trạng thái "${to}".`, `There is already a state "${to}".`);
      const subject = e.doc.subject === 'learner' ? 'learner' : 'class';

      // The key, in place (the order of states is the order the editor and diagrams list them).
      e.doc.states = Object.fromEntries(Object.entries(states).map(([k, v]) => [k === from ? to : k, v]));
      if (e.doc.initial === from) e.doc.initial = to;
      for (const s of Object.values(e.doc.states as Record<string, Json>)) {
        if (!isObject(s.on)) continue;
        for (const list of Object.values(s.on)) if (Array.isArray(list)) for (const t of list) if (isObject(t) && t.target === from) t.target = to;
      }
      renameRefsIn(e.doc, subject, subject, from, to);

      // The revision: open n + 1 on the first rename since loading, then keep adding to it.
      const revision = typeof e.doc.revision === 'number' ? e.doc.revision : 1;
      const revisions = Array.isArray(e.doc.revisions) ? e.doc.revisions.filter(isObject) : [];
      const open = e.record.openRevision === revision ? revisions.find((r) => r.revision === revision) : undefined;
      let openRevision = e.record.openRevision;
      if (open) {
        open.renamedStates = composeRename(isObject(open.renamedStates) ? open.renamedStates as Record<string, string> : {}, from, to);
      } else {
        openRevision = revision + 1;
        e.doc.revision = openRevision;
        revisions.push({ revision: openRevision, note: EDITOR_REVISION_NOTE, renamedStates: { [from]: to } });
      }
      e.doc.revisions = revisions;
      const changed: WorkspaceRecord[] = [{ ...e.record, doc: e.doc, ...(openRevision === undefined ? {} : { openRevision }) }];
      const layout = withoutPosition(records, recordId, from);
      if (layout) changed.push({ ...layout.record, positions: { ...layout.positions, ...(layout.at ? { [to]: layout.at } : {}) } });

      // A learner lifecycle's states are also named by the class lifecycles that host it.
      if (subject === 'learner' && typeof e.doc.id === 'string') {
        for (const host of recordsOfType(records, 'lifecycle')) {
          if (host.id === recordId || host.doc.learnerLifecycle !== e.doc.id || host.doc.subject !== 'class') continue;
          const doc = structuredClone(host.doc);
          renameRefsIn(doc, 'class', 'learner', from, to);
          if (JSON.stringify(doc) !== JSON.stringify(host.doc)) changed.push({ ...host, doc });
        }
      }
      return { put: changed };
    }),
  };
}

/** Renames an event as people read it (its type, the id transitions and event files use, stays). Typing is one entry. */
export function updateEventLabel(recordId: RecordId, type: string, label: Label): Command {
  return {
    type: 'lifecycle/event-label',
    label: { vi: 'Sửa tên sự kiện', en: 'Edit event name' },
    mergeKey: mergeKey('lifecycle/event-label', recordId, type),
    run: (records) => draftDocument(records, recordId, LIFECYCLE, (e) => {
      const events = isObject(e.doc.events) ? e.doc.events as Json : {};
      if (!own(events, type) || !isObject(events[type])) return refuse(`Không có sự kiện "${type}".`, `No event "${type}".`);
      (events[type] as Json).label = { vi: label.vi, en: label.en };
    }),
  };
}

/** Adds an event type to the document's `events` (what it means, with no payload fields: date only). */
export function addEvent(recordId: RecordId, type: string, label: Label): Command {
  return {
    type: 'lifecycle/event-add',
    label: { vi: 'Thêm sự kiện', en: 'Add event' },
    run: (records) => draftDocument(records, recordId, LIFECYCLE, (e) => {
      if (!EventType.safeParse(type).success) return refuse(`Tên sự kiện "${type}" không hợp lệ: viết hoa, nối bằng gạch dưới (vd. CLOSE_RECRUITMENT).`, `Event type "${type}" is not valid: upper case words joined by underscores (e.g. CLOSE_RECRUITMENT).`);
      const events = isObject(e.doc.events) ? e.doc.events : (e.doc.events = {});
      if (own(events as Json, type)) return refuse(`Đã có sự kiện "${type}".`, `There is already an event "${type}".`);
      (events as Json)[type] = { label: { ...label }, payload: {} };
    }),
  };
}

/** Where a transition is: the state it leaves, the event, and its place among that event's transitions. */
export interface TransitionRef { from: string; event: string; index: number }

/** Adds a transition on `event` from `from` to `target` (tried after the ones already there). */
export function addTransition(recordId: RecordId, from: string, event: string, target: string): Command {
  return {
    type: 'lifecycle/transition-add',
    label: { vi: 'Thêm chuyển tiếp', en: 'Add transition' },
    run: (records) => draftDocument(records, recordId, LIFECYCLE, (e) => {
      const { states } = e.parts;
      if (!own(states, from)) return refuse(`Không có trạng thái "${from}".`, `No state "${from}".`);
      if (!own(states, target)) return refuse(`Không có trạng thái "${target}".`, `No state "${target}".`);
      if (!EventType.safeParse(event).success) return refuse(`Tên sự kiện "${event}" không hợp lệ.`, `Event type "${event}" is not valid.`);
      if (states[from]!.final === true) return refuse(`"${from}" là trạng thái kết thúc: không có chuyển tiếp đi ra.`, `"${from}" is a final state: it has no outgoing transitions.`);
      transitionsOf(states[from]!, event, true)!.push({ target, actions: [] });
    }),
  };
}

function transitionAt(states: Record<string, Json>, ref: TransitionRef): Json | Refusal {
  const s = own(states, ref.from) ? states[ref.from] : undefined;
  const t = s && transitionsOf(s, ref.event)?.[ref.index];
  return isObject(t) ? t : refuse('Không tìm thấy chuyển tiếp.', 'Transition not found.');
}

/** Drafts the lifecycle and hands `edit` the transition at `ref` (refused when there is none there). */
function draftTransition(records: Records, recordId: RecordId, ref: TransitionRef, edit: (states: Record<string, Json>, t: Json) => Refusal | undefined): Refusal | Change {
  return draftDocument(records, recordId, LIFECYCLE, (e) => {
    const t = transitionAt(e.parts.states, ref);
    return isRefusal(t) ? t : edit(e.parts.states, t);
  });
}

/**
 * Edits a transition: its target (an edge dragged to another state), guard, actions, description or event. `null`
 * removes the guard or description, or the target (the state stays and only the actions run). A new event moves the
 * transition after the ones the state already has for that event (the order they are tried in).
 */
export function updateTransition(recordId: RecordId, ref: TransitionRef, patch: { target?: string | null; guard?: unknown; actions?: unknown[]; description?: Label | null; event?: string }, typing?: string): Command {
  return {
    type: 'lifecycle/transition-update',
    label: { vi: 'Sửa chuyển tiếp', en: 'Edit transition' },
    ...(typing ? { mergeKey: mergeKey('lifecycle/transition-update', recordId, ref.from, ref.event, ref.index, typing) } : {}),
    run: (records) => draftTransition(records, recordId, ref, (states, t) => {
      if (patch.target === null) delete t.target;
      else if (patch.target !== undefined) {
        if (!own(states, patch.target)) return refuse(`Không có trạng thái "${patch.target}".`, `No state "${patch.target}".`);
        t.target = patch.target;
      }
      if (patch.guard === null) delete t.guard;
      else if (patch.guard !== undefined) t.guard = structuredClone(patch.guard);
      if (patch.actions) t.actions = structuredClone(patch.actions);
      if (patch.description === null) delete t.description;
      else if (patch.description) t.description = { ...patch.description };
      if (patch.event !== undefined && patch.event !== ref.event) {
        if (!EventType.safeParse(patch.event).success) return refuse(`Tên sự kiện "${patch.event}" không hợp lệ.`, `Event type "${patch.event}" is not valid.`);
        removeAt(states[ref.from]!, ref);
        transitionsOf(states[ref.from]!, patch.event, true)!.push(t);
      }
    }),
  };
}

/** Moves a transition to leave another state (its source end dragged), keeping event, guard and actions. */
export function moveTransition(recordId: RecordId, ref: TransitionRef, toState: string): Command {
  return {
    type: 'lifecycle/transition-move',
    label: { vi: 'Chuyển điểm đầu của chuyển tiếp', en: 'Move transition' },
    run: (records) => draftTransition(records, recordId, ref, (states, t) => {
      if (!own(states, toState)) return refuse(`Không có trạng thái "${toState}".`, `No state "${toState}".`);
      if (toState === ref.from) return refuse('Chuyển tiếp đã đi ra từ trạng thái này.', 'The transition already leaves this state.');
      if (states[toState]!.final === true) return refuse(`"${toState}" là trạng thái kết thúc: không có chuyển tiếp đi ra.`, `"${toState}" is a final state: it has no outgoing transitions.`);
      removeAt(states[ref.from]!, ref);
      transitionsOf(states[toState]!, ref.event, true)!.push(t);
    }),
  };
}

/**
 * An arrow of the canvas dragged to other states: every transition it carries (`refs`, all leaving one state) now
 * leaves `from` and/or goes to `to`, in one step. Moved transitions keep their event, guard, actions and relative
 * order, after the ones the new source already has for their event.
 */
export function reconnectArrow(recordId: RecordId, refs: readonly TransitionRef[], to: { from?: string; target?: string }): Command {
  return {
    type: 'lifecycle/arrow-reconnect',
    label: { vi: 'Nối lại mũi tên', en: 'Reconnect arrow' },
    run: (records) => draftDocument(records, recordId, LIFECYCLE, (e) => {
      const { states } = e.parts;
      if (refs.length === 0) return refuse('Mũi tên không mang chuyển tiếp nào.', 'The arrow carries no transition.');
      const source = refs[0]!.from;
      if (refs.some((r) => r.from !== source)) return refuse('Các chuyển tiếp không cùng điểm đầu.', 'The transitions do not leave the same state.');
      for (const id of [to.from, to.target]) if (id !== undefined && !own(states, id)) return refuse(`Không có trạng thái "${id}".`, `No state "${id}".`);
      const newFrom = to.from ?? source;
      if (newFrom !== source && states[newFrom]!.final === true) {
        return refuse(`"${newFrom}" là trạng thái kết thúc: không có chuyển tiếp đi ra.`, `"${newFrom}" is a final state: it has no outgoing transitions.`);
      }
      const found: Array<{ ref: TransitionRef; t: Json }> = [];
      for (const ref of refs) {
        const t = transitionAt(states, ref);
        if (isRefusal(t)) return t;
        found.push({ ref, t });
      }
      for (const { t } of found) if (to.target !== undefined) t.target = to.target;
      if (newFrom !== source) {
        // Remove from the highest index down so the lower refs stay valid, then append in the original order.
        for (const { ref } of [...found].sort((a, b) => b.ref.index - a.ref.index)) removeAt(states[source]!, ref);
        for (const { ref, t } of found) transitionsOf(states[newFrom]!, ref.event, true)!.push(t);
      }
    }),
  };
}

function removeAt(state: Json, ref: TransitionRef): void {
  const list = transitionsOf(state, ref.event)!;
  list.splice(ref.index, 1);
  if (list.length === 0) delete (state.on as Json)[ref.event];
}

export function deleteTransition(recordId: RecordId, ref: TransitionRef): Command {
  return {
    type: 'lifecycle/transition-delete',
    label: { vi: 'Xoá chuyển tiếp', en: 'Delete transition' },
    run: (records) => draftTransition(records, recordId, ref, (states) => {
      removeAt(states[ref.from]!, ref);
    }),
  };
}

/** Sets a parameter's value (a number, or a table by level and mode). Typing in one parameter is one entry. */
export function setParameterValue(recordId: RecordId, name: string, value: unknown): Command {
  return {
    type: 'lifecycle/parameter',
    label: { vi: 'Sửa tham số', en: 'Edit parameter' },
    mergeKey: mergeKey('lifecycle/parameter', recordId, name),
    run: (records) => draftDocument(records, recordId, LIFECYCLE, (e) => {
      if (!ParameterName.safeParse(name).success || !isObject(e.doc.parameters) || !own(e.doc.parameters, name) || !isObject(e.doc.parameters[name])) {
        return refuse(`Không có tham số "${name}".`, `No parameter "${name}".`);
      }
      (e.doc.parameters[name] as Json).value = structuredClone(value);
    }),
  };
}
