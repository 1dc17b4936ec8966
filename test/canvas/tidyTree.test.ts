/**
 * A tree laid out left to right: columns by depth, no two nodes overlapping, siblings in their given order, a parent
 * level with the middle of its children, and the columns dagre gives the same small tree.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Point, Size } from '../../editor/canvas/geometry.ts';
import { layoutGraph } from '../../editor/canvas/layoutGraph.ts';
import { tidyTreeLayout } from '../../editor/canvas/tidyTree.ts';

const GAPS = { nodesep: 16, ranksep: 60 };

interface Tree { children: Map<string, string[]>; size: Map<string, Size> }

/** A random tree of up to `max` nodes: each node after the root hangs under an earlier one, with a size of its own. */
const arbTree = (max: number) =>
  fc.array(fc.record({ parent: fc.nat(), width: fc.integer({ min: 40, max: 240 }), height: fc.integer({ min: 20, max: 120 }) }), { minLength: 0, maxLength: max - 1 })
    .map((specs): Tree => {
      const children = new Map<string, string[]>([['n0', []]]);
      const size = new Map<string, Size>([['n0', { width: 160, height: 60 }]]);
      specs.forEach((s, i) => {
        const id = `n${i + 1}`;
        const parent = `n${s.parent % (i + 1)}`;
        children.get(parent)!.push(id);
        children.set(id, []);
        size.set(id, { width: s.width, height: s.height });
      });
      return { children, size };
    });

const lay = (t: Tree) => tidyTreeLayout('n0', (id) => t.children.get(id)!, (id) => t.size.get(id)!, GAPS);

function depths(t: Tree): Map<string, number> {
  const d = new Map([['n0', 0]]);
  const walk = (id: string) => { for (const c of t.children.get(id)!) { d.set(c, d.get(id)! + 1); walk(c); } };
  walk('n0');
  return d;
}

describe('tidyTreeLayout', () => {
  it('places every node once, in columns by depth, with no two nodes overlapping and siblings top to bottom', () => {
    fc.assert(fc.property(arbTree(40), (t) => {
      const at = lay(t);
      expect(at.size).toBe(t.size.size);
      const depth = depths(t);
      const centre = (id: string) => at.get(id)!.x + t.size.get(id)!.width / 2;
      for (const [id] of t.size) {
        for (const [other] of t.size) {
          if (depth.get(id) === depth.get(other)) expect(Math.abs(centre(id) - centre(other))).toBeLessThanOrEqual(1);
          if (depth.get(id)! < depth.get(other)!) expect(at.get(id)!.x + t.size.get(id)!.width).toBeLessThan(at.get(other)!.x);
        }
      }
      const ids = [...t.size.keys()];
      for (let i = 0; i < ids.length; i++) {
        for (let j = i + 1; j < ids.length; j++) {
          const p = at.get(ids[i]!)!, q = at.get(ids[j]!)!, a = t.size.get(ids[i]!)!, b = t.size.get(ids[j]!)!;
          expect(p.x < q.x + b.width && q.x < p.x + a.width && p.y < q.y + b.height && q.y < p.y + a.height, `${ids[i]} overlaps ${ids[j]}`).toBe(false);
        }
      }
      for (const kids of t.children.values()) {
        for (let i = 1; i < kids.length; i++) expect(at.get(kids[i - 1]!)!.y).toBeLessThan(at.get(kids[i]!)!.y);
      }
    }));
  });

  it('puts a parent level with the middle of its children, and the gaps between siblings as asked', () => {
    const t: Tree = {
      children: new Map([['n0', ['a', 'b', 'c']], ['a', []], ['b', []], ['c', []]]),
      size: new Map([['n0', { width: 100, height: 40 }], ['a', { width: 80, height: 30 }], ['b', { width: 120, height: 30 }], ['c', { width: 80, height: 30 }]]),
    };
    const at = lay(t);
    expect(at.get('a')!.y).toBe(0);
    expect(at.get('b')!.y).toBe(30 + GAPS.nodesep);
    expect(at.get('c')!.y).toBe(2 * (30 + GAPS.nodesep));
    const middle = (at.get('a')!.y + at.get('c')!.y + 30) / 2;
    expect(at.get('n0')!.y + 40 / 2).toBe(middle);
    // Column 1 is as wide as its widest node (120) and starts one rank gap after the root's column (100 wide).
    expect(at.get('b')!.x).toBe(100 + GAPS.ranksep);
    expect(at.get('a')!.x).toBe(100 + GAPS.ranksep + 20);
  });

  it('draws a rule-sized tree in the columns dagre gives it, with the conditions in their document order (dagre may flip them)', () => {
    const t: Tree = {
      children: new Map([['r', ['g']], ['g', ['c1', 'c2', 'h']], ['c1', []], ['c2', []], ['h', ['c3', 'c4']], ['c3', []], ['c4', []]]),
      size: new Map(['r', 'g', 'c1', 'c2', 'h', 'c3', 'c4'].map((id) => [id, { width: 200, height: 56 }])),
    };
    const ours = tidyTreeLayout('r', (id) => t.children.get(id)!, (id) => t.size.get(id)!, GAPS);
    const nodes = [...t.size].map(([id, s]) => ({ id, ...s }));
    const edges = [...t.children].flatMap(([from, cs]) => cs.map((to) => ({ from, to })));
    const theirs = layoutGraph(nodes, edges, { ...GAPS, dagreMaxNodes: 100 });
    const rel = (m: ReadonlyMap<string, Point>) => Object.fromEntries([...m].map(([id, p]) => [id, { x: p.x - m.get('r')!.x }]));
    expect(rel(ours)).toEqual(rel(theirs));
    const order = (m: ReadonlyMap<string, Point>, ids: string[]) => [...ids].sort((a, b) => m.get(a)!.y - m.get(b)!.y);
    expect(order(ours, ['c1', 'c2', 'h'])).toEqual(['c1', 'c2', 'h']);
    expect(order(ours, ['c3', 'c4'])).toEqual(['c3', 'c4']);
  });

  it('ends on a child listed twice or a cycle, placing each node once', () => {
    const children = new Map([['a', ['b', 'b']], ['b', ['a', 'c']], ['c', []]]);
    const at = tidyTreeLayout('a', (id) => children.get(id)!, () => ({ width: 10, height: 10 }), GAPS);
    expect([...at.keys()].sort()).toEqual(['a', 'b', 'c']);
  });
});
