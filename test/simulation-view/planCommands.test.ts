/**
 * Plan commands on the default workspace, headless: the Hà Nội 2024 plan is a workspace document; every table edit is
 * one undoable command whose undo gives back the exact bytes; typing in a cell is one history entry; a bad value is
 * kept as typed and reported on its cell, never a crash; export and import carry the plan, and a workspace saved
 * before plans existed still loads.
 */
import { describe, expect, it } from 'vitest';
import { builtinRulesetIds } from '../../engine/builtin.ts';
import { addClass, addQuota, deleteClass, duplicateClass, removeQuota, setClassField, setPlanParameter, setQuota } from '../../editor/workspace/commands/planCommands.ts';
import { planRecordId, type PlanRecord } from '../../editor/workspace/records.ts';
import { loadWorkspaceDocument, toWorkspaceDocument } from '../../editor/workspace/workspaceDocument.ts';
import { checkPlanDocument, diagnosticsAt } from '../../editor/simulation/checkPlanDocument.ts';
import { createHarness } from '../workspace/workspaceHarness.ts';

const PLAN = planRecordId('ha-noi-2024');
type Json = Record<string, unknown>;
const planDoc = (h: ReturnType<typeof createHarness>) => (h.store.records().get(PLAN) as PlanRecord).doc;
const classes = (h: ReturnType<typeof createHarness>) => planDoc(h).classes as Json[];
const check = (doc: Json) => checkPlanDocument(doc, builtinRulesetIds());

describe('plans in the workspace', () => {
  it('the default workspace holds the Hà Nội 2024 plan, and it loads with no error', () => {
    const h = createHarness();
    expect(classes(h)).toHaveLength(20);
    const c = check(planDoc(h));
    expect(c.plan?.id).toBe('ha-noi-2024');
    expect(c.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('every plan command is undone back to the same bytes and redone to the same edit', () => {
    const h = createHarness();
    const start = h.bytes();
    const commands = [
      setClassField(PLAN, 0, 'maxSize', '80'), setClassField(PLAN, 1, 'opensOn', '01/06/2024'), setClassField(PLAN, 2, 'level', 'advanced'),
      addClass(PLAN, { vi: 'Lớp mới', en: 'New class' }), duplicateClass(PLAN, 3), deleteClass(PLAN, 5),
      addQuota(PLAN, 0), setQuota(PLAN, 0, 0, 'quota', '12'), removeQuota(PLAN, 0, 1), setPlanParameter(PLAN, 'noShow', '3,5'),
    ];
    const states: string[] = [];
    for (const c of commands) {
      h.tick(5000);
      expect(h.store.apply(c).ok).toBe(true);
      states.push(h.bytes());
    }
    expect(new Set(states).size).toBe(commands.length);
    while (h.store.undo()) { /* back to the start */ }
    expect(h.bytes()).toBe(start);
    for (const s of states) { h.store.redo(); expect(h.bytes()).toBe(s); }
  });

  it('stores an opening date typed as DD/MM/YYYY in ISO form, and a parameter with its assumed mark', () => {
    const h = createHarness();
    h.store.apply(setClassField(PLAN, 1, 'opensOn', '01/06/2024'));
    h.store.apply(setPlanParameter(PLAN, 'noShow', '3,5'));
    expect(classes(h)[1]!.opensOn).toBe('2024-06-01');
    expect((planDoc(h).parameters as Json).noShow).toMatchObject({ value: 3.5, confidence: 'assumed' });
  });

  it('typing in one cell is one history entry, and one undo brings the old value back', () => {
    const h = createHarness();
    const before = classes(h)[0]!.maxSize;
    for (const text of ['6', '65']) { h.tick(100); h.store.apply(setClassField(PLAN, 0, 'maxSize', text)); }
    expect(classes(h)[0]!.maxSize).toBe(65);
    expect(h.store.history.undoLabels()).toHaveLength(1);
    h.store.undo();
    expect(classes(h)[0]!.maxSize).toBe(before);
    expect(h.store.canUndo()).toBe(false);
  });

  it('keeps a value that is not a number as typed and reports it on its row and field in Vietnamese and English', () => {
    const h = createHarness();
    expect(h.store.apply(setClassField(PLAN, 2, 'maxSize', 'bảy mươi')).ok).toBe(true);
    expect(classes(h)[2]!.maxSize).toBe('bảy mươi');
    const c = check(planDoc(h));
    expect(c.plan).toBeUndefined();
    const [d] = diagnosticsAt(c.diagnostics, ['classes', 2, 'maxSize'], true);
    expect(d?.message).toBe('Dòng 3 · Sĩ số tối đa: "bảy mươi" không phải là số.');
    expect(d?.messageEn).toBe('Row 3 · Maximum size: "bảy mươi" is not a number.');
  });

  it('reports an impossible date and a minimum above the maximum on their cells', () => {
    const h = createHarness();
    h.store.apply(setClassField(PLAN, 0, 'opensOn', '31/02/2024'));
    expect(diagnosticsAt(check(planDoc(h)).diagnostics, ['classes', 0, 'opensOn'])[0]?.code).toBe('plan/cell-not-date');
    h.store.undo();
    h.store.apply(setClassField(PLAN, 4, 'minSize', '90'));
    const d = diagnosticsAt(check(planDoc(h)).diagnostics, ['classes', 4, 'minSize'])[0];
    expect(d?.code).toBe('plan/min-above-max');
    expect(d?.message.startsWith('Dòng 5 · Sĩ số tối thiểu: ')).toBe(true);
  });

  it('refuses to delete the last class or its last quota, with the reason', () => {
    const h = createHarness();
    for (let i = 0; i < 19; i++) expect(h.store.apply(deleteClass(PLAN, 0)).ok).toBe(true);
    const last = h.store.apply(deleteClass(PLAN, 0));
    expect(last.ok ? '' : last.reason.vi).toBe('Kế hoạch phải còn ít nhất một lớp.');
    while ((classes(h)[0]!.serves as unknown[]).length > 1) h.store.apply(removeQuota(PLAN, 0, 0));
    expect(h.store.apply(removeQuota(PLAN, 0, 0)).ok).toBe(false);
  });

  it('an exported workspace carries the edited plan, and one saved before plans existed still loads', () => {
    const h = createHarness();
    h.store.apply(setClassField(PLAN, 0, 'maxSize', '66'));
    const loaded = loadWorkspaceDocument(JSON.parse(h.bytes()));
    expect(loaded.ok).toBe(true);
    const plan = loaded.ok ? loaded.document.records.find((r) => r.id === PLAN) : undefined;
    expect(((plan as PlanRecord).doc.classes as Json[])[0]!.maxSize).toBe(66);
    const old = toWorkspaceDocument('w', [...h.store.records().values()].filter((r) => r.type !== 'plan'));
    const oldLoad = loadWorkspaceDocument(JSON.parse(JSON.stringify(old)));
    expect(oldLoad.ok && oldLoad.document.records.some((r) => r.type === 'plan')).toBe(false);
    expect(oldLoad.ok).toBe(true);
  });
});
