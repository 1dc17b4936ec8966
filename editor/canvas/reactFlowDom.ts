/**
 * The drag preview's view of a rendered React Flow canvas: node elements by `data-id`, an edge's paths and its label
 * group, looked up under the canvas's root element. DOM only (no React): the class names are React Flow's.
 */
import type { AttributeElement, CanvasDom, NodeElement } from './dragPreview.ts';

const byId = (id: string) => `[data-id="${CSS.escape(id)}"]`;

/** The elements of the React Flow canvas rendered under `root`. */
export function reactFlowDom(root: ParentNode): CanvasDom {
  const edge = (id: string) => root.querySelector(`.react-flow__edge${byId(id)}`);
  return {
    node: (id): NodeElement | null => root.querySelector<HTMLElement>(`.react-flow__node${byId(id)}`),
    edgePaths: (id): AttributeElement[] => [...(edge(id)?.querySelectorAll<SVGPathElement>('path.react-flow__edge-path, path.react-flow__edge-interaction') ?? [])],
    edgeLabel: (id): AttributeElement | null => edge(id)?.querySelector<SVGGElement>('.react-flow__edge-textwrapper') ?? null,
  };
}
