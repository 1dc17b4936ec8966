/**
 * Layout commands: positions (a drag, or auto-layout) and collapsed nodes of a ruleset's canvas. The layout is kept
 * apart from the ruleset documents; it is still part of the workspace, so a drag is one undoable entry.
 */
import type { Command } from '../createWorkspaceStore.ts';
import { layoutIdOf, type LayoutRecord, type Point, type RecordId, type Records } from '../records.ts';

function layoutOf(records: Records, rulesetId: RecordId): LayoutRecord {
  const r = records.get(layoutIdOf(rulesetId));
  return r?.type === 'layout' ? r : { id: layoutIdOf(rulesetId), type: 'layout', ruleset: rulesetId, positions: {}, collapsed: [] };
}

/** Sets the positions of some nodes (the end of a drag). */
export function moveNodes(rulesetId: RecordId, positions: Readonly<Record<RecordId, Point>>): Command {
  return {
    type: 'layout/move',
    label: { vi: 'Di chuyển nút', en: 'Move nodes' },
    run(records) {
      const l = layoutOf(records, rulesetId);
      return { put: [{ ...l, positions: { ...l.positions, ...positions } }] };
    },
  };
}

/** Replaces every position (auto-layout, run only when the user asks). */
export function setLayout(rulesetId: RecordId, positions: Readonly<Record<RecordId, Point>>): Command {
  return {
    type: 'layout/auto',
    label: { vi: 'Tự động sắp xếp', en: 'Auto-layout' },
    run(records) {
      return { put: [{ ...layoutOf(records, rulesetId), positions: { ...positions } }] };
    },
  };
}

export function setCollapsed(rulesetId: RecordId, nodeId: RecordId, collapsed: boolean): Command {
  return {
    type: 'layout/collapse',
    label: collapsed ? { vi: 'Thu gọn', en: 'Collapse' } : { vi: 'Mở rộng', en: 'Expand' },
    run(records) {
      const l = layoutOf(records, rulesetId);
      const set = new Set(l.collapsed);
      if (collapsed) set.add(nodeId); else set.delete(nodeId);
      return { put: [{ ...l, collapsed: [...set].sort() }] };
    },
  };
}

export { layoutOf };
