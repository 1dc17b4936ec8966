/**
 * The lifecycle canvas's projection (lifecycleFlow.ts) on the shipped class lifecycle and a generated 200-state one:
 * states, arrows by pair of states, transitions that stay put, diagnostics by worst severity; placement of states
 * with and without stored positions; the auto-layout (no overlaps, the main path left to right from the initial
 * state); and a drag planned on it that moves the dragged state alone.
 */
import { describe, expect, it } from 'vitest';
import { diagnostic, type Diagnostic, type Severity } from '../../engine/diagnostics/Diagnostic.ts';
import { BUILTIN_LIFECYCLE_JSON } from '../../engine/lifecycle/builtinLifecycles.ts';
import type { Point } from '../../editor/canvas/geometry.ts';
import { layoutAlgorithmFor } from '../../editor/canvas/layoutGraph.ts';
import { pinFollowers, planDrag } from '../../editor/canvas/planDrag.ts';
import { autoLayoutStates, lifecycleGraph, pairId, pairText, placeStates, STATE_SIZE, statePlacer, type LifecycleGraph } from '../../editor/lifecycles/lifecycleFlow.ts';
import { generateLargeLifecycle, phaseId } from '../lifecycle/generateLargeLifecycle.ts';
import { recordsFromLifecycle } from '../../editor/workspace/lifecycleRecords.ts';
import { counterIds } from '../../editor/workspace/rulesetRecords.ts';

const CLASS = BUILTIN_LIFECYCLE_JSON['class-default'] as Record<string, unknown>;
const MAIN_PATH = ['planned', 'approved', 'recruiting', 'screening', 'convened', 'in-session', 'examinations', 'graduation-review', 'graduated'];

/**
 * The graph of a document as the canvas draws it, read by state *names* so the expectations below speak the document's
 * language: the document is split into records (nodes are state record ids), and the graph's ids are turned back into
 * the states' names. Positions given by name are stored under the records' ids.
 */
function graphOf(doc: Record<string, unknown>, positions: Readonly<Record<string, Point>> = {}, diagnostics: Diagnostic[] = []): LifecycleGraph {
  const records = new Map(recordsFromLifecycle(doc, 'lifecycle:t', counterIds())!.map((r) => [r.id, r]));
  const idOf = new Map<string, string>(), nameOf = new Map<string, string>();
  for (const r of records.values()) if (r.type === 'state') { idOf.set(r.name, r.id); nameOf.set(r.id, r.name); }
  const name = (id: string) => nameOf.get(id) ?? id;
  const stored = Object.fromEntries(Object.entries(positions).map(([n, p]) => [idOf.get(n) ?? n, p]));
  const g = lifecycleGraph(records, 'lifecycle:t', { lang: 'vi', positions: stored, diagnostics });
  const transition = <T extends { from: string; target: string | undefined }>(t: T): T => ({ ...t, from: name(t.from), target: t.target === undefined ? undefined : name(t.target) });
  return {
    ...g,
    states: g.states.map((st) => ({ ...st, id: st.name, internal: st.internal.map(transition) })),
    pairs: g.pairs.map((pr) => ({ ...pr, id: pairId(name(pr.from), name(pr.to)), from: name(pr.from), to: name(pr.to), transitions: pr.transitions.map(transition) })),
    positions: new Map([...g.positions].map(([id, at]) => [name(id), at])),
    stored: Object.fromEntries(Object.entries(g.stored).map(([id, at]) => [name(id), at])),
  };
}
const problem = (severity: Severity, path: readonly PropertyKey[]) => diagnostic('lifecycle/test', severity, path, { vi: 'thử', en: 'test' });

function overlaps(at: ReadonlyMap<string, Point>): string[] {
  const ids = [...at.keys()];
  const out: string[] = [];
  for (let i = 0; i < ids.length; i++) {
    for (let j = i + 1; j < ids.length; j++) {
      const p = at.get(ids[i]!)!, q = at.get(ids[j]!)!;
      if (Math.abs(p.x - q.x) < STATE_SIZE.width && Math.abs(p.y - q.y) < STATE_SIZE.height) out.push(`${ids[i]}/${ids[j]}`);
    }
  }
  return out;
}

