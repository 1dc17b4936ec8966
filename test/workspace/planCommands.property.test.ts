/**
 * Property tests (fast-check, pinned seeds) of the plan commands of the Simulation view and their inverses: random
 * sequences of cell edits (numbers, dates, text that does not read, empty and huge values, `__proto__`), added,
 * duplicated and deleted classes, quotas and parameters — arguments drawn from the plan as it is when each one runs,
 * so most apply and some are refused — are undone one entry at a time back to the start (byte for byte), then
 * redone to the end. Each entry names the plan as its document, and undo scoped to the plan view does the same
 * (the harness: undoRedoProperty.ts).
 */
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { PLAN_PARAMETERS, type PlanParameterName } from '../../engine/documents/planParameters.ts';
import {
  addClass, addQuota, deleteClass, duplicateClass, PLAN_CLASS_FIELDS, putPlan, removeQuota, setClassField, setPlanParameter, setQuota,
} from '../../editor/workspace/commands/planCommands.ts';
import { isObject } from '../../editor/workspace/commands/kit.ts';
import type { Command } from '../../editor/workspace/createWorkspaceStore.ts';
import { planRecordId, type Records } from '../../editor/workspace/records.ts';
import { checkUndoRedoProperty, pickOf } from './undoRedoProperty.ts';

/** Seeds of the runs below, one test each; picked once and kept. A failing seed is pinned here with its sequence. */
const SEEDS = [20261207, 350, 57] as const;
const RUNS_PER_SEED = 15;

const PLAN = planRecordId('ha-noi-2024');
const COPY = planRecordId('ban-sao');
const PLAN_VIEW = new Set([PLAN, COPY]);
const COMMAND_KINDS = ['setClassField', 'addClass', 'duplicateClass', 'deleteClass', 'setQuota', 'addQuota', 'removeQuota', 'setPlanParameter', 'putPlan'] as const;
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


function commandFor(records: Records, step: Step): Command {
  const plan = records.get(PLAN);
  const doc = plan?.type === 'plan' ? plan.doc : {};
  const classes = Array.isArray(doc.classes) ? doc.classes.filter(isObject) : [];
  const [a, b, c, d] = step.pick;
  // One row past the end now and then: refused.
  const row = a % (classes.length + 1);
  const serves = Array.isArray(classes[row]?.serves) ? (classes[row]!.serves as unknown[]) : [];
  switch (step.kind) {
    case 'setClassField': return setClassField(PLAN, row, pickOf(PLAN_CLASS_FIELDS, b), pickOf(TEXTS, c));
    case 'addClass': return addClass(PLAN, { vi: pickOf(TEXTS, b), en: pickOf(TEXTS, c) });
    case 'duplicateClass': return duplicateClass(PLAN, row);
    case 'deleteClass': return deleteClass(PLAN, row);
    case 'setQuota': return setQuota(PLAN, row, b % (serves.length + 1), c % 2 ? 'quota' : 'agency', pickOf(TEXTS, d));
    case 'addQuota': return addQuota(PLAN, row);
    case 'removeQuota': return removeQuota(PLAN, row, b % (serves.length + 1));
    case 'setPlanParameter': return setPlanParameter(PLAN, pickOf(PARAMETERS, b), pickOf(TEXTS, c));
    case 'putPlan': return putPlan(COPY, { ...structuredClone(doc), id: 'ban-sao', title: { vi: pickOf(TEXTS, d), en: 'Copy' } });
  }
}

const plansOf = (records: Records): string => JSON.stringify([...records.values()].filter((r) => r.type === 'plan'));

describe('plan commands and their inverses (property)', () => {
  it.each(SEEDS)('any sequence of plan commands, undone entry by entry, gives back each earlier state and the start; redone, the end (seed %i)', (seed) => {
    checkUndoRedoProperty({ kinds: COMMAND_KINDS, step: stepArb, commandFor, edited: plansOf, scope: PLAN_VIEW, runs: RUNS_PER_SEED }, seed);
  });
});
