/**
 * Plan commands on the default workspace, headless: the Hà Nội 2024 plan is a workspace document; every table edit is
 * one undoable command whose undo gives back the exact bytes; typing in a cell is one history entry; a bad value is
 * kept as typed and reported on its cell, never a crash; export and import carry the plan, and a workspace saved
 * before plans existed still loads. Classes and quotas are named by their ids: an edit lands on the class typed in
 * whatever is added or deleted around it.
 */
import { describe, expect, it } from 'vitest';
import { builtinRulesetIds } from '../../engine/builtin.ts';
import { addClass, addQuota, deleteClass, duplicateClass, removeQuota, setClassField, setPlanParameter, setQuota } from '../../editor/workspace/commands/planCommands.ts';
import { planRecordId, type PlanClassRecord, type PlanRecord, type Records } from '../../editor/workspace/records.ts';
import { toPlan } from '../../editor/workspace/planRecords.ts';
import { loadWorkspaceDocument, toWorkspaceDocument } from '../../editor/workspace/workspaceDocument.ts';
import { checkPlanDocument, checkPlanRecords, diagnosticsOnClass } from '../../editor/simulation/checkPlanDocument.ts';
import { createHarness } from '../workspace/workspaceHarness.ts';

const PLAN = planRecordId('ha-noi-2024');
type Json = Record<string, unknown>;
type Harness = ReturnType<typeof createHarness>;
const planDoc = (h: Harness) => toPlan(h.store.records(), PLAN).plan;
const classes = (h: Harness) => planDoc(h).classes as Json[];
/** The class record id of row `i` as the plan is now. */
const cls = (h: Harness, i: number) => (h.store.records().get(PLAN) as PlanRecord).classes![i]!;
const classRecord = (h: Harness, i: number) => h.store.records().get(cls(h, i)) as PlanClassRecord;
/** The id of quota `j` of row `i`. */
const quota = (h: Harness, i: number, j: number) => classRecord(h, i).serves![j]!.id;
const check = (doc: Json) => checkPlanDocument(doc, builtinRulesetIds());
const checkRecords = (records: Records) => checkPlanRecords(toPlan(records, PLAN), builtinRulesetIds());

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
      () => setClassField(cls(h, 0), 'maxSize', '80'), () => setClassField(cls(h, 1), 'opensOn', '01/06/2024'), () => setClassField(cls(h, 2), 'level', 'advanced'),
      () => addClass(PLAN, { vi: 'Lớp mới', en: 'New class' }), () => duplicateClass(cls(h, 3)), () => deleteClass(cls(h, 5)),
      () => addQuota(cls(h, 0)), () => setQuota(cls(h, 0), quota(h, 0, 0), 'quota', '12'), () => removeQuota(cls(h, 0), quota(h, 0, 1)),
      () => setPlanParameter(PLAN, 'noShow', '3,5'),
    ];
    const states: string[] = [];
    for (const c of commands) {
      h.tick(5000);
      expect(h.store.apply(c()).ok).toBe(true);
      states.push(h.bytes());
    }
    expect(new Set(states).size).toBe(commands.length);
    while (h.store.undo()) { /* back to the start */ }
    expect(h.bytes()).toBe(start);
    for (const s of states) { h.store.redo(); expect(h.bytes()).toBe(s); }
  });

  it('stores an opening date typed as DD/MM/YYYY in ISO form, and a parameter with its assumed mark', () => {
    const h = createHarness();
    h.store.apply(setClassField(cls(h, 1), 'opensOn', '01/06/2024'));
    h.store.apply(setPlanParameter(PLAN, 'noShow', '3,5'));
    expect(classes(h)[1]!.opensOn).toBe('2024-06-01');
    expect((planDoc(h).parameters as Json).noShow).toMatchObject({ value: 3.5, confidence: 'assumed' });
  });

  it('typing in one cell is one history entry, and one undo brings the old value back', () => {
    const h = createHarness();
    const before = classes(h)[0]!.maxSize;
    for (const text of ['6', '65']) { h.tick(100); h.store.apply(setClassField(cls(h, 0), 'maxSize', text)); }
    expect(classes(h)[0]!.maxSize).toBe(65);
    expect(h.store.history.undoLabels()).toHaveLength(1);
    // The step names the plan its class belongs to, and the plan as its document (undo in the plan view).
    expect(h.store.history.latestUndo()!.label).toEqual({ vi: 'Sửa lớp trong kế hoạch (ha-noi-2024)', en: 'Edit a class of the plan (ha-noi-2024)' });
    expect(h.store.history.latestUndo()!.documents).toEqual([PLAN]);
    h.store.undo();
    expect(classes(h)[0]!.maxSize).toBe(before);
    expect(h.store.canUndo()).toBe(false);
  });

  it('keeps a value that is not a number as typed and reports it on its row and field in Vietnamese and English', () => {
    const h = createHarness();
    expect(h.store.apply(setClassField(cls(h, 2), 'maxSize', 'bảy mươi')).ok).toBe(true);
    expect(classes(h)[2]!.maxSize).toBe('bảy mươi');
    const c = checkRecords(h.store.records());
    expect(c.plan).toBeUndefined();
    const [d] = diagnosticsOnClass(c.diagnostics, cls(h, 2), ['maxSize'], true);
    expect(d?.message).toBe('Dòng 3 · Sĩ số tối đa: "bảy mươi" không phải là số.');
    expect(d?.messageEn).toBe('Row 3 · Maximum size: "bảy mươi" is not a number.');
  });

  it('reports an impossible date and a minimum above the maximum on their cells', () => {
    const h = createHarness();
    h.store.apply(setClassField(cls(h, 0), 'opensOn', '31/02/2024'));
    expect(diagnosticsOnClass(checkRecords(h.store.records()).diagnostics, cls(h, 0), ['opensOn'])[0]?.code).toBe('plan/cell-not-date');
    h.store.undo();
    h.store.apply(setClassField(cls(h, 4), 'minSize', '90'));
    const d = diagnosticsOnClass(checkRecords(h.store.records()).diagnostics, cls(h, 4), ['minSize'])[0];
    expect(d?.code).toBe('plan/min-above-max');
    expect(d?.message.startsWith('Dòng 5 · Sĩ số tối thiểu: ')).toBe(true);
  });

  it('refuses to delete the last class or its last quota, with the reason', () => {
    const h = createHarness();
    for (let i = 0; i < 19; i++) expect(h.store.apply(deleteClass(cls(h, 0))).ok).toBe(true);
    const last = h.store.apply(deleteClass(cls(h, 0)));
    expect(last.ok ? '' : last.reason.vi).toBe('Kế hoạch phải còn ít nhất một lớp.');
    while ((classes(h)[0]!.serves as unknown[]).length > 1) h.store.apply(removeQuota(cls(h, 0), quota(h, 0, 0)));
    const lastQuota = h.store.apply(removeQuota(cls(h, 0), quota(h, 0, 0)));
    expect(lastQuota.ok ? '' : lastQuota.reason.vi).toBe('Lớp phải phục vụ ít nhất một đơn vị.');
  });

  it('an exported workspace carries the edited plan, and one saved before plans existed still loads', () => {
    const h = createHarness();
    h.store.apply(setClassField(cls(h, 0), 'maxSize', '66'));
    const loaded = loadWorkspaceDocument(JSON.parse(h.bytes()));
    if (!loaded.ok) throw new Error(loaded.diagnostics[0]!.message);
    const plan = toPlan(new Map(loaded.document.records.map((r) => [r.id, r])), PLAN).plan;
    expect((plan.classes as Json[])[0]!.maxSize).toBe(66);
    const old = toWorkspaceDocument('w', [...h.store.records().values()].filter((r) => r.type !== 'plan' && r.type !== 'plan-class'));
    const oldLoad = loadWorkspaceDocument(JSON.parse(JSON.stringify(old)));
    expect(oldLoad.ok && oldLoad.document.records.some((r) => r.type === 'plan')).toBe(false);
    expect(oldLoad.ok).toBe(true);
  });

  it('an edit, a duplicate or a delete names its class by id: it lands on that class after rows are added or deleted above it', () => {
    const h = createHarness();
    const third = cls(h, 2);
    const docId = classRecord(h, 2).data.id;
    expect(h.store.apply(deleteClass(cls(h, 0))).ok).toBe(true);
    expect(h.store.apply(duplicateClass(cls(h, 0))).ok).toBe(true);
    // The class that was on row 3 is now on row 3 again (one deleted above, one copy inserted above): by id, not by row.
    expect(h.store.apply(setClassField(third, 'name', 'Lớp đổi tên')).ok).toBe(true);
    const row = (h.store.records().get(PLAN) as PlanRecord).classes!.indexOf(third);
    expect(classes(h)[row]).toMatchObject({ id: docId, name: 'Lớp đổi tên' });
    expect(classes(h).filter((c) => c.name === 'Lớp đổi tên')).toHaveLength(1);
    // A deleted class is refused by id, with the reason.
    const gone = cls(h, 0);
    h.store.apply(deleteClass(gone));
    const late = h.store.apply(setClassField(gone, 'name', 'x'));
    expect(late.ok ? '' : late.reason.en).toBe('This class is not in the plan.');
  });

  it('a duplicated class gets a fresh record id and fresh quota ids, and its cells merge on its own id only', () => {
    const h = createHarness();
    const original = classRecord(h, 0);
    h.store.apply(duplicateClass(original.id));
    const copy = classRecord(h, 1);
    expect(copy.id).not.toBe(original.id);
    expect(copy.data).toMatchObject({ id: `${String(original.data.id)}-ban-sao`, name: `${String(original.data.name)} (bản sao)`, origin: 'assumed' });
    expect(copy.serves!.map((q) => q.data)).toEqual(original.serves!.map((q) => q.data));
    expect(copy.serves!.some((q) => original.serves!.some((o) => o.id === q.id))).toBe(false);
    h.tick(5000);
    const entries = h.store.history.undoLabels().length;
    h.store.apply(setClassField(original.id, 'maxSize', '7'));
    h.tick(100);
    h.store.apply(setClassField(copy.id, 'maxSize', '8'));
    expect(h.store.history.undoLabels()).toHaveLength(entries + 2);
  });

  it('a quota is edited and removed by its id: removing the one before it does not move the edit', () => {
    const h = createHarness();
    const c = cls(h, 0);
    h.store.apply(addQuota(c));
    const [first, second] = [quota(h, 0, 0), quota(h, 0, 1)];
    h.store.apply(removeQuota(c, first));
    expect(h.store.apply(setQuota(c, second, 'quota', '9')).ok).toBe(true);
    expect(classRecord(h, 0).serves!.find((q) => q.id === second)!.data.quota).toBe(9);
    const gone = h.store.apply(setQuota(c, first, 'quota', '9'));
    expect(gone.ok ? '' : gone.reason.en).toBe('This quota is not in the class.');
  });

  it('places the diagnostics of a quota on its id and those of a class on its record', () => {
    const h = createHarness();
    const q = quota(h, 3, 0);
    h.store.apply(setQuota(cls(h, 3), q, 'quota', 'mười'));
    const ds = checkRecords(h.store.records()).diagnostics.filter((d) => d.code === 'plan/cell-not-number');
    expect(ds).toHaveLength(1);
    expect(ds[0]!.place).toEqual({ classId: cls(h, 3), quotaId: q, field: ['quota'] });
    expect(ds[0]!.message.startsWith('Dòng 4 · chỉ tiêu 1 · Số chỉ tiêu: ')).toBe(true);
    expect(diagnosticsOnClass(ds, cls(h, 3))).toHaveLength(1);
    expect(diagnosticsOnClass(ds, cls(h, 3), ['serves'])).toHaveLength(0);
  });

  it('the plain plan rebuilt from the default workspace is the shipped file, byte for byte', async () => {
    const shipped = (await import('../../fixtures/plans/ha-noi-2024.json', { with: { type: 'json' } })).default;
    const h = createHarness();
    expect(JSON.stringify(planDoc(h))).toBe(JSON.stringify(shipped));
    expect(check(planDoc(h)).diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('rebuilds the plain plan from its records once per change, and after a cell edit builds only the edited class again', () => {
    const h = createHarness();
    const before = toPlan(h.store.records(), PLAN);
    expect(toPlan(h.store.records(), PLAN)).toBe(before);
    h.store.apply(setClassField(cls(h, 0), 'maxSize', '61'));
    const after = toPlan(h.store.records(), PLAN);
    expect(after).not.toBe(before);
    const [was, now] = [before.plan.classes as Json[], after.plan.classes as Json[]];
    expect(now[0]).not.toBe(was[0]);
    expect(now[0]!.maxSize).toBe(61);
    expect(now.slice(1).every((c, i) => c === was[i + 1])).toBe(true);
  });
});
