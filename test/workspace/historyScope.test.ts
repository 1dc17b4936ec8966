/**
 * History steps say what they did and which document they touched; undo in a view acts only on the documents the
 * view shows; a history saved by an older build (no labels of steps' own, no documents) still loads.
 */
import { describe, expect, it } from 'vitest';
import { addCondition, deleteCondition, updateLeaf } from '../../editor/workspace/commands/conditionCommands.ts';
import { moveNodes } from '../../editor/workspace/commands/layoutCommands.ts';
import { addState } from '../../editor/workspace/commands/lifecycleStateCommands.ts';
import { setClassField } from '../../editor/workspace/commands/planCommands.ts';
import { updateRule } from '../../editor/workspace/commands/ruleCommands.ts';
import { builtinRulesetId } from '../../editor/workspace/createDefaultWorkspace.ts';
import { persistHistory, restoreHistory } from '../../editor/workspace/persistedHistory.ts';
import { planRecordId, recordsOfType, type PlanRecord, type Records } from '../../editor/workspace/records.ts';
import { createWorkspaceSession } from '../../editor/workspace/createWorkspaceSession.ts';
import { counterIds } from '../../editor/workspace/rulesetRecords.ts';
import { createManualSchedule } from '../storage/createManualSchedule.ts';
import { createTestStore } from '../storage/createTestStore.ts';
import { createTwoTabs } from '../storage/tabs.ts';
import { createHarness } from './workspaceHarness.ts';

const RS57 = builtinRulesetId('57-qd-tw');
const RS350 = builtinRulesetId('350-qd-tw');
const PLAN = planRecordId('ha-noi-2024');
/** The record id of the plan's first class. */
const firstClass = (records: Records) => (records.get(PLAN) as PlanRecord).classes![0]!;
const RULES_VIEW = new Set([RS57]);
const PLAN_VIEW = new Set([PLAN]);

const ruleOf = (records: Records, ruleset: string, id: string) => recordsOfType(records, 'rule').find((r) => r.ruleset === ruleset && r.data.id === id)!;
const leafIn = (records: Records, ruleId: string) => recordsOfType(records, 'cond').find((c) => c.rule === ruleId && c.node.op === 'leaf')!;
const titleOf = (records: Records) => ruleOf(records, RS57, 'tc-lecturer').data.title.vi;

describe('history steps', () => {
  it('name the step with what it acted on, in both languages, and the document it touched', () => {
    const h = createHarness();
    const rule = ruleOf(h.store.records(), RS350, 'tc350-ratings');
    const leaf = leafIn(h.store.records(), rule.id);
    expect(h.store.apply(deleteCondition(leaf.id)).ok).toBe(true);
    const step = h.store.history.latestUndo()!;
    expect(step.documents).toEqual([RS350]);
    expect(step.label.vi).toMatch(/^Xoá điều kiện «.+» trong tc350-ratings$/);
    expect(step.label.en).toMatch(/^Delete condition «.+» in tc350-ratings$/);
    expect(step.label.vi).not.toContain(leaf.id);

    h.tick(5000);
    h.store.apply(updateRule(ruleOf(h.store.records(), RS57, 'tc-lecturer').id, { title: { vi: 'Giảng viên', en: 'Lecturer' } }, 'title.vi'));
    expect(h.store.history.latestUndo()!.label).toEqual({ vi: 'Sửa quy tắc tc-lecturer', en: 'Edit rule tc-lecturer' });
    expect(h.store.history.latestUndo()!.documents).toEqual([RS57]);

    h.tick(5000);
    h.store.apply(setClassField(firstClass(h.store.records()), 'name', 'Lớp A'));
    expect(h.store.history.latestUndo()!.documents).toEqual([PLAN]);
    expect(h.store.history.latestUndo()!.label.vi).toBe('Sửa lớp trong kế hoạch (ha-noi-2024)');
  });

  it('names the canvas a drag moved, and gives a lifecycle step its lifecycle', () => {
    const h = createHarness();
    h.store.apply(moveNodes(RS57, { [RS57]: { x: 10, y: 20 } }));
    expect(h.store.history.latestUndo()!.label).toEqual({ vi: 'Di chuyển nút (57-QĐ/TW)', en: 'Move nodes (57-QĐ/TW)' });
    expect(h.store.history.latestUndo()!.documents).toEqual([RS57]);
    h.tick(5000);
    h.store.apply(addState('lifecycle:class-default', 'field-trip', { vi: 'Đi thực tế', en: 'Field trip' }));
    expect(h.store.history.latestUndo()!.documents).toEqual(['lifecycle:class-default']);
    expect(h.store.history.latestUndo()!.label.vi).toBe('Thêm trạng thái (class-default)');
  });

  it('names a new condition in the rule it was added to', () => {
    const h = createHarness();
    const rule = ruleOf(h.store.records(), RS57, 'tc-lecturer');
    h.store.apply(addCondition(rule.root, { fact: 'yearsTeaching', operator: 'greaterThanInclusive', value: 3 }));
    expect(h.store.history.latestUndo()!.label.vi).toMatch(/^Thêm điều kiện «Số năm giảng dạy LLCT.*3.*» trong tc-lecturer$/);
  });
});

