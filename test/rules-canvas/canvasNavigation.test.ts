import { describe, expect, it } from 'vitest';
import { buildCanvasTree, sectionId } from '../../editor/rules/canvas/canvasTree.ts';
import { neighbourOf } from '../../editor/rules/canvas/canvasNavigation.ts';
import { builtinRulesetId, createDefaultWorkspace } from '../../editor/workspace/createDefaultWorkspace.ts';
import { recordsOfType, type Records } from '../../editor/workspace/records.ts';

const RS57 = builtinRulesetId('57-qd-tw');
const records: Records = new Map(createDefaultWorkspace().records.map((r) => [r.id, r]));

describe('arrow keys on the canvas', () => {
  const tree = buildCanvasTree(records, RS57, new Set());
  const rules = recordsOfType(records, 'rule').filter((r) => r.ruleset === RS57 && r.data.level === 'elementary' && r.data.kind === 'subject');
  const sid = sectionId(RS57, 'elementary', 'subject');
  const inOrder = tree.byId.get(sid)!.children;

  it('goes left to the parent and right to the first child', () => {
    expect(neighbourOf(tree, inOrder[0]!, 'ArrowLeft')).toBe(sid);
    expect(neighbourOf(tree, sid, 'ArrowLeft')).toBe(RS57);
    expect(neighbourOf(tree, RS57, 'ArrowLeft')).toBeUndefined();
    expect(neighbourOf(tree, RS57, 'ArrowRight')).toBe(sid);
    expect(neighbourOf(tree, sid, 'ArrowRight')).toBe(inOrder[0]);
    expect(neighbourOf(tree, inOrder[0]!, 'ArrowRight')).toBe(rules.find((r) => r.id === inOrder[0])!.root);
  });

  it('goes up and down between siblings in document order and stops at the ends', () => {
    expect(inOrder).toHaveLength(rules.length);
    expect(neighbourOf(tree, inOrder[0]!, 'ArrowDown')).toBe(inOrder[1]);
    expect(neighbourOf(tree, inOrder[1]!, 'ArrowUp')).toBe(inOrder[0]);
    expect(neighbourOf(tree, inOrder[0]!, 'ArrowUp')).toBeUndefined();
    expect(neighbourOf(tree, inOrder.at(-1)!, 'ArrowDown')).toBeUndefined();
    expect(neighbourOf(tree, RS57, 'ArrowDown')).toBeUndefined();
  });

  it('does not walk into a collapsed node', () => {
    const collapsed = buildCanvasTree(records, RS57, new Set([inOrder[0]!]));
    expect(neighbourOf(collapsed, inOrder[0]!, 'ArrowRight')).toBeUndefined();
  });
});
