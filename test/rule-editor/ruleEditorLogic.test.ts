/**
 * The rule editor's pure parts: the test bench's light (which conditions pass for a cadre, with the cadre's value),
 * search, regrouping choices, and the action registry the buttons and shortcuts share. Expectations come from
 * 57-QĐ/TW Art. 5(2) (part-time trung cấp: women ≥ 33, men ≥ 35) and the sample cadre's own data.
 */
import { describe, expect, it } from 'vitest';
import { builtinDocuments } from '../../engine/builtin.ts';
import { CadreProfile } from '../../engine/documents/cadre.ts';
import { createChecker } from '../../engine/rules/createChecker.ts';
import { SAMPLES } from '../../editor/workspace/samples.ts';
import { benchTrace } from '../../editor/rules/benchTrace.ts';
import { groupChoices } from '../../editor/rules/inspector/groupChoices.ts';
import { defaultValueFor, operatorsFor, valueEditorFor } from '../../editor/rules/inspector/factOptions.ts';
import { searchRules } from '../../editor/rules/searchRules.ts';
import { actionForKey, selectionActions } from '../../editor/rules/selectionActions.ts';
import { updateLeaf } from '../../editor/workspace/commands/conditionCommands.ts';
import { builtinRulesetId } from '../../editor/workspace/createDefaultWorkspace.ts';
import { recordsOfType, type CondRecord, type Records } from '../../editor/workspace/records.ts';
import { subtreeIds, toRuleset } from '../../editor/workspace/rulesetRecords.ts';
import { createHarness } from '../workspace/workspaceHarness.ts';

const RS57 = builtinRulesetId('57-qd-tw');
const docs = builtinDocuments();
const catalogues = { positions: docs.positions, institutions: docs.institutions };
const names = new Map(docs.positions.positions.map((p) => [p.code, p.name]));
const positionName = (code: string) => names.get(code);

function partTimeAge(records: Records) {
  const rule = recordsOfType(records, 'rule').find((r) => r.ruleset === RS57 && r.data.id === 'tc-part-time-age')!;
  const leaves = subtreeIds(records, rule.root).map((id) => records.get(id) as CondRecord).filter((c) => c.node.op === 'leaf' && c.node.fact === 'age');
  const women = leaves.find((c) => c.node.op === 'leaf' && c.node.value === 33)!;
  return { rule, women };
}

function trace(records: Records) {
  const built = toRuleset(records, RS57);
  const sample = SAMPLES[0]!;
  const profile = CadreProfile.parse(sample.profile);
  const checker = createChecker({ rulesets: [built.ruleset], ...catalogues });
  const outcome = checker.checkSync(profile, sample.nomination);
  if (!outcome.ok) throw new Error('no verdict');
  return { verdict: outcome.verdict, marks: benchTrace(built, outcome.verdict, profile, sample.nomination, catalogues, 'vi', positionName) };
}

describe('the test bench light', () => {
  it('marks the women’s age condition failed for a woman of 32 (57-QĐ/TW Art. 5(2)) with her age beside it, and passed once the threshold is 30', () => {
    const h = createHarness();
    const { rule, women } = partTimeAge(h.store.records());
    const before = trace(h.store.records());
    expect(before.verdict.eligible).toBe(false);
    expect(before.marks.get(rule.id)).toEqual({ passed: false });
    expect(before.marks.get(women.id)).toEqual({ passed: false, actualText: '32' });
    h.store.apply(updateLeaf(women.id, { value: 30 }, 'value'));
    const after = trace(h.store.records());
    expect(after.verdict.eligible).toBe(true);
    expect(after.marks.get(rule.id)).toEqual({ passed: true });
    expect(after.marks.get(women.id)).toEqual({ passed: true, actualText: '32' });
  });

  it('lights only the rules that apply to the nomination’s level and mode', () => {
    const h = createHarness();
    const { marks } = trace(h.store.records());
    const lit = recordsOfType(h.store.records(), 'rule').filter((r) => r.ruleset === RS57 && marks.has(r.id));
    expect(lit.length).toBeGreaterThan(0);
    expect(lit.every((r) => r.data.level === 'intermediate' && (!r.data.modes || r.data.modes.includes('part-time')))).toBe(true);
  });
});