describe('undo scoped to the documents a view shows', () => {
  it('never undoes a rule edit from the plan view, and undoes it in the rules view', () => {
    const h = createHarness();
    const rule = ruleOf(h.store.records(), RS57, 'tc-lecturer');
    const before = titleOf(h.store.records());
    h.store.apply(updateRule(rule.id, { title: { vi: 'Đã sửa', en: 'Edited' } }, 'title.vi'));
    expect(h.store.canUndo(PLAN_VIEW)).toBe(false);
    expect(h.store.undo(PLAN_VIEW)).toBe(false);
    expect(titleOf(h.store.records())).toBe('Đã sửa');
    // The view can say where the newest step is.
    expect(h.store.history.latestUndo()!.documents).toEqual([RS57]);
    expect(h.store.canUndo(RULES_VIEW)).toBe(true);
    expect(h.store.undo(RULES_VIEW)).toBe(true);
    expect(titleOf(h.store.records())).toBe(before);
    expect(h.store.canRedo(PLAN_VIEW)).toBe(false);
    expect(h.store.redo(RULES_VIEW)).toBe(true);
    expect(titleOf(h.store.records())).toBe('Đã sửa');
  });

  it('undoes the newest step of its own document under newer steps of others, and keeps their redo', () => {
    const h = createHarness();
    const start = h.bytes();
    const rule = ruleOf(h.store.records(), RS57, 'tc-lecturer');
    h.store.apply(setClassField(firstClass(h.store.records()), 'name', 'Lớp A'));
    h.tick(5000);
    h.store.apply(updateRule(rule.id, { note: 'ghi chú' }, 'note'));
    const afterBoth = h.bytes();
    expect(h.store.history.peekUndo(PLAN_VIEW)!.label.vi).toContain('Sửa lớp');
    expect(h.store.undo(PLAN_VIEW)).toBe(true);
    expect(ruleOf(h.store.records(), RS57, 'tc-lecturer').data.note).toBe('ghi chú');
    // A new plan edit drops the plan's redo, not the rule's.
    h.store.apply(setClassField(firstClass(h.store.records()), 'name', 'Lớp B'));
    expect(h.store.undo(RULES_VIEW)).toBe(true);
    expect(h.store.canRedo(RULES_VIEW)).toBe(true);
    expect(h.store.canRedo(PLAN_VIEW)).toBe(false);
    expect(h.store.undo()).toBe(true);
    expect(h.bytes()).toBe(start);
    expect(h.store.redo(PLAN_VIEW)).toBe(true);
    expect(h.store.redo(RULES_VIEW)).toBe(true);
    expect(h.bytes()).not.toBe(afterBoth);
    expect(ruleOf(h.store.records(), RS57, 'tc-lecturer').data.note).toBe('ghi chú');
  });

  it('does not undo a step that a newer step on another document built on', () => {
    const h = createHarness();
    const rule = ruleOf(h.store.records(), RS57, 'tc-lecturer');
    const leaf = leafIn(h.store.records(), rule.id);
    h.store.apply(updateLeaf(leaf.id, { value: 1 }, 'value'));
    h.tick(5000);
    // A step tagged with another document that touches the same record (as a rename across documents would).
    h.store.history.restore({
      undo: [...h.store.history.stacks().undo, { ...h.store.history.latestUndo()!, documents: [RS350], label: { vi: 'x', en: 'x' } }],
      redo: [],
    });
    expect(h.store.canUndo(RULES_VIEW)).toBe(false);
    expect(h.store.canUndo(new Set([RS350]))).toBe(true);
  });
});

