/**
 * A lifecycle's layout may be stored before its lifecycle (a lifecycle record is put again after every edit): the
 * reader must find the lifecycle wherever it stands, or it sets the layout aside and, with it, the undo history
 * (found by the lifecycle field trip in Chromium: undo after a reload did nothing).
 */
import { describe, expect, it } from 'vitest';
import { createDefaultWorkspace } from '../../editor/workspace/createDefaultWorkspace.ts';
import { layoutIdOf, type WorkspaceRecord } from '../../editor/workspace/records.ts';
import { readWorkspace } from '../../editor/workspace/readWorkspace.ts';

describe('reading a stored workspace', () => {
  it('keeps a lifecycle layout stored before its lifecycle', () => {
    const doc = createDefaultWorkspace();
    const lifecycle = doc.records.find((r) => r.type === 'lifecycle')!;
    const layout: WorkspaceRecord = { id: layoutIdOf(lifecycle.id), type: 'layout', owner: lifecycle.id, positions: { planned: { x: 10, y: 20 } }, collapsed: [] };
    const others = doc.records.filter((r) => r.id !== layout.id);
    // The layout first, the lifecycle at the end.
    const stored = { ...doc, records: [layout, ...others.filter((r) => r.id !== lifecycle.id), lifecycle] };
    const read = readWorkspace(JSON.parse(JSON.stringify(stored)));
    if (!read.ok) throw new Error(read.diagnostics[0]!.message);
    expect(read.setAside.map((p) => p.key)).toEqual([]);
    expect(read.document.records.find((r) => r.id === layout.id)).toEqual(layout);
  });

  it('still sets aside the layout of a lifecycle that is not there', () => {
    const doc = createDefaultWorkspace();
    const layout: WorkspaceRecord = { id: layoutIdOf('lifecycle:gone'), type: 'layout', owner: 'lifecycle:gone', positions: {}, collapsed: [] };
    const read = readWorkspace(JSON.parse(JSON.stringify({ ...doc, records: [...doc.records, layout] })));
    if (!read.ok) throw new Error(read.diagnostics[0]!.message);
    expect(read.setAside.map((p) => p.id)).toEqual([layout.id]);
  });
});
