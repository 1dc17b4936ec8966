/**
 * A drag's plan over any placement: on a small synthetic canvas where a child without a stored position is placed
 * from its parent and an unstored node stacks under its stored siblings, storing the plan's pins plus the dragged
 * node's new position moves exactly the dragged node and its followers (by the drag), and nothing else.
 */
import { describe, expect, it } from 'vitest';
import type { Point } from '../../editor/canvas/geometry.ts';
import { pinFollowers, planDrag, type Placer } from '../../editor/canvas/planDrag.ts';

/** parent → children; a child goes 300 px right of its parent, siblings 100 px apart (under stored ones if any). */
const CHILDREN: Record<string, string[]> = { root: ['a', 'b', 'c'], a: ['a1', 'a2'], b: [], c: ['c1'], a1: [], a2: [], c1: [] };
const PARENT = Object.fromEntries(Object.entries(CHILDREN).flatMap(([p, cs]) => cs.map((c) => [c, p])));
const ORDER = ['root', 'a', 'a1', 'a2', 'b', 'c', 'c1'];

const place: Placer = (stored) => {
  const out = new Map<string, Point>();
  for (const id of ORDER) {
    if (Object.hasOwn(stored, id)) { out.set(id, stored[id]!); continue; }
    const parent = PARENT[id];
    if (parent === undefined) { out.set(id, { x: 0, y: 0 }); continue; }
    const siblings = CHILDREN[parent]!;
    const storedSiblings = siblings.filter((s) => s !== id && Object.hasOwn(stored, s));
    if (storedSiblings.length > 0) {
      // In the parent's column, under the lowest sibling placed so far.
      const lowest = Math.max(...siblings.filter((s) => s !== id && out.has(s)).map((s) => out.get(s)!.y));
      out.set(id, { x: out.get(parent)!.x + 300, y: lowest + 100 });
    } else {
      const p = out.get(parent)!;
      out.set(id, { x: p.x + 300, y: p.y + siblings.indexOf(id) * 100 });
    }
  }
  return out;
};

/** Drops `dragged` moved by `d` with the plan's pins; returns how far each node moved. */
function drop(stored: Record<string, Point>, dragged: string[], d: Point, transform = (p: ReturnType<typeof planDrag>) => p) {
  const before = place(stored);
  const plan = transform(planDrag(place, stored, dragged));
  const next: Record<string, Point> = { ...stored, ...plan.pins };
  for (const id of dragged) next[id] = { x: before.get(id)!.x + d.x, y: before.get(id)!.y + d.y };
  const after = place(next);
  const shifts = new Map<string, Point>();
  for (const [id, p] of before) shifts.set(id, { x: after.get(id)!.x - p.x, y: after.get(id)!.y - p.y });
  return { plan, shifts };
}

describe('planDrag over a placement', () => {
  it('with nothing stored: a dragged node carries its children; its later siblings, which would restack, are pinned', () => {
    const d = { x: 40, y: 500 };
    const { plan, shifts } = drop({}, ['a'], d);
    expect(new Set(plan.followers.keys())).toEqual(new Set(['a1', 'a2']));
    expect(Object.keys(plan.pins).sort()).toEqual(['b', 'c', 'c1']);
    for (const [id, s] of shifts) expect(s, id).toEqual(['a', 'a1', 'a2'].includes(id) ? d : { x: 0, y: 0 });
  });

  it('with every node stored: nothing follows, nothing is pinned, only the dragged node moves', () => {
    const stored = Object.fromEntries(place({}));
    const { plan, shifts } = drop(stored, ['c'], { x: -20, y: 15 });
    expect(plan.followers.size).toBe(0);
    expect(plan.pins).toEqual({});
    for (const [id, s] of shifts) expect(s, id).toEqual(id === 'c' ? { x: -20, y: 15 } : { x: 0, y: 0 });
  });

  it('pinFollowers keeps the followers where they are instead of carrying them', () => {
    const { plan, shifts } = drop({}, ['a'], { x: 40, y: 500 }, pinFollowers);
    expect(plan.followers.size).toBe(0);
    expect(Object.keys(plan.pins).sort()).toEqual(['a1', 'a2', 'b', 'c', 'c1']);
    for (const [id, s] of shifts) expect(s, id).toEqual(id === 'a' ? { x: 40, y: 500 } : { x: 0, y: 0 });
  });

  it('treats nodes the probe placement drops as pinned, and calls the placement three times', () => {
    let calls = 0;
    const counted: Placer = (stored) => { calls++; return place(stored); };
    expect(planDrag(counted, {}, ['root']).followers.size).toBe(ORDER.length - 1);
    expect(calls).toBe(3);
    const losing: Placer = (stored) => { const m = new Map(place(stored)); if (Object.hasOwn(stored, 'root')) m.delete('b'); return m; };
    expect(planDrag(losing, {}, ['root']).pins).toEqual({ b: place({}).get('b') });
  });
});
