/**
 * Lifecycle commands on the default workspace, headless: every edit is one undoable command; renaming a state
 * updates every reference in both lifecycles, records the rename, and a class saved before the rename resumes in
 * the renamed states under the edited documents.
 */
import { describe, expect, it } from 'vitest';
import type { Lifecycle } from '../../engine/documents/lifecycle.ts';
import { resumeClassRun, saveClassRun } from '../../engine/lifecycle/classSnapshot.ts';
import { createClassLifecycle } from '../../engine/lifecycle/createClassLifecycle.ts';
import { createLifecycleRegistry } from '../../engine/lifecycle/createLifecycleRegistry.ts';
import { loadLifecycle } from '../../engine/lifecycle/loadLifecycle.ts';
import { validateLifecycle } from '../../engine/lifecycle/validateLifecycle.ts';
import { addEvent, setParameterValue } from '../../editor/workspace/commands/lifecycleCommands.ts';
import { addState, deleteState, EDITOR_REVISION_NOTE, renameState, setInitialState, updateState } from '../../editor/workspace/commands/lifecycleStateCommands.ts';
import { addTransition, deleteTransition, moveTransition, updateTransition } from '../../editor/workspace/commands/lifecycleTransitionCommands.ts';
import { stateNamed, toLifecycle } from '../../editor/workspace/lifecycleRecords.ts';
import { moveNodes } from '../../editor/workspace/commands/layoutCommands.ts';
import type { WorkspaceStore } from '../../editor/workspace/createWorkspaceStore.ts';
import { layoutIdOf } from '../../editor/workspace/records.ts';
import { loadWorkspaceDocument, toWorkspaceDocument } from '../../editor/workspace/workspaceDocument.ts';
import { checkEligibility, defaultClassLifecycle, happyPath, learnerStates, sendAll } from '../lifecycle/lifecycleTestKit.ts';
import { createHarness } from './workspaceHarness.ts';

const CLASS = 'lifecycle:class-default';
const LEARNER = 'lifecycle:learner-default';
const registry = createLifecycleRegistry();

type Json = Record<string, unknown>;
const docOf = (store: WorkspaceStore, id: string) => {
  const r = store.records().get(id);
  if (r?.type !== 'lifecycle') throw new Error(`no lifecycle ${id}`);
  return toLifecycle(store.records(), id).doc as Json & { states: Record<string, Json & { on?: Record<string, Json[]> }> };
};

/** The record id of the state named `name` (a made-up id when there is none, which commands refuse). */
const sid = (store: WorkspaceStore, lifecycle: string, name: string): string => {
  const r = store.records().get(lifecycle);
  return (r?.type === 'lifecycle' ? stateNamed(store.records(), r, name)?.id : undefined) ?? `state:${name}`;
};

/** The record id of the transition at a document place (`from`, `event`, `index`). */
const tid = (store: WorkspaceStore, lifecycle: string, from: string, event: string, index: number): string =>
  toLifecycle(store.records(), lifecycle).nodeAtPath.get(['states', from, 'on', event, index].join('.')) ?? 'transition:none';

/** Both documents loaded as the engine loads them, with their error diagnostics. */
function loaded(store: WorkspaceStore): { classDoc: Lifecycle; learnerDoc: Lifecycle; errors: string[] } {
  const learner = loadLifecycle(docOf(store, LEARNER), { registry });
  if (!learner.ok) throw new Error(JSON.stringify(learner.diagnostics));
  const cls = loadLifecycle(docOf(store, CLASS), { registry, learnerLifecycle: learner.value });
  if (!cls.ok) throw new Error(JSON.stringify(cls.diagnostics));
  const errors = [...validateLifecycle(cls.value, { registry, learnerLifecycle: learner.value }), ...validateLifecycle(learner.value, { registry })]
    .filter((d) => d.severity === 'error').map((d) => `${d.code} ${d.path}`);
  return { classDoc: cls.value, learnerDoc: learner.value, errors };
}

/** Every string in the document equal to `word` (state names appear as keys, targets and parameters). */
function mentions(doc: unknown, word: string): number {
  return JSON.stringify(doc).split(`"${word}"`).length - 1;
}