describe('lifecycleGraph on the shipped class lifecycle', () => {
  const g = graphOf(CLASS);

  it('gives one node per state, the initial and final ones marked, and one arrow per pair of states', () => {
    expect(g.states.map((s) => s.id)).toEqual(Object.keys(CLASS.states as object));
    expect(g.states.filter((s) => s.initial).map((s) => s.id)).toEqual(['planned']);
    expect(g.states.filter((s) => s.final).map((s) => s.id).sort()).toEqual(['cancelled', 'graduated']);
    const ids = g.pairs.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toContain(pairId('planned', 'approved'));
    // RESUME from postponed goes to four states: four arrows, one transition each.
    expect(g.pairs.filter((p) => p.from === 'postponed' && p.transitions.some((t) => t.event === 'RESUME')).map((p) => p.to).sort())
      .toEqual(['approved', 'convened', 'recruiting', 'screening']);
  });

  it('lists transitions that keep the state on the state, not as arrows, and marks guarded events on the arrow', () => {
    const recruiting = g.states.find((s) => s.id === 'recruiting')!;
    expect(recruiting.internal.map((t) => t.event).sort()).toEqual(['NOMINATE', 'WITHDRAW']);
    expect(g.pairs.some((p) => p.from === p.to)).toBe(false);
    expect(pairText(g.pairs.find((p) => p.id === pairId('recruiting', 'screening'))!)).toBe('CLOSE_RECRUITMENT [?]');
    expect(pairText(g.pairs.find((p) => p.id === pairId('planned', 'approved'))!)).toBe('APPROVE');
  });

  it('gives each diagnostic to its state or transition and shows the worst severity on states and arrows', () => {
    const d = graphOf(CLASS, {}, [
      problem('info', ['states', 'screening']),
      problem('warning', ['states', 'screening', 'label']),
      problem('warning', ['states', 'recruiting', 'on', 'CLOSE_RECRUITMENT', 0, 'guard']),
      problem('error', ['states', 'recruiting', 'on', 'CLOSE_RECRUITMENT', 0]),
      problem('info', ['states', 'recruiting', 'on', 'NOMINATE', 0]),
      problem('error', ['initial']),
    ]);
    const state = (id: string) => d.states.find((s) => s.id === id)!;
    expect([state('screening').severity, state('screening').diagnostics.length]).toEqual(['warning', 2]);
    // recruiting's own severity counts its transitions that stay (NOMINATE: info), not its arrows.
    expect(state('recruiting').severity).toBe('info');
    expect(state('planned').severity).toBeUndefined();
    expect(d.pairs.find((p) => p.id === pairId('recruiting', 'screening'))!.severity).toBe('error');
    expect(d.pairs.find((p) => p.id === pairId('planned', 'approved'))!.severity).toBeUndefined();
    expect(d.general.map((x) => x.path)).toEqual(['initial']);
  });
});

