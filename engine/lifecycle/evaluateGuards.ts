/**
 * Guard evaluation with reasons. XState's guards (registered in `createLifecycleMachine`) and the explanation of a
 * refused event both call these functions, so what the machine does and what it says cannot disagree.
 */
import { isNamedGuard, type ActionRef, type GuardExpr, type Lifecycle, type Transition } from '../documents/lifecycle.ts';
import type { LifecycleEvent } from './context.ts';
import { resolveParams, type LevelMode } from './resolveParams.ts';
import { outcome, type GuardOutcome, type LifecycleEnv, type SubjectRegistry } from './types.ts';
import { own } from '../documents/own.ts';

export interface EvalScope<C> {
  doc: Lifecycle;
  specs: SubjectRegistry<C>;
  env: LifecycleEnv;
  levelModeOf(context: C): LevelMode;
}

export function evaluateNamedGuard<C>(scope: EvalScope<C>, type: string, raw: Record<string, unknown> | undefined, context: C, event: LifecycleEvent): GuardOutcome {
  const spec = own(scope.specs.guards, type);
  if (!spec) return outcome(false, 'lifecycle/unknown-guard', { vi: `Điều kiện "${type}" không có trong danh mục.`, en: `Guard "${type}" is not registered.` });
  const r = resolveParams(raw, scope.doc, scope.levelModeOf(context));
  if (!r.ok) return { ok: false, ...r.reason, guard: type };
  return { ...spec.evaluate({ context, event, params: r.params, refs: r.refs, env: scope.env }), guard: type };
}

export function evaluateGuard<C>(scope: EvalScope<C>, expr: GuardExpr, context: C, event: LifecycleEvent): GuardOutcome {
  if (isNamedGuard(expr)) return evaluateNamedGuard(scope, expr.type, expr.params, context, event);
  if ('and' in expr) {
    let last: GuardOutcome | undefined;
    for (const g of expr.and) {
      last = evaluateGuard(scope, g, context, event);
      if (!last.ok) return last;
    }
    return last!;
  }
  if ('or' in expr) {
    const failed: GuardOutcome[] = [];
    for (const g of expr.or) {
      const o = evaluateGuard(scope, g, context, event);
      if (o.ok) return o;
      failed.push(o);
    }
    return { ...outcome(false, failed[0]!.code, { vi: failed.map((f) => f.vi).join(' Hoặc: '), en: failed.map((f) => f.en).join(' Or: ') }), guard: failed.map((f) => f.guard).join('|') };
  }
  const inner = evaluateGuard(scope, expr.not, context, event);
  return inner.ok
    ? { ...outcome(false, 'lifecycle/negated-guard', { vi: `Điều kiện phủ định không thỏa: ${inner.vi}`, en: `Negated condition does not hold: ${inner.en}` }), guard: `not(${inner.guard ?? ''})` }
    : outcome(true, inner.code, { vi: inner.vi, en: inner.en });
}

/** An action is ready when its parameters resolve and its precondition (if any) holds. */
export function evaluateActionReady<C>(scope: EvalScope<C>, action: ActionRef, context: C, event: LifecycleEvent): GuardOutcome {
  const spec = own(scope.specs.actions, action.type);
  if (!spec) return outcome(false, 'lifecycle/unknown-action', { vi: `Hành động "${action.type}" không có trong danh mục.`, en: `Action "${action.type}" is not registered.` });
  const guard = `${action.type}:precondition`;
  const r = resolveParams(action.params, scope.doc, scope.levelModeOf(context));
  if (!r.ok) return { ok: false, ...r.reason, guard };
  return spec.precondition
    ? { ...spec.precondition({ context, event, params: r.params, refs: r.refs, env: scope.env }), guard }
    : outcome(true, 'lifecycle/action-ready', { vi: '', en: '' });
}

/** Whether an action needs a readiness check at all (it has a precondition or reads document parameters). */
export function needsReadyCheck<C>(specs: SubjectRegistry<C>, action: ActionRef): boolean {
  return Boolean(own(specs.actions, action.type)?.precondition) || Object.values(action.params ?? {}).some((v) => typeof v === 'object' && v !== null);
}

/** The transition's guard and its actions' preconditions, in that order; the first that fails is the reason. */
export function evaluateTransition<C>(scope: EvalScope<C>, t: Transition, context: C, event: LifecycleEvent): GuardOutcome {
  if (t.guard) {
    const g = evaluateGuard(scope, t.guard, context, event);
    if (!g.ok) return g;
  }
  for (const a of t.actions) {
    if (!needsReadyCheck(scope.specs, a)) continue;
    const r = evaluateActionReady(scope, a, context, event);
    if (!r.ok) return r;
  }
  return outcome(true, 'lifecycle/enabled', { vi: '', en: '' });
}
