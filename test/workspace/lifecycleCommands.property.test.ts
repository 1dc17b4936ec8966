/**
 * Property tests (fast-check, pinned seeds) of the lifecycle edit commands and their inverses on the default
 * workspace (class and learner lifecycles): random sequences of commands whose arguments are drawn from the
 * document as it is when each one runs — so most apply, and the rest (an unknown state, a taken name, a final state
 * as a source…) are refused — are undone one entry at a time back to the start, then redone to the end. A refused
 * command changes nothing, not even the store's revision. A failure prints the seed and the shrunk sequence. The
 * harness is undoRedoProperty.ts.
 */
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { moveNodes } from '../../editor/workspace/commands/layoutCommands.ts';
import { addEvent, setParameterValue } from '../../editor/workspace/commands/lifecycleCommands.ts';
import { addState, deleteState, renameState, setInitialState, updateState } from '../../editor/workspace/commands/lifecycleStateCommands.ts';
import { addTransition, deleteTransition, moveTransition, reconnectArrow, updateTransition } from '../../editor/workspace/commands/lifecycleTransitionCommands.ts';
import { isObject } from '../../editor/workspace/commands/kit.ts';
import type { Command } from '../../editor/workspace/createWorkspaceStore.ts';
import { statesOf, transitionsOf } from '../../editor/workspace/lifecycleRecords.ts';
import { recordsOfType, type Records, type TransitionRecord } from '../../editor/workspace/records.ts';
import { checkUndoRedoProperty } from './undoRedoProperty.ts';

/**
 * Seeds of the runs below, one test each. 20261203 is the seed of the ruleset commands' property test; the others
 * were picked once and kept. A seed that finds a failure is pinned here with the failing sequence in a comment.
 */
const SEEDS = [20261203, 20240516, 11] as const;
const RUNS_PER_SEED = 30;

const LIFECYCLES = ['lifecycle:class-default', 'lifecycle:learner-default'] as const;
const COMMAND_KINDS = [
  'addState', 'updateState', 'setInitialState', 'deleteState', 'renameState', 'addEvent', 'addTransition', 'updateTransition',
  'moveTransition', 'reconnectArrow', 'deleteTransition', 'setParameterValue', 'moveNodes',
] as const;
type Kind = typeof COMMAND_KINDS[number];

/** One step: which command, on which lifecycle, and numbers that pick its arguments from the current document. */
interface Step { kind: Kind; lifecycle: number; pick: [number, number, number, number]; tick: boolean }

const stepArb: fc.Arbitrary<Step> = fc.record({
  kind: fc.constantFrom(...COMMAND_KINDS),
  lifecycle: fc.nat(1),
  pick: fc.tuple(fc.nat(999), fc.nat(999), fc.nat(999), fc.nat(999)),
  tick: fc.boolean(),
});


/** New names: a small pool, so that adds and renames collide with earlier ones (and are refused) now and then. */
const NEW_STATES = ['field-trip', 'review', 'archived', 'Bad Id', 'planned'];
const NEW_EVENTS = ['START_FIELD_TRIP', 'END_FIELD_TRIP', 'ARCHIVE', 'bad-event', 'APPROVE'];
const LABELS = [{ vi: 'Đi thực tế', en: 'Field trip' }, { vi: 'Xét lại', en: 'Review' }, { vi: '', en: '' }];

/** `xs[i mod n]`, or — for i mod (n + 1) = n when `miss` is given — the missing value. */
function pickOf<T>(xs: readonly T[], i: number, miss?: T): T {
  if (miss !== undefined && (xs.length === 0 || i % (xs.length + 1) === xs.length)) return miss;
  return xs[i % Math.max(1, xs.length)] ?? (miss as T);
}

