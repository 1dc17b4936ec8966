/**
 * What a calibration compares and what it may change. A target is an observation resolved against a scenario: the
 * classes whose figure it sums (by index into `scenario.classes`) and its weight in the distance (an `observed`
 * figure 1, a `planned` one {@link PLANNED_WEIGHT}). The fitted parameters are, unless named, those the observed
 * figures depend on (see {@link PARAMETERS_BY_FIGURE}) that the plan leaves `assumed` and that have a fit range; a
 * parameter the plan gives as `confirmed` or `reported` (read in the regulation or a source) is never fitted. Pure.
 */
import type { Label } from '../../documents/enums.ts';
import type { Observation, ObservationKind, ObservedFigure, Observations } from '../../documents/observations.ts';
import type { Plan } from '../../documents/plan.ts';
import { PLAN_PARAMETER_FIT_RANGES, PLAN_PARAMETERS, type PlanParameterName } from '../../documents/planParameters.ts';
import type { Scenario } from '../prepareScenario.ts';
import type { RunResult } from '../simulateRun.ts';

/** Weight of a planned figure's squared discrepancy in the distance: a soft target counts a quarter of an observation. */
export const PLANNED_WEIGHT = 0.25;

/**
 * The rates each observed figure depends on, in the order reports list them. Learners at opening: the screening
 * refusals the agencies let through (`agencyPrecheck`), withdrawals, no-shows and classes cancelled after a
 * postponement; graduates: those and what happens during the course and at the exams. `nominationsPerSeat` moves no
 * count while it is at least 1 (the extra nominees wait and are never seated), so it is fitted only when named.
 */
export const PARAMETERS_BY_FIGURE: Record<ObservedFigure, readonly PlanParameterName[]> = {
  atOpening: ['agencyPrecheck', 'withdrawalBeforeConvening', 'noShow', 'postponementRisk', 'cancellationAfterPostponement'],
  graduates: ['agencyPrecheck', 'withdrawalBeforeConvening', 'noShow', 'postponementRisk', 'cancellationAfterPostponement', 'dropOut', 'suspension', 'lowAttendance', 'examPass', 'resitPass'],
};

export interface CalibrationTarget {
  id: string;
  label: Label;
  figure: ObservedFigure;
  kind: ObservationKind;
  value: number;
  /** Class ids summed (every class of the plan when the observation names none). */
  classes: string[];
  /** The same classes as indices into `scenario.classes`. */
  at: number[];
  weight: number;
  source: Observation['source'];
}

export function targetsOf(sc: Scenario, doc: Observations): CalibrationTarget[] {
  const index = new Map(sc.classes.map((c, k) => [c.plan.id, k]));
  return doc.observations.map((o) => {
    const classes = o.classes ?? sc.classes.map((c) => c.plan.id);
    return {
      id: o.id, label: o.label ?? { vi: o.id, en: o.id }, figure: o.figure, kind: o.kind, value: o.value, classes,
      at: classes.map((c) => index.get(c)!), weight: o.kind === 'observed' ? 1 : PLANNED_WEIGHT, source: o.source,
    };
  });
}

/** The target's figure in one run: the sum over its classes. */
export function statOf(r: RunResult, t: CalibrationTarget): number {
  let n = 0;
  for (const k of t.at) n += r.classes[k]![t.figure];
  return n;
}

export type FittedChoice =
  | { ok: true; names: PlanParameterName[] }
  | { ok: false; name: string; reason: Label };

/**
 * The parameters to fit: `requested` (names, checked) or those the targets' figures depend on, in report order. A
 * name that is not a plan parameter, has no fit range, or that the plan gives with a confidence other than `assumed`
 * is refused with the reason.
 */
export function chooseFitted(plan: Plan, targets: readonly CalibrationTarget[], requested?: readonly string[]): FittedChoice {
  if (requested !== undefined) {
    for (const name of requested) {
      const refused = refusal(plan, name);
      if (refused) return { ok: false, name, reason: refused };
    }
    return { ok: true, names: [...new Set(requested)] as PlanParameterName[] };
  }
  const wanted = new Set(targets.flatMap((t) => PARAMETERS_BY_FIGURE[t.figure]));
  const order = Object.keys(PLAN_PARAMETERS) as PlanParameterName[];
  return { ok: true, names: order.filter((n) => wanted.has(n) && refusal(plan, n) === undefined) };
}

function refusal(plan: Plan, name: string): Label | undefined {
  if (!Object.hasOwn(PLAN_PARAMETERS, name)) {
    return { vi: `"${name}" không phải tham số của kế hoạch.`, en: `"${name}" is not a plan parameter.` };
  }
  const n = name as PlanParameterName;
  if (PLAN_PARAMETER_FIT_RANGES[n] === undefined) {
    return { vi: `${name} định ngày hoặc xếp loại, không đổi số học viên nào: không hiệu chỉnh được theo số liệu đếm.`, en: `${name} sets dates or grades and changes no count of learners: counts cannot fit it.` };
  }
  const given = plan.parameters[n];
  if (given !== undefined && given.confidence !== 'assumed') {
    return { vi: `${name} có độ tin cậy "${given.confidence}" (theo quy định hoặc nguồn: ${given.source}); chỉ tham số giả định mới được hiệu chỉnh.`, en: `${name} is "${given.confidence}" (from the regulation or a source: ${given.source}); only assumed parameters are fitted.` };
  }
  return undefined;
}
