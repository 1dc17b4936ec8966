/**
 * What a drag moves, decided when it starts, for any canvas whose nodes without a stored position are placed from
 * the stored ones (a rule's conditions from the rule, a new lifecycle state from its neighbour). Storing the dragged
 * nodes' new positions would, besides the nodes themselves,
 * - carry along the nodes placed from them: they move rigidly with the drag and stay unstored ("followers");
 * - move other nodes in ways the user never asked for (siblings restacked, states re-anchored): those are stored
 *   where they are now, in the same command ("pins"), so the drop changes nothing but what was dragged.
 * Found by probing: the placement is run with the dragged nodes moved by two displacements that are not multiples
 * of each other; a node that moves by both exactly is carried, one that moves otherwise is pinned. Pure.
 */
import type { Point } from './geometry.ts';

/** A canvas's placement: every node's position, given the stored ones (the rest placed from them). Pure. */
export type Placer = (stored: Readonly<Record<string, Point>>) => ReadonlyMap<string, Point>;

export interface DragPlan {
  /** Nodes that move rigidly with the dragged ones, with their position at the start. */
  followers: ReadonlyMap<string, Point>;
  /** Nodes that would move otherwise: stored at their current position by the drop. */
  pins: Readonly<Record<string, Point>>;
}

const PROBES: readonly Point[] = [{ x: 1009, y: 613 }, { x: -787, y: 1201 }];

/** Equal but for floating-point noise (auto-layout positions can be fractional). */
const near = (a: number, b: number) => Math.abs(a - b) < 1e-6;

/** The plan of a drag of `dragged` from the layout `place(stored)` gives. Three calls of `place`. */
export function planDrag(place: Placer, stored: Readonly<Record<string, Point>>, dragged: readonly string[]): DragPlan {
  const start = place(stored);
  const draggedSet = new Set(dragged);
  const moves = PROBES.map((d) => {
    const probe: Record<string, Point> = { ...stored };
    for (const id of dragged) {
      const p = start.get(id);
      if (p) probe[id] = { x: p.x + d.x, y: p.y + d.y };
    }
    return place(probe);
  });
  const followers = new Map<string, Point>();
  const pins: Record<string, Point> = {};
  for (const [id, p] of start) {
    if (draggedSet.has(id)) continue;
    const after = moves.map((m) => m.get(id));
    if (after.every((q, i) => q !== undefined && near(q.x - p.x, PROBES[i]!.x) && near(q.y - p.y, PROBES[i]!.y))) followers.set(id, p);
    else if (after.some((q) => q === undefined || !near(q.x, p.x) || !near(q.y, p.y))) pins[id] = p;
  }
  return { followers, pins };
}

/** The same plan with nothing carried: every node that would move is pinned (a graph, where neighbours are peers). */
export function pinFollowers(plan: DragPlan): DragPlan {
  if (plan.followers.size === 0) return plan;
  return { followers: new Map(), pins: { ...plan.pins, ...Object.fromEntries(plan.followers) } };
}