/** The states, transitions, guards, actions and parameters of a lifecycle, as the commands address them (by record id). */
function partsOf(records: Records, id: string) {
  const head = records.get(id);
  if (head?.type !== 'lifecycle') return { stateIds: [], transitions: [], guards: [], actions: [], parameters: [], events: [] };
  const states = statesOf(records, head);
  const transitions: TransitionRecord[] = states.flatMap((s) => transitionsOf(records, s));
  const guards = transitions.flatMap((t) => (t.data.guard !== undefined ? [t.data.guard] : []));
  const actions = transitions.flatMap((t) => (Array.isArray(t.data.actions) ? [t.data.actions as unknown[]] : []));
  const parameters = isObject(head.meta.parameters) ? Object.keys(head.meta.parameters) : [];
  const events = isObject(head.meta.events) ? Object.keys(head.meta.events) : [];
  return { stateIds: states.map((s) => s.id), transitions, guards, actions, parameters, events };
}

const sameTarget = (a: TransitionRecord, b: TransitionRecord) => JSON.stringify(a.target) === JSON.stringify(b.target);

/** The command a step stands for, built from the records as they are now. */
function commandFor(records: Records, step: Step): Command {
  const id = LIFECYCLES[step.lifecycle]!;
  const p = partsOf(records, id);
  const [a, b, c, d] = step.pick;
  const state = pickOf(p.stateIds, a, 'state:no-such-state');
  const other = pickOf(p.stateIds, b, 'state:no-such-state');
  const t = pickOf<TransitionRecord | undefined>(p.transitions, a, undefined);
  const tid = t?.id ?? 'transition:no-such-transition';
  switch (step.kind) {
    case 'addState': return addState(id, pickOf(NEW_STATES, a), pickOf(LABELS, b));
    case 'updateState': {
      const patches = [{ label: pickOf(LABELS, c) }, { description: d % 2 ? pickOf(LABELS, c) : null }, { final: c % 2 === 0 }];
      return updateState(state, pickOf(patches, b));
    }
    case 'setInitialState': return setInitialState(state);
    case 'deleteState': return deleteState(state);
    case 'renameState': {
      const names = statesOf(records, records.get(id) as never).map((s) => s.name);
      return renameState(state, pickOf([...NEW_STATES, ...names], b));
    }
    case 'addEvent': return addEvent(id, pickOf(NEW_EVENTS, a), pickOf(LABELS, b));
    case 'addTransition': return addTransition(state, pickOf([...p.events, ...NEW_EVENTS], c), other);
    case 'updateTransition': {
      const patches = [
        { target: other }, { target: null }, { guard: pickOf(p.guards, c, null) }, { actions: structuredClone(pickOf(p.actions, c, [])) },
        { description: d % 2 ? pickOf(LABELS, c) : null }, { target: other, guard: null }, { event: pickOf([...p.events, ...NEW_EVENTS], c) },
      ];
      return updateTransition(tid, pickOf(patches, b), d % 3 === 0 ? 'typing' : undefined);
    }
    case 'moveTransition': return moveTransition(tid, other);
    case 'reconnectArrow': {
      // Every transition from the picked one's state to the same target (an arrow of the canvas), dragged by one end.
      const sameArrow = t ? p.transitions.filter((x) => x.from === t.from && sameTarget(x, t)).map((x) => x.id) : [tid];
      return reconnectArrow(sameArrow, c % 2 ? { target: other } : { from: other });
    }
    case 'deleteTransition': return deleteTransition(tid);
    case 'setParameterValue': return setParameterValue(id, pickOf(p.parameters, a, 'noSuchParameter'), d % 4 === 0 ? { intermediate: { 'full-time': c } } : c % 90);
    case 'moveNodes': return moveNodes(id, { [state]: { x: c, y: d }, ...(b % 2 ? { [other]: { x: d, y: c } } : {}) });
  }
}

/** The records lifecycle commands touch (lifecycles, their states and transitions, and layouts) as text, for the per-entry checks. */
const editedOf = (records: Records): string => JSON.stringify(['lifecycle', 'state', 'transition', 'layout'].flatMap((type) => recordsOfType(records, type as 'lifecycle')));

describe('lifecycle edit commands and their inverses (property)', () => {
  it.each(SEEDS)('any sequence of lifecycle commands drawn from the documents, undone entry by entry, gives back each earlier state and the start; redone, the end (seed %i)', (seed) => {
    checkUndoRedoProperty({ kinds: COMMAND_KINDS, step: stepArb, commandFor, edited: editedOf, runs: RUNS_PER_SEED }, seed);
  });
});
