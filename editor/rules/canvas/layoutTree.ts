/**
 * Auto-layout of a ruleset's canvas, left to right, with fixed node sizes (no DOM measurement). Pure.
 *
 * Why per rule: on a generated 500-rule ruleset (1,981 nodes) one dagre pass over the whole tree took ~1.6–2.7 s in
 * Node and one elkjs `layered` pass ~1.5–1.7 s: too slow to open a canvas. The canvas is a tree, so rules and
 * sections are stacked in columns and each rule's condition subtree is laid out as a tree (the canvases'
 * `tidyTreeLayout`: what a layered layout draws for a tree, in linear time, with no library in the page's first
 * script — dagre, 47 kB, now loads only with the lifecycle canvas, whose graphs have cycles). Rule subtrees of the same
 * shape (kinds and nesting; sizes are fixed per kind) have the same layout, so each shape is laid out once.
 *
 * Auto-layout never runs over stored positions by itself: `placeNodes` keeps every stored position and places only
 * the nodes without one; `autoLayout` (every visible node) is for the "Tự động sắp xếp" button.
 */
import type { Placer } from '../../canvas/planDrag.ts';
import { tidyTreeLayout } from '../../canvas/tidyTree.ts';
import type { Point, RecordId, Records } from '../../workspace/records.ts';
import { buildCanvasTree, NODE_SIZES, type CanvasTree, type TreeNode } from './canvasTree.ts';

/** Horizontal gap between columns (ranks), px. */
const RANK_GAP = 60;
/** Vertical gap between sibling nodes inside a rule, px. */
const NODE_GAP = 16;
/** Vertical gap between two rule blocks of a section, px. */
const RULE_GAP = 24;
/** Vertical gap between two sections, px. */
const SECTION_GAP = 48;

interface ShapeLayout {
  /** Top-left offsets from the rule node's top-left, by pre-order index in the rule subtree. */
  offsets: Point[];
  height: number;
}

/** Pre-order ids of the visible subtree under `id`, the top included. */
function preorder(tree: CanvasTree, id: string): string[] {
  const out: string[] = [];
  const walk = (x: string) => {
    out.push(x);
    for (const c of tree.byId.get(x)!.children) walk(c);
  };
  walk(id);
  return out;
}

function shapeOf(tree: CanvasTree, id: string): string {
  const n = tree.byId.get(id)!;
  return n.children.length ? `${n.kind[0]}(${n.children.map((c) => shapeOf(tree, c)).join(',')})` : n.kind[0]!;
}

/**
 * Layouts by shape signature. A memo of a pure function (same shape ⇒ same offsets), bounded, safe to share between
 * canvases; it holds no document data.
 */
const shapeCache = new Map<string, ShapeLayout>();
const SHAPE_CACHE_LIMIT = 1000;

function layoutShape(tree: CanvasTree, ids: readonly string[]): ShapeLayout {
  // Offsets kept by pre-order index: the layout depends on the shape alone, so it is shared by every rule of it.
  const sizeOf = (id: string) => NODE_SIZES[tree.byId.get(id)!.kind];
  const at = tidyTreeLayout(ids[0]!, (id) => tree.byId.get(id)!.children, sizeOf, { nodesep: NODE_GAP, ranksep: RANK_GAP });
  const tops = ids.map((id) => at.get(id)!);
  const minY = Math.min(...tops.map((p) => p.y));
  const maxY = Math.max(...tops.map((p, i) => p.y + sizeOf(ids[i]!).height));
  const origin = tops[0]!;
  return { offsets: tops.map((p) => ({ x: p.x - origin.x, y: p.y - minY })), height: maxY - minY };
}

function ruleLayout(tree: CanvasTree, ruleId: string, ids: readonly string[]): ShapeLayout {
  const key = shapeOf(tree, ruleId);
  let hit = shapeCache.get(key);
  if (!hit) {
    hit = layoutShape(tree, ids);
    if (shapeCache.size >= SHAPE_CACHE_LIMIT) shapeCache.clear();
    shapeCache.set(key, hit);
  }
  return hit;
}

