/**
 * Builds an XState v5 machine from a lifecycle document with `setup({ guards, actions })`: every guard and action
 * the document names is looked up in the registry; nothing in the document is executed as code. Actions are pure
 * `assign`s, so `transition()` gives the whole next snapshot without running side effects.
 *
 * Build only documents that `validateLifecycle` accepts: an unknown guard or action name is a bug here and throws.
 */
import { and, assign, not, or, setup, type AnyStateMachine } from 'xstate';
import { isNamedGuard, type GuardExpr, type Transition } from '../documents/lifecycle.ts';
import type { LifecycleEvent } from './context.ts';
import { evaluateActionReady, evaluateNamedGuard, needsReadyCheck, type EvalScope } from './evaluateGuards.ts';
import { resolveParams } from './resolveParams.ts';

/** Name of the guard that checks an action's precondition; not a name documents may use. */
export const ACTION_READY_GUARD = 'llct.actionReady';

type XGuard = { type: string; params?: Record<string, unknown> } | ReturnType<typeof and> | ReturnType<typeof not>;
type Params = Record<string, unknown> | undefined;
type GuardImpl = (args: { context: unknown; event: LifecycleEvent }, params: Params) => boolean;

export function createLifecycleMachine<C extends object>(scope: EvalScope<C>): AnyStateMachine {
  const { doc, specs } = scope;
  const guards: Record<string, GuardImpl> = {
    [ACTION_READY_GUARD]: ({ context, event }, params) =>
      evaluateActionReady(scope, params as { type: string; params?: Record<string, unknown> }, context as C, event).ok,
  };
  for (const name of Object.keys(specs.guards)) {
    guards[name] = ({ context, event }, params) => evaluateNamedGuard(scope, name, params, context as C, event).ok;
  }
  const actions: Record<string, unknown> = {};
  for (const [name, spec] of Object.entries(specs.actions)) {
    actions[name] = assign<C, LifecycleEvent, Params, LifecycleEvent, never>(({ context, event }, params) => {
      const r = resolveParams(params, doc, scope.levelModeOf(context));
      if (!r.ok) throw new Error(`action ${name}: ${r.reason.en}`);
      return spec.apply({ context, event, params: r.params, refs: r.refs, env: scope.env });
    });
  }

  const toXGuard = (g: GuardExpr): XGuard => {
    if (isNamedGuard(g)) return { type: g.type, params: g.params ?? {} };
    if ('and' in g) return and(g.and.map(toXGuard) as never);
    if ('or' in g) return or(g.or.map(toXGuard) as never);
    return not(toXGuard(g.not) as never);
  };

  const toXTransition = (t: Transition) => {
    const parts: XGuard[] = [];
    if (t.guard) parts.push(toXGuard(t.guard));
    for (const a of t.actions) if (needsReadyCheck(specs, a)) parts.push({ type: ACTION_READY_GUARD, params: a });
    return {
      ...(t.target !== undefined ? { target: t.target } : {}),
      ...(parts.length === 1 ? { guard: parts[0] } : parts.length > 1 ? { guard: and(parts as never) } : {}),
      actions: t.actions.map((a) => ({ type: a.type, params: a.params ?? {} })),
    };
  };

  const states = Object.fromEntries(Object.entries(doc.states).map(([id, s]) => [id, {
    ...(s.final ? { type: 'final' as const } : {}),
    on: Object.fromEntries(Object.entries(s.on).map(([event, ts]) => [event, ts.map(toXTransition)])),
  }]));

  const machineSetup = setup({
    types: {} as { context: C; events: LifecycleEvent; input: C },
    guards: guards as never,
    actions: actions as never,
  });
  return machineSetup.createMachine({
    id: doc.id,
    initial: doc.initial,
    context: ({ input }: { input: C }) => input,
    states,
  } as never) as unknown as AnyStateMachine;
}

