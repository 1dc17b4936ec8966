import { describe, expect, it } from 'vitest';
import { draftDocument, freeId, isObject, isRefusal, mergeKey, recordOr, refuse, type DocumentKind, type Json } from '../../editor/workspace/commands/kit.ts';
import type { LifecycleRecord, Records, WorkspaceRecord } from '../../editor/workspace/records.ts';

// Lifecycles are the documents still drafted as JSON (plans are records: planRecords.ts); any JSON part will do here.
const PLAN: DocumentKind<LifecycleRecord, { classes: Json[] }> = {
  type: 'lifecycle',
  notFound: refuse('Không tìm thấy kế hoạch.', 'Plan not found.'),
  parts: (doc) => (Array.isArray(doc.classes) ? { classes: doc.classes as Json[] } : refuse('Phần "classes" không hợp lệ.', '"classes" is not valid.')),
};

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
    expect(mergeKey('lifecycle/transition-update', 'lifecycle:class-default', 'open', 'START', 0, 'typing')).toBe('lifecycle/transition-update:lifecycle:class-default:open:START:0:typing');
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
    const plan: LifecycleRecord = { id: 'plan:p', type: 'lifecycle', doc: { classes: [] } };
    const missing = refuse('Không thấy.', 'Not found.');
    expect(recordOr(recordsOf(plan), 'plan:p', 'lifecycle', missing)).toBe(plan);
    expect(recordOr(recordsOf(plan), 'plan:p', 'plan', missing)).toBe(missing);
    expect(recordOr(recordsOf(plan), 'plan:q', 'lifecycle', missing)).toBe(missing);
  });

  it('drafts a copy of the document: the edit is put back, the stored document is never touched, a refusal changes nothing', () => {
    const doc = { id: 'p', classes: [{ id: 'a' }] };
    const plan: LifecycleRecord = { id: 'plan:p', type: 'lifecycle', doc };
    const before = JSON.stringify(doc);
    const records = recordsOf(plan);

    const put = draftDocument(records, 'plan:p', PLAN, (e) => { e.parts.classes.push({ id: 'b' }); });
    expect(put).toEqual({ put: [{ id: 'plan:p', type: 'lifecycle', doc: { id: 'p', classes: [{ id: 'a' }, { id: 'b' }] } }] });
    expect(JSON.stringify(doc)).toBe(before);

    const refused = draftDocument(records, 'plan:p', PLAN, (e) => {
      e.parts.classes.length = 0;
      return refuse('Không được.', 'Not allowed.');
    });
    expect(refused).toEqual({ refused: { vi: 'Không được.', en: 'Not allowed.' } });
    expect(JSON.stringify(doc)).toBe(before);

    expect(draftDocument(records, 'plan:none', PLAN, () => undefined)).toBe(PLAN.notFound);
    const broken = recordsOf({ id: 'plan:b', type: 'lifecycle', doc: { classes: 'x' } });
    expect(draftDocument(broken, 'plan:b', PLAN, () => undefined)).toEqual({ refused: { vi: 'Phần "classes" không hợp lệ.', en: '"classes" is not valid.' } });
  });

  it('lets an edit put more records than the drafted one', () => {
    const plan: LifecycleRecord = { id: 'plan:p', type: 'lifecycle', doc: { classes: [] } };
    const other: LifecycleRecord = { id: 'plan:q', type: 'lifecycle', doc: { classes: [] } };
    const change = draftDocument(recordsOf(plan), 'plan:p', PLAN, (e) => ({ put: [{ ...e.record, doc: e.doc }, other] }));
    expect(change).toEqual({ put: [plan, other] });
  });
});
