import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { builtinDocuments } from '../../engine/builtin.ts';
import { addCondition, deleteCondition, duplicateCondition, moveCondition, setGroupOp, unwrapCondition, updateLeaf, wrapCondition } from '../../editor/workspace/commands/conditionCommands.ts';
import { moveNodes, setCollapsed } from '../../editor/workspace/commands/layoutCommands.ts';
import { addRule, deleteRule, duplicateRule, moveRule, updateRule } from '../../editor/workspace/commands/ruleCommands.ts';
import { restoreVersion, saveVersion } from '../../editor/workspace/commands/versionCommands.ts';
import type { Command } from '../../editor/workspace/createWorkspaceStore.ts';
import { builtinRulesetId } from '../../editor/workspace/createDefaultWorkspace.ts';
import { recordsOfType, type CondRecord, type Records, type RuleRecord } from '../../editor/workspace/records.ts';
import { toRuleset } from '../../editor/workspace/rulesetRecords.ts';
import { rulesetDiagnostics } from '../../editor/workspace/analyseRuleset.ts';
import { checkUndoRedoProperty } from './undoRedoProperty.ts';
import { createHarness } from './workspaceHarness.ts';

const RS57 = builtinRulesetId('57-qd-tw');

function ruleById(records: Records, id: string): RuleRecord {
  const r = recordsOfType(records, 'rule').find((x) => x.ruleset === RS57 && x.data.id === id);
  if (!r) throw new Error(`no rule ${id}`);
  return r;
}

/** The leaf `age ≥ 33` of the women's branch of 57's part-time age rule. */
function womenAgeLeaf(records: Records): CondRecord {
  const rule = ruleById(records, 'tc-part-time-age');
  const built = toRuleset(records, RS57);
  const at = built.pathOf.get(rule.id)!;
  return records.get(built.nodeAtPath.get([...at, 'conditions', 'any', 0, 'all', 1].join('.'))!) as CondRecord;
}

describe('workspace records', () => {
  it('rebuild both shipped rulesets exactly as the files read', () => {
    const { store } = createHarness();
    for (const rs of builtinDocuments().rulesets) expect(toRuleset(store.records(), builtinRulesetId(rs.id)).ruleset).toEqual(rs);
  });
});

describe('the waivable flag of 350-QĐ/TW in the workspace', () => {
  const RS350 = builtinRulesetId('350-qd-tw');
  const docs = builtinDocuments();
  const catalogues = { institutions: docs.institutions, positions: docs.positions };
  const rule350 = (records: Records, id: string) => recordsOfType(records, 'rule').find((x) => x.ruleset === RS350 && x.data.id === id)!;

  it('is loaded on the shipped part-time age rule, and the level settledBy text with it', () => {
    const { store } = createHarness();
    const built = toRuleset(store.records(), RS350).ruleset;
    expect(built.rules.find((r) => r.id === 'tc350-part-time-age')?.waivable).toBe(true);
    expect(built.subjectGroups.elementary?.settledBy?.vi).toMatch(/^Toàn văn Quy định 350-QĐ\/TW/);
  });

  it('can be set on a standard rule and undone; on a subject rule it is an error on that rule', () => {
    const h = createHarness();
    const start = h.bytes();
    const ratings = rule350(h.store.records(), 'tc350-ratings');
    expect(h.store.apply(updateRule(ratings.id, { waivable: true }, 'waivable')).ok).toBe(true);
    expect(toRuleset(h.store.records(), RS350).ruleset.rules.find((r) => r.id === 'tc350-ratings')?.waivable).toBe(true);
    expect(rulesetDiagnostics(h.store.records(), RS350, catalogues).all.filter((d) => d.severity === 'error')).toEqual([]);
    h.store.undo();
    expect(h.bytes()).toBe(start);
    const army = rule350(h.store.records(), 'tc350-army');
    h.store.apply(updateRule(army.id, { waivable: true }, 'waivable'));
    const diagnostics = rulesetDiagnostics(h.store.records(), RS350, catalogues);
    const errors = diagnostics.all.filter((d) => d.severity === 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0]!.path).toMatch(/^rules\[\d+\]\.waivable$/);
    expect(diagnostics.byNode.get(army.id)?.map((d) => d.path)).toEqual([errors[0]!.path]);
  });
});

