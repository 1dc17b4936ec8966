/**
 * The model-based tests re-run on a lifecycle edited in the workspace (issue 11's scenario): the default class
 * lifecycle with a field trip ("Đi thực tế") between the sessions and the examinations, added through the workspace
 * commands — in-session --START_FIELD_TRIP--> field-trip --END_FIELD_TRIP--> examinations.
 *
 * START_EXAMS from in-session is removed: the field trip is a phase of the programme, not an option, so a class
 * sits its exams only after it. What START_EXAMS did on the way into the examinations moves with it to
 * END_FIELD_TRIP — the minimum study time guard (monthsSince opened ≥ programmeMonths) and the actions stamping
 * `examsStarted` and declaring each learner's exam eligibility — without which the learners would stay `studying`
 * and the class could never graduate. A learner can still withdraw during the field trip.
 *
 * The edited documents are loaded by the engine as the page loads them, and the real machine (guards calling the
 * rules) is traversed as in classLifecycle.model.test.ts, with minimum and maximum class size both 2.
 */
import { describe, expect, it } from 'vitest';
import type { AnyMachineSnapshot } from 'xstate';
import type { Lifecycle } from '../../engine/documents/lifecycle.ts';
import { createClassLifecycle } from '../../engine/lifecycle/createClassLifecycle.ts';
import { createLifecycleRegistry } from '../../engine/lifecycle/createLifecycleRegistry.ts';
import { loadLifecycle } from '../../engine/lifecycle/loadLifecycle.ts';
import { validateLifecycle } from '../../engine/lifecycle/validateLifecycle.ts';
import { addEvent, setParameterValue } from '../../editor/workspace/commands/lifecycleCommands.ts';
import { addState } from '../../editor/workspace/commands/lifecycleStateCommands.ts';
import { addTransition, deleteTransition, updateTransition } from '../../editor/workspace/commands/lifecycleTransitionCommands.ts';
import type { Command, WorkspaceStore } from '../../editor/workspace/createWorkspaceStore.ts';
import {
  defaultModelEvents, ev, firstLearner, guardedTransitions, guardOutcomes, replayPath, savedAndResumed, serializeClassState, traverseClass,
  type ModelPath,
} from '../lifecycle/classModelKit.ts';
import { AFTER_CONVENING, checkEligibility } from '../lifecycle/lifecycleTestKit.ts';
import { byName, lifecycleDoc, stateId, transitionId } from './lifecycleByName.ts';
import { createHarness } from './workspaceHarness.ts';

const CLASS = 'lifecycle:class-default';
const LEARNER = 'lifecycle:learner-default';
const registry = createLifecycleRegistry();

type Json = Record<string, unknown>;
const docOf = (store: WorkspaceStore, id: string): Json => lifecycleDoc(store, id);

function applyAll(store: WorkspaceStore, commands: readonly Command[]): void {
  for (const c of commands) {
    const r = store.apply(c);
    if (!r.ok) throw new Error(`${c.type} refused: ${r.reason.en}`);
  }
}

/** The default workspace with the field trip added as described at the top, and class size 2. */
function editedWorkspace(): WorkspaceStore {
  const { store } = createHarness();
  const startExams = ((docOf(store, CLASS).states as Record<string, { on: Record<string, Json[]> }>)['in-session']!.on.START_EXAMS)![0]!;
  applyAll(store, [
    setParameterValue(CLASS, 'minClassSize', 2),
    setParameterValue(CLASS, 'maxClassSize', 2),
    addState(CLASS, 'field-trip', { vi: 'Đi thực tế', en: 'Field trip' }),
    addEvent(CLASS, 'START_FIELD_TRIP', { vi: 'Bắt đầu đi thực tế', en: 'Start the field trip' }),
    addEvent(CLASS, 'END_FIELD_TRIP', { vi: 'Kết thúc đi thực tế', en: 'End the field trip' }),
    byName((r) => addTransition(stateId(r, CLASS, 'in-session'), 'START_FIELD_TRIP', stateId(r, CLASS, 'field-trip'))),
    byName((r) => updateTransition(transitionId(r, CLASS, { from: 'in-session', event: 'START_FIELD_TRIP', index: 0 }), { actions: [{ type: 'stampDate', params: { name: 'fieldTripStarted' } }] })),
    byName((r) => addTransition(stateId(r, CLASS, 'field-trip'), 'END_FIELD_TRIP', stateId(r, CLASS, 'examinations'))),
    byName((r) => updateTransition(transitionId(r, CLASS, { from: 'field-trip', event: 'END_FIELD_TRIP', index: 0 }), { guard: startExams.guard, actions: startExams.actions as unknown[] })),
    byName((r) => addTransition(stateId(r, CLASS, 'field-trip'), 'WITHDRAW', stateId(r, CLASS, 'field-trip'))),
    byName((r) => updateTransition(transitionId(r, CLASS, { from: 'field-trip', event: 'WITHDRAW', index: 0 }), { target: null, actions: [{ type: 'forwardToLearner' }] })),
    byName((r) => deleteTransition(transitionId(r, CLASS, { from: 'in-session', event: 'START_EXAMS', index: 0 }))),
  ]);
  return store;
}

/** Both edited documents loaded as the engine loads them, and every diagnostic `llct lifecycle validate` gives. */
function loaded(store: WorkspaceStore): { classDoc: Lifecycle; learnerDoc: Lifecycle; diagnostics: string[] } {
  const learner = loadLifecycle(docOf(store, LEARNER), { registry });
  if (!learner.ok) throw new Error(JSON.stringify(learner.diagnostics));
  const cls = loadLifecycle(docOf(store, CLASS), { registry, learnerLifecycle: learner.value });
  if (!cls.ok) throw new Error(JSON.stringify(cls.diagnostics));
  const diagnostics = [...validateLifecycle(cls.value, { registry, learnerLifecycle: learner.value }), ...validateLifecycle(learner.value, { registry })]
    .map((d) => `${d.severity} ${d.code} ${d.path}`);
  return { classDoc: cls.value, learnerDoc: learner.value, diagnostics };
}

