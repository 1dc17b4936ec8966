/**
 * Plans of stored version-2 workspaces read in version 3 as typed records: the plain plan rebuilt from the migrated
 * records is the stored document (the edited cells, the duplicated class, the edited quota and the parameter set by
 * the build of 4c080eb), every class and quota has an id of its own, the same stored workspace gives the same ids,
 * and a plan whose document cannot be split is left as it was and set aside with its reasons.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { planRecordsV3 } from '../../editor/workspace/migrations/planV3.ts';
import { planGraphProblems, toPlan } from '../../editor/workspace/planRecords.ts';
import { readWorkspace } from '../../editor/workspace/readWorkspace.ts';
import { recordsOfType, type WorkspaceRecord } from '../../editor/workspace/records.ts';

const fixture = (name: string) => JSON.parse(readFileSync(`fixtures/workspace/${name}`, 'utf8')) as { version: number; records: Array<Record<string, unknown>> };
const storedPlans = (raw: { records: Array<Record<string, unknown>> }) => raw.records.filter((r) => r.type === 'plan') as Array<{ id: string; doc: Record<string, unknown> }>;

describe('plans of a version-2 workspace', () => {
  const raw = fixture('workspace-v2-edited-lifecycles-and-plan.json');

  it('rebuild from the migrated records to the stored documents, key for key', () => {
    const read = readWorkspace(raw);
    if (!read.ok) throw new Error(read.diagnostics[0]!.message);
    const records = new Map(read.document.records.map((r) => [r.id, r]));
    const stored = storedPlans(raw);
    expect(stored.length).toBeGreaterThan(0);
    for (const p of stored) {
      const rebuilt = toPlan(records, p.id).plan;
      expect(rebuilt).toEqual(p.doc);
      expect(JSON.stringify(rebuilt)).toBe(JSON.stringify(p.doc));
    }
  });

  it('keep the edits the previous build saved: the duplicated class, the edited quota, the parameter', () => {
    const doc = storedPlans(raw)[0]!.doc;
    const classes = doc.classes as Array<Record<string, unknown>>;
    expect(classes.some((c) => String(c.id).endsWith('-ban-sao'))).toBe(true);
    expect(Object.keys(doc.parameters as object)).toContain('noShow');
  });

  it('give every class a record id and every quota an id, unique, the same on every read', () => {
    const first = readWorkspace(raw);
    const second = readWorkspace(fixture('workspace-v2-edited-lifecycles-and-plan.json'));
    if (!first.ok || !second.ok) throw new Error('does not read');
    const records = new Map(first.document.records.map((r) => [r.id, r]));
    const classes = recordsOfType(records, 'plan-class');
    const stored = storedPlans(raw)[0]!;
    expect(classes).toHaveLength((stored.doc.classes as unknown[]).length);
    const quotaIds = classes.flatMap((c) => (c.serves ?? []).map((q) => q.id));
    expect(new Set(quotaIds).size).toBe(quotaIds.length);
    expect(quotaIds.length).toBe((stored.doc.classes as Array<{ serves: unknown[] }>).reduce((n, c) => n + c.serves.length, 0));
    expect(planGraphProblems(first.document.records)).toEqual([]);
    expect(JSON.stringify(second.document)).toBe(JSON.stringify(first.document));
  });

  it('leave a plan record whose classes are not a list exactly as it was; the reader sets it aside with its reasons', () => {
    const bad = { id: 'plan:hong', type: 'plan', doc: { id: 'hong', classes: 'không phải danh sách' } };
    expect(planRecordsV3([bad])).toEqual([bad]);
    expect(planRecordsV3([bad])[0]).toBe(bad);
    const read = readWorkspace({ ...raw, records: [...raw.records, bad] });
    if (!read.ok) throw new Error(read.diagnostics[0]!.message);
    expect(read.setAside.map((p) => [p.key, p.kind])).toEqual([['records:plan:hong', 'plan']]);
    expect(read.setAside[0]!.raw).toEqual([bad]);
    expect(read.setAside[0]!.reasons.map((d) => d.path)).toContain('plan:hong: doc.classes');
    expect(read.document.records.some((r: WorkspaceRecord) => r.id === 'plan:hong')).toBe(false);
  });

  it('migrate an invalid but shaped plan without losing what is typed (text in a number cell, a class with no quotas, no classes at all)', () => {
    const doc = { id: 'nhap', title: 'x', classes: [{ id: 'a', minSize: 'ba mươi', serves: [{ agency: 'k', quota: 'hai', extra: true }] }, { name: 'không mã' }], zz: 1 };
    const empty = { id: 'trong' };
    const out = planRecordsV3([{ id: 'plan:nhap', type: 'plan', doc }, { id: 'plan:trong', type: 'plan', doc: empty }]) as WorkspaceRecord[];
    const records = new Map(out.map((r) => [r.id, r]));
    expect(toPlan(records, 'plan:nhap').plan).toEqual(doc);
    expect(toPlan(records, 'plan:trong').plan).toEqual(empty);
    expect(planGraphProblems(out)).toEqual([]);
  });
});