/** Top-left positions of every visible node of the tree, left to right: ruleset, sections, rules, conditions. */
export function layoutTree(tree: CanvasTree): Map<string, Point> {
  const out = new Map<string, Point>();
  const root = tree.byId.get(tree.rootId)!;
  const sectionX = NODE_SIZES.ruleset.width + RANK_GAP;
  const ruleX = sectionX + NODE_SIZES.section.width + RANK_GAP;
  let y = 0;
  for (const sid of root.children) {
    const section = tree.byId.get(sid)!;
    const top = y;
    for (const rid of section.children) {
      const ids = preorder(tree, rid);
      const shape = ruleLayout(tree, rid, ids);
      ids.forEach((id, i) => {
        const o = shape.offsets[i]!;
        out.set(id, { x: ruleX + o.x, y: y + o.y });
      });
      y += shape.height + RULE_GAP;
    }
    const blockHeight = section.children.length ? y - RULE_GAP - top : NODE_SIZES.section.height;
    out.set(sid, { x: sectionX, y: top + (blockHeight - NODE_SIZES.section.height) / 2 });
    y = top + Math.max(blockHeight, NODE_SIZES.section.height) + SECTION_GAP;
  }
  const total = Math.max(y - SECTION_GAP, NODE_SIZES.ruleset.height);
  out.set(root.id, { x: 0, y: root.children.length ? (total - NODE_SIZES.ruleset.height) / 2 : 0 });
  return out;
}

/**
 * Positions for ALL visible nodes of a ruleset's canvas (the "Tự động sắp xếp" button; the caller turns them into
 * a `setLayout` command). Collapsed nodes hide their descendants, which get no position.
 */
export function autoLayout(records: Records, rulesetId: RecordId, collapsed: ReadonlySet<string>): Record<string, Point> {
  return Object.fromEntries(layoutTree(buildCanvasTree(records, rulesetId, collapsed)));
}

export interface Placement {
  /** Top-left position of every visible node. */
  positions: Map<string, Point>;
  /** The nodes that had no stored position and were placed here. */
  autoPlaced: Set<string>;
}

/**
 * Stored positions as given; the rest placed without moving any stored node. A node without a position goes
 * below its stored siblings (a condition just added to a group), or, when none of its siblings is stored, where the
 * auto-layout puts it relative to its parent (a whole new rule keeps its auto-layout shape, under wherever its parent
 * is). The full auto-layout is computed only when some node needs it.
 */
export function placeNodes(tree: CanvasTree, stored: Readonly<Record<string, Point>>, auto: () => ReadonlyMap<string, Point> = () => layoutTree(tree)): Placement {
  const positions = new Map<string, Point>();
  const autoPlaced = new Set<string>();
  let autoPositions: ReadonlyMap<string, Point> | undefined;
  const autoOf = (id: string) => (autoPositions ??= auto()).get(id) ?? { x: 0, y: 0 };
  const has = (id: string) => Object.hasOwn(stored, id);

  for (const node of tree.order) {
    if (has(node.id)) {
      positions.set(node.id, stored[node.id]!);
      continue;
    }
    autoPlaced.add(node.id);
    positions.set(node.id, placeOne(tree, node, stored, positions, autoOf));
  }
  return { positions, autoPlaced };
}

function placeOne(tree: CanvasTree, node: TreeNode, stored: Readonly<Record<string, Point>>, placed: ReadonlyMap<string, Point>, autoOf: (id: string) => Point): Point {
  if (node.parent === undefined) return autoOf(node.id);
  const parent = tree.byId.get(node.parent)!;
  const siblings = parent.children.filter((c) => c !== node.id);
  const storedSiblings = siblings.filter((c) => Object.hasOwn(stored, c));
  if (storedSiblings.length > 0) {
    let bottom = -Infinity;
    for (const s of siblings) {
      const p = placed.get(s) ?? stored[s];
      if (p) bottom = Math.max(bottom, p.y + NODE_SIZES[tree.byId.get(s)!.kind].height);
    }
    return { x: stored[storedSiblings[0]!]!.x, y: bottom + NODE_GAP };
  }
  const parentAt = placed.get(parent.id)!;
  const a = autoOf(node.id);
  const pa = autoOf(parent.id);
  return { x: parentAt.x + a.x - pa.x, y: parentAt.y + a.y - pa.y };
}

/**
 * The tree's placement as the drag planner takes it (`placeNodes` over any stored positions); the full auto-layout
 * is computed once, on the first call that needs it, and shared by the later ones.
 */
export function treePlacer(tree: CanvasTree): Placer {
  let auto: ReadonlyMap<string, Point> | undefined;
  const autoOf = () => (auto ??= layoutTree(tree));
  return (stored) => placeNodes(tree, stored, autoOf).positions;
}
