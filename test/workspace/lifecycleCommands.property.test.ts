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
import {
  addEvent, addState, addTransition, deleteState, deleteTransition, moveTransition, reconnectArrow, renameState, setInitialState,
  setParameterValue, updateState, updateTransition, type TransitionRef,
} from '../../editor/workspace/commands/lifecycleCommands.ts';
import { isObject, type Json } from '../../editor/workspace/commands/kit.ts';
import type { Command } from '../../editor/workspace/createWorkspaceStore.ts';
import type { Records } from '../../editor/workspace/records.ts';
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

/** The states, transitions, guards, actions and parameters of a lifecycle document, as the commands address them. */
function partsOf(doc: Json) {
  const states = isObject(doc.states) ? doc.states : {};
  const stateIds = Object.keys(states);
  const refs: TransitionRef[] = [];
  const guards: unknown[] = [];
  const actions: unknown[][] = [];
  for (const [from, s] of Object.entries(states)) {
    if (!isObject(s) || !isObject(s.on)) continue;
    for (const [event, list] of Object.entries(s.on)) {
      if (!Array.isArray(list)) continue;
      list.forEach((t, index) => {
        refs.push({ from, event, index });
        if (isObject(t) && t.guard !== undefined) guards.push(t.guard);
        if (isObject(t) && Array.isArray(t.actions)) actions.push(t.actions);
      });
    }
  }
  const parameters = isObject(doc.parameters) ? Object.keys(doc.parameters) : [];
  const events = isObject(doc.events) ? Object.keys(doc.events) : [];
  return { stateIds, refs, guards, actions, parameters, events };
}

function targetOf(doc: Record<string, unknown>, r: TransitionRef): unknown {
  const s = isObject(doc.states) ? doc.states[r.from] : undefined;
  const list = isObject(s) && isObject(s.on) ? s.on[r.event] : undefined;
  const t = Array.isArray(list) ? list[r.index] : undefined;
  return isObject(t) ? t.target : undefined;
}

/** The command a step stands for, built from the records as they are now. */
function commandFor(records: Records, step: Step): Command {
  const id = LIFECYCLES[step.lifecycle]!;
  const record = records.get(id);
  const doc = record?.type === 'lifecycle' ? record.doc : {};
  const p = partsOf(doc);
  const [a, b, c, d] = step.pick;
  const state = pickOf(p.stateIds, a, 'no-such-state');
  const other = pickOf(p.stateIds, b, 'no-such-state');
  const ref = pickOf(p.refs, a, { from: state, event: 'NO_SUCH_EVENT', index: 0 });
  switch (step.kind) {
    case 'addState': return addState(id, pickOf(NEW_STATES, a), pickOf(LABELS, b));
    case 'updateState': {
      const patches = [{ label: pickOf(LABELS, c) }, { description: d % 2 ? pickOf(LABELS, c) : null }, { final: c % 2 === 0 }];
      return updateState(id, state, pickOf(patches, b));
    }
    case 'setInitialState': return setInitialState(id, state);
    case 'deleteState': return deleteState(id, state);
    case 'renameState': return renameState(id, state, pickOf([...NEW_STATES, ...p.stateIds], b));
    case 'addEvent': return addEvent(id, pickOf(NEW_EVENTS, a), pickOf(LABELS, b));
    case 'addTransition': return addTransition(id, state, pickOf([...p.events, ...NEW_EVENTS], c), other);
    case 'updateTransition': {
      const patches = [
        { target: other }, { target: null }, { guard: pickOf(p.guards, c, null) }, { actions: structuredClone(pickOf(p.actions, c, [])) },
        { description: d % 2 ? pickOf(LABELS, c) : null }, { target: other, guard: null }, { event: pickOf([...p.events, ...NEW_EVENTS], c) },
      ];
      return updateTransition(id, ref, pickOf(patches, b), d % 3 === 0 ? 'typing' : undefined);
    }
    case 'moveTransition': return moveTransition(id, ref, other);
    case 'reconnectArrow': {
      // Every transition from the ref's state to the same target (an arrow of the canvas), dragged by one end.
      const sameArrow = p.refs.filter((r) => r.from === ref.from && targetOf(doc, r) === targetOf(doc, ref));
      return reconnectArrow(id, sameArrow.length > 0 ? sameArrow : [ref], c % 2 ? { target: other } : { from: other });
    }
    case 'deleteTransition': return deleteTransition(id, ref);
    case 'setParameterValue': return setParameterValue(id, pickOf(p.parameters, a, 'noSuchParameter'), d % 4 === 0 ? { intermediate: { 'full-time': c } } : c % 90);
    case 'moveNodes': return moveNodes(id, { [state]: { x: c, y: d }, ...(b % 2 ? { [other]: { x: d, y: c } } : {}) });
  }
}

/** The records lifecycle commands touch (lifecycles and layouts) as text, for the per-entry checks. */
const editedOf = (records: Records): string => JSON.stringify([...records.values()].filter((r) => r.type === 'lifecycle' || r.type === 'layout'));

describe('lifecycle edit commands and their inverses (property)', () => {
  it.each(SEEDS)('any sequence of lifecycle commands drawn from the documents, undone entry by entry, gives back each earlier state and the start; redone, the end (seed %i)', (seed) => {
    checkUndoRedoProperty({ kinds: COMMAND_KINDS, step: stepArb, commandFor, edited: editedOf, runs: RUNS_PER_SEED }, seed);
  });
});
