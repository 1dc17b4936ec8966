/**
 * Editing transitions as the lifecycle editor's forms and canvas do, headless: an arrow dragged to other states
 * (every transition it carries moves, in one undo step), a transition given another event, and the typed fields
 * of guards and actions read from the registry (every registered spec gets a form whose defaults validate).
 */
import { describe, expect, it } from 'vitest';
import { addEvent, updateEventLabel } from '../../editor/workspace/commands/lifecycleCommands.ts';
import { addState } from '../../editor/workspace/commands/lifecycleStateCommands.ts';
import { addTransition, reconnectArrow, updateTransition } from '../../editor/workspace/commands/lifecycleTransitionCommands.ts';
import { changeGuardKind, defaultParams, formScope, paramFields, stampedMarks } from '../../editor/lifecycles/specFields.ts';
import type { GuardExpr } from '../../engine/documents/lifecycle.ts';
import { createLifecycleRegistry } from '../../engine/lifecycle/createLifecycleRegistry.ts';
import { loadLifecycle } from '../../engine/lifecycle/loadLifecycle.ts';
import { validateLifecycle } from '../../engine/lifecycle/validateLifecycle.ts';
import type { WorkspaceStore } from '../../editor/workspace/createWorkspaceStore.ts';
import { lifecycleDoc, stateId, transitionId } from './lifecycleByName.ts';
import { createHarness } from './workspaceHarness.ts';

const CLASS = 'lifecycle:class-default';
const LEARNER = 'lifecycle:learner-default';
const registry = createLifecycleRegistry();
type Json = Record<string, unknown>;
type Doc = Json & { states: Record<string, Json & { on?: Record<string, Json[]> }> };

const docOf = (store: WorkspaceStore, id: string): Doc => lifecycleDoc(store, id);
const sid = (store: WorkspaceStore, name: string) => stateId(store.records(), CLASS, name);
const tid = (store: WorkspaceStore, at: { from: string; event: string; index: number }) => transitionId(store.records(), CLASS, at);
const on = (store: WorkspaceStore, state: string) => docOf(store, CLASS).states[state]!.on ?? {};

describe('dragging an arrow to other states', () => {
  it('retargets every transition the arrow carries, in one undo step', () => {
    const { store } = createHarness();
    const before = JSON.stringify(docOf(store, CLASS));
    // The arrow in-session → examinations, moved onto a new state.
    expect(store.apply(addState(CLASS, 'field-trip', { vi: 'Đi thực tế', en: 'Field trip' })).ok).toBe(true);
    const arrow = Object.entries(on(store, 'in-session')).flatMap(([event, list]) => list.map((t, index) => ({ event, index, target: t.target })))
      .filter((t) => t.target === 'examinations');
    expect(arrow.length).toBeGreaterThan(0);
    const afterAdd = JSON.stringify(docOf(store, CLASS));
    const ids = arrow.map((t) => tid(store, { from: 'in-session', event: t.event, index: t.index }));
    const r = store.apply(reconnectArrow(ids, { target: sid(store, 'field-trip') }));
    expect(r.ok).toBe(true);
    expect(arrow.map((t) => tid(store, { from: 'in-session', event: t.event, index: t.index }))).toEqual(ids);
    for (const t of arrow) expect(on(store, 'in-session')[t.event]![t.index]!.target).toBe('field-trip');
    store.undo();
    expect(JSON.stringify(docOf(store, CLASS))).toBe(afterAdd);
    store.undo();
    expect(JSON.stringify(docOf(store, CLASS))).toBe(before);
  });

  it('moves the transitions to leave another state, keeping their order, guard and actions', () => {
    const { store } = createHarness();
    store.apply(addTransition(sid(store, 'approved'), 'CANCEL', sid(store, 'postponed')));
    store.apply(addTransition(sid(store, 'approved'), 'POSTPONE', sid(store, 'postponed')));
    const carried = Object.entries(on(store, 'approved')).flatMap(([event, list]) => list.map((t, index) => ({ from: 'approved', event, index, t })))
      .filter((x) => x.t.target === 'postponed');
    const already = (on(store, 'recruiting').POSTPONE ?? []).length;
    const r = store.apply(reconnectArrow(carried.map((c) => tid(store, c)), { from: sid(store, 'recruiting') }));
    expect(r.ok).toBe(true);
    expect(Object.values(on(store, 'approved')).flat().some((t) => t.target === 'postponed')).toBe(false);
    const moved = on(store, 'recruiting');
    for (const c of carried) expect(moved[c.event]).toContainEqual(c.t);
    // Appended after the transitions recruiting already had for the event, in the order they had.
    expect(moved.POSTPONE!.slice(already)).toEqual(carried.filter((c) => c.event === 'POSTPONE').map((c) => c.t));
  });

  it('refuses a final state as the new source and an unknown state, changing nothing', () => {
    const { store } = createHarness();
    const before = JSON.stringify(docOf(store, CLASS));
    const refs = [tid(store, { from: 'planned', event: 'APPROVE', index: 0 })];
    const toFinal = store.apply(reconnectArrow(refs, { from: sid(store, 'graduated') }));
    const unknown = store.apply(reconnectArrow(refs, { target: sid(store, 'nowhere') }));
    expect(toFinal).toEqual({ ok: false, reason: expect.objectContaining({ en: '"graduated" is a final state: it has no outgoing transitions.' }) });
    expect(unknown).toEqual({ ok: false, reason: expect.objectContaining({ en: 'No state "state:nowhere".' }) });
    expect(JSON.stringify(docOf(store, CLASS))).toBe(before);
    expect(store.canUndo()).toBe(false);
  });
});

