/**
 * The drag controller: planned once at the first move, followers shown moving with the dragged node, positions
 * rounded as stored, and one set of positions for the drop command (the dropped nodes' and the pins'), or none when
 * nothing ended anywhere new.
 */
import { describe, expect, it } from 'vitest';
import type { DragPreview } from '../../editor/canvas/dragPreview.ts';
import type { Point } from '../../editor/canvas/geometry.ts';
import { createNodeDrag } from '../../editor/canvas/nodeDrag.ts';
import type { DragPlan } from '../../editor/canvas/planDrag.ts';

function setup(plan: DragPlan = { followers: new Map([['child', { x: 300, y: 10 }]]), pins: { sibling: { x: 0, y: 200 } } }) {
  const shown: Array<Record<string, Point>> = [];
  let ended = 0, planned = 0;
  const preview: DragPreview = { move: (p) => { shown.push({ ...p }); }, end: () => { ended++; }, active: false };
  const at: Record<string, Point> = { node: { x: 0, y: 0 }, child: { x: 300, y: 10 }, sibling: { x: 0, y: 200 } };
  const drag = createNodeDrag({ positionOf: (id) => at[id], plan: () => { planned++; return plan; } }, preview);
  return { drag, shown, ended: () => ended, planned: () => planned };
}

describe('createNodeDrag', () => {
  it('plans once, at the first move, and shows the dragged node rounded with its followers moved by as much', () => {
    const { drag, shown, planned } = setup();
    expect(drag.active).toBe(false);
    drag.move({ node: { x: 10.4, y: 19.6 } });
    drag.move({ node: { x: 30, y: 40 } });
    drag.move({});
    expect(planned()).toBe(1);
    expect(drag.active).toBe(true);
    expect(shown).toEqual([
      { node: { x: 10, y: 20 }, child: { x: 310, y: 30 } },
      { node: { x: 30, y: 40 }, child: { x: 330, y: 50 } },
    ]);
  });

  it('on drop ends the preview and gives the dropped positions, rounded, with the pins', () => {
    const { drag, ended } = setup();
    drag.move({ node: { x: 30, y: 40 } });
    expect(drag.drop({ node: { x: 30.2, y: 39.7 } })).toEqual({ sibling: { x: 0, y: 200 }, node: { x: 30, y: 40 } });
    expect(ended()).toBe(1);
    expect(drag.active).toBe(false);
  });

  it('gives nothing to store when the nodes are dropped where they started, and a new drag plans again', () => {
    const { drag, planned } = setup();
    drag.move({ node: { x: 30, y: 40 } });
    expect(drag.drop({ node: { x: 0.3, y: -0.2 } })).toBeUndefined();
    drag.move({ node: { x: 5, y: 5 } });
    expect(planned()).toBe(2);
  });

  it('cancel forgets the drag and ends the preview', () => {
    const { drag, ended } = setup();
    drag.move({ node: { x: 30, y: 40 } });
    drag.cancel();
    expect([drag.active, ended()]).toEqual([false, 1]);
  });
});
