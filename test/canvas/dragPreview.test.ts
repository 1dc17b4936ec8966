/**
 * The DOM drag preview driven in Node through plain element objects: the moved nodes' transforms, the paths of the
 * edges touching them and their labels are rewritten from the same geometry as the canvas draws; end() puts every
 * element back as it was.
 */
import { describe, expect, it } from 'vitest';
import { createDragPreview, edgePath, handlePoint, type EdgeEnds, type HandleBox, type PathOf, type PreviewNode } from '../../editor/canvas/dragPreview.ts';
import type { Point } from '../../editor/canvas/geometry.ts';
import { FakeNode, FakeSvg, fakeDom } from './fakeCanvasDom.ts';

const OUT: HandleBox = { x: 182, y: 26, width: 8, height: 8, position: 'right' };
const IN: HandleBox = { x: 0, y: 26, width: 8, height: 8, position: 'left' };
/** A straight path, labelled at its middle. */
const line: PathOf = (e: EdgeEnds) => [`M${e.sourceX},${e.sourceY}L${e.targetX},${e.targetY}`, (e.sourceX + e.targetX) / 2, (e.sourceY + e.targetY) / 2];

const START: Record<string, Point> = { a: { x: 0, y: 0 }, b: { x: 400, y: 0 }, c: { x: 400, y: 200 } };
const EDGES = [{ id: 'a-b', source: 'a', target: 'b' }, { id: 'b-c', source: 'b', target: 'c' }, { id: 'a-c', source: 'a', target: 'c' }];
const geometry = (id: string): PreviewNode | undefined => (START[id] ? { position: START[id]!, source: OUT, target: IN } : undefined);
const pathBetween = (from: Point, to: Point) => edgePath({ position: from, source: OUT, target: IN }, { position: to, source: OUT, target: IN }, line)!;

function setup() {
  const nodes = { a: new FakeNode('translate(0px,0px)'), b: new FakeNode('translate(400px,0px)'), c: new FakeNode('translate(400px,200px)') };
  const paths = {
    'a-b': [new FakeSvg({ d: pathBetween(START.a!, START.b!) }), new FakeSvg({ d: pathBetween(START.a!, START.b!) })],
    'b-c': [new FakeSvg({ d: pathBetween(START.b!, START.c!) })],
    // a-c is not rendered (off screen): no elements.
  };
  const labels = { 'a-b': new FakeSvg({ transform: 'translate(280 20)' }) };
  const dom = fakeDom(nodes, paths, labels);
  let lookups = 0;
  const preview = createDragPreview({ dom: () => { lookups++; return dom; }, edges: () => EDGES, node: geometry, pathOf: line });
  return { dom, preview, lookups: () => lookups };
}

describe('the drag preview', () => {
  it('puts an edge\'s end in the middle of the handle side that faces out', () => {
    expect(handlePoint({ x: 10, y: 20 }, OUT)).toEqual({ x: 10 + 190, y: 20 + 30 });
    expect(handlePoint({ x: 10, y: 20 }, IN)).toEqual({ x: 10, y: 20 + 30 });
    expect(handlePoint({ x: 0, y: 0 }, { ...IN, position: 'top' })).toEqual({ x: 4, y: 26 });
    expect(handlePoint({ x: 0, y: 0 }, { ...IN, position: 'bottom' })).toEqual({ x: 4, y: 34 });
    expect(edgePath({ position: START.a!, source: undefined, target: IN }, { position: START.b!, source: OUT, target: IN }, line)).toBeNull();
  });

  it('moves the dragged node and redraws the edges touching it and their labels, leaving the rest alone', () => {
    const { dom, preview } = setup();
    expect(preview.active).toBe(false);
    preview.move({ b: { x: 450, y: 80 } });
    expect(preview.active).toBe(true);
    const b = dom.nodes.get('b')!;
    expect(b.style.transform).toBe('translate(450px,80px)');
    expect(b.style.zIndex).toBe('2000');
    expect(b.classes.has('dragging')).toBe(true);
    expect(dom.nodes.get('a')!.style.transform).toBe('translate(0px,0px)');
    const ab = pathBetween(START.a!, { x: 450, y: 80 });
    expect(dom.paths.get('a-b')!.map((p) => p.getAttribute('d'))).toEqual([ab, ab]);
    expect(dom.paths.get('b-c')![0]!.getAttribute('d')).toBe(pathBetween({ x: 450, y: 80 }, START.c!));
    // The label's middle moved by half the drag (the straight line's middle): its own transform, then the shift.
    expect(dom.labels.get('a-b')!.getAttribute('transform')).toBe('translate(280 20) translate(25 40)');
    // A second move starts again from the elements' own values, not from the first move's.
    preview.move({ b: { x: 500, y: 0 } });
    expect(dom.labels.get('a-b')!.getAttribute('transform')).toBe('translate(280 20) translate(50 0)');
  });

  it('puts every element back as it was on end(), and looks the canvas up once per drag', () => {
    const { dom, preview, lookups } = setup();
    const before = [...dom.nodes.values()].map((n) => [n.style.transform, n.style.zIndex]);
    const pathsBefore = [...dom.paths.values()].flat().map((p) => p.getAttribute('d'));
    preview.move({ b: { x: 450, y: 80 } });
    preview.move({ b: { x: 460, y: 90 }, c: { x: 0, y: 300 } });
    expect(lookups()).toBe(1);
    preview.end();
    expect(preview.active).toBe(false);
    expect([...dom.nodes.values()].map((n) => [n.style.transform, n.style.zIndex])).toEqual(before);
    expect([...dom.nodes.values()].some((n) => n.classes.has('dragging'))).toBe(false);
    expect([...dom.paths.values()].flat().map((p) => p.getAttribute('d'))).toEqual(pathsBefore);
    expect(dom.labels.get('a-b')!.getAttribute('transform')).toBe('translate(280 20)');
    preview.end();
    preview.move({ a: { x: 1, y: 1 } });
    expect(lookups()).toBe(2);
  });

  it('shows nothing while the canvas is not mounted, and skips nodes that are not rendered', () => {
    const preview = createDragPreview({ dom: () => null, edges: () => EDGES, node: geometry, pathOf: line });
    preview.move({ a: { x: 5, y: 5 } });
    expect(preview.active).toBe(false);
    const dom = fakeDom({}, { 'a-b': [new FakeSvg({ d: 'M0,0' })] });
    const offscreen = createDragPreview({ dom: () => dom, edges: () => EDGES, node: geometry, pathOf: line });
    offscreen.move({ a: { x: 10, y: 0 } });
    expect(dom.paths.get('a-b')![0]!.getAttribute('d')).toBe(pathBetween({ x: 10, y: 0 }, START.b!));
    offscreen.end();
    expect(dom.paths.get('a-b')![0]!.getAttribute('d')).toBe('M0,0');
  });
});
