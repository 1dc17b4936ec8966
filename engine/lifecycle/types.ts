/**
 * The vocabulary lifecycle documents may use: guards and actions registered by name, each with a parameter schema,
 * a bilingual label, and a pure implementation over the context and the event. Guards explain themselves: every
 * evaluation says what it saw, so a rejected event can give the rule and the numbers.
 */
import type { z } from 'zod/mini';
import type { CadreProfile, Nomination } from '../documents/cadre.ts';
import type { Label } from '../documents/enums.ts';
import type { Lifecycle, LifecycleSubject, ParameterUnit } from '../documents/lifecycle.ts';
import type { CheckOutcome } from '../rules/createChecker.ts';
import type { ClassContext, LearnerContext, LearnerInput, LearnerRecord, LifecycleEvent, ScreeningVerdict } from './context.ts';

/**
 * Why something was refused, in Vietnamese and English, with a stable code; `guard` names the registered guard
 * (or `action:precondition`) that blocked, when one did.
 */
export interface Reason { code: string; vi: string; en: string; guard?: string }

/** A guard's answer and what it saw (used as the reason when the guard blocks an event). */
export interface GuardOutcome extends Reason { ok: boolean }

/**
 * The synchronous eligibility check a rule-backed guard calls: `checker.checkSync` of engine/rules (with a
 * synchronous evaluator), or a table of verdicts computed beforehand with the asynchronous `check`.
 */
export type CheckEligibility = (profile: CadreProfile, nomination: Nomination) => CheckOutcome;

/**
 * Whether `checkEligibility` would say eligible (`ok` and `verdict.eligible`), for a caller that needs no reasons:
 * the compiled lifecycle's `eligible` guard, in bulk runs that remember screenings. Must agree with the
 * `checkEligibility` it is given with.
 */
export type IsEligible = (profile: CadreProfile, nomination: Nomination) => boolean;

export type LearnerStep =
  | { ok: true; record: LearnerRecord; from: string; to: string }
  | { ok: false; reason: Reason };

/** The learner lifecycle as the class lifecycle sees it: create a learner, send it an event. Pure. */
export interface LearnerRuntime {
  lifecycle: Lifecycle;
  create(input: LearnerInput): LearnerRecord;
  step(record: LearnerRecord, event: LifecycleEvent): LearnerStep;
}

/**
 * The verdict a learner records on screening (`recordVerdict`), for the nomination: when given, it must equal
 * `screeningVerdictOf(checkEligibility(profile, nomination))` (learnerSpecs.ts). Bulk runs give one that makes no
 * messages for an eligible cadre, who has none to show, and that remembers its answers: it is asked at every
 * screening step, with no cache in front of it.
 */
export type RecordedVerdict = (profile: CadreProfile, nomination: Nomination) => ScreeningVerdict;

export interface LifecycleEnv {
  checkEligibility: CheckEligibility;
  /** See `RecordedVerdict`; without it, the verdict is made from `checkEligibility`. */
  recordedVerdict?: RecordedVerdict;
  /** Present when building a class lifecycle: the learner lifecycle its learners follow. */
  learners?: LearnerRuntime;
}

export interface SpecArgs<C> {
  context: C;
  event: LifecycleEvent;
  /** Parameters with `{ param }` references replaced by their values for this class's level and mode. */
  params: Record<string, unknown>;
  /** For each parameter given as a reference, the document parameter it read: `{ min: 'minClassSize' }`. */
  refs: Record<string, string>;
  env: LifecycleEnv;
}

/** Checks of a spec's parameters against the document: states, events and parameter units it refers to. */
export interface SpecRefs {
  /** Parameter keys holding state ids (one or a list) of the class or the learner lifecycle. */
  states?: Array<{ key: string; of: LifecycleSubject }>;
  /** Parameter keys holding an event type of the learner lifecycle. */
  learnerEvents?: string[];
  /** Expected unit of a `{ param }` reference, by parameter key. */
  units?: Record<string, ParameterUnit>;
  /** Payload fields the spec reads from the event; the event must declare them. */
  payload?: string[];
  /** Parameter keys naming a date mark that `stampDate` records (the editor offers the marks the document stamps). */
  dateMarks?: string[];
}

interface SpecBase extends SpecRefs {
  subject: LifecycleSubject;
  label: Label;
  description: Label;
  /** Validates the parameters as written in the document (numbers may be `{ param }` references). */
  params: z.ZodMiniType<Record<string, unknown>>;
}

export interface GuardSpec<C> extends SpecBase {
  evaluate(args: SpecArgs<C>): GuardOutcome;
}

export interface ActionSpec<C> extends SpecBase {
  /**
   * What the action needs to make sense (the learner exists and accepts the event, …). A transition naming the
   * action is taken only when this holds, as if it were part of its guard; the outcome is the reason otherwise.
   */
  precondition?(args: SpecArgs<C>): GuardOutcome;
  /** Returns the next context; never mutates its input. */
  apply(args: SpecArgs<C>): C;
  /**
   * The fields `apply` changes, when that is all it does (`apply` is then `{ ...context, ...changes(args) }`): a caller
   * that owns the context, as the compiled lifecycle owns its learners, assigns them in place instead of copying.
   */
  changes?(args: SpecArgs<C>): Partial<C>;
}

export interface SubjectRegistry<C> {
  guards: Readonly<Record<string, GuardSpec<C>>>;
  actions: Readonly<Record<string, ActionSpec<C>>>;
}

export interface LifecycleRegistry {
  class: SubjectRegistry<ClassContext>;
  learner: SubjectRegistry<LearnerContext>;
}

export function reason(code: string, text: Label): Reason {
  return { code, ...text };
}

export function outcome(ok: boolean, code: string, text: Label): GuardOutcome {
  return { ok, code, ...text };
}
