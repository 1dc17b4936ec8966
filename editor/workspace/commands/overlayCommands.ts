/**
 * Commands on the workspace's overlays (`llct/ruleset-overlay`): add an imported overlay, and remove one. The overlay
 * is kept as written; the editor shows it over its base read-only (its changes are edited in the file, under their
 * decisions).
 */
import type { Command } from '../createWorkspaceStore.ts';
import { overlayRecordId, type RecordId } from '../records.ts';
import { isRefusal, recordOr, refuse } from './kit.ts';

const OVERLAY_NOT_FOUND = refuse('Không tìm thấy lớp phủ.', 'Overlay not found.');

/** Adds an overlay document under `overlay:<its id>`; refused when the workspace has one with that id already. */
export function addOverlay(doc: Record<string, unknown> & { id: string }): Command {
  const id = overlayRecordId(doc.id);
  return {
    type: 'overlay/add',
    label: { vi: 'Thêm lớp phủ', en: 'Add overlay' },
    run(records) {
      if (records.has(id)) return refuse(`Đã có lớp phủ "${doc.id}" trong không gian làm việc: xoá nó trước khi nhập lại.`, `The workspace has overlay "${doc.id}" already: remove it before importing it again.`);
      return { put: [{ id, type: 'overlay', doc: structuredClone(doc) }] };
    },
  };
}

/** Removes an overlay record. */
export function removeOverlay(id: RecordId): Command {
  return {
    type: 'overlay/remove',
    label: { vi: 'Xoá lớp phủ', en: 'Remove overlay' },
    run(records) {
      const r = recordOr(records, id, 'overlay', OVERLAY_NOT_FOUND);
      return isRefusal(r) ? r : { remove: [id] };
    },
  };
}