describe('search', () => {
  it('finds by rule id, by article and by fact label without diacritics', () => {
    const { store } = createHarness();
    const records = store.records();
    expect(searchRules(records, RS57, 'tc-part-time-age', 'vi').some((h) => h.kind === 'rule' && h.ruleId === 'tc-part-time-age')).toBe(true);
    const art8 = searchRules(records, RS57, 'Điều 8', 'vi').filter((h) => h.kind === 'rule');
    expect(art8.length).toBeGreaterThan(0);
    expect(art8.every((h) => h.text.includes('Điều 8'))).toBe(true);
    const age = searchRules(records, RS57, 'tuoi', 'vi', 200);
    expect(age.some((h) => h.kind === 'condition' && h.ruleId === 'tc-part-time-age')).toBe(true);
    expect(searchRules(records, RS57, '', 'vi')).toEqual([]);
  });
});

describe('regrouping choices', () => {
  it('offer every all/any group of the ruleset but the condition’s own subtree and its parent', () => {
    const { store } = createHarness();
    const records = store.records();
    const { women } = partTimeAge(records);
    const branch = records.get(women.parent) as CondRecord;
    const fromLeaf = groupChoices(records, women.id, 'vi').map((g) => g.id);
    expect(fromLeaf).not.toContain(women.parent);
    expect(fromLeaf).toContain(branch.parent);
    const fromBranch = groupChoices(records, branch.id, 'vi').map((g) => g.id);
    expect(fromBranch).not.toContain(branch.id);
    expect(fromBranch.some((id) => subtreeIds(records, branch.id).includes(id))).toBe(false);
  });
});

describe('the action registry', () => {
  it('offers no delete for a rule’s top group, and maps Delete and Ctrl+D to the selection’s actions', () => {
    const { store } = createHarness();
    const records = store.records();
    const { rule, women } = partTimeAge(records);
    expect(selectionActions(records, rule.root).some((a) => a.id === 'delete')).toBe(false);
    const leafActions = selectionActions(records, women.id);
    expect(actionForKey(leafActions, { key: 'Delete', ctrlKey: false, metaKey: false })?.command.type).toBe('cond/delete');
    expect(actionForKey(leafActions, { key: 'd', ctrlKey: true, metaKey: false })?.command.type).toBe('cond/duplicate');
    expect(actionForKey(leafActions, { key: 'x', ctrlKey: false, metaKey: false })).toBeUndefined();
    expect(actionForKey(selectionActions(records, rule.id), { key: 'Delete', ctrlKey: false, metaKey: false })?.command.type).toBe('rule/delete');
  });
});

describe('typed value editors', () => {
  it('limit operators by fact type and pick an editor that fits the value', () => {
    expect(operatorsFor('age')).toContain('greaterThanInclusive');
    expect(operatorsFor('sex')).not.toContain('greaterThan');
    expect(operatorsFor('planning')).toEqual(['contains', 'doesNotContain', 'intersects']);
    expect(valueEditorFor('age', 'greaterThanInclusive', 33)).toEqual({ kind: 'number' });
    expect(valueEditorFor('onOrdinal', 'lessThan', 20250829)).toEqual({ kind: 'date' });
    expect(valueEditorFor('partyStatus', 'in', ['full'])).toMatchObject({ kind: 'enum', multiple: true });
    expect(valueEditorFor('position', 'equal', 'director')).toEqual({ kind: 'position', multiple: false });
    expect(valueEditorFor('age', 'in', 'x')).toEqual({ kind: 'json' });
    expect(valueEditorFor('unknownFact', 'equal', 1)).toEqual({ kind: 'json' });
    expect(defaultValueFor('partyStatus', 'in')).toEqual(['none']);
  });
});
