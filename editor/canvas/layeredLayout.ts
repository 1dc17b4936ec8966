/**
 * A fast left-to-right layered layout for large graphs, pure (the large-graph half of `layoutGraph`). A node's rank
 * is its longest distance from the first node along forward edges (edges closing a cycle, found by a depth-first
 * search from the first node, then from every node not reached, are left out); nodes are ordered within a rank by
 * the mean order of their neighbours in the rank beside it (a few down and up sweeps), with no dummy nodes. Linear
 * in nodes and edges per sweep. A rank is as wide as its widest node; each rank is centred on the tallest one, as
 * dagre centres its ranks.
 */
import type { Point, Size } from './geometry.ts';

export interface LayeredOptions { nodesep: number; ranksep: number; sweeps?: number }

/** Top-left positions of `nodes`, on integer pixels, with `first` ranked first when it is one of them. */
export function layeredLayout(nodes: ReadonlyArray<Size & { id: string }>, edges: ReadonlyArray<{ from: string; to: string }>, first: string | undefined, o: LayeredOptions): Map<string, Point> {
  const n = nodes.length;
  const index = new Map(nodes.map((node, i) => [node.id, i]));
  const out: number[][] = nodes.map(() => []);
  for (const e of edges) {
    const a = index.get(e.from), b = index.get(e.to);
    if (a !== undefined && b !== undefined && a !== b) out[a]!.push(b);
  }
  // Back edges by an iterative DFS from the first node, then from every node not reached.
  const colour = new Uint8Array(n); // 0 new, 1 on the stack, 2 done
  const back = new Set<number>(); // a * n + b
  const roots = [...(first !== undefined && index.has(first) ? [index.get(first)!] : []), ...nodes.keys()];
  for (const root of roots) {
    if (colour[root] !== 0) continue;
    const stack: Array<[number, number]> = [[root, 0]];
    colour[root] = 1;
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!;
      const [v, i] = top;
      if (i < out[v]!.length) {
        top[1] = i + 1;
        const w = out[v]![i]!;
        if (colour[w] === 1) back.add(v * n + w);
        else if (colour[w] === 0) { colour[w] = 1; stack.push([w, 0]); }
      } else {
        colour[v] = 2;
        stack.pop();
      }
    }
  }
  // Longest path ranks over the forward edges, in topological order (Kahn).
  const indegree = new Int32Array(n);
  for (let v = 0; v < n; v++) for (const w of out[v]!) if (!back.has(v * n + w)) indegree[w]!++;
  const rank = new Int32Array(n);
  const queue: number[] = [];
  for (let v = 0; v < n; v++) if (indegree[v] === 0) queue.push(v);
  for (let head = 0; head < queue.length; head++) {
    const v = queue[head]!;
    for (const w of out[v]!) {
      if (back.has(v * n + w)) continue;
      rank[w] = Math.max(rank[w]!, rank[v]! + 1);
      if (--indegree[w]! === 0) queue.push(w);
    }
  }
  const layers: number[][] = [];
  for (let v = 0; v < n; v++) (layers[rank[v]!] ??= []).push(v);
  // Order within layers: barycentre of the neighbours in the previous (down) or next (up) layer.
  const neighbours: number[][] = nodes.map(() => []);
  for (let v = 0; v < n; v++) for (const w of out[v]!) { neighbours[v]!.push(w); neighbours[w]!.push(v); }
  const pos = new Float64Array(n);
  for (const layer of layers) if (layer) layer.forEach((v, i) => { pos[v] = i; });
  const sweep = (from: number, to: number, step: number) => {
    for (let r = from; r !== to; r += step) {
      const layer = layers[r];
      if (!layer) continue;
      const key = new Map<number, number>();
      for (const v of layer) {
        const near = neighbours[v]!.filter((w) => rank[w] === r - step);
        key.set(v, near.length === 0 ? pos[v]! : near.reduce((s, w) => s + pos[w]!, 0) / near.length);
      }
      layer.sort((a, b) => key.get(a)! - key.get(b)! || a - b);
      layer.forEach((v, i) => { pos[v] = i; });
    }
  };
  for (let i = 0; i < (o.sweeps ?? 4); i++) {
    sweep(1, layers.length, 1);
    sweep(layers.length - 2, -1, -1);
  }
  const extent = (layer: readonly number[]) => layer.reduce((h, v) => h + nodes[v]!.height, 0) + Math.max(0, layer.length - 1) * o.nodesep;
  const tallest = Math.max(0, ...layers.map((l) => (l ? extent(l) : 0)));
  const result = new Map<string, Point>();
  let x = 0;
  for (const layer of layers) {
    if (!layer) continue;
    let y = (tallest - extent(layer)) / 2;
    for (const v of layer) {
      result.set(nodes[v]!.id, { x, y: Math.round(y) });
      y += nodes[v]!.height + o.nodesep;
    }
    x += Math.max(...layer.map((v) => nodes[v]!.width)) + o.ranksep;
  }
  return result;
}
