/**
 * A drag's plan on the default 57-QĐ/TW canvas: storing the plan's pins plus the dragged node's new position must
 * move exactly the dragged node and the nodes placed from it (by the same amount), and nothing else.
 */
import { describe, expect, it } from 'vitest';
import { buildCanvasTree } from '../../editor/rules/canvas/canvasTree.ts';
import { planDrag } from '../../editor/canvas/planDrag.ts';
import { layoutTree, placeNodes, treePlacer } from '../../editor/rules/canvas/layoutTree.ts';
import { builtinRulesetId, createDefaultWorkspace } from '../../editor/workspace/createDefaultWorkspace.ts';
import type { Point, Records } from '../../editor/workspace/records.ts';

const RS57 = builtinRulesetId('57-qd-tw');
const records: Records = new Map(createDefaultWorkspace().records.map((r) => [r.id, r]));
const tree = buildCanvasTree(records, RS57, new Set());

/** Drops `dragged` moved by `d` with the plan's pins; returns how far each node moved. */
function drop(stored: Record<string, Point>, dragged: string[], d: Point) {
  const before = placeNodes(tree, stored).positions;
  const plan = planDrag(treePlacer(tree), stored, dragged);
  const next: Record<string, Point> = { ...stored, ...plan.pins };
  for (const id of dragged) next[id] = { x: before.get(id)!.x + d.x, y: before.get(id)!.y + d.y };
  const after = placeNodes(tree, next).positions;
  const shifts = new Map<string, Point>();
  for (const [id, p] of before) shifts.set(id, { x: after.get(id)!.x - p.x, y: after.get(id)!.y - p.y });
  return { plan, shifts };
}

const descendants = (id: string): string[] => tree.byId.get(id)!.children.flatMap((c) => [c, ...descendants(c)]);
const firstRule = () => tree.order.find((n) => n.kind === 'rule')!.id;

describe('planDrag', () => {
  it('on an auto-placed canvas: the rule carries its conditions; its sibling rules are pinned, so none moves', () => {
    const rule = firstRule();
    const d = { x: 173, y: 88 };
    const { plan, shifts } = drop({}, [rule], d);
    const subtree = new Set(descendants(rule));
    expect(subtree.size).toBeGreaterThan(0);
    expect(new Set(plan.followers.keys())).toEqual(subtree);
    // Siblings would restack under the dropped rule (stored siblings go first): they are pinned instead.
    const siblings = tree.byId.get(tree.byId.get(rule)!.parent!)!.children.filter((c) => c !== rule);
    for (const s of siblings) expect(plan.pins[s]).toBeDefined();
    for (const [id, s] of shifts) {
      if (id === rule || subtree.has(id)) expect(s).toEqual(d);
      else expect(s, id).toEqual({ x: 0, y: 0 });
    }
  });

  it('after auto-layout (every node stored): nothing follows and nothing needs pinning', () => {
    const stored = Object.fromEntries(layoutTree(tree));
    const rule = firstRule();
    const { plan, shifts } = drop(stored, [rule], { x: -40, y: 25 });
    expect(plan.followers.size).toBe(0);
    expect(plan.pins).toEqual({});
    for (const [id, s] of shifts) expect(s, id).toEqual(id === rule ? { x: -40, y: 25 } : { x: 0, y: 0 });
  });

  it('a condition dragged inside a stored rule moves alone; a section dragged carries its whole auto-placed block', () => {
    const rule = firstRule();
    const leaf = descendants(rule).find((id) => tree.byId.get(id)!.kind === 'leaf')!;
    const one = drop({}, [leaf], { x: 30, y: -12 });
    for (const [id, s] of one.shifts) expect(s, id).toEqual(id === leaf ? { x: 30, y: -12 } : { x: 0, y: 0 });

    const section = tree.byId.get(rule)!.parent!;
    const block = drop({}, [section], { x: 0, y: 500 });
    for (const [id, s] of block.shifts) {
      expect(s, id).toEqual(id === section || descendants(section).includes(id) ? { x: 0, y: 500 } : { x: 0, y: 0 });
    }
  });
});