describe('renaming a state', () => {
  it('updates keys, initial, targets and the parameters naming it in both lifecycles, and records the rename', () => {
    const { store } = createHarness();
    const beforeLearner = docOf(store, LEARNER);
    const hostMentions = mentions(docOf(store, CLASS).states, 'studying');
    expect(hostMentions).toBeGreaterThan(0); // the class lifecycle's guards name learner states
    expect(store.apply(renameState(sid(store, LEARNER, 'studying'), 'attending')).ok).toBe(true);

    const learner = docOf(store, LEARNER);
    expect(Object.keys(learner.states)).toEqual(Object.keys(beforeLearner.states).map((k) => (k === 'studying' ? 'attending' : k)));
    expect(mentions(learner.states, 'studying')).toBe(0);
    expect(mentions(docOf(store, CLASS).states, 'studying')).toBe(0);
    expect(mentions(docOf(store, CLASS).states, 'attending')).toBe(hostMentions);
    expect(learner.revision).toBe(2);
    expect(learner.revisions).toEqual([{ revision: 2, note: EDITOR_REVISION_NOTE, renamedStates: { studying: 'attending' } }]);
    expect(loaded(store).errors).toEqual([]);

    // One command: one undo restores both documents exactly.
    store.undo();
    expect(docOf(store, LEARNER)).toEqual(beforeLearner);
    expect(mentions(docOf(store, CLASS).states, 'studying')).toBe(hostMentions);
  });

  it('keeps later renames in the same open revision, composing them; renaming back leaves no mapping', () => {
    const { store } = createHarness();
    store.apply(renameState(sid(store, CLASS, 'in-session'), 'teaching'));
    store.apply(renameState(sid(store, CLASS, 'teaching'), 'learning'));
    store.apply(renameState(sid(store, CLASS, 'planned'), 'drafted'));
    const doc = docOf(store, CLASS);
    expect(doc.initial).toBe('drafted');
    expect(doc.revision).toBe(2);
    expect(doc.revisions).toEqual([{ revision: 2, note: EDITOR_REVISION_NOTE, renamedStates: { 'in-session': 'learning', planned: 'drafted' } }]);
    store.apply(renameState(sid(store, CLASS, 'learning'), 'in-session'));
    expect((docOf(store, CLASS).revisions as Json[])[0]!.renamedStates).toEqual({ planned: 'drafted' });
    expect(loaded(store).errors).toEqual([]);
  });

  it('lets a class saved under revision 1 resume in the renamed states, and go on', () => {
    const old = defaultClassLifecycle({ minClassSize: 1 });
    const saved = JSON.parse(JSON.stringify(saveClassRun(old, sendAll(old, old.start(), happyPath(['A', 'B'])))));
    expect(saved.state).toBe('in-session');

    const { store } = createHarness();
    store.apply(setParameterValue(CLASS, 'minClassSize', 1));
    store.apply(renameState(sid(store, LEARNER, 'studying'), 'attending'));
    store.apply(renameState(sid(store, CLASS, 'in-session'), 'teaching'));
    const { classDoc, learnerDoc, errors } = loaded(store);
    expect(errors).toEqual([]);
    const lc = createClassLifecycle({ lifecycle: classDoc, learnerLifecycle: learnerDoc, checkEligibility });
    const resumed = resumeClassRun(lc, saved);
    expect(resumed.ok).toBe(true);
    if (!resumed.ok) return;
    expect(resumed.run.snapshot.value).toBe('teaching');
    expect(learnerStates(resumed.run)).toEqual({ A: 'attending', B: 'attending' });
    const next = sendAll(lc, resumed.run, [{ type: 'SUSPEND', at: '2024-06-01', learnerId: 'A' }]);
    expect(learnerStates(next)).toEqual({ A: 'suspended', B: 'attending' });
  });

  it('refuses a taken name, an invalid id and an unknown state, changing nothing', () => {
    const { store, bytes } = createHarness();
    const before = bytes();
    for (const [from, to] of [['planned', 'approved'], ['planned', 'Đã lập'], ['nowhere', 'x'], ['planned', 'planned']] as const) {
      const r = store.apply(renameState(sid(store, CLASS, from), to));
      expect(r.ok, `${from} → ${to}`).toBe(false);
    }
    expect(bytes()).toBe(before);
    expect(store.canUndo()).toBe(false);
  });

  it('keeps the state\'s record id, so its position on the canvas follows the rename untouched; deleting a state drops its position', () => {
    const { store } = createHarness();
    const [session, planned] = [sid(store, CLASS, 'in-session'), sid(store, CLASS, 'planned')];
    store.apply(moveNodes(CLASS, { [session]: { x: 500, y: 80 }, [planned]: { x: 0, y: 0 } }));
    const layout = store.records().get(layoutIdOf(CLASS));
    const r = store.apply(renameState(session, 'teaching'));
    expect(r.ok && r.diff.has(layoutIdOf(CLASS))).toBe(false);
    expect(store.records().get(layoutIdOf(CLASS))).toBe(layout);
    expect(sid(store, CLASS, 'teaching')).toBe(session);
    store.apply(deleteState(session));
    const after = store.records().get(layoutIdOf(CLASS));
    expect(after?.type === 'layout' && after.positions).toEqual({ [planned]: { x: 0, y: 0 } });
  });

  it('survives a save and a reload of the workspace (the open revision too)', () => {
    const { store } = createHarness();
    store.apply(renameState(sid(store, CLASS, 'in-session'), 'teaching'));
    const reloaded = loadWorkspaceDocument(JSON.parse(JSON.stringify(toWorkspaceDocument('w', store.records().values()))));
    expect(reloaded.ok).toBe(true);
    if (!reloaded.ok) return;
    const rec = reloaded.document.records.find((r) => r.id === CLASS);
    expect(rec).toMatchObject({ type: 'lifecycle', openRevision: 2 });
  });
});