describe('giving a transition another event', () => {
  it('moves it after the transitions the state has for that event; undo puts it back in place', () => {
    const { store } = createHarness();
    const before = JSON.stringify(docOf(store, CLASS));
    const t = on(store, 'approved').CANCEL![0]!;
    expect(store.apply(updateTransition(tid(store, { from: 'approved', event: 'CANCEL', index: 0 }), { event: 'POSTPONE' })).ok).toBe(true);
    expect(on(store, 'approved').CANCEL).toBeUndefined();
    expect(on(store, 'approved').POSTPONE!.at(-1)).toEqual(t);
    store.undo();
    expect(JSON.stringify(docOf(store, CLASS))).toBe(before);
  });

  it('refuses an event name that is not UPPER_SNAKE_CASE', () => {
    const { store } = createHarness();
    const r = store.apply(updateTransition(tid(store, { from: 'approved', event: 'CANCEL', index: 0 }), { event: 'cancel' }));
    expect(r.ok).toBe(false);
  });
});

describe('naming an event', () => {
  it('changes the names people read, not the type; typing is one history entry; an unknown event is refused', () => {
    const h = createHarness();
    expect(h.store.apply(addEvent(CLASS, 'START_FIELD_TRIP', { vi: 'START_FIELD_TRIP', en: 'START_FIELD_TRIP' })).ok).toBe(true);
    const before = JSON.stringify(docOf(h.store, CLASS));
    for (const vi of ['B', 'Bắt đầu', 'Bắt đầu đi thực tế']) h.store.apply(updateEventLabel(CLASS, 'START_FIELD_TRIP', { vi, en: 'START_FIELD_TRIP' }));
    expect((docOf(h.store, CLASS).events as Record<string, { label: unknown }>).START_FIELD_TRIP!.label).toEqual({ vi: 'Bắt đầu đi thực tế', en: 'START_FIELD_TRIP' });
    h.store.undo();
    expect(JSON.stringify(docOf(h.store, CLASS))).toBe(before);
    expect(h.store.apply(updateEventLabel(CLASS, 'NO_SUCH', { vi: 'x', en: 'x' })).ok).toBe(false);
  });
});

