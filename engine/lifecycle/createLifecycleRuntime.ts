/**
 * One lifecycle document as pure step functions over XState snapshots: `start` and `restore` make a snapshot,
 * `send` validates an event, asks the machine for the next snapshot with `transition()`, and — when no transition
 * is taken — explains why (unknown event, final state, event not allowed in this state, or the guard that failed,
 * with its numbers). A refused event never changes the snapshot.
 */
import { createActor, type AnyActorScope, type AnyMachineSnapshot, type AnyStateMachine } from 'xstate';
import type { Lifecycle } from '../documents/lifecycle.ts';
import type { LifecycleEvent } from './context.ts';
import { createLifecycleMachine } from './createLifecycleMachine.ts';
import { evaluateTransition, type EvalScope } from './evaluateGuards.ts';
import { stateLabel } from './specHelpers.ts';
import { reason, type GuardOutcome, type Reason } from './types.ts';
import { validateEvent } from './validateEvent.ts';
import { own } from '../documents/own.ts';

export type RuntimeStep =
  | { ok: true; snapshot: AnyMachineSnapshot; event: LifecycleEvent; from: string; to: string }
  | { ok: false; reason: Reason };

export interface LifecycleRuntime<C> {
  lifecycle: Lifecycle;
  machine: AnyStateMachine;
  /** What guards are evaluated against (the document, its registry entries and the environment). */
  scope: EvalScope<C>;
  start(context: C): AnyMachineSnapshot;
  /** Rebuilds the snapshot of a saved state and context (the state must exist in the document). */
  restore(state: string, context: C): AnyMachineSnapshot;
  send(snapshot: AnyMachineSnapshot, raw: unknown, options?: { allowExtra?: boolean }): RuntimeStep;
  /** Why `event` (already validated) is not taken in `snapshot`; `undefined` when a transition is enabled. */
  explain(snapshot: AnyMachineSnapshot, event: LifecycleEvent): Reason | undefined;
}

export function stateOf(snapshot: AnyMachineSnapshot): string {
  return typeof snapshot.value === 'string' ? snapshot.value : JSON.stringify(snapshot.value);
}

/**
 * The actor scope XState's pure `transition(machine, snapshot, event)` and `initialTransition(machine, input)` make
 * for each call (xstate 5.33 `createInertActorScope`): a throwaway actor, whose construction computes the machine's
 * initial snapshot, with a fresh actor system, and executors that only collect actions. Those functions then call
 * `machine.transition` / `machine.getInitialSnapshot` with it. Lifecycle machines only `assign` (no invoke, spawn,
 * raise, emit or delayed event), so nothing is ever written to the scope and one made per machine serves every
 * step: the same snapshots (test/lifecycle/inertScope.test.ts compares them with `transition()`), without building
 * an actor per step — a third of a step's time, and a class of 200 takes thousands of steps.
 */
function inertScope(machine: AnyStateMachine): AnyActorScope {
  const self = createActor(machine);
  const none = () => {};
  return { self, id: '', sessionId: '', logger: none, defer: none, emit: none, system: self.system, stopChild: none, actionExecutor: none };
}

export function createLifecycleRuntime<C extends object>(scope: EvalScope<C>): LifecycleRuntime<C> {
  const doc = scope.doc;
  const machine = createLifecycleMachine(scope);
  let actorScope: AnyActorScope | undefined;
  const inert = () => (actorScope ??= inertScope(machine));

  /** " (Sĩ số học viên)": the label of the registered guard that decided, when there is a single one. */
  function labelOf(o: GuardOutcome, lang: 'vi' | 'en'): string {
    const label = o.guard ? own(scope.specs.guards, o.guard)?.label[lang] : undefined;
    return label ? ` (${label})` : '';
  }

  function explain(snapshot: AnyMachineSnapshot, event: LifecycleEvent): Reason | undefined {
    const state = stateOf(snapshot);
    const here = (lang: 'vi' | 'en') => stateLabel(doc, state, lang);
    if (snapshot.status === 'done') {
      return reason('lifecycle/final-state', { vi: `${event.type}: đã ở trạng thái kết thúc ${here('vi')}.`, en: `${event.type}: already in the final state ${here('en')}.` });
    }
    const candidates = own(own(doc.states, state)?.on, event.type) ?? [];
    if (candidates.length === 0) {
      const allowed = Object.keys(own(doc.states, state)?.on ?? {});
      const where = Object.entries(doc.states).filter(([, s]) => own(s.on, event.type)).map(([id]) => id);
      return reason('lifecycle/event-not-allowed',
        { vi: `${event.type} không được phép ở trạng thái ${here('vi')}; được phép: ${allowed.join(', ') || '(không có)'}. ${event.type} chỉ dùng ở: ${where.join(', ') || '(không nơi nào)'}.`, en: `${event.type} is not allowed in state ${here('en')}; allowed: ${allowed.join(', ') || '(none)'}. ${event.type} is only used in: ${where.join(', ') || '(nowhere)'}.` });
    }
    const failures: Array<{ t: (typeof candidates)[number]; o: GuardOutcome }> = [];
    for (const t of candidates) {
      const o = evaluateTransition(scope, t, snapshot.context as C, event);
      if (o.ok) return undefined;
      failures.push({ t, o });
    }
    const guard = failures.map(({ o }) => o.guard ?? '').join('|');
    if (failures.length === 1) {
      const f = failures[0]!.o;
      return { ...reason(f.code, { vi: `${event.type} bị từ chối${labelOf(f, 'vi')}: ${f.vi}`, en: `${event.type} refused${labelOf(f, 'en')}: ${f.en}` }), guard };
    }
    const vi = failures.map(({ t, o }) => `[→ ${t.target ?? state}${labelOf(o, 'vi')}] ${o.vi}`).join(' ');
    const en = failures.map(({ t, o }) => `[→ ${t.target ?? state}${labelOf(o, 'en')}] ${o.en}`).join(' ');
    return { ...reason(failures[0]!.o.code, { vi: `${event.type} bị từ chối, không điều kiện nào thỏa: ${vi}`, en: `${event.type} refused, no condition holds: ${en}` }), guard };
  }

  return {
    lifecycle: doc,
    machine,
    scope,
    start: (context) => machine.getInitialSnapshot(inert(), context),
    restore: (state, context) => machine.resolveState({ value: state, context }),
    explain,
    send(snapshot, raw, options = {}) {
      const checked = validateEvent(doc, raw, options);
      if (!checked.ok) return checked;
      const event = checked.event;
      const from = stateOf(snapshot);
      const next = machine.transition(snapshot, event, inert());
      if (next !== snapshot) return { ok: true, snapshot: next, event, from, to: stateOf(next) };
      const why = explain(snapshot, event);
      // An enabled transition with no target and no actions changes nothing, and is still an accepted event.
      return why ? { ok: false, reason: why } : { ok: true, snapshot, event, from, to: from };
    },
  };
}
