/**
 * Shared set-up of the lifecycle tests: the shipped lifecycles with parameters overridden, the synchronous
 * eligibility check (the compiled evaluator over the shipped rulesets), and small profiles whose verdicts are known
 * from 57-QĐ/TW Điều 5 (trung cấp): Party member, college or higher, a subject group; no age rule full-time.
 */
import { createBuiltinChecker } from '../../engine/builtin.ts';
import type { CadreProfileInput } from '../../engine/documents/cadre.ts';
import type { Lifecycle } from '../../engine/documents/lifecycle.ts';
import { builtinLifecycles } from '../../engine/lifecycle/builtinLifecycles.ts';
import type { ClassContext } from '../../engine/lifecycle/context.ts';
import { createClassLifecycle, type ClassLifecycle, type ClassRun } from '../../engine/lifecycle/createClassLifecycle.ts';
import type { CheckEligibility } from '../../engine/lifecycle/types.ts';
import { createCompiledEvaluator } from '../../engine/rules/compile/createCompiledEvaluator.ts';
import { createReferenceEvaluator } from '../../engine/rules/createReferenceEvaluator.ts';

const checker = createBuiltinChecker({ evaluator: createCompiledEvaluator });
export const checkEligibility: CheckEligibility = (profile, nomination) => checker.checkSync(profile, nomination);
export const referenceChecker = createBuiltinChecker({ evaluator: createReferenceEvaluator });

/** Deputy head of division in a central ministry in Hà Nội: a trung cấp subject (57 Điều 5 khoản 1). */
export function eligibleProfile(id: string, extra: Partial<CadreProfileInput> = {}): CadreProfileInput {
  return {
    id, fullName: 'Nguyễn Văn An', sex: 'male', birthDate: '1985-04-02', education: 'university', party: { status: 'full' },
    workplace: { tier: 'central', province: 'Hà Nội', sector: 'state', agency: 'Bộ Tư pháp' }, position: 'deputy-head-of-division',
    ratings: [{ year: 2023, rating: 'good' }, { year: 2024, rating: 'good' }], ...extra,
  };
}

/** Same post, not a Party member: fails tc-party-member (57 Điều 5 khoản 2). */
export function notPartyProfile(id: string): CadreProfileInput {
  return eligibleProfile(id, { fullName: 'Trần Thị Bình', sex: 'female', party: { status: 'none' } });
}

/** The shipped lifecycle with some parameter values replaced (scalars only). */
export function withParameters(doc: Lifecycle, values: Record<string, number>): Lifecycle {
  const parameters = { ...doc.parameters };
  for (const [name, value] of Object.entries(values)) parameters[name] = { ...parameters[name]!, value };
  return { ...doc, parameters };
}

export function defaultClassLifecycle(values: Record<string, number> = {}, learnerValues: Record<string, number> = {}): ClassLifecycle {
  const { classLifecycle, learnerLifecycle } = builtinLifecycles();
  return createClassLifecycle({
    lifecycle: withParameters(classLifecycle, values), learnerLifecycle: withParameters(learnerLifecycle, learnerValues), checkEligibility,
  });
}

/** Sends events in order; throws (failing the test) when one is refused, with its reason. */
export function sendAll(lc: ClassLifecycle, run: ClassRun, events: readonly unknown[]): ClassRun {
  let r = run;
  for (const e of events) {
    const s = lc.send(r, e);
    if (!s.ok) throw new Error(`${JSON.stringify(e).slice(0, 120)} refused: ${s.rejection.reasonEn}`);
    r = s.run;
  }
  return r;
}

export function learnerStates(run: ClassRun): Record<string, string> {
  const ctx = run.snapshot.context as { learners: Array<{ state: string; context: { id: string } }> };
  return Object.fromEntries(ctx.learners.map((l) => [l.context.id, l.state]));
}

/** Events taking a full-time trung cấp class from planned to in-session (2024 dates), every nominee screened. */
export function happyPath(ids: readonly string[], profiles: Record<string, CadreProfileInput> = {}): unknown[] {
  return [
    { type: 'APPROVE', at: '2024-02-21', level: 'intermediate', mode: 'full-time', classId: 'T-1' },
    { type: 'OPEN_RECRUITMENT', at: '2024-03-01' },
    ...ids.map((id) => ({ type: 'NOMINATE', at: '2024-03-05', learnerId: id, profile: profiles[id] ?? eligibleProfile(id) })),
    { type: 'CLOSE_RECRUITMENT', at: '2024-04-10' },
    ...ids.map((id) => ({ type: 'SCREEN', at: '2024-04-15', learnerId: id })),
    { type: 'CONVENE', at: '2024-05-06' },
    { type: 'OPEN', at: '2024-05-16' },
  ];
}

/** The default class lifecycle's states once a class is convened (an edited lifecycle adds its new phases). */
export const AFTER_CONVENING: ReadonlySet<string> = new Set(['convened', 'in-session', 'examinations', 'graduation-review', 'graduated']);
const SETTLED_AT_GRADUATION = new Set(['diploma-issued', 'rejected', 'withdrawn', 'not-exam-eligible', 'failed', 'suspended']);

/**
 * What must hold between a class and its learners at any moment (empty when consistent). Written from the
 * lifecycle's meaning, not from the engine: a graduated class has no learner still in progress; once convened no
 * dossier is pending; a cancelled class keeps no admitted or pending learner; graduates carry a classification;
 * a rejected dossier names at least one failed rule and an admitted one passed the check. `afterConvening` names
 * the class states that come after convening (the default lifecycle's unless given).
 */
export function consistencyProblems(lc: ClassLifecycle, classState: string, ctx: ClassContext, afterConvening: ReadonlySet<string> = AFTER_CONVENING): string[] {
  const problems: string[] = [];
  const learnerStatesKnown = new Set(Object.keys(lc.learnerLifecycle.states));
  if (!lc.lifecycle.states[classState]) problems.push(`unknown class state ${classState}`);
  for (const l of ctx.learners) {
    const { id, verdict, classification, attempts } = l.context;
    const at = `${id} (${l.state}) in class ${classState}`;
    if (!learnerStatesKnown.has(l.state)) problems.push(`${at}: unknown learner state`);
    if (afterConvening.has(classState) && (l.state === 'nominated' || l.state === 'screening')) problems.push(`${at}: dossier pending after convening`);
    if ((classState === 'planned' || classState === 'approved') && l.state !== 'withdrawn') problems.push(`${at}: learner before recruitment`);
    if (classState === 'graduated' && !SETTLED_AT_GRADUATION.has(l.state)) problems.push(`${at}: still in progress after graduation`);
    if (classState === 'cancelled' && ['nominated', 'screening', 'admitted'].includes(l.state)) problems.push(`${at}: pending in a cancelled class`);
    if ((l.state === 'graduated' || l.state === 'diploma-issued') && classification === null) problems.push(`${at}: graduate without classification`);
    if (l.state === 'failed' && (classification !== null || attempts < 1)) problems.push(`${at}: failed learner with a classification or no sitting`);
    if (l.state === 'rejected' && (!verdict || verdict.eligible || verdict.failures.length === 0)) problems.push(`${at}: rejected without failed rules`);
    if (['admitted', 'studying', 'exam-eligible', 'graduated', 'diploma-issued'].includes(l.state) && verdict?.eligible !== true) {
      problems.push(`${at}: admitted without an eligible verdict`);
    }
  }
  return problems;
}

/** Learners in a state, for convening checks. */
export function countIn(ctx: ClassContext, state: string): number {
  return ctx.learners.filter((l) => l.state === state).length;
}