describe('states and transitions', () => {
  it('adds a field-trip phase between sessions and examinations, reachable and leading on, in four undoable steps', () => {
    const { store } = createHarness();
    const label = { vi: 'Đi thực tế', en: 'Field trip' };
    expect(store.apply(addState(CLASS, 'field-trip', label)).ok).toBe(true);
    expect(store.apply(addEvent(CLASS, 'START_FIELD_TRIP', { vi: 'Bắt đầu đi thực tế', en: 'Start the field trip' })).ok).toBe(true);
    expect(store.apply(addTransition(sid(store, CLASS, 'in-session'), 'START_FIELD_TRIP', sid(store, CLASS, 'field-trip'))).ok).toBe(true);
    expect(store.apply(addEvent(CLASS, 'END_FIELD_TRIP', { vi: 'Kết thúc đi thực tế', en: 'End the field trip' })).ok).toBe(true);
    expect(store.apply(addTransition(sid(store, CLASS, 'field-trip'), 'END_FIELD_TRIP', sid(store, CLASS, 'in-session'))).ok).toBe(true);
    const doc = docOf(store, CLASS);
    expect(doc.states['field-trip']).toEqual({ label, final: false, on: { END_FIELD_TRIP: [{ target: 'in-session', actions: [] }] } });
    expect(loaded(store).errors).toEqual([]);
    for (let i = 0; i < 5; i++) store.undo();
    expect(store.canUndo()).toBe(false);
    expect(docOf(store, CLASS).states['field-trip']).toBeUndefined();
  });

  it('a new state with no way out is reported by the existing diagnostics (no path to a final state)', () => {
    const { store } = createHarness();
    store.apply(addState(CLASS, 'limbo', { vi: 'Chờ', en: 'Waiting' }));
    store.apply(addEvent(CLASS, 'PARK', { vi: 'Tạm để đó', en: 'Park' }));
    store.apply(addTransition(sid(store, CLASS, 'planned'), 'PARK', sid(store, CLASS, 'limbo')));
    const learner = loadLifecycle(docOf(store, LEARNER), { registry });
    if (!learner.ok) throw new Error('learner lifecycle does not load');
    const cls = loadLifecycle(docOf(store, CLASS), { registry, learnerLifecycle: learner.value });
    expect(cls.ok).toBe(false);
    expect(cls.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.code} ${d.path}`)).toEqual(['lifecycle/no-path-to-final states.limbo']);
  });

  it('deletes a state with the transitions into it; refuses the initial state', () => {
    const { store } = createHarness();
    expect(store.apply(deleteState(sid(store, CLASS, 'planned'))).ok).toBe(false);
    const into = Object.values(docOf(store, CLASS).states).flatMap((s) => Object.values(s.on ?? {}).flat()).filter((t) => t.target === 'postponed').length;
    expect(into).toBeGreaterThan(0);
    expect(store.apply(deleteState(sid(store, CLASS, 'postponed'))).ok).toBe(true);
    const doc = docOf(store, CLASS);
    expect(doc.states.postponed).toBeUndefined();
    expect(Object.values(doc.states).flatMap((s) => Object.values(s.on ?? {}).flat()).filter((t) => t.target === 'postponed')).toEqual([]);
    store.undo();
    expect(Object.values(docOf(store, CLASS).states).flatMap((s) => Object.values(s.on ?? {}).flat()).filter((t) => t.target === 'postponed').length).toBe(into);
  });

  it('retargets, moves and deletes a transition; edits a guard; refuses a final state as a source', () => {
    const { store } = createHarness();
    const ref = { from: 'planned', event: Object.keys(docOf(store, CLASS).states.planned!.on!)[0]!, index: 0 };
    const t = tid(store, CLASS, ref.from, ref.event, ref.index);
    expect(store.apply(updateTransition(t, { target: sid(store, CLASS, 'cancelled') })).ok).toBe(true);
    expect(docOf(store, CLASS).states.planned!.on![ref.event]![0]!.target).toBe('cancelled');
    expect(store.apply(updateTransition(t, { target: 'state:no-such-state' })).ok).toBe(false);
    expect(store.apply(updateTransition(t, { target: sid(store, LEARNER, 'studying') })).ok).toBe(false); // another lifecycle's
    expect(store.apply(updateTransition(t, { guard: { type: 'classSizeAtLeast', params: { min: { param: 'minClassSize' } } } })).ok).toBe(true);
    expect(docOf(store, CLASS).states.planned!.on![ref.event]![0]!.guard).toEqual({ type: 'classSizeAtLeast', params: { min: { param: 'minClassSize' } } });
    expect(store.apply(moveTransition(t, sid(store, CLASS, 'graduated'))).ok).toBe(false); // final
    expect(store.apply(moveTransition(t, sid(store, CLASS, 'approved'))).ok).toBe(true);
    expect(docOf(store, CLASS).states.approved!.on![ref.event]!.at(-1)!.target).toBe('cancelled');
    expect(tid(store, CLASS, 'approved', ref.event, docOf(store, CLASS).states.approved!.on![ref.event]!.length - 1)).toBe(t);
    expect(store.apply(deleteTransition(t)).ok).toBe(true);
    expect(store.records().has(t)).toBe(false);
    expect(store.apply(addTransition(sid(store, CLASS, 'graduated'), 'CANCEL', sid(store, CLASS, 'planned'))).ok).toBe(false);
  });

  it('typing in a parameter or a state label is one history entry; the initial state can be changed', () => {
    const { store, tick } = createHarness();
    for (const v of [4, 45, 45]) { store.apply(setParameterValue(CLASS, 'minClassSize', v)); tick(100); }
    for (const vi of ['K', 'Kế', 'Kế hoạch năm']) { store.apply(updateState(sid(store, CLASS, 'planned'), { label: { vi, en: 'Planned' } })); tick(100); }
    expect((docOf(store, CLASS).parameters as Record<string, Json>).minClassSize!.value).toBe(45);
    expect(store.history.undoLabels().length).toBe(2);
    store.undo();
    store.undo();
    expect((docOf(store, CLASS).parameters as Record<string, Json>).minClassSize!.value).toBe(30);
    expect(store.apply(setParameterValue(CLASS, 'noSuchParameter', 1)).ok).toBe(false);
    expect(store.apply(setInitialState(sid(store, CLASS, 'approved'))).ok).toBe(true);
    expect(docOf(store, CLASS).initial).toBe('approved');
  });

  it('merges typing in one transition by its record id, wherever the transition stands; another transition is another entry', () => {
    const { store, tick } = createHarness();
    const event = Object.keys(docOf(store, CLASS).states.planned!.on!)[0]!;
    const [first, second] = [tid(store, CLASS, 'planned', event, 0), tid(store, CLASS, 'approved', 'CANCEL', 0)];
    store.apply(updateTransition(first, { description: { vi: 'M', en: 'M' } }, 'description'));
    tick(100);
    store.apply(updateTransition(first, { event: 'CANCEL' }));
    tick(100);
    const entries = store.history.undoLabels().length;
    for (const vi of ['Mô', 'Mô tả']) { store.apply(updateTransition(first, { description: { vi, en: 'M' } }, 'description')); tick(100); }
    expect(store.history.undoLabels().length).toBe(entries + 1);
    store.apply(updateTransition(second, { description: { vi: 'Khác', en: 'Other' } }, 'description'));
    expect(store.history.undoLabels().length).toBe(entries + 2);
  });
});
