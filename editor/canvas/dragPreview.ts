/**
 * A node drag shown without the view framework. React Flow reports each pointer move as a position change; feeding
 * it back as new `nodes` makes React Flow re-adopt every node and React re-render, a cost that grows with the canvas.
 * While a drag lasts, the moved nodes' transforms, their edges' paths and the edges' labels are written straight to
 * the elements instead, from the same geometry React Flow uses; `end()` puts every element back as it was, and the
 * canvas's one drop command renders the final positions the ordinary way (if the command is refused, the nodes are
 * where the model says).
 *
 * The elements come through `CanvasDom` (reactFlowDom.ts finds React Flow's; tests pass plain objects), so the
 * preview runs in Node.
 */
import type { Point, Side } from './geometry.ts';

/** A handle's box relative to its node, as React Flow measures it (`internals.handleBounds`) or as declared. */
export interface HandleBox { x: number; y: number; width: number; height: number; position: Side }

/** An edge's end points as React Flow's path functions take them (`getSmoothStepPath`, `getBezierPath`). */
export interface EdgeEnds { sourceX: number; sourceY: number; sourcePosition: Side; targetX: number; targetY: number; targetPosition: Side }

/**
 * Draws an edge from its end points: its SVG path and the point its label is centred on, as React Flow's path
 * functions return them (`[path, labelX, labelY, …]`). The canvas passes React Flow's own, so the preview matches it.
 */
export type PathOf = (ends: EdgeEnds) => readonly [path: string, labelX: number, labelY: number, ...rest: number[]];

/** What the preview needs of a node: where it is, and where its outgoing (source) and incoming (target) handles are. */
export interface PreviewNode { position: Point; source: HandleBox | undefined; target: HandleBox | undefined }

/** An edge on show: its id and its end nodes' ids (React Flow's `Edge` fits). */
export interface PreviewEdge { id: string; source: string; target: string }

/** A node's element: the preview sets its transform and z-index and marks it `dragging`. */
export interface NodeElement {
  style: { transform: string; zIndex: string };
  classList: { add(name: string): void; remove(name: string): void };
}

/** An SVG element the preview rewrites one attribute of (`d` of a path, `transform` of a label group). */
export interface AttributeElement {
  getAttribute(name: string): string | null;
  setAttribute(name: string, value: string): void;
  removeAttribute(name: string): void;
}

/** The rendered canvas, by node and edge id; an element not rendered (off screen) is null or absent. */
export interface CanvasDom {
  node(id: string): NodeElement | null;
  /** The edge's path elements (the visible path and its wider interaction path). */
  edgePaths(id: string): readonly AttributeElement[];
  /** The group holding the edge's label, whose `transform` places it; null when the edge has no label. */
  edgeLabel(id: string): AttributeElement | null;
}

/** The point an edge leaves or enters a handle at: the middle of the handle's side that faces out (React Flow's rule). */
export function handlePoint(node: Point, handle: HandleBox): Point {
  const x = node.x + handle.x, y = node.y + handle.y;
  switch (handle.position) {
    case 'top': return { x: x + handle.width / 2, y };
    case 'bottom': return { x: x + handle.width / 2, y: y + handle.height };
    case 'right': return { x: x + handle.width, y: y + handle.height / 2 };
    default: return { x, y: y + handle.height / 2 }; // left
  }
}

/** An edge's end points between two nodes, or null when either lacks the handle it needs. */
export function edgeEnds(source: PreviewNode, target: PreviewNode): EdgeEnds | null {
  if (!source.source || !target.target) return null;
  const from = handlePoint(source.position, source.source);
  const to = handlePoint(target.position, target.target);
  return { sourceX: from.x, sourceY: from.y, sourcePosition: source.source.position, targetX: to.x, targetY: to.y, targetPosition: target.target.position };
}

/** The SVG path of an edge between two nodes, or null when either lacks the handle it needs. */
export function edgePath(source: PreviewNode, target: PreviewNode, pathOf: PathOf): string | null {
  const ends = edgeEnds(source, target);
  return ends ? pathOf(ends)[0] : null;
}

export interface DragPreview {
  /** Shows the given nodes at these positions (flow coordinates) and redraws the edges that touch them. */
  move(positions: Readonly<Record<string, Point>>): void;
  /** Puts every element the preview changed back as it was. Safe to call when nothing moved. */
  end(): void;
  /** Whether a drag is being shown. */
  readonly active: boolean;
}

export interface DragPreviewSource {
  /** The rendered canvas, or null when it is not mounted (then nothing is shown). Read once per drag. */
  dom(): CanvasDom | null;
  /** The edges of the graph on show (read once per drag). */
  edges(): readonly PreviewEdge[];
  /**
   * A node's current geometry (React Flow's internal node: where it was rendered before the drag), or undefined when
   * it is not on the canvas. `moving`: the node is being moved, so give the handles it will be drawn with after the drop.
   */
  node(id: string, moving: boolean): PreviewNode | undefined;
  /** The path function of the edges' type. */
  pathOf: PathOf;
}

/** What the preview overwrites: one attribute, or one style property, so the framework's other styles stay. */
type Overwritten = 'd' | 'transform' | 'style.transform' | 'style.zIndex';

