/**
 * Arrow-key moves between canvas nodes along the tree, which runs left to right: ← parent, → first child,
 * ↑ previous sibling, ↓ next sibling. Pure, so that it is tested without a DOM.
 */
import type { CanvasTree } from './canvasTree.ts';

export type ArrowKey = 'ArrowLeft' | 'ArrowRight' | 'ArrowUp' | 'ArrowDown';

export function isArrowKey(key: string): key is ArrowKey {
  return key === 'ArrowLeft' || key === 'ArrowRight' || key === 'ArrowUp' || key === 'ArrowDown';
}

/** The node an arrow key moves focus to from `id`, or undefined when there is none that way. */
export function neighbourOf(tree: CanvasTree, id: string, key: ArrowKey): string | undefined {
  const node = tree.byId.get(id);
  if (!node) return undefined;
  if (key === 'ArrowLeft') return node.parent;
  if (key === 'ArrowRight') return node.children[0];
  if (node.parent === undefined) return undefined;
  const siblings = tree.byId.get(node.parent)!.children;
  const i = siblings.indexOf(id);
  return siblings[key === 'ArrowUp' ? i - 1 : i + 1];
}