describe('workspace commands and history', () => {
  it('changes the women’s threshold, and undo and redo give back each state', () => {
    const h = createHarness();
    const start = h.bytes();
    const leaf = womenAgeLeaf(h.store.records());
    expect(leaf.node).toMatchObject({ fact: 'age', operator: 'greaterThanInclusive', value: 33 });
    expect(h.store.apply(updateLeaf(leaf.id, { value: 30 }, 'value')).ok).toBe(true);
    const rule = toRuleset(h.store.records(), RS57).ruleset.rules.find((r) => r.id === 'tc-part-time-age')!;
    expect(JSON.stringify(rule.conditions)).toContain('"value":30');
    const edited = h.bytes();
    expect(h.store.undo()).toBe(true);
    expect(h.bytes()).toBe(start);
    expect(h.store.redo()).toBe(true);
    expect(h.bytes()).toBe(edited);
  });

  it('merges a run of typing in one field into one history entry, and not two fields', () => {
    const h = createHarness();
    const leaf = womenAgeLeaf(h.store.records());
    for (const v of [3, 30, 31, 32]) { h.store.apply(updateLeaf(leaf.id, { value: v }, 'value')); h.tick(200); }
    expect(h.store.history.undoLabels()).toHaveLength(1);
    h.store.apply(updateLeaf(leaf.id, { operator: 'greaterThan' }, 'operator'));
    expect(h.store.history.undoLabels()).toHaveLength(2);
    h.tick(5000);
    h.store.apply(updateLeaf(leaf.id, { operator: 'greaterThanInclusive' }, 'operator'));
    expect(h.store.history.undoLabels()).toHaveLength(3);
    h.store.undo(); h.store.undo();
    expect((h.store.records().get(leaf.id) as CondRecord).node).toMatchObject({ value: 32, operator: 'greaterThanInclusive' });
    h.store.undo();
    expect((h.store.records().get(leaf.id) as CondRecord).node).toMatchObject({ value: 33 });
  });

  it('refuses what would break a rule, and a refusal changes nothing', () => {
    const h = createHarness();
    const before = h.bytes();
    const rule = ruleById(h.store.records(), 'tc-part-time-age');
    expect(h.store.apply(deleteCondition(rule.root)).ok).toBe(false);
    expect(h.store.apply(moveCondition(rule.root, womenAgeLeaf(h.store.records()).id)).ok).toBe(false);
    expect(h.bytes()).toBe(before);
    expect(h.store.canUndo()).toBe(false);
  });

  it('refuses to lay out the canvas of a document that is not there (it would leave a layout of nothing to set aside on reload)', () => {
    const h = createHarness();
    const before = h.bytes();
    for (const command of [moveNodes('ruleset:gone', { a: { x: 1, y: 2 } }), setCollapsed('ruleset:gone', 'a', true), moveNodes('cadres:samples', { a: { x: 1, y: 2 } })]) {
      const r = h.store.apply(command);
      expect(r.ok ? '' : r.reason.vi).toContain('Không có sơ đồ để sắp xếp');
    }
    expect(h.bytes()).toBe(before);
    expect(h.store.apply(moveNodes(RS57, { [RS57]: { x: 1, y: 2 } })).ok).toBe(true);
  });
});

describe('node identity', () => {
  it('keeps every other condition’s id, position and diagnostics when one is inserted before it', () => {
    const h = createHarness();
    const leaf = womenAgeLeaf(h.store.records());
    h.store.apply(moveNodes(RS57, { [leaf.id]: { x: 420, y: 160 } }));
    h.store.apply(updateLeaf(leaf.id, { fact: 'agee' }, 'fact'));
    const group = leaf.parent;
    h.store.apply(addCondition(group, { fact: 'ethnicMinority', operator: 'equal', value: true }, 0));
    const records = h.store.records();
    const moved = records.get(leaf.id) as CondRecord;
    expect(moved.node).toMatchObject({ fact: 'agee', value: 33 });
    const built = toRuleset(records, RS57);
    expect(built.pathOf.get(leaf.id)!.slice(-2)).toEqual(['all', 2]);
    const layout = records.get(`layout:${RS57}`);
    expect(layout?.type === 'layout' && layout.positions[leaf.id]).toEqual({ x: 420, y: 160 });
  });
});

