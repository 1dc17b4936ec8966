/**
 * The one auto-layout entry: dagre for small graphs, the layered layout beyond `DAGRE_MAX_NODES`, both left to right
 * along the edges, with no two nodes overlapping.
 */
import { describe, expect, it } from 'vitest';
import type { Point } from '../../editor/canvas/geometry.ts';
import { layeredLayout } from '../../editor/canvas/layeredLayout.ts';
import { DAGRE_MAX_NODES, layoutAlgorithmFor, layoutGraph, type LayoutEdge, type LayoutNode } from '../../editor/canvas/layoutGraph.ts';

const SIZE = { width: 190, height: 60 };
const SPACING = { nodesep: 40, ranksep: 150 };

/** A chain n0 → n1 → … with a back edge every `backEvery` nodes (to three places back) and a side branch. */
function chain(n: number, backEvery = 10): { nodes: LayoutNode[]; edges: LayoutEdge[] } {
  const nodes = Array.from({ length: n }, (_, i) => ({ id: `n${i}`, ...SIZE }));
  const edges: LayoutEdge[] = [];
  for (let i = 0; i + 1 < n; i++) edges.push({ from: `n${i}`, to: `n${i + 1}` });
  for (let i = backEvery; i < n; i += backEvery) edges.push({ from: `n${i}`, to: `n${i - 3}` });
  for (let i = 2; i + 2 < n; i += 7) edges.push({ from: `n${i}`, to: `n${i + 2}` });
  return { nodes, edges };
}

function overlaps(nodes: readonly LayoutNode[], at: ReadonlyMap<string, Point>): string[] {
  const out: string[] = [];
  for (let i = 0; i < nodes.length; i++) {
    for (let j = i + 1; j < nodes.length; j++) {
      const a = nodes[i]!, b = nodes[j]!, p = at.get(a.id)!, q = at.get(b.id)!;
      if (p.x < q.x + b.width && q.x < p.x + a.width && p.y < q.y + b.height && q.y < p.y + a.height) out.push(`${a.id}/${b.id}`);
    }
  }
  return out;
}

describe('layoutGraph', () => {
  it('picks dagre up to DAGRE_MAX_NODES nodes and the layered layout above', () => {
    expect(layoutAlgorithmFor(DAGRE_MAX_NODES)).toBe('dagre');
    expect(layoutAlgorithmFor(DAGRE_MAX_NODES + 1)).toBe('layered');
    const { nodes, edges } = chain(30);
    // The layered layout is what layoutGraph gives when the limit is set below the graph's size.
    expect(layoutGraph(nodes, edges, { ...SPACING, first: 'n0', dagreMaxNodes: 10 })).toEqual(layeredLayout(nodes, edges, 'n0', SPACING));
    expect(layoutGraph(nodes, edges, { ...SPACING, first: 'n0' })).not.toEqual(layeredLayout(nodes, edges, 'n0', SPACING));
  });

  for (const n of [12, 200]) {
    it(`places a ${n}-node chain with back edges without overlaps, on whole pixels, each forward step to the right`, () => {
      const { nodes, edges } = chain(n);
      const at = layoutGraph(nodes, edges, { ...SPACING, first: 'n0' });
      expect(at.size).toBe(n);
      expect(overlaps(nodes, at)).toEqual([]);
      for (const p of at.values()) expect([Number.isInteger(p.x), Number.isInteger(p.y)]).toEqual([true, true]);
      for (let i = 0; i + 1 < n; i++) expect(at.get(`n${i + 1}`)!.x, `n${i}→n${i + 1}`).toBeGreaterThan(at.get(`n${i}`)!.x);
    });
  }

  it('ignores edges to unknown nodes and from a node to itself, and keeps arbitrary ids', () => {
    const nodes = [{ id: '__proto__', ...SIZE }, { id: 'b', ...SIZE }];
    const at = layoutGraph(nodes, [{ from: '__proto__', to: 'b' }, { from: 'b', to: 'b' }, { from: 'b', to: 'ghost' }], SPACING);
    expect([...at.keys()]).toEqual(['__proto__', 'b']);
    expect(at.get('b')!.x).toBe(SIZE.width + SPACING.ranksep);
  });
});

describe('layeredLayout', () => {
  it('ranks every node by its longest distance from the first node along the edges, leaving out edges that close a cycle', () => {
    // a → b → c → d, a → c (a shortcut), d → b (closes a cycle), e unreachable.
    const nodes = ['a', 'b', 'c', 'd', 'e'].map((id) => ({ id, ...SIZE }));
    const edges = [{ from: 'a', to: 'b' }, { from: 'b', to: 'c' }, { from: 'c', to: 'd' }, { from: 'a', to: 'c' }, { from: 'd', to: 'b' }];
    const at = layeredLayout(nodes, edges, 'a', SPACING);
    const column = (id: string) => at.get(id)!.x / (SIZE.width + SPACING.ranksep);
    expect(['a', 'b', 'c', 'd', 'e'].map(column)).toEqual([0, 1, 2, 3, 0]);
  });

  it('starts from the given first node even when another comes first in the list', () => {
    const nodes = ['z', 'start'].map((id) => ({ id, ...SIZE }));
    const edges = [{ from: 'start', to: 'z' }, { from: 'z', to: 'start' }];
    const at = layeredLayout(nodes, edges, 'start', SPACING);
    expect(at.get('start')!.x).toBe(0);
    expect(at.get('z')!.x).toBeGreaterThan(0);
  });

  it('makes a rank as wide as its widest node and stacks nodes of a rank by their own heights, centred', () => {
    const nodes = [{ id: 'root', width: 300, height: 100 }, { id: 'x', width: 100, height: 20 }, { id: 'y', width: 100, height: 50 }, { id: 'z', width: 50, height: 50 }];
    const edges = [{ from: 'root', to: 'x' }, { from: 'root', to: 'y' }, { from: 'x', to: 'z' }];
    const at = layeredLayout(nodes, edges, 'root', { nodesep: 10, ranksep: 40 });
    expect(at.get('x')!.x).toBe(340);
    expect(at.get('z')!.x).toBe(340 + 100 + 40);
    expect(overlaps(nodes, at)).toEqual([]);
    // The tallest rank (x, y: 20 + 10 + 50 = 80) starts at 0; the root (100) is the tallest, so that rank is centred.
    expect(at.get('root')!.y).toBe(0);
    const ys = [at.get('x')!.y, at.get('y')!.y].sort((a, b) => a - b);
    expect(ys[0]).toBe(10);
  });
});