const store = editedWorkspace();
const { classDoc, learnerDoc, diagnostics } = loaded(store);
const lc = createClassLifecycle({ lifecycle: classDoc, learnerLifecycle: learnerDoc, checkEligibility });
const AFTER_CONVENING_EDITED = new Set([...AFTER_CONVENING, 'field-trip']);

/** The default model's events, the field trip's added: started in October, ended too early (June) or on time (December). */
function eventsFor(s: AnyMachineSnapshot) {
  const base = defaultModelEvents(s);
  if (s.value === 'in-session') return [...base, ev('START_FIELD_TRIP', '2024-10-01')];
  if (s.value === 'field-trip') {
    const studying = firstLearner(s, 'studying');
    return [...(studying ? [ev('WITHDRAW', '2024-10-15', { learnerId: studying })] : []), ev('END_FIELD_TRIP', '2024-06-01'), ev('END_FIELD_TRIP', '2024-12-01')];
  }
  return base;
}

const { shortest, simple } = traverseClass(lc, eventsFor);
const replay = (path: ModelPath) => replayPath(lc, path, { classSize: 2, afterConvening: AFTER_CONVENING_EDITED });
const statesOf = (path: ModelPath) => path.steps.map((s) => String(s.state.value));
const toGraduation = (paths: readonly ModelPath[]) => paths.filter((p) => p.state.value === 'graduated');

describe('the class lifecycle with a field trip added through the workspace commands, model-based', () => {
  it('loads with no error or new warning (START_EXAMS is now an unused event), the field trip between the sessions and the examinations', () => {
    expect(diagnostics.filter((d) => !d.includes('lifecycle/assumed-parameter'))).toEqual(['info lifecycle/unused-event events.START_EXAMS']);
    expect(classDoc.states['field-trip']!.label).toEqual({ vi: 'Đi thực tế', en: 'Field trip' });
    expect(classDoc.states['in-session']!.on.START_FIELD_TRIP!.map((t) => t.target)).toEqual(['field-trip']);
    expect(classDoc.states['field-trip']!.on.END_FIELD_TRIP!.map((t) => t.target)).toEqual(['examinations']);
    expect(classDoc.states['in-session']!.on.START_EXAMS).toBeUndefined();
  });

  it('reaches every state, the field trip and both final states included', () => {
    expect(new Set(shortest.map((p) => String(p.state.value)))).toEqual(new Set(Object.keys(classDoc.states)));
    expect(shortest.length).toBeGreaterThan(100);
  });

  it('follows every shortest path with each event accepted, learners consistent with the class, and a snapshot that saves and resumes exactly', () => {
    for (const path of shortest) {
      const end = replay(path);
      expect(serializeClassState(end)).toBe(serializeClassState(path.state));
      expect(savedAndResumed(lc, end)).toEqual(end.context);
    }
  });

  it('follows every simple path (no state visited twice) with the same checks, its last snapshot saving and resuming exactly', () => {
    expect(simple.length).toBeGreaterThan(shortest.length);
    for (const path of simple) {
      const end = replay(path);
      expect(serializeClassState(end)).toBe(serializeClassState(path.state));
      expect(savedAndResumed(lc, end)).toEqual(end.context);
    }
  });

  it('graduates only through the field trip: every path to graduated visits it, and the examinations are entered from it alone', () => {
    const graduating = [...toGraduation(shortest), ...toGraduation(simple)];
    expect(toGraduation(shortest).length).toBeGreaterThan(0);
    expect(toGraduation(simple).length).toBeGreaterThan(toGraduation(shortest).length);
    for (const path of graduating) expect(statesOf(path)).toContain('field-trip');
    const intoExams = [...shortest, ...simple].flatMap((p) => statesOf(p).flatMap((s, i, all) => (s === 'examinations' && i > 0 && all[i - 1] !== s ? [all[i - 1]] : [])));
    expect(intoExams.length).toBeGreaterThan(0);
    expect(new Set(intoExams)).toEqual(new Set(['field-trip']));
  });

  it('refuses START_EXAMS in session with a reason, and END_FIELD_TRIP before the programme\'s months are done', () => {
    const inSession = shortest.filter((p) => p.state.value === 'in-session');
    const onTrip = shortest.filter((p) => p.state.value === 'field-trip');
    expect(inSession.length).toBeGreaterThan(0);
    expect(onTrip.length).toBeGreaterThan(0);
    for (const p of inSession) {
      const r = lc.runtime.send(p.state, ev('START_EXAMS', '2024-12-01'));
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.reason.vi.length).toBeGreaterThan(10);
    }
    for (const p of onTrip) {
      const r = lc.runtime.send(p.state, ev('END_FIELD_TRIP', '2024-06-01'));
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.reason.code).toMatch(/^lifecycle\//);
    }
  });

  it('exercises every guard of the edited document both ways, the moved exam guard included', () => {
    const seen = guardOutcomes(lc, shortest, eventsFor);
    const guarded = guardedTransitions(classDoc);
    expect(guarded).toContain('field-trip.END_FIELD_TRIP[0]');
    expect(guarded).toHaveLength(9);
    for (const key of guarded) expect([key, [...(seen.get(key) ?? [])].sort()]).toEqual([key, [false, true]]);
  });
});