/** Random commands over the 57 ruleset, built from whatever the state holds when each runs. */
function commandFor(records: Records, pick: number[], k: number): Command {
  const rules = recordsOfType(records, 'rule').filter((r) => r.ruleset === RS57);
  const own = new Set(rules.map((r) => r.id));
  const conds = recordsOfType(records, 'cond').filter((c) => own.has(c.rule));
  const groups = conds.filter((c) => c.node.op === 'all' || c.node.op === 'any');
  const at = <T>(xs: T[], i: number) => xs[i % xs.length]!;
  const c = at(conds, pick[0]!);
  const g = at(groups, pick[1]!);
  const r = at(rules, pick[2]!);
  switch (k) {
    case 0: return updateLeaf(c.id, { value: pick[3]! % 60 }, 'value');
    case 1: return addCondition(g.id, { fact: 'age', operator: 'lessThan', value: pick[3]! % 70 }, pick[3]! % 3);
    case 2: return deleteCondition(c.id);
    case 3: return duplicateCondition(c.id);
    case 4: return moveCondition(c.id, g.id, pick[3]! % 4);
    case 5: return wrapCondition(c.id, (['all', 'any', 'not'] as const)[pick[3]! % 3]!);
    case 6: return unwrapCondition(c.id);
    case 7: return setGroupOp(g.id, pick[3]! % 2 ? 'all' : 'any');
    case 8: return updateRule(r.id, { note: `ghi chú ${pick[3]}` }, 'note');
    case 9: return duplicateRule(r.id);
    case 10: return deleteRule(r.id);
    case 11: return moveRule(r.id, pick[3]! % 40);
    case 12: return addRule(RS57, { ...toRuleset(records, RS57).ruleset.rules[0]!, id: 'new-rule' });
    case 13: return moveNodes(RS57, { [c.id]: { x: pick[3]!, y: pick[1]! } });
    case 14: return setCollapsed(RS57, g.id, pick[3]! % 2 === 0);
    case 15: return saveVersion(RS57, `v${pick[3]}`);
    default: {
      const v = recordsOfType(records, 'version')[0];
      return v ? restoreVersion(v.id) : updateRule(r.id, { source: 'x' });
    }
  }
}

/** The command kinds of `commandFor`, by its `k`. */
const RULE_COMMAND_KINDS = [
  'updateLeaf', 'addCondition', 'deleteCondition', 'duplicateCondition', 'moveCondition', 'wrapCondition', 'unwrapCondition', 'setGroupOp',
  'updateRule', 'duplicateRule', 'deleteRule', 'moveRule', 'addRule', 'moveNodes', 'setCollapsed', 'saveVersion', 'restoreVersion',
] as const;
type RuleCommandKind = typeof RULE_COMMAND_KINDS[number];
interface RuleStep { kind: RuleCommandKind; pick: number[]; tick: boolean }
const ruleStep: fc.Arbitrary<RuleStep> = fc.tuple(fc.integer({ min: 0, max: 16 }), fc.array(fc.nat(10_000), { minLength: 4, maxLength: 4 }))
  .map(([k, pick]) => ({ kind: RULE_COMMAND_KINDS[k]!, pick, tick: true }));
/**
 * The records these commands touch (rulesets, rules, conditions, layouts, versions), by id, as text; a version by its
 * id and name (its snapshot is never edited, and the saved bytes compared at the start and the end include it).
 */
const ruleRecordsOf = (records: Records): string => JSON.stringify(
  [...records.values()].filter((r) => r.type !== 'lifecycle' && r.type !== 'plan' && r.type !== 'plan-class' && r.type !== 'golden' && r.type !== 'cadres')
    .sort((a, b) => (a.id < b.id ? -1 : 1)).map((r) => (r.type === 'version' ? [r.id, r.name] : r)),
);

describe('commands and their inverses (property)', () => {
  it('any sequence of rule, condition, layout and version commands, undone entry by entry, gives back each earlier state and the start byte for byte; redone, the end', () => {
    checkUndoRedoProperty({
      kinds: RULE_COMMAND_KINDS, step: ruleStep, maxLength: 40, runs: 120,
      commandFor: (records, step) => commandFor(records, step.pick, RULE_COMMAND_KINDS.indexOf(step.kind)),
      edited: ruleRecordsOf,
      // Every state the commands reach still rebuilds into a ruleset.
      invariant: (records) => { toRuleset(records, RS57); },
    }, 20261203);
  }, 120_000);
});
