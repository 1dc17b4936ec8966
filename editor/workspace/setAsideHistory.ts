/**
 * The stored undo history as a set-aside part, when it does not read or does not fit the workspace it is stored with
 * (a part of the workspace set aside, an edit from another version): kept in storage as it is rather than replaced
 * by this session's history, until the user exports or drops it. An absent or empty history is not a part.
 */
import { diagnostic } from '../../engine/diagnostics/Diagnostic.ts';
import type { SetAsidePart } from './readWorkspace.ts';

const isEmptyHistory = (raw: unknown) => typeof raw === 'object' && raw !== null
  && Array.isArray((raw as { undo?: unknown }).undo) && (raw as { undo: unknown[] }).undo.length === 0
  && Array.isArray((raw as { redo?: unknown }).redo) && (raw as { redo: unknown[] }).redo.length === 0;

export function setAsideHistory(raw: unknown): SetAsidePart | undefined {
  if (raw === undefined || raw === null || isEmptyHistory(raw)) return undefined;
  return {
    key: 'history', kind: 'history', id: '', raw: [raw],
    reasons: [diagnostic('workspace/history-unfit', 'error', 'history',
      { vi: 'Lịch sử hoàn tác đã lưu không đọc được hoặc không khớp với không gian làm việc (có thể vì một phần đang được để riêng); chưa thể hoàn tác các bước trước lần tải lại.', en: 'The stored undo history does not read or does not fit the workspace (perhaps because a part is set aside); steps before the reload cannot be undone yet.' })],
  };
}