describe('auto-layout of lifecycles', () => {
  it('lays the class lifecycle out with dagre, without overlaps, its main path left to right from the initial state', () => {
    const g = graphOf(CLASS);
    expect(layoutAlgorithmFor(g.states.length)).toBe('dagre');
    expect(overlaps(g.positions)).toEqual([]);
    for (let i = 0; i + 1 < MAIN_PATH.length; i++) expect(g.positions.get(MAIN_PATH[i + 1]!)!.x, MAIN_PATH[i + 1]).toBeGreaterThan(g.positions.get(MAIN_PATH[i]!)!.x);
  });

  it('lays a 200-state lifecycle out with the layered layout: no overlaps, each state of the chain right of the one before', () => {
    const doc = generateLargeLifecycle(200, 600) as unknown as Record<string, unknown>;
    const g = graphOf(doc);
    expect(layoutAlgorithmFor(g.states.length)).toBe('layered');
    expect(g.positions.size).toBe(200);
    expect(overlaps(g.positions)).toEqual([]);
    expect(g.positions.get(phaseId(0))!.x).toBe(0);
    for (let i = 0; i + 1 < 200; i++) expect(g.positions.get(phaseId(i + 1))!.x, phaseId(i + 1)).toBeGreaterThan(g.positions.get(phaseId(i))!.x);
  });

  it('answers again from its last layout for the same states and arrows, as a fresh map each time', () => {
    const g = graphOf(CLASS);
    const first = autoLayoutStates(g.states, g.pairs);
    first.set('planned', { x: -999, y: -999 });
    expect(autoLayoutStates(g.states, g.pairs).get('planned')).toEqual(g.positions.get('planned'));
  });
});

describe('placeStates', () => {
  const g = graphOf(CLASS);
  const all = Object.fromEntries(g.positions);

  it('keeps every stored position as given', () => {
    const stored = { ...all, planned: { x: -500, y: 1234 } };
    expect(Object.fromEntries(placeStates(g.states, g.pairs, stored))).toEqual(stored);
  });

  it('places a state without a position at the auto-layout\'s offset from a stored neighbour, or else below everything', () => {
    const moved = Object.fromEntries(Object.entries(all).map(([id, p]) => [id, { x: p.x + 1000, y: p.y + 500 }]));
    const { examinations: _e, ...stored } = moved;
    const at = placeStates(g.states, g.pairs, stored);
    expect(at.get('examinations')).toEqual(moved.examinations);
    // With no arrow to a stored state, below the lowest stored one.
    const lonely = graphOf({ ...CLASS, states: { ...(CLASS.states as object), island: { label: { vi: 'Đảo', en: 'Island' }, on: {} } } });
    const lowest = Math.max(...Object.values(all).map((p) => p.y + STATE_SIZE.height));
    expect(placeStates(lonely.states, lonely.pairs, all).get('island')!.y).toBe(lowest + 40);
  });
});

describe('a drag planned on the lifecycle canvas', () => {
  /** Drops `id` moved by `d` with the plan's pins (followers pinned, as the canvas does); how far each state moved. */
  function drop(g: LifecycleGraph, stored: Record<string, Point>, id: string, d: Point) {
    const place = statePlacer(g.states, g.pairs);
    const before = place(stored);
    const plan = pinFollowers(planDrag(place, stored, [id]));
    const after = place({ ...stored, ...plan.pins, [id]: { x: before.get(id)!.x + d.x, y: before.get(id)!.y + d.y } });
    return { plan, moved: [...before].filter(([s, p]) => after.get(s)!.x !== p.x || after.get(s)!.y !== p.y).map(([s]) => s) };
  }

  it('with every state stored, stores the dragged state alone', () => {
    const g = graphOf(CLASS);
    const { plan, moved } = drop(g, Object.fromEntries(g.positions), 'screening', { x: 60, y: -30 });
    expect(plan.pins).toEqual({});
    expect(moved).toEqual(['screening']);
  });

  it('with a new state among stored ones, moves only the dragged state and pins the new one where it is shown', () => {
    const g = graphOf(CLASS);
    const { examinations: _e, ...stored } = Object.fromEntries(g.positions);
    const { plan, moved } = drop(g, stored, 'in-session', { x: 0, y: 300 });
    expect(Object.keys(plan.pins)).toEqual(['examinations']);
    expect(moved).toEqual(['in-session']);
  });

  it('on a 200-state lifecycle never laid out, moves only the dragged state', () => {
    const g = graphOf(generateLargeLifecycle(200, 600) as unknown as Record<string, unknown>);
    const { moved } = drop(g, {}, phaseId(5), { x: 40, y: 120 });
    expect(moved).toEqual([phaseId(5)]);
  });
});
