/**
 * What a drag moves, decided when it starts. Nodes without a stored position are placed from their relatives
 * (`placeNodes`): a rule's conditions follow the rule, and a node's auto-placed siblings stack under its stored
 * siblings. So storing the dragged node's new position would, besides the node itself,
 * - carry along the nodes placed from it (its subtree, as auto-layout drew it): they move with the drag and stay
 *   unstored ("followers");
 * - move other nodes in ways the user never asked for (siblings restacked under the dropped node): those are
 *   stored where they are now, in the same command ("pins"), so the drop changes nothing but what was dragged.
 * Pure: the preview shows followers moving, and the drop stores `{ ...pins, ...dropped }`.
 */
import type { Point } from '../../workspace/records.ts';
import type { CanvasTree } from './canvasTree.ts';
import { layoutTree, placeNodes } from './layoutGraph.ts';

export interface DragPlan {
  /** Nodes that move rigidly with the dragged ones, with their position at the start. */
  followers: ReadonlyMap<string, Point>;
  /** Nodes that would move otherwise: stored at their current position by the drop. */
  pins: Readonly<Record<string, Point>>;
}

/** Two probe displacements, not multiples of each other: a node that moves by both exactly is carried rigidly. */
const PROBES: readonly Point[] = [{ x: 1009, y: 613 }, { x: -787, y: 1201 }];

/** Equal but for floating-point noise (auto-layout positions can be fractional). */
const near = (a: number, b: number) => Math.abs(a - b) < 1e-6;

export function planDrag(tree: CanvasTree, stored: Readonly<Record<string, Point>>, dragged: readonly string[]): DragPlan {
  let auto: ReadonlyMap<string, Point> | undefined;
  const autoOf = () => (auto ??= layoutTree(tree));
  const start = placeNodes(tree, stored, autoOf).positions;
  const draggedSet = new Set(dragged);
  const moves = PROBES.map((d) => {
    const probe: Record<string, Point> = { ...stored };
    for (const id of dragged) {
      const p = start.get(id);
      if (p) probe[id] = { x: p.x + d.x, y: p.y + d.y };
    }
    return placeNodes(tree, probe, autoOf).positions;
  });
  const followers = new Map<string, Point>();
  const pins: Record<string, Point> = {};
  for (const [id, p] of start) {
    if (draggedSet.has(id)) continue;
    const rigid = moves.every((m, i) => { const q = m.get(id)!; return near(q.x - p.x, PROBES[i]!.x) && near(q.y - p.y, PROBES[i]!.y); });
    if (rigid) followers.set(id, p);
    else if (moves.some((m) => { const q = m.get(id)!; return !near(q.x, p.x) || !near(q.y, p.y); })) pins[id] = p;
  }
  return { followers, pins };
}