/** Above every node at rest, as React Flow lifts a dragged node. */
const DRAG_Z = '2000';

/** A label moved by (dx, dy) from where React placed it: its own transform, then the shift. */
const shifted = (transform: string | null, dx: number, dy: number) => `${transform ?? ''} translate(${dx} ${dy})`.trim();

/**
 * Creates the preview for one canvas. Elements are looked up once per drag; an edge that is not rendered (off screen)
 * is left alone and drawn right once the drop re-renders the canvas.
 */
export function createDragPreview(source: DragPreviewSource): DragPreview {
  /** The values overwritten, as they were before the drag, by element. */
  let saved: Map<NodeElement | AttributeElement, Map<Overwritten, string | null>> | null = null;
  let dom: CanvasDom | null = null;
  let byNode: Map<string, PreviewEdge[]> | null = null;
  const nodeEls = new Map<string, NodeElement | null>();
  const edgeEls = new Map<string, { paths: readonly AttributeElement[]; label: AttributeElement | null; labelAt?: Point | null }>();
  const positions = new Map<string, Point>();
  const seen = new Set<string>();

  /** Saves what `el` has under `what` the first time it is overwritten; returns that first value. */
  const remember = (el: NodeElement | AttributeElement, what: Overwritten): string | null => {
    let values = saved!.get(el);
    if (!values) saved!.set(el, (values = new Map()));
    if (!values.has(what)) {
      values.set(what, what === 'style.transform' ? (el as NodeElement).style.transform
        : what === 'style.zIndex' ? (el as NodeElement).style.zIndex
          : (el as AttributeElement).getAttribute(what));
    }
    return values.get(what)!;
  };

  const nodeEl = (id: string): NodeElement | null => {
    if (!nodeEls.has(id)) nodeEls.set(id, dom!.node(id));
    return nodeEls.get(id)!;
  };

  const edgeEl = (id: string) => {
    let e = edgeEls.get(id);
    if (!e) edgeEls.set(id, (e = { paths: dom!.edgePaths(id), label: dom!.edgeLabel(id) }));
    return e;
  };

  const at = (id: string): PreviewNode | undefined => {
    const moved = positions.get(id);
    const node = source.node(id, moved !== undefined);
    if (!node) return undefined;
    return moved ? { ...node, position: moved } : node;
  };

  /** Where the label was centred before the drag (from the nodes as rendered), once per edge. */
  const labelStart = (e: PreviewEdge): Point | null => {
    const from = source.node(e.source, false), to = source.node(e.target, false);
    const ends = from && to ? edgeEnds(from, to) : null;
    if (!ends) return null;
    const [, x, y] = source.pathOf(ends);
    return { x, y };
  };

  return {
    get active() { return saved !== null; },
    move(next) {
      if (!saved) {
        dom = source.dom();
        if (!dom) return;
        saved = new Map();
        byNode = new Map();
        for (const e of source.edges()) {
          for (const end of [e.source, e.target]) {
            let list = byNode.get(end);
            if (!list) byNode.set(end, (list = []));
            list.push(e);
          }
        }
      }
      const touched = new Set<PreviewEdge>();
      for (const [id, p] of Object.entries(next)) {
        positions.set(id, p);
        const el = nodeEl(id);
        if (el) {
          if (!seen.has(id)) {
            // Lifted and marked once per drag: rewriting the same values on every move still invalidates style.
            remember(el, 'style.transform');
            remember(el, 'style.zIndex');
            el.style.zIndex = DRAG_Z;
            el.classList.add('dragging');
            seen.add(id);
          }
          el.style.transform = `translate(${p.x}px,${p.y}px)`;
        }
        for (const e of byNode!.get(id) ?? []) touched.add(e);
      }
      for (const e of touched) {
        const els = edgeEl(e.id);
        if (els.paths.length === 0 && !els.label) continue;
        const from = at(e.source), to = at(e.target);
        const ends = from && to ? edgeEnds(from, to) : null;
        if (ends === null) continue;
        const [d, labelX, labelY] = source.pathOf(ends);
        for (const path of els.paths) {
          remember(path, 'd');
          path.setAttribute('d', d);
        }
        if (els.label) {
          if (els.labelAt === undefined) els.labelAt = labelStart(e);
          if (els.labelAt) {
            const original = remember(els.label, 'transform');
            els.label.setAttribute('transform', shifted(original, labelX - els.labelAt.x, labelY - els.labelAt.y));
          }
        }
      }
    },
    end() {
      if (saved) {
        for (const [el, values] of saved) {
          for (const [what, value] of values) {
            if (what === 'style.transform') (el as NodeElement).style.transform = value ?? '';
            else if (what === 'style.zIndex') (el as NodeElement).style.zIndex = value ?? '';
            else if (value === null) (el as AttributeElement).removeAttribute(what);
            else (el as AttributeElement).setAttribute(what, value);
          }
        }
      }
      for (const id of seen) nodeEls.get(id)?.classList.remove('dragging');
      saved = null;
      dom = null;
      byNode = null;
      nodeEls.clear();
      edgeEls.clear();
      positions.clear();
      seen.clear();
    },
  };
}
