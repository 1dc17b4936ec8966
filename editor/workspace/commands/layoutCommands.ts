/**
 * Layout commands: positions (a drag, or auto-layout) and collapsed nodes of a canvas (a ruleset's or a lifecycle's). The layout is kept
 * apart from the documents; it is still part of the workspace, so a drag is one undoable entry.
 */
import type { Command } from '../createWorkspaceStore.ts';
import { layoutIdOf, type LayoutRecord, type Point, type RecordId, type Records } from '../records.ts';

function layoutOf(records: Records, ownerId: RecordId): LayoutRecord {
  const r = records.get(layoutIdOf(ownerId));
  return r?.type === 'layout' ? r : { id: layoutIdOf(ownerId), type: 'layout', owner: ownerId, positions: {}, collapsed: [] };
}

/** Sets the positions of some nodes (the end of a drag). */
export function moveNodes(ownerId: RecordId, positions: Readonly<Record<RecordId, Point>>): Command {
  return {
    type: 'layout/move',
    label: { vi: 'Di chuyển nút', en: 'Move nodes' },
    run(records) {
      const l = layoutOf(records, ownerId);
      return { put: [{ ...l, positions: { ...l.positions, ...positions } }] };
    },
  };
}

/** Replaces every position (auto-layout, run only when the user asks). */
export function setLayout(ownerId: RecordId, positions: Readonly<Record<RecordId, Point>>): Command {
  return {
    type: 'layout/auto',
    label: { vi: 'Tự động sắp xếp', en: 'Auto-layout' },
    run(records) {
      return { put: [{ ...layoutOf(records, ownerId), positions: { ...positions } }] };
    },
  };
}

export function setCollapsed(ownerId: RecordId, nodeId: RecordId, collapsed: boolean): Command {
  return {
    type: 'layout/collapse',
    label: collapsed ? { vi: 'Thu gọn', en: 'Collapse' } : { vi: 'Mở rộng', en: 'Expand' },
    run(records) {
      const l = layoutOf(records, ownerId);
      const set = new Set(l.collapsed);
      if (collapsed) set.add(nodeId); else set.delete(nodeId);
      return { put: [{ ...l, collapsed: [...set].sort() }] };
    },
  };
}

export { layoutOf };