describe('persisted history', () => {
  it('keeps labels and documents over a save and a load', () => {
    const h = createHarness();
    h.store.apply(setClassField(firstClass(h.store.records()), 'name', 'Lớp A'));
    const saved = JSON.parse(JSON.stringify(persistHistory(h.store.history.stacks()))) as unknown;
    const restored = restoreHistory(saved, h.store.records())!;
    expect(restored.undo[0]!.documents).toEqual([PLAN]);
    expect(restored.undo[0]!.label).toEqual(h.store.history.latestUndo()!.label);
  });

  it('migrates a history of the previous build: documents from the diff, a generic label when it has none', () => {
    const h = createHarness();
    const rule = ruleOf(h.store.records(), RS57, 'tc-lecturer');
    const leaf = leafIn(h.store.records(), rule.id);
    h.store.apply(updateLeaf(leaf.id, { value: 7 }, 'value'));
    h.tick(5000);
    h.store.apply(setClassField(firstClass(h.store.records()), 'name', 'Lớp A'));
    h.tick(5000);
    h.store.apply(updateRule(rule.id, { note: 'n' }, 'note'));
    h.store.undo();
    // As the previous build wrote it: entries with a label and no documents; one even without a label.
    const saved = JSON.parse(JSON.stringify(persistHistory(h.store.history.stacks()))) as { undo: Array<Record<string, unknown>>; redo: Array<Record<string, unknown>> };
    for (const e of [...saved.undo, ...saved.redo]) delete e.documents;
    delete saved.undo[0]!.label;
    const restored = restoreHistory(saved, h.store.records())!;
    expect(restored.undo.map((e) => e.documents)).toEqual([[RS57], [PLAN]]);
    expect(restored.redo.map((e) => e.documents)).toEqual([[RS57]]);
    expect(restored.undo[0]!.label.vi).toMatch(/^Thay đổi «.+» trong tc-lecturer$/);
    expect(restored.undo[0]!.label.en).toMatch(/^Change «.+» in tc-lecturer$/);
    expect(restored.undo[1]!.label.vi).toBe('Sửa lớp trong kế hoạch (ha-noi-2024)');
    h.store.history.restore(restored);
    expect(h.store.undo(RULES_VIEW)).toBe(true);
    const r = h.store.records().get(leaf.id);
    expect(r?.type === 'cond' && r.node.op === 'leaf' ? r.node.value : undefined).toBe(leaf.node.op === 'leaf' ? leaf.node.value : 'group');
  });
});

describe('a stored history of the previous build, through a session', () => {
  it('opens with the workspace, and its steps undo in the view of their document only', async () => {
    const storage = createTestStore();
    const open = () => createWorkspaceSession({ storage: createTwoTabs(storage).a, ids: counterIds('s'), schedule: createManualSchedule().schedule, now: () => '2026-12-03T08:00:00Z' });
    const first = await open();
    const rule = ruleOf(first.store.records(), RS57, 'tc-lecturer');
    first.store.apply(updateRule(rule.id, { note: 'cũ' }, 'note'));
    expect((await first.autosave.flush()).state).toBe('saved');
    first.dispose();
    // Rewrite the stored history as the previous build wrote it: no documents on its entries.
    const raw = JSON.parse(JSON.stringify(await storage.getItem('default'))) as { doc: { history?: { undo: Array<Record<string, unknown>> } } };
    expect(raw.doc.history?.undo.length).toBe(1);
    for (const e of raw.doc.history!.undo) delete e.documents;
    await storage.setItem('default', raw);
    const second = await open();
    expect(ruleOf(second.store.records(), RS57, 'tc-lecturer').data.note).toBe('cũ');
    expect(second.store.canUndo(PLAN_VIEW)).toBe(false);
    expect(second.store.history.peekUndo(RULES_VIEW)!.label.vi).toBe('Sửa quy tắc tc-lecturer');
    expect(second.store.undo(RULES_VIEW)).toBe(true);
    expect(ruleOf(second.store.records(), RS57, 'tc-lecturer').data.note).toBe(rule.data.note);
    second.dispose();
  });
});
