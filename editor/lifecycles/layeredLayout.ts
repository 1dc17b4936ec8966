/**
 * A fast left-to-right layered layout for large lifecycles, pure. dagre inserts a dummy node on every rank an edge
 * crosses, so a lifecycle of hundreds of states whose transitions jump far ahead or back costs it seconds; here a
 * state's rank is its longest distance from the initial state along forward edges (edges closing a cycle, found by
 * a depth-first search, are left out), and states are ordered within a rank by the mean order of their neighbours
 * in the ranks beside it (a few down and up sweeps), with no dummy nodes. Linear in states and transitions per
 * sweep. Same spacing as the dagre layout, so both kinds of lifecycle read alike.
 */
import type { Point } from '../workspace/records.ts';

export interface LayeredOptions { width: number; height: number; nodesep: number; ranksep: number; sweeps?: number }

/** Positions (top-left corners) of `ids`, with `initial` first when it is one of them. */
export function layeredLayout(ids: readonly string[], edges: ReadonlyArray<{ from: string; to: string }>, initial: string | undefined, o: LayeredOptions): Map<string, Point> {
  const index = new Map(ids.map((id, i) => [id, i]));
  const out: number[][] = ids.map(() => []);
  for (const e of edges) {
    const a = index.get(e.from), b = index.get(e.to);
    if (a !== undefined && b !== undefined && a !== b) out[a]!.push(b);
  }
  // Back edges by an iterative DFS from the initial state, then from every state not reached.
  const colour = new Uint8Array(ids.length); // 0 new, 1 on the stack, 2 done
  const back = new Set<number>(); // a * n + b
  const n = ids.length;
  const roots = [...(initial !== undefined && index.has(initial) ? [index.get(initial)!] : []), ...ids.keys()];
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
  const neighbours: number[][] = ids.map(() => []);
  for (let v = 0; v < n; v++) for (const w of out[v]!) { neighbours[v]!.push(w); neighbours[w]!.push(v); }
  const pos = new Float64Array(n);
  const renumber = () => { for (const layer of layers) if (layer) layer.forEach((v, i) => { pos[v] = i; }); };
  renumber();
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
  const tallest = Math.max(1, ...layers.map((l) => l?.length ?? 0));
  const result = new Map<string, Point>();
  layers.forEach((layer, r) => {
    if (!layer) return;
    // Each layer centred on the tallest one, as dagre centres its ranks.
    const offset = ((tallest - layer.length) * (o.height + o.nodesep)) / 2;
    layer.forEach((v, i) => result.set(ids[v]!, { x: r * (o.width + o.ranksep), y: Math.round(offset + i * (o.height + o.nodesep)) }));
  });
  return result;
}
