/**
 * The lifecycle canvas's graph, pure: states are nodes keyed by state record id (a rename keeps the node and its
 * stored position), arrows carry transition record ids, and a diagnostic's document path lands on the transition or
 * state record it concerns through the rebuilt document's path map.
 */
import { describe, expect, it } from 'vitest';
import { diagnostic } from '../../engine/diagnostics/Diagnostic.ts';
import { lifecycleGraph } from '../../editor/lifecycles/lifecycleFlow.ts';
import { updateTransition } from '../../editor/workspace/commands/lifecycleTransitionCommands.ts';
import { renameState } from '../../editor/workspace/commands/lifecycleStateCommands.ts';
import { createDefaultWorkspace } from '../../editor/workspace/createDefaultWorkspace.ts';
import { createWorkspaceStore } from '../../editor/workspace/createWorkspaceStore.ts';
import { toLifecycle } from '../../editor/workspace/lifecycleRecords.ts';
import { counterIds } from '../../editor/workspace/rulesetRecords.ts';

const CLASS = 'lifecycle:class-default';
const store = () => createWorkspaceStore(createDefaultWorkspace().records, { ids: counterIds('t/') });

describe('the lifecycle graph', () => {
  it('keys states by record id and keeps node and position through a rename', () => {
    const s = store();
    const before = lifecycleGraph(s.records(), CLASS, { lang: 'vi', positions: {}, diagnostics: [] });
    const session = before.states.find((x) => x.name === 'in-session')!;
    expect(session.id).toMatch(/^state:class-default\//);
    const at = { [session.id]: { x: 700, y: 40 } };
    expect(s.apply(renameState(session.id, 'teaching')).ok).toBe(true);
    const after = lifecycleGraph(s.records(), CLASS, { lang: 'vi', positions: at, diagnostics: [] });
    expect(after.states.map((x) => x.id)).toEqual(before.states.map((x) => x.id));
    expect(after.states.find((x) => x.id === session.id)?.name).toBe('teaching');
    expect(after.positions.get(session.id)).toEqual({ x: 700, y: 40 });
    const into = after.pairs.find((p) => p.to === session.id)!;
    expect(into.id).toBe(`pair:${into.from}->${session.id}`);
    expect(into.toName).toBe('teaching');
  });

  it('puts a diagnostic on the transition or state its path names, and the rest on the document', () => {
    const records = createDefaultWorkspace().records;
    const map = new Map(records.map((r) => [r.id, r]));
    const built = toLifecycle(map, CLASS);
    const event = Object.keys((built.doc.states as Record<string, { on: Record<string, unknown> }>).planned!.on)[0]!;
    const onTransition = diagnostic('x/t', 'error', ['states', 'planned', 'on', event, 0, 'guard'], { vi: 't', en: 't' });
    const onState = diagnostic('x/s', 'warning', ['states', 'planned', 'label', 'vi'], { vi: 's', en: 's' });
    const general = diagnostic('x/g', 'error', ['parameters', 'minClassSize'], { vi: 'g', en: 'g' });
    const graph = lifecycleGraph(map, CLASS, { lang: 'en', positions: {}, diagnostics: [onTransition, onState, general] });
    const tid = built.nodeAtPath.get(['states', 'planned', 'on', event, 0].join('.'))!;
    expect(graph.byTransition.get(tid)).toEqual([onTransition]);
    expect(graph.states.find((x) => x.name === 'planned')?.diagnostics).toEqual([onState]);
    expect(graph.general).toEqual([general]);
    expect(graph.pairs.find((p) => p.transitions.some((t) => t.id === tid))?.severity).toBe('error');
  });

  it('lists a transition made to stay on the state it leaves, with no target', () => {
    const s = store();
    const graph = lifecycleGraph(s.records(), CLASS, { lang: 'vi', positions: {}, diagnostics: [] });
    const t = graph.pairs[0]!.transitions[0]!;
    expect(s.apply(updateTransition(t.id, { target: null })).ok).toBe(true);
    const after = lifecycleGraph(s.records(), CLASS, { lang: 'vi', positions: {}, diagnostics: [] });
    const from = after.states.find((x) => x.id === t.from)!;
    expect(from.internal.map((x) => [x.id, x.target, x.targetName])).toContainEqual([t.id, undefined, undefined]);
  });
});
