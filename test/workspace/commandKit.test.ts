import { describe, expect, it } from 'vitest';
import { draftRecord, freeId, isObject, isRefusal, mergeKey, recordOr, refuse, type Json } from '../../editor/workspace/commands/kit.ts';
import type { PlanRecord, Records, WorkspaceRecord } from '../../editor/workspace/records.ts';

const recordsOf = (...rs: WorkspaceRecord[]): Records => new Map(rs.map((r) => [r.id, r]));

describe('the command kit', () => {
  it('makes "base", then "base-2", "base-3"… from a set of taken ids or a test', () => {
    expect(freeId('lop-moi', new Set<string>())).toBe('lop-moi');
    expect(freeId('lop-moi', new Set(['lop-moi', 'lop-moi-2']))).toBe('lop-moi-3');
    expect(freeId('a', new Set([undefined, 'a']))).toBe('a-2');
    expect(freeId('x', (id) => id === 'x' || id === 'x-2' || id === 'x-3')).toBe('x-4');
  });

  it('builds merge keys from the command type and the ids of what is edited, as the commands always wrote them', () => {
    expect(mergeKey('plan', 'plan:ha-noi-2024', 'classes.0.name')).toBe('plan:plan:ha-noi-2024:classes.0.name');
    expect(mergeKey('lifecycle/transition-update', 'transition:class-default/12', 'guard')).toBe('lifecycle/transition-update:transition:class-default/12:guard');
  });

  it('refuses in both languages with one frozen shape, and tells a refusal from a result', () => {
    const r = refuse('Không có lớp ở dòng 3.', 'No class on row 3.');
    expect(r).toEqual({ refused: { vi: 'Không có lớp ở dòng 3.', en: 'No class on row 3.' } });
    expect(Object.isFrozen(r) && Object.isFrozen(r.refused)).toBe(true);
    expect(isRefusal(r)).toBe(true);
    expect(isRefusal({ put: [] })).toBe(false);
    expect(isObject({})).toBe(true);
    expect([null, [], 'x', 1].some(isObject)).toBe(false);
  });

  it('finds a record by id and type, or gives the refusal', () => {
    const plan: PlanRecord = { id: 'plan:p', type: 'plan', meta: { id: 'p' }, classes: [] };
    const missing = refuse('Không thấy.', 'Not found.');
    expect(recordOr(recordsOf(plan), 'plan:p', 'plan', missing)).toBe(plan);
    expect(recordOr(recordsOf(plan), 'plan:p', 'lifecycle', missing)).toBe(missing);
    expect(recordOr(recordsOf(plan), 'plan:q', 'plan', missing)).toBe(missing);
  });

  it('drafts a copy of a record: the edit is put back, the stored record is never touched, a refusal changes nothing', () => {
    const plan: PlanRecord = { id: 'plan:p', type: 'plan', meta: { id: 'p', parameters: { noShow: { value: 0.1 } } }, classes: [] };
    const before = JSON.stringify(plan);
    const records = recordsOf(plan);
    const missing = refuse('Không thấy.', 'Not found.');

    const put = draftRecord(records, 'plan:p', 'plan', missing, (p) => { (p.meta.parameters as Json).dropOut = { value: 0.02 }; });
    expect(put).toEqual({ put: [{ ...plan, meta: { id: 'p', parameters: { noShow: { value: 0.1 }, dropOut: { value: 0.02 } } } }] });
    expect(JSON.stringify(plan)).toBe(before);

    const refused = draftRecord(records, 'plan:p', 'plan', missing, (p) => {
      p.classes!.push('plan-class:x');
      return refuse('Không được.', 'Not allowed.');
    });
    expect(refused).toEqual({ refused: { vi: 'Không được.', en: 'Not allowed.' } });
    expect(JSON.stringify(plan)).toBe(before);
    expect(draftRecord(records, 'plan:none', 'plan', missing, () => undefined)).toBe(missing);
    expect(draftRecord(records, 'plan:p', 'lifecycle', missing, () => undefined)).toBe(missing);
  });

  it('lets an edit put more records than the drafted one', () => {
    const plan: PlanRecord = { id: 'plan:p', type: 'plan', meta: { id: 'p' }, classes: [] };
    const other: PlanRecord = { id: 'plan:q', type: 'plan', meta: { id: 'q' }, classes: [] };
    expect(draftRecord(recordsOf(plan), 'plan:p', 'plan', refuse('x', 'x'), (p) => ({ put: [p, other] }))).toEqual({ put: [plan, other] });
  });
});
