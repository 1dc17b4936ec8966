/**
 * Property tests (fast-check, pinned seeds) of the plan commands of the Simulation view and their inverses: random
 * sequences of cell edits (numbers, dates, text that does not read, empty and huge values, `__proto__`), added,
 * duplicated and deleted classes, quotas and parameters, calibrations applied (to the plan they fit or another) — arguments drawn from the plan as it is when each one runs,
 * so most apply and some are refused — are undone one entry at a time back to the start (byte for byte), then
 * redone to the end. Classes and quotas are drawn by id (now and then one that is gone); every state reached rebuilds
 * its plans with every class. Each entry names the plan as its document, and undo scoped to the plan view does the same
 * (the harness: undoRedoProperty.ts).
 */
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { PLAN_PARAMETERS, type PlanParameterName } from '../../engine/documents/planParameters.ts';
import {
  addClass, addQuota, deleteClass, duplicateClass, PLAN_CLASS_FIELDS, putPlan, removeQuota, setClassField, setPlanParameter, setQuota,
} from '../../editor/workspace/commands/planCommands.ts';
import { applyPlanCalibration } from '../../editor/workspace/commands/calibrationCommands.ts';
import type { Command } from '../../editor/workspace/createWorkspaceStore.ts';
import type { Calibration } from '../../engine/simulate/calibrate/calibratePlan.ts';
import { planGraphProblems, toPlan } from '../../editor/workspace/planRecords.ts';
import { planRecordId, recordsOfType, type Records } from '../../editor/workspace/records.ts';
import { checkUndoRedoProperty, pickOf } from './undoRedoProperty.ts';

/** Seeds of the runs below, one test each; picked once and kept. A failing seed is pinned here with its sequence. */
const SEEDS = [20261207, 350, 57] as const;
const RUNS_PER_SEED = 15;

const PLAN = planRecordId('ha-noi-2024');
const COPY = planRecordId('ban-sao');
const PLAN_VIEW = new Set([PLAN, COPY]);
const COMMAND_KINDS = ['setClassField', 'addClass', 'duplicateClass', 'deleteClass', 'setQuota', 'addQuota', 'removeQuota', 'setPlanParameter', 'putPlan', 'applyCalibration'] as const;
type Kind = typeof COMMAND_KINDS[number];
const PARAMETERS = Object.keys(PLAN_PARAMETERS) as PlanParameterName[];

/** Texts typed into cells: numbers, dates as typed, and the hostile ones. */
const TEXTS = ['', '12', '-3', '0', '99999999999999999999', '2,5', '01/09/2024', '31/02/2024', '2024-09-01', 'abc', '__proto__', ' NaN ', 'Lớp bồi dưỡng'];

interface Step { kind: Kind; pick: [number, number, number, number]; tick: boolean }
const stepArb: fc.Arbitrary<Step> = fc.record({
  kind: fc.constantFrom(...COMMAND_KINDS),
  pick: fc.tuple(fc.nat(999), fc.nat(999), fc.nat(999), fc.nat(999)),
  tick: fc.boolean(),
});


/** A class id no class has: what a command gets when the row it was made for is gone (refused). */
const GONE = 'plan-class:gone';

function commandFor(records: Records, step: Step): Command {
  const plan = records.get(PLAN);
  const classIds = plan?.type === 'plan' ? plan.classes ?? [] : [];
  const [a, b, c, d] = step.pick;
  // A class that is not there now and then: refused.
  const classId = classIds[a % (classIds.length + 1)] ?? GONE;
  const cls = records.get(classId);
  const quotas = cls?.type === 'plan-class' ? (cls.serves ?? []).map((q) => q.id) : [];
  const quotaId = quotas[b % (quotas.length + 1)] ?? 'quota:gone';
  switch (step.kind) {
    case 'setClassField': return setClassField(classId, pickOf(PLAN_CLASS_FIELDS, b), pickOf(TEXTS, c));
    case 'addClass': return addClass(PLAN, { vi: pickOf(TEXTS, b), en: pickOf(TEXTS, c) });
    case 'duplicateClass': return duplicateClass(classId);
    case 'deleteClass': return deleteClass(classId);
    case 'setQuota': return setQuota(classId, quotaId, c % 2 ? 'quota' : 'agency', pickOf(TEXTS, d));
    case 'addQuota': return addQuota(classId);
    case 'removeQuota': return removeQuota(classId, quotaId);
    case 'setPlanParameter': return setPlanParameter(PLAN, pickOf(PARAMETERS, b), pickOf(TEXTS, c));
    case 'putPlan': {
      const doc = plan?.type === 'plan' ? toPlan(records, PLAN).plan : {};
      return putPlan(COPY, { ...structuredClone(doc), id: 'ban-sao', title: { vi: pickOf(TEXTS, d), en: 'Copy' } });
    }
    case 'applyCalibration': return applyPlanCalibration(b % 3 === 0 ? COPY : PLAN, calibrationOf(c % 4 === 0 ? 'ban-sao' : 'ha-noi-2024', [pickOf(PARAMETERS, c), pickOf(PARAMETERS, d)], (a % 100) / 10), 'ha-noi-2024.observed.json');
  }
}

/** A calibration of `plan` fitting `names` to `value` (interval ±1), as `llct simulate --calibrate` gives one. */
function calibrationOf(plan: string, names: readonly PlanParameterName[], value: number): Calibration {
  return {
    schema: 'llct/calibration', version: 1, plan, observations: { title: { vi: 'Quan sát', en: 'Observed' }, source: 'Tạp chí Cộng sản, 2024' }, seed: 2024,
    method: { name: 'abc-smc', particles: 100, alpha: 0.5, checkRuns: 200, simulations: 2000 },
    parameters: [...new Set(names)].map((name) => ({ name, label: PLAN_PARAMETERS[name].label, unit: PLAN_PARAMETERS[name].unit, before: PLAN_PARAMETERS[name].default, value, interval: { p5: value - 1, p95: value + 1 }, range: { min: 0, max: 100 } })),
    fit: [], steps: [], observedInside: true,
  };
}

/** The plans' records, heads and classes, by id (undo puts a deleted class back at the end of the store's map). */
const plansOf = (records: Records): string => JSON.stringify([...recordsOfType(records, 'plan'), ...recordsOfType(records, 'plan-class')]);

/** Every plan rebuilds with every class it lists, and the records hang together. */

const plansRebuild = (records: Records): void => {
  for (const p of recordsOfType(records, 'plan')) {
    const built = toPlan(records, p.id);
    if ((built.plan.classes as unknown[] | undefined)?.length !== p.classes?.length) throw new Error(`plan ${p.id} lost a class`);
  }
  const problems = planGraphProblems([...records.values()]);
  if (problems.length > 0) throw new Error(problems[0]!.message);
};

describe('plan commands and their inverses (property)', () => {
  it.each(SEEDS)('any sequence of plan commands, undone entry by entry, gives back each earlier state and the start; redone, the end (seed %i)', (seed) => {
    checkUndoRedoProperty({ kinds: COMMAND_KINDS, step: stepArb, commandFor, edited: plansOf, invariant: plansRebuild, scope: PLAN_VIEW, runs: RUNS_PER_SEED }, seed);
  });
});
