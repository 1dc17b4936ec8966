/**
 * Commands on a lifecycle's transitions, addressed by transition record id: add, edit, move to another source state,
 * reconnect a canvas arrow (every transition it carries), delete. For one event a state's transitions are tried in
 * the order its record lists them; a transition given another event or source goes after the ones already there.
 */
import type { Label } from '../../../engine/documents/enums.ts';
import { EventType } from '../../../engine/documents/lifecycle.ts';
import type { Command } from '../createWorkspaceStore.ts';
import type { RecordId, Records, StateRecord, TransitionRecord, WorkspaceRecord } from '../records.ts';
import { isRefusal, mergeKey, refuse, type Refusal } from './kit.ts';
import { hasState, nameIn, stateAndLifecycle, transitionAndState } from './lifecycleCommands.ts';

const noState = (name: string) => refuse(`Không có trạng thái "${name}".`, `No state "${name}".`);
const finalState = (name: string) => refuse(`"${name}" là trạng thái kết thúc: không có chuyển tiếp đi ra.`, `"${name}" is a final state: it has no outgoing transitions.`);
const badEvent = (event: string) => refuse(`Tên sự kiện "${event}" không hợp lệ.`, `Event type "${event}" is not valid.`);

/** The state record `id` when it leaves transitions (not final), else the refusal. */
function sourceOr(records: Records, id: RecordId): StateRecord | Refusal {
  const s = records.get(id);
  if (s?.type !== 'state') return noState(id);
  return s.data.final === true ? finalState(s.name) : s;
}

/** Adds a transition on `event` from state `from` to state `target` (tried after the ones already there). */
export function addTransition(from: RecordId, event: string, target: RecordId): Command {
  return {
    type: 'lifecycle/transition-add',
    label: { vi: 'Thêm chuyển tiếp', en: 'Add transition' },
    run: (records, ctx) => {
      const found = stateAndLifecycle(records, from);
      if (isRefusal(found)) return found;
      if (!hasState(found.lifecycle, target)) return noState(nameIn(records, target));
      if (!EventType.safeParse(event).success) return badEvent(event);
      const source = sourceOr(records, from);
      if (isRefusal(source)) return source;
      const t: TransitionRecord = { id: ctx.ids('transition'), type: 'transition', lifecycle: found.lifecycle.id, from, event, target: { state: target }, data: { actions: [] } };
      return { put: [t, { ...source, on: [...(source.on ?? []), t.id] }] };
    },
  };
}

/**
 * Edits a transition: its target (an edge dragged to another state), guard, actions, description or event. `null`
 * removes the guard or description, or the target (the state stays and only the actions run). A new event moves the
 * transition after the ones the state already has for that event (the order they are tried in).
 */
export function updateTransition(transitionId: RecordId, patch: { target?: RecordId | null; guard?: unknown; actions?: unknown[]; description?: Label | null; event?: string }, typing?: string): Command {
  return {
    type: 'lifecycle/transition-update',
    label: { vi: 'Sửa chuyển tiếp', en: 'Edit transition' },
    ...(typing ? { mergeKey: mergeKey('lifecycle/transition-update', transitionId, typing) } : {}),
    run: (records) => {
      const found = transitionAndState(records, transitionId);
      if (isRefusal(found)) return found;
      const { transition, state, lifecycle } = found;
      const next: TransitionRecord = { ...transition, data: { ...transition.data } };
      if (patch.target === null) delete next.target;
      else if (patch.target !== undefined) {
        if (!hasState(lifecycle, patch.target)) return noState(nameIn(records, patch.target));
        next.target = { state: patch.target };
      }
      if (patch.guard === null) delete next.data.guard;
      else if (patch.guard !== undefined) next.data.guard = structuredClone(patch.guard);
      if (patch.actions) next.data.actions = structuredClone(patch.actions);
      if (patch.description === null) delete next.data.description;
      else if (patch.description) next.data.description = { ...patch.description };
      const put: WorkspaceRecord[] = [next];
      if (patch.event !== undefined && patch.event !== transition.event) {
        if (!EventType.safeParse(patch.event).success) return badEvent(patch.event);
        next.event = patch.event;
        put.push({ ...state, on: [...(state.on ?? []).filter((x) => x !== transitionId), transitionId] });
      }
      return { put };
    },
  };
}

/** Moves a transition to leave another state (its source end dragged), keeping event, guard and actions. */
export function moveTransition(transitionId: RecordId, toState: RecordId): Command {
  return {
    type: 'lifecycle/transition-move',
    label: { vi: 'Chuyển điểm đầu của chuyển tiếp', en: 'Move transition' },
    run: (records) => {
      const found = transitionAndState(records, transitionId);
      if (isRefusal(found)) return found;
      const { transition, state, lifecycle } = found;
      if (!hasState(lifecycle, toState)) return noState(nameIn(records, toState));
      if (toState === state.id) return refuse('Chuyển tiếp đã đi ra từ trạng thái này.', 'The transition already leaves this state.');
      const dest = sourceOr(records, toState);
      if (isRefusal(dest)) return dest;
      return { put: [{ ...transition, from: toState }, { ...state, on: (state.on ?? []).filter((x) => x !== transitionId) }, { ...dest, on: [...(dest.on ?? []), transitionId] }] };
    },
  };
}

/**
 * An arrow of the canvas dragged to other states: every transition it carries (`transitionIds`, all leaving one
 * state) now leaves `from` and/or goes to `target` (state record ids), in one step. Moved transitions keep their
 * event, guard, actions and relative order, after the ones the new source already has.
 */
export function reconnectArrow(transitionIds: readonly RecordId[], to: { from?: RecordId; target?: RecordId }): Command {
  return {
    type: 'lifecycle/arrow-reconnect',
    label: { vi: 'Nối lại mũi tên', en: 'Reconnect arrow' },
    run: (records) => {
      if (transitionIds.length === 0) return refuse('Mũi tên không mang chuyển tiếp nào.', 'The arrow carries no transition.');
      const found: TransitionRecord[] = [];
      for (const id of transitionIds) {
        const f = transitionAndState(records, id);
        if (isRefusal(f)) return f;
        found.push(f.transition);
      }
      const first = transitionAndState(records, transitionIds[0]!);
      if (isRefusal(first)) return first;
      const { state: source, lifecycle } = first;
      if (found.some((t) => t.from !== source.id)) return refuse('Các chuyển tiếp không cùng điểm đầu.', 'The transitions do not leave the same state.');
      for (const id of [to.from, to.target]) if (id !== undefined && !hasState(lifecycle, id)) return noState(nameIn(records, id));
      const newFrom = to.from ?? source.id;
      const dest = newFrom === source.id ? source : sourceOr(records, newFrom);
      if (isRefusal(dest)) return dest;
      const moved = found.map((t) => ({ ...t, from: newFrom, ...(to.target === undefined ? {} : { target: { state: to.target } }) }));
      if (newFrom === source.id) return { put: moved };
      return { put: [...moved, { ...source, on: (source.on ?? []).filter((x) => !transitionIds.includes(x)) }, { ...dest, on: [...(dest.on ?? []), ...transitionIds] }] };
    },
  };
}

export function deleteTransition(transitionId: RecordId): Command {
  return {
    type: 'lifecycle/transition-delete',
    label: { vi: 'Xoá chuyển tiếp', en: 'Delete transition' },
    run: (records) => {
      const found = transitionAndState(records, transitionId);
      if (isRefusal(found)) return found;
      return { put: [{ ...found.state, on: (found.state.on ?? []).filter((x) => x !== transitionId) }], remove: [transitionId] };
    },
  };
}
