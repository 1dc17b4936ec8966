/**
 * A tree laid out left to right: one column per depth, every node centred on its column (as a layered layout ranks
 * them), each subtree a horizontal band as tall as its widest part, a parent centred on its children's band. Pure,
 * synchronous, linear in the number of nodes, on integer pixels.
 *
 * For a tree this draws what a general layered layout (dagre) draws — no crossings, siblings in their given order,
 * a parent level with the middle of its children — without its cost: no ranking by network simplex, no crossing
 * reduction, and no library in the page's first script.
 */
import type { Point, Size } from './geometry.ts';

export interface TidyTreeOptions {
  /** Gap between two sibling subtrees (vertical), px. */
  nodesep: number;
  /** Gap between two columns (horizontal), px. */
  ranksep: number;
}

/**
 * Top-left positions of `root` and every node below it, by id. `childrenOf` gives a node's children in drawing
 * order (top to bottom); a node reached twice is laid out once, where it is first met, so a malformed "tree" with a
 * shared child or a cycle still ends.
 */
export function tidyTreeLayout(
  root: string,
  childrenOf: (id: string) => readonly string[],
  sizeOf: (id: string) => Size,
  options: TidyTreeOptions,
): Map<string, Point> {
  const depthOf = new Map<string, number>([[root, 0]]);
  const kids = new Map<string, string[]>();
  const order: string[] = [];
  const stack = [root];
  while (stack.length) {
    const id = stack.pop()!;
    order.push(id);
    const own: string[] = [];
    for (const c of childrenOf(id)) {
      if (depthOf.has(c)) continue;
      depthOf.set(c, depthOf.get(id)! + 1);
      own.push(c);
    }
    kids.set(id, own);
    for (let i = own.length - 1; i >= 0; i--) stack.push(own[i]!);
  }

  const columnWidth: number[] = [];
  for (const id of order) {
    const d = depthOf.get(id)!;
    columnWidth[d] = Math.max(columnWidth[d] ?? 0, sizeOf(id).width);
  }
  const columnCentre: number[] = [];
  let left = 0;
  columnWidth.forEach((w, d) => {
    columnCentre[d] = left + w / 2;
    left += w + options.ranksep;
  });

  const band = new Map<string, number>();
  for (let i = order.length - 1; i >= 0; i--) {
    const id = order[i]!;
    band.set(id, Math.max(sizeOf(id).height, childrenBand(kids.get(id)!, band, options.nodesep)));
  }

  const out = new Map<string, Point>();
  const place = (id: string, top: number) => {
    const { width, height } = sizeOf(id);
    const span = band.get(id)!;
    out.set(id, { x: Math.round(columnCentre[depthOf.get(id)!]! - width / 2), y: Math.round(top + (span - height) / 2) });
    const children = kids.get(id)!;
    let y = top + (span - childrenBand(children, band, options.nodesep)) / 2;
    for (const c of children) {
      place(c, y);
      y += band.get(c)! + options.nodesep;
    }
  };
  place(root, 0);
  return out;
}

function childrenBand(children: readonly string[], band: ReadonlyMap<string, number>, gap: number): number {
  if (children.length === 0) return 0;
  let sum = gap * (children.length - 1);
  for (const c of children) sum += band.get(c)!;
  return sum;
}
