/**
 * Workspaces saved in version 2 read in version 3, record by record: every part is kept (none set aside), the
 * migration is reported, and the result is a version-3 workspace that reads again unchanged.
 * fixtures/workspace/workspace-v2-edited-lifecycles-and-plan.json was saved by the build of commit 4c080eb after
 * edits a user makes: a class state renamed (in-session → dang-hoc) and moved on the canvas, a learner state added
 * with a transition, a transition described, plan cells and a quota edited, a class duplicated, a parameter set.
 * Its lifecycles become lifecycle, state and transition records: the documents rebuilt from them are the stored
 * ones, the canvas positions (keyed by state name in version 2) stay on the same states, ids are stable.
 * fixtures/workspace/workspace-v3-saved-by-4b8570d.json is that workspace as the first version-3 build saved it.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { toLifecycle } from '../../editor/workspace/lifecycleRecords.ts';
import { readWorkspace } from '../../editor/workspace/readWorkspace.ts';
import { layoutIdOf, recordOf, recordsOfType, type Records, type WorkspaceRecord } from '../../editor/workspace/records.ts';
import { WORKSPACE_VERSION } from '../../editor/workspace/workspaceDocument.ts';
import { toPlan } from '../../editor/workspace/planRecords.ts';

const fixture = (name: string) => JSON.parse(readFileSync(`fixtures/workspace/${name}`, 'utf8')) as Record<string, unknown>;

describe.each(['workspace-v2-edited-lifecycles-and-plan.json', 'workspace-v2-before-350-scope.json', 'workspace-v1.json'])('the stored workspace %s', (name) => {
  it('reads whole in the current version, says it was migrated, and reads again to the same bytes', () => {
    const raw = fixture(name);
    const read = readWorkspace(raw);
    if (!read.ok) throw new Error(read.diagnostics[0]!.message);
    expect(read.setAside).toEqual([]);
    expect(read.migratedFrom).toBe(raw.version ?? 1);
    expect(read.document.version).toBe(WORKSPACE_VERSION);
    const again = readWorkspace(JSON.parse(JSON.stringify(read.document)));
    if (!again.ok) throw new Error(again.diagnostics[0]!.message);
    expect(again.migratedFrom).toBeUndefined();
    expect(JSON.stringify(again.document)).toBe(JSON.stringify(read.document));
  });

  it('names the document a layout lays out as its owner', () => {
    const read = readWorkspace(fixture(name));
    if (!read.ok) throw new Error(read.diagnostics[0]!.message);
    const layouts = read.document.records.filter((r) => r.type === 'layout');
    for (const l of layouts) {
      expect(l).not.toHaveProperty('ruleset');
      expect(l.id).toBe(`layout:${l.owner}`);
      expect(read.document.records.some((r) => r.id === l.owner)).toBe(true);
    }
  });
});

describe('the lifecycles of the version-2 workspace saved after edits', () => {
  const raw = fixture('workspace-v2-edited-lifecycles-and-plan.json') as { records: Array<Record<string, unknown>> };
  const read = readWorkspace(raw);
  if (!read.ok) throw new Error('does not read');
  const records: Records = new Map(read.document.records.map((r) => [r.id, r]));
  const stored = raw.records.filter((r) => r.type === 'lifecycle') as Array<{ id: string; doc: Record<string, unknown>; openRevision?: number }>;

  it('rebuild, from the migrated records, to the documents stored in version 2', () => {
    expect(stored.length).toBe(2);
    for (const r of stored) expect(toLifecycle(records, r.id).doc).toEqual(r.doc);
  });

  it('keep the revision the editor opened for renames', () => {
    expect(recordOf(records, 'lifecycle:class-default', 'lifecycle')?.openRevision).toBe(2);
    expect(recordOf(records, 'lifecycle:learner-default', 'lifecycle')?.openRevision).toBeUndefined();
  });

  it('keep the canvas positions on the same states, now keyed by state record id', () => {
    const layout = recordOf(records, layoutIdOf('lifecycle:class-default'), 'layout')!;
    const named = (id: string) => recordOf(records, id, 'state')?.name;
    expect(Object.fromEntries(Object.entries(layout.positions).map(([id, at]) => [named(id), at]))).toEqual({ 'dang-hoc': { x: 500, y: 120 }, planned: { x: 0, y: 0 } });
  });

  it('give every state and transition a stable id: the same on every read, and kept through a save and a read', () => {
    const ids = (rs: readonly WorkspaceRecord[]) => rs.filter((r) => r.type === 'state' || r.type === 'transition').map((r) => r.id);
    const again = readWorkspace(fixture('workspace-v2-edited-lifecycles-and-plan.json'));
    const saved = readWorkspace(JSON.parse(JSON.stringify(read.document)));
    if (!again.ok || !saved.ok) throw new Error('does not read');
    expect(ids(read.document.records).length).toBeGreaterThan(50);
    expect(ids(again.document.records)).toEqual(ids(read.document.records));
    expect(ids(saved.document.records)).toEqual(ids(read.document.records));
    expect(recordsOfType(records, 'state').find((s) => s.name === 'cho-xet')?.id).toMatch(/^state:learner-default\//);
  });
});

describe('a version-3 workspace saved by the first version-3 build (4b8570d), lifecycles still as JSON documents', () => {
  it('reads whole, its lifecycles as records, the same as the version-2 workspace it was read from', () => {
    const v3 = readWorkspace(fixture('workspace-v3-saved-by-4b8570d.json'));
    const v2 = readWorkspace(fixture('workspace-v2-edited-lifecycles-and-plan.json'));
    if (!v3.ok || !v2.ok) throw new Error('does not read');
    expect(v3.setAside).toEqual([]);
    const lifecycleParts = (d: typeof v3.document) => JSON.stringify(d.records.filter((r) => ['lifecycle', 'state', 'transition', 'layout'].includes(r.type)));
    expect(lifecycleParts(v3.document)).toBe(lifecycleParts(v2.document));
    expect(v3.document.records.some((r) => r.type === 'lifecycle' && 'doc' in r)).toBe(false);
  });
});

describe('a workspace saved by this build (fixtures/workspace/workspace-v3-records.json: the edits above, made by record id)', () => {
  const raw = fixture('workspace-v3-records.json');

  it('reads as it is: no migration, no part set aside, the same bytes', () => {
    const read = readWorkspace(raw);
    if (!read.ok) throw new Error(read.diagnostics[0]!.message);
    expect(read.migratedFrom).toBeUndefined();
    expect(read.setAside).toEqual([]);
    expect(JSON.stringify(read.document)).toBe(JSON.stringify(raw));
  });

  it('holds the renamed state under its old record id, with its position, and the plan edits on their classes', () => {
    const read = readWorkspace(raw);
    if (!read.ok) throw new Error(read.diagnostics[0]!.message);
    const records = new Map(read.document.records.map((r) => [r.id, r]));
    const renamed = read.document.records.find((r) => r.type === 'state' && r.name === 'dang-hoc');
    const layout = records.get('layout:lifecycle:class-default');
    expect(renamed && layout?.type === 'layout' ? layout.positions[renamed.id] : undefined).toEqual({ x: 500, y: 120 });
    const doc = toLifecycle(records, 'lifecycle:class-default').doc as { states: Record<string, unknown>; revisions: unknown[] };
    expect(Object.keys(doc.states)).toContain('dang-hoc');
    expect(doc.revisions).toEqual([{ revision: 2, note: expect.any(String), renamedStates: { 'in-session': 'dang-hoc' } }]);
    const plan = toPlan(records, 'plan:ha-noi-2024').plan as { classes: Array<{ id: string; maxSize: unknown; serves: Array<{ quota: unknown }> }>; parameters: Record<string, { value: unknown }> };
    expect(plan.classes).toHaveLength(21);
    expect(plan.classes[1]!.id).toBe('tc-01-ban-sao');
    expect(plan.parameters.noShow!.value).toBe(0.05);
  });
});
