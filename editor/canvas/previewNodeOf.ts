/**
 * A React Flow node's geometry as the drag preview needs it. Types only come from @xyflow/react (erased), so this
 * stays free of the view framework.
 */
import type { InternalNode, Node } from '@xyflow/react';
import type { HandleBox, PreviewNode } from './dragPreview.ts';

type AnyHandle = { x: number; y: number; width?: number | undefined; height?: number | undefined; position: HandleBox['position']; type?: string | undefined };

function handleOf(handles: readonly AnyHandle[] | null | undefined, type: 'source' | 'target'): HandleBox | undefined {
  const h = handles?.find((x) => x.type === undefined || x.type === type);
  return h && { x: h.x, y: h.y, width: h.width ?? 0, height: h.height ?? 0, position: h.position };
}

/**
 * A node's geometry as React Flow draws it: where it is and the handles it measured, or, for a node being moved
 * (which the drop gives React Flow anew, with the handles the projection declares), the declared ones when it
 * declares any. Undefined for a node React Flow does not hold.
 */
export function previewNodeOf<N extends Node>(node: InternalNode<N> | undefined, moving: boolean): PreviewNode | undefined {
  if (!node) return undefined;
  const bounds = node.internals.handleBounds;
  const pick = (type: 'source' | 'target') => (moving
    ? handleOf(node.handles, type) ?? handleOf(bounds?.[type], type)
    : handleOf(bounds?.[type], type) ?? handleOf(node.handles, type));
  return { position: node.internals.positionAbsolute, source: pick('source'), target: pick('target') };
}
