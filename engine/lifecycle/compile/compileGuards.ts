/**
 * Guards of a lifecycle document compiled to plain boolean functions for one training level and mode: parameters
 * are resolved once, the registered guards the default lifecycles use get a direct implementation (no reason text is
 * built), and any other registered guard falls back to its spec's `evaluate`. The direct implementations say exactly
 * what the specs in classSpecs.ts / learnerSpecs.ts decide; test/lifecycle/compiledDifferential.test.ts holds them to
 * the XState machine. Pure.
 */
import { isNamedGuard, type GuardExpr, type Lifecycle } from '../../documents/lifecycle.ts';
import { own } from '../../documents/own.ts';
import { addMonths } from '../specHelpers.ts';
import { CLASS_GUARDS } from '../classSpecs.ts';
import type { ClassContext, LearnerContext, LearnerRecord, LifecycleEvent } from '../context.ts';
import { LEARNER_GUARDS } from '../learnerSpecs.ts';
import { resolveParams, type LevelMode } from '../resolveParams.ts';
import type { IsEligible, LifecycleEnv, SubjectRegistry } from '../types.ts';

/**
 * What a compiled class guard sees: the class context and how many learners are in each learner state, by the
 * state's position in the learner lifecycle's `states`.
 */
export interface ClassView { context: ClassContext; counts: Int32Array }

export type Test<R> = (subject: R, event: LifecycleEvent) => boolean;

const NEVER = () => false;

function combine<R>(expr: GuardExpr, named: (type: string, params: Record<string, unknown> | undefined) => Test<R>): Test<R> {
  if (isNamedGuard(expr)) return named(expr.type, expr.params);
  if ('and' in expr) {
    const parts = expr.and.map((g) => combine(g, named));
    return (s, e) => { for (const p of parts) if (!p(s, e)) return false; return true; };
  }
  if ('or' in expr) {
    const parts = expr.or.map((g) => combine(g, named));
    return (s, e) => { for (const p of parts) if (p(s, e)) return true; return false; };
  }
  const inner = combine(expr.not, named);
  return (s, e) => !inner(s, e);
}

/** A class guard expression as a test over the class view; `learnerStates`: position of each learner state. */
export function compileClassGuard(expr: GuardExpr, doc: Lifecycle, specs: SubjectRegistry<ClassContext>, env: LifecycleEnv, lm: LevelMode, learnerStates: ReadonlyMap<string, number>): Test<ClassView> {
  return combine<ClassView>(expr, (type, raw) => {
    const spec = own(specs.guards, type);
    const r = resolveParams(raw, doc, lm);
    if (!spec || !r.ok) return NEVER;
    const p = r.params;
    if (spec === CLASS_GUARDS.learnerCount) {
      // A state the learner lifecycle does not have holds no learner.
      const states = [...new Set(p.states as string[])].flatMap((s) => { const i = learnerStates.get(s); return i === undefined ? [] : [i]; });
      const min = p.min as number | undefined;
      const max = p.max as number | undefined;
      return (v) => {
        let n = 0;
        for (const s of states) n += v.counts[s]!;
        return !(min !== undefined && n < min) && !(max !== undefined && n > max);
      };
    }
    if (spec === CLASS_GUARDS.postponedFrom) {
      const state = p.state as string;
      return (v) => v.context.postponedFrom === state;
    }
    if (spec === CLASS_GUARDS.monthsSince) {
      const since = p.since as string;
      const months = p.months as number;
      return (v, e) => {
        const start = v.context.dates[since];
        return start !== undefined && e.at >= addMonths(start, months);
      };
    }
    return (v, e) => spec.evaluate({ context: v.context, event: e, params: p, refs: r.refs, env }).ok;
  });
}

/**
 * A learner guard expression as a test over the learner record. `isEligible`, when given, answers the `eligible`
 * guard instead of the full check in `env` (it must agree with it).
 */
export function compileLearnerGuard(expr: GuardExpr, doc: Lifecycle, specs: SubjectRegistry<LearnerContext>, env: LifecycleEnv, lm: LevelMode, isEligible?: IsEligible): Test<LearnerRecord> {
  return combine<LearnerRecord>(expr, (type, raw) => {
    const spec = own(specs.guards, type);
    const r = resolveParams(raw, doc, lm);
    if (!spec || !r.ok) return NEVER;
    const p = r.params;
    if (spec === LEARNER_GUARDS.eligible) {
      const level = p.level as LearnerContext['nomination']['level'] | undefined;
      const mode = p.mode as LearnerContext['nomination']['mode'] | undefined;
      const eligible: IsEligible = isEligible ?? ((profile, n) => { const o = env.checkEligibility(profile, n); return o.ok && o.verdict.eligible; });
      return (rec) => {
        const n = rec.context.nomination;
        return eligible(rec.context.profile, level || mode ? { ...n, ...(level ? { level } : {}), ...(mode ? { mode } : {}) } : n);
      };
    }
    if (spec === LEARNER_GUARDS.attendanceAtLeast) {
      const min = p.min as number;
      return (rec) => rec.context.attendance !== null && rec.context.attendance >= min;
    }
    if (spec === LEARNER_GUARDS.examPassed) {
      const mark = p.passMark as number;
      return (_rec, e) => {
        const scores = Array.isArray(e.scores) ? (e.scores as number[]) : [];
        if (scores.length === 0) return false;
        // `!(s < mark)`, not `s >= mark`: the spec counts what is below the mark, and a non-number is never below.
        // (An index loop: iterating the event's list with for…of allocated an iterator result per score.)
        for (let i = 0; i < scores.length; i++) if (scores[i]! < mark) return false;
        return true;
      };
    }
    if (spec === LEARNER_GUARDS.resitAvailable) {
      const allowance = p.allowance as number;
      return (rec) => rec.context.attempts < allowance;
    }
    return (rec, e) => spec.evaluate({ context: rec.context, event: e, params: p, refs: r.refs, env }).ok;
  });
}
