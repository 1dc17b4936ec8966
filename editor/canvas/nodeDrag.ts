/**
 * A canvas's node drag, from React Flow's position changes to the one command of the drop, without the view
 * framework: the first move plans the drag (what follows, what the drop pins: planDrag.ts), each move shows the
 * dragged nodes and their followers on the preview (dragPreview.ts), and the drop returns the positions to store,
 * the dropped nodes' and the pins', or nothing when no node ended anywhere new. Positions are rounded to whole
 * pixels as they are stored, so the drag shows exactly where the nodes will land.
 */
import type { DragPlan } from './planDrag.ts';
import type { DragPreview } from './dragPreview.ts';
import type { Point } from './geometry.ts';

export interface NodeDragSource {
  /** Where a node is shown now (before the drag moves it), or undefined for a node not on the canvas. */
  positionOf(id: string): Point | undefined;
  /** The plan of a drag of these nodes (called once, at the drag's first move). */
  plan(dragged: readonly string[]): DragPlan;
}

export interface NodeDrag {
  /** The dragged nodes are at these positions now (React Flow's `position` changes while `dragging`). */
  move(dragged: Readonly<Record<string, Point>>): void;
  /**
   * The drag ended with the dragged nodes at these positions: ends the preview and returns the positions the drop
   * stores (`{ ...pins, ...dropped }`), or undefined when none of the dropped nodes moved.
   */
  drop(dropped: Readonly<Record<string, Point>>): Record<string, Point> | undefined;
  /** Ends the preview and forgets the drag without storing anything. */
  cancel(): void;
  /** Whether a drag is under way (planned and not yet dropped). */
  readonly active: boolean;
}

const rounded = (p: Point): Point => ({ x: Math.round(p.x), y: Math.round(p.y) });

/** One canvas's drag controller: `source` answers from the projection on show, `preview` draws the drag. */
export function createNodeDrag(source: NodeDragSource, preview: DragPreview): NodeDrag {
  let current: { plan: DragPlan; start: Map<string, Point> } | null = null;
  return {
    get active() { return current !== null; },
    move(dragged) {
      const ids = Object.keys(dragged);
      if (ids.length === 0) return;
      const shown: Record<string, Point> = {};
      for (const id of ids) shown[id] = rounded(dragged[id]!);
      if (!current) {
        const start = new Map<string, Point>();
        for (const id of ids) { const p = source.positionOf(id); if (p) start.set(id, p); }
        current = { plan: source.plan(ids), start };
      }
      const { plan, start } = current;
      const first = ids.find((id) => start.has(id));
      if (first !== undefined && plan.followers.size > 0) {
        const dx = shown[first]!.x - start.get(first)!.x, dy = shown[first]!.y - start.get(first)!.y;
        for (const [id, at] of plan.followers) shown[id] = { x: at.x + dx, y: at.y + dy };
      }
      preview.move(shown);
    },
    drop(dropped) {
      const started = current;
      current = null;
      preview.end();
      const positions: Record<string, Point> = {};
      for (const [id, p] of Object.entries(dropped)) positions[id] = rounded(p);
      const moved = Object.entries(positions).some(([id, p]) => { const s = started?.start.get(id); return !s || s.x !== p.x || s.y !== p.y; });
      return moved ? { ...started?.plan.pins, ...positions } : undefined;
    },
    cancel() {
      current = null;
      preview.end();
    },
  };
}
