/**
 * A node drag shown without React. React Flow reports each pointer move as a position change; feeding it back as new
 * `nodes` makes React Flow re-adopt every node of the ruleset and re-render, a cost that grows with the canvas. While
 * a drag lasts, the dragged nodes' transforms and their edges' paths are written straight to the DOM instead, from
 * the same geometry React Flow uses; on drop the DOM is put back as it was and the one `moveNodes` command renders the
 * final positions the ordinary way (if the command is refused, the nodes are where the model says).
 */
import type { Position } from '@xyflow/react';
import type { Point } from '../../workspace/records.ts';

/** A handle's box relative to its node, as React Flow measures it (`internals.handleBounds`) or as declared. */
export interface HandleBox { x: number; y: number; width: number; height: number; position: Position }

/** An edge's end points as React Flow's path functions take them (`getSmoothStepPath`). */
export interface EdgeEnds { sourceX: number; sourceY: number; sourcePosition: Position; targetX: number; targetY: number; targetPosition: Position }
/** Draws an edge's SVG path from its end points: the canvas passes React Flow's own, so the preview matches it. */
export type PathOf = (ends: EdgeEnds) => string;

/** What the preview needs of a node: where it is, and where its outgoing (source) and incoming (target) handles are. */
export interface PreviewNode { position: Point; source: HandleBox | undefined; target: HandleBox | undefined }

export interface PreviewEdge { id: string; source: string; target: string }

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

/** The SVG path of an edge between two nodes, or null when either lacks the handle it needs. */
export function edgePath(source: PreviewNode, target: PreviewNode, pathOf: PathOf): string | null {
  if (!source.source || !target.target) return null;
  const from = handlePoint(source.position, source.source);
  const to = handlePoint(target.position, target.target);
  return pathOf({
    sourceX: from.x, sourceY: from.y, sourcePosition: source.source.position,
    targetX: to.x, targetY: to.y, targetPosition: target.target.position,
  });
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
  /** The canvas element that holds React Flow's node and edge elements. */
  root(): HTMLElement | null;
  /** The edges of the graph on show (read once per drag). */
  edges(): readonly PreviewEdge[];
  /**
   * A node's current geometry (React Flow's internal node), or undefined when it is not on the canvas. `moving`:
   * the node is being moved, so give the handles React Flow will draw it with after the drop.
   */
  node(id: string, moving: boolean): PreviewNode | undefined;
  /** The path function of the edges' type. */
  pathOf: PathOf;
}

/** What the preview overwrote: the `d` attribute, or one style property, so React's other styles stay. */
interface Saved { el: Element; attribute: 'd' | 'transform' | 'zIndex'; value: string | null }

/** Above every node at rest, as React Flow lifts a dragged node. */
const DRAG_Z = '2000';

/**
 * Creates the preview for one canvas. Elements are looked up once per drag; an edge that is not rendered (off screen)
 * is left alone and drawn right once the drop re-renders the canvas.
 */
export function createDragPreview(source: DragPreviewSource): DragPreview {
  let saved: Saved[] | null = null;
  let byNode: Map<string, PreviewEdge[]> | null = null;
  const nodeEls = new Map<string, HTMLElement | null>();
  const edgePaths = new Map<string, SVGPathElement[]>();
  const positions = new Map<string, Point>();

  const remember = (el: Element, attribute: Saved['attribute']) => {
    if (!saved!.some((s) => s.el === el && s.attribute === attribute)) saved!.push({ el, attribute, value: attribute === 'd' ? el.getAttribute(attribute) : (el as HTMLElement).style[attribute] });
  };

  const nodeEl = (root: HTMLElement, id: string): HTMLElement | null => {
    if (!nodeEls.has(id)) nodeEls.set(id, root.querySelector<HTMLElement>(`.react-flow__node[data-id="${CSS.escape(id)}"]`));
    return nodeEls.get(id)!;
  };

  const pathsOf = (root: HTMLElement, id: string): SVGPathElement[] => {
    let paths = edgePaths.get(id);
    if (!paths) {
      const g = root.querySelector(`.react-flow__edge[data-id="${CSS.escape(id)}"]`);
      paths = g ? [...g.querySelectorAll<SVGPathElement>('path.react-flow__edge-path, path.react-flow__edge-interaction')] : [];
      edgePaths.set(id, paths);
    }
    return paths;
  };

  const at = (id: string): PreviewNode | undefined => {
    const moved = positions.get(id);
    const node = source.node(id, moved !== undefined);
    if (!node) return undefined;
    return moved ? { ...node, position: moved } : node;
  };

  return {
    get active() { return saved !== null; },
    move(next) {
      const root = source.root();
      if (!root) return;
      if (!saved) {
        saved = [];
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
        const el = nodeEl(root, id);
        if (el) {
          remember(el, 'transform');
          remember(el, 'zIndex');
          el.style.transform = `translate(${p.x}px,${p.y}px)`;
          el.style.zIndex = DRAG_Z;
          el.classList.add('dragging');
        }
        for (const e of byNode!.get(id) ?? []) touched.add(e);
      }
      for (const e of touched) {
        const paths = pathsOf(root, e.id);
        if (paths.length === 0) continue;
        const from = at(e.source), to = at(e.target);
        const d = from && to ? edgePath(from, to, source.pathOf) : null;
        if (d === null) continue;
        for (const path of paths) {
          remember(path, 'd');
          path.setAttribute('d', d);
        }
      }
    },
    end() {
      if (saved) {
        for (const s of saved) {
          if (s.attribute !== 'd') (s.el as HTMLElement).style[s.attribute] = s.value ?? '';
          else if (s.value === null) s.el.removeAttribute(s.attribute);
          else s.el.setAttribute(s.attribute, s.value);
        }
      }
      for (const el of nodeEls.values()) el?.classList.remove('dragging');
      saved = null;
      byNode = null;
      nodeEls.clear();
      edgePaths.clear();
      positions.clear();
    },
  };
}
