/**
 * Commands on a lifecycle document's metadata (quy trình lớp / học viên): its events and parameters, and what the
 * state and transition commands (lifecycleStateCommands.ts, lifecycleTransitionCommands.ts) share: finding the
 * lifecycle of a state or transition, and the refusals.
 *
 * A lifecycle is records (lifecycleRecords.ts): a head `lifecycle` record, one per state and one per transition, each
 * with a stable id. Events keep their type as identity (the type is what event files and snapshots use; its label is
 * what the user edits) and parameters keep their name (fixed by the registry): both stay in the head's `meta`, edited
 * as JSON, defaults not filled in, so an export is what the user wrote.
 */
import type { Label } from '../../../engine/documents/enums.ts';
import { EventType, ParameterName } from '../../../engine/documents/lifecycle.ts';
import type { Command } from '../createWorkspaceStore.ts';
import type { LifecycleRecord, RecordId, Records, StateRecord, TransitionRecord } from '../records.ts';
import { draftRecord, isObject, isRefusal, mergeKey, recordOr, refuse, type Json, type Refusal } from './kit.ts';

export const NO_LIFECYCLE = refuse('Không tìm thấy quy trình.', 'Lifecycle not found.');
export const NO_STATE = refuse('Không tìm thấy trạng thái.', 'State not found.');
export const NO_TRANSITION = refuse('Không tìm thấy chuyển tiếp.', 'Transition not found.');

/** The lifecycle head record, or the refusal. */
export const lifecycleOr = (records: Records, id: RecordId): LifecycleRecord | Refusal => recordOr(records, id, 'lifecycle', NO_LIFECYCLE);

/** A state record and its lifecycle, or the refusal. */
export function stateAndLifecycle(records: Records, stateId: RecordId): { state: StateRecord; lifecycle: LifecycleRecord } | Refusal {
  const state = recordOr(records, stateId, 'state', NO_STATE);
  if (isRefusal(state)) return state;
  const lifecycle = lifecycleOr(records, state.lifecycle);
  return isRefusal(lifecycle) ? lifecycle : { state, lifecycle };
}

/** A transition record, the state it leaves and its lifecycle, or the refusal. */
export function transitionAndState(records: Records, transitionId: RecordId): { transition: TransitionRecord; state: StateRecord; lifecycle: LifecycleRecord } | Refusal {
  const transition = recordOr(records, transitionId, 'transition', NO_TRANSITION);
  if (isRefusal(transition)) return transition;
  const found = stateAndLifecycle(records, transition.from);
  return isRefusal(found) ? found : { transition, ...found };
}

/** Whether `stateId` is a state of `lifecycle`. */
export const hasState = (lifecycle: LifecycleRecord, stateId: RecordId | undefined): stateId is RecordId => stateId !== undefined && lifecycle.states.includes(stateId);

/** The state name people read in a refusal. */
export const nameIn = (records: Records, stateId: RecordId): string => { const s = records.get(stateId); return s?.type === 'state' ? s.name : stateId; };

/** Renames an event as people read it (its type, the id transitions and event files use, stays). Typing is one entry. */
export function updateEventLabel(lifecycleId: RecordId, type: string, label: Label): Command {
  return {
    type: 'lifecycle/event-label',
    label: { vi: 'Sửa tên sự kiện', en: 'Edit event name' },
    mergeKey: mergeKey('lifecycle/event-label', lifecycleId, type),
    run: (records) => draftRecord(records, lifecycleId, 'lifecycle', NO_LIFECYCLE, (lc) => {
      const events = lc.meta.events;
      const event = isObject(events) && Object.hasOwn(events, type) ? events[type] : undefined;
      if (!isObject(event)) return refuse(`Không có sự kiện "${type}".`, `No event "${type}".`);
      event.label = { vi: label.vi, en: label.en };
    }),
  };
}

/** Adds an event type to the document's `events` (what it means, with no payload fields: date only). */
export function addEvent(lifecycleId: RecordId, type: string, label: Label): Command {
  return {
    type: 'lifecycle/event-add',
    label: { vi: 'Thêm sự kiện', en: 'Add event' },
    run: (records) => draftRecord(records, lifecycleId, 'lifecycle', NO_LIFECYCLE, (lc) => {
      if (!EventType.safeParse(type).success) return refuse(`Tên sự kiện "${type}" không hợp lệ: viết hoa, nối bằng gạch dưới (vd. CLOSE_RECRUITMENT).`, `Event type "${type}" is not valid: upper case words joined by underscores (e.g. CLOSE_RECRUITMENT).`);
      const events: Json = isObject(lc.meta.events) ? lc.meta.events : (lc.meta.events = {});
      if (Object.hasOwn(events, type)) return refuse(`Đã có sự kiện "${type}".`, `There is already an event "${type}".`);
      events[type] = { label: { ...label }, payload: {} };
    }),
  };
}

/** Sets a parameter's value (a number, or a table by level and mode). Typing in one parameter is one entry. */
export function setParameterValue(lifecycleId: RecordId, name: string, value: unknown): Command {
  return {
    type: 'lifecycle/parameter',
    label: { vi: 'Sửa tham số', en: 'Edit parameter' },
    mergeKey: mergeKey('lifecycle/parameter', lifecycleId, name),
    run: (records) => draftRecord(records, lifecycleId, 'lifecycle', NO_LIFECYCLE, (lc) => {
      const parameters = lc.meta.parameters;
      const param = isObject(parameters) && Object.hasOwn(parameters, name) ? parameters[name] : undefined;
      if (!ParameterName.safeParse(name).success || !isObject(param)) return refuse(`Không có tham số "${name}".`, `No parameter "${name}".`);
      param.value = structuredClone(value);
    }),
  };
}
