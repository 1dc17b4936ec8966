/**
 * Layout commands: positions (a drag, or auto-layout) and collapsed nodes of a canvas (a ruleset's or a lifecycle's). The layout is kept
 * apart from the documents; it is still part of the workspace, so a drag is one undoable entry.
 */
import type { Command } from '../createWorkspaceStore.ts';
import { layoutIdOf, type LayoutRecord, type Point, type RecordId, type Records } from '../records.ts';
import { isRefusal, refuse, type Refusal } from './kit.ts';

/** A layout belongs to a document with a canvas; one for anything else would be set aside as "a layout of nothing" on reload. */
const NO_CANVAS = refuse('Không có sơ đồ để sắp xếp: tài liệu không còn trong không gian làm việc.', 'There is no canvas to lay out: the document is no longer in the workspace.');

/** The layout of `ownerId`'s canvas (an empty one when none was saved), or the refusal when it names no ruleset or lifecycle. */
function layoutOr(records: Records, ownerId: RecordId): LayoutRecord | Refusal {
  const owner = records.get(ownerId);
  return owner?.type === 'ruleset' || owner?.type === 'lifecycle' ? layoutOf(records, ownerId) : NO_CANVAS;
}

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
      const l = layoutOr(records, ownerId);
      return isRefusal(l) ? l : { put: [{ ...l, positions: { ...l.positions, ...positions } }] };
    },
  };
}

/** Replaces every position (auto-layout, run only when the user asks). */
export function setLayout(ownerId: RecordId, positions: Readonly<Record<RecordId, Point>>): Command {
  return {
    type: 'layout/auto',
    label: { vi: 'Tự động sắp xếp', en: 'Auto-layout' },
    run(records) {
      const l = layoutOr(records, ownerId);
      return isRefusal(l) ? l : { put: [{ ...l, positions: { ...positions } }] };
    },
  };
}

export function setCollapsed(ownerId: RecordId, nodeId: RecordId, collapsed: boolean): Command {
  return {
    type: 'layout/collapse',
    label: collapsed ? { vi: 'Thu gọn', en: 'Collapse' } : { vi: 'Mở rộng', en: 'Expand' },
    run(records) {
      const l = layoutOr(records, ownerId);
      if (isRefusal(l)) return l;
      const set = new Set(l.collapsed);
      if (collapsed) set.add(nodeId); else set.delete(nodeId);
      return { put: [{ ...l, collapsed: [...set].sort() }] };
    },
  };
}

export { layoutOf };
