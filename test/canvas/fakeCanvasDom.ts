/** Plain objects standing for a rendered canvas's node, path and label elements, for the drag preview's tests. */
import type { AttributeElement, CanvasDom, NodeElement } from '../../editor/canvas/dragPreview.ts';

export class FakeNode implements NodeElement {
  style = { transform: '', zIndex: '' };
  readonly classes = new Set<string>();
  classList = { add: (c: string) => { this.classes.add(c); }, remove: (c: string) => { this.classes.delete(c); } };
  constructor(transform: string) { this.style.transform = transform; }
}

export class FakeSvg implements AttributeElement {
  readonly attributes = new Map<string, string>();
  constructor(attributes: Record<string, string> = {}) { for (const [k, v] of Object.entries(attributes)) this.attributes.set(k, v); }
  getAttribute(name: string) { return this.attributes.get(name) ?? null; }
  setAttribute(name: string, value: string) { this.attributes.set(name, value); }
  removeAttribute(name: string) { this.attributes.delete(name); }
}

export interface FakeDom extends CanvasDom {
  nodes: Map<string, FakeNode>;
  paths: Map<string, FakeSvg[]>;
  labels: Map<string, FakeSvg>;
}

export function fakeDom(nodes: Record<string, FakeNode>, paths: Record<string, FakeSvg[]>, labels: Record<string, FakeSvg> = {}): FakeDom {
  const n = new Map(Object.entries(nodes)), p = new Map(Object.entries(paths)), l = new Map(Object.entries(labels));
  return { nodes: n, paths: p, labels: l, node: (id) => n.get(id) ?? null, edgePaths: (id) => p.get(id) ?? [], edgeLabel: (id) => l.get(id) ?? null };
}
