/**
 * The one auto-layout entry of the canvases: a directed graph laid out left to right, each node's top-left corner
 * returned, on integer pixels. Pure and synchronous.
 *
 * It picks the algorithm by size. dagre (network simplex ranking, crossing reduction with dummy nodes) draws small
 * graphs best; but it inserts a dummy node on every rank an edge crosses, so a graph of hundreds of nodes whose
 * edges jump far ahead or back costs it seconds. Above `DAGRE_MAX_NODES` nodes the layered layout
 * (layeredLayout.ts: longest-path ranks, barycentre sweeps, no dummies, linear per sweep) is used instead, with the
 * same spacing, so both read alike.
 */
import dagre from '@dagrejs/dagre';
import type { Point, Size } from './geometry.ts';
import { layeredLayout } from './layeredLayout.ts';

/** A node to lay out: an opaque id and its fixed size (px). */
export interface LayoutNode extends Size { id: string }
/** An edge to lay out, by its end nodes' ids; the layout runs along it, left to right. */
export interface LayoutEdge { from: string; to: string }

export interface LayoutGraphOptions {
  /** Gap between nodes of one rank (vertical), px. */
  nodesep: number;
  /** Gap between ranks (horizontal), px. */
  ranksep: number;
  /** The node the graph starts from (a lifecycle's initial state): ranked first by the layered layout. */
  first?: string | undefined;
  /** Overrides `DAGRE_MAX_NODES` (tests pick the algorithm with it). */
  dagreMaxNodes?: number;
}

/** Above this many nodes the layered layout replaces dagre. */
export const DAGRE_MAX_NODES = 60;

/** Which algorithm `layoutGraph` uses for `nodeCount` nodes. */
export const layoutAlgorithmFor = (nodeCount: number, dagreMaxNodes = DAGRE_MAX_NODES): 'dagre' | 'layered' => (nodeCount > dagreMaxNodes ? 'layered' : 'dagre');

/**
 * Top-left positions of every node, left to right along the edges. Edges naming an unknown node, and an edge from a
 * node to itself, are ignored. Node ids are opaque.
 */
export function layoutGraph(nodes: readonly LayoutNode[], edges: readonly LayoutEdge[], options: LayoutGraphOptions): Map<string, Point> {
  return layoutAlgorithmFor(nodes.length, options.dagreMaxNodes) === 'layered'
    ? layeredLayout(nodes, edges, options.first, options)
    : dagreLayout(nodes, edges, options);
}

function dagreLayout(nodes: readonly LayoutNode[], edges: readonly LayoutEdge[], o: LayoutGraphOptions): Map<string, Point> {
  const g = new dagre.graphlib.Graph({ multigraph: false });
  g.setGraph({ rankdir: 'LR', nodesep: o.nodesep, ranksep: o.ranksep, marginx: 0, marginy: 0 });
  g.setDefaultEdgeLabel(() => ({}));
  // dagre keys nodes by string and reserves none; indexes keep arbitrary ids (`__proto__`…) out of its objects.
  const index = new Map(nodes.map((n, i) => [n.id, String(i)]));
  nodes.forEach((n, i) => g.setNode(String(i), { width: n.width, height: n.height }));
  for (const e of edges) {
    const a = index.get(e.from), b = index.get(e.to);
    if (a !== undefined && b !== undefined && a !== b) g.setEdge(a, b);
  }
  dagre.layout(g);
  const out = new Map<string, Point>();
  nodes.forEach((n, i) => {
    const at = g.node(String(i));
    out.set(n.id, { x: Math.round(at.x - n.width / 2), y: Math.round(at.y - n.height / 2) });
  });
  return out;
}