describe('the typed forms of guards and actions', () => {
  const { store } = createHarness();
  const classDoc = docOf(store, CLASS);
  const learnerDoc = docOf(store, LEARNER);
  const classScope = formScope(classDoc, learnerDoc, 'vi');
  const learnerScope = formScope(learnerDoc, undefined, 'en');

  it('reads each parameter kind from the registry: learner states, class state, learner event, amount by unit, choice, date mark', () => {
    const kinds = (subject: 'class' | 'learner', kind: 'guards' | 'actions', type: string) =>
      paramFields(registry[subject][kind][type]!).map((f) => `${f.key}:${f.kind}${'unit' in f ? `/${f.unit}` : ''}${'of' in f ? `/${f.of}${f.multiple ? '*' : ''}` : ''}${f.required ? '' : '?'}`);
    expect(kinds('class', 'guards', 'learnerCount')).toEqual(['states:state/learner*', 'min:amount/learners?', 'max:amount/learners?']);
    expect(kinds('class', 'guards', 'postponedFrom')).toEqual(['state:state/class']);
    expect(kinds('class', 'guards', 'monthsSince')).toEqual(['since:date-mark', 'months:amount/months']);
    expect(kinds('class', 'actions', 'broadcastToLearners')).toEqual(['event:learner-event']);
    expect(kinds('learner', 'guards', 'eligible')).toEqual(['level:choice?', 'mode:choice?']);
    expect(kinds('learner', 'guards', 'examPassed')).toEqual(['passMark:amount/points']);
    expect(kinds('class', 'actions', 'stampDate')).toEqual(['name:date-mark']);
    expect(kinds('learner', 'actions', 'recordNote')).toEqual(['text:text?']);
  });

  it('offers a class lifecycle its own states, its learners\' states and events, its parameters and its date marks', () => {
    expect(classScope.subject).toBe('class');
    expect(classScope.states.class.map((s) => s.id)).toContain('in-session');
    expect(classScope.states.learner.map((s) => s.id)).toContain('admitted');
    expect(classScope.learnerEvents.map((e) => e.type)).toContain('RECORD_EXAM');
    expect(classScope.parameters.find((p) => p.name === 'minClassSize')?.unit).toBe('learners');
    expect(stampedMarks(classDoc).length).toBeGreaterThan(0);
    expect(classScope.dateMarks).toEqual(stampedMarks(classDoc));
    expect(learnerScope.states.learner.map((s) => s.id)).toContain('re-sit');
  });

  it('gives every registered guard and action defaults that its schema accepts, and a lifecycle using them validates', () => {
    for (const subject of ['class', 'learner'] as const) {
      const scope = subject === 'class' ? classScope : learnerScope;
      for (const kind of ['guards', 'actions'] as const) {
        for (const [type, spec] of Object.entries(registry[subject][kind])) {
          const params = defaultParams(spec, scope);
          expect(spec.params.safeParse(params).success, `${subject} ${type} ${JSON.stringify(params)}`).toBe(true);
        }
      }
    }
    // A guard picked in the form for a class transition: the learner count, with the document's own parameter.
    const h = createHarness();
    const guard = { type: 'learnerCount', params: defaultParams(registry.class.guards.learnerCount!, classScope) };
    expect(guard.params).toEqual({ states: [classScope.states.learner[0]!.id], min: { param: 'minClassSize' } });
    expect(h.store.apply(updateTransition(tid(h.store, { from: 'approved', event: 'CANCEL', index: 0 }), { guard })).ok).toBe(true);
    const learner = loadLifecycle(docOf(h.store, LEARNER), { registry });
    const cls = learner.ok ? loadLifecycle(docOf(h.store, CLASS), { registry, learnerLifecycle: learner.value }) : learner;
    expect(cls.ok).toBe(true);
    if (cls.ok && learner.ok) {
      const errors = validateLifecycle(cls.value, { registry, learnerLifecycle: learner.value }).filter((d) => d.severity === 'error');
      expect(errors).toEqual([]);
    }
  });

  it('changes a guard\'s kind without losing it: wrapping keeps it as the first member, and/or swap keep the members', () => {
    const a: GuardExpr = { type: 'postponedFrom', params: { state: 'approved' } };
    const b: GuardExpr = { type: 'monthsSince', params: { since: 'opened', months: 2 } };
    const named = (type: string): GuardExpr => ({ type, params: {} });
    expect(changeGuardKind(a, { kind: 'not' }, named)).toEqual({ not: a });
    expect(changeGuardKind(a, { kind: 'and' }, named)).toEqual({ and: [a] });
    expect(changeGuardKind({ and: [a, b] }, { kind: 'or' }, named)).toEqual({ or: [a, b] });
    expect(changeGuardKind({ not: a }, { kind: 'or' }, named)).toEqual({ or: [{ not: a }] });
    expect(changeGuardKind(a, { kind: 'named', type: 'postponedFrom' }, named)).toBe(a);
    expect(changeGuardKind(a, { kind: 'named', type: 'learnerCount' }, named)).toEqual({ type: 'learnerCount', params: {} });
  });
});
