/** Words of the set-aside panel (parts of a stored workspace that did not read) and of per-view failures. Vietnamese first. */
import type { Label } from '../../engine/documents/enums.ts';
import type { Lang } from '../../engine/rules/messages.ts';
import type { SetAsideKind } from '../workspace/readWorkspace.ts';

export const SET_ASIDE_STRINGS = {
  title: { vi: 'Có {count} phần chưa đọc được, đang được để riêng', en: '{count} parts could not be read and are set aside' },
  body: {
    vi: 'Mọi phần khác của không gian làm việc đã mở và được tự động lưu như thường. Các phần dưới đây được giữ nguyên trong bộ nhớ trình duyệt, không bị ghi đè, cho đến khi bạn chọn.',
    en: 'Every other part of the workspace is open and autosaved as usual. The parts below are kept as they are in the browser’s storage, never overwritten, until you choose.',
  },
  reasons: { vi: 'Lý do:', en: 'Reasons:' },
  moreReasons: { vi: '… và {count} lý do khác', en: '… and {count} more reasons' },
  exportPart: { vi: 'Xuất ra tệp', en: 'Export as a file' },
  repairPart: { vi: 'Sửa tại chỗ', en: 'Repair in place' },
  repairWhat: { vi: 'Sửa tại chỗ sẽ bỏ: {what}. Bản gốc được tải về trước; có thể hoàn tác.', en: 'Repairing leaves out: {what}. The original is downloaded first; it can be undone.' },
  dropPart: { vi: 'Bỏ phần này', en: 'Drop this part' },
  dropConfirm: { vi: 'Bỏ "{part}"? Một bản sao sẽ được tải về máy trước.', en: 'Drop "{part}"? A copy is downloaded first.' },
  repaired: { vi: 'Đã sửa "{part}" và đưa vào không gian làm việc (bản gốc đã tải về).', en: 'Repaired "{part}" and put it back in the workspace (the original was downloaded).' },
  dropped: { vi: 'Đã bỏ "{part}" (bản sao đã tải về).', en: 'Dropped "{part}" (a copy was downloaded).' },
  savedRunTitle: { vi: 'Lượt chạy lớp đã lưu không đọc được và đang được để riêng', en: 'The saved class run could not be read and is set aside' },
  viewFailed: { vi: 'Không hiển thị được phần này; các thẻ khác vẫn dùng được và công việc của bạn vẫn được lưu.', en: 'This view could not be shown; the other tabs still work and your work is still saved.' },
  viewFailedDetails: { vi: 'Chi tiết kỹ thuật', en: 'Technical details' },
} as const satisfies Record<string, Label>;

export type SetAsideStringKey = keyof typeof SET_ASIDE_STRINGS;

const KIND_NAMES: Record<SetAsideKind, { vi: string; en: string }> = {
  ruleset: { vi: 'Bộ quy tắc', en: 'Ruleset' },
  lifecycle: { vi: 'Quy trình', en: 'Lifecycle' },
  plan: { vi: 'Kế hoạch', en: 'Plan' },
  version: { vi: 'Phiên bản đã lưu', en: 'Saved version' },
  layout: { vi: 'Bố cục sơ đồ', en: 'Canvas layout' },
  golden: { vi: 'Bộ ca kiểm thử', en: 'Golden cases' },
  cadres: { vi: 'Cán bộ mẫu', en: 'Sample cadres' },
  record: { vi: 'Bản ghi', en: 'Record' },
  history: { vi: 'Lịch sử hoàn tác', en: 'Undo history' },
  'saved-run': { vi: 'Lượt chạy lớp đã lưu', en: 'Saved class run' },
};

/** "Bộ quy tắc ruleset:57-qd-tw" / "Undo history". */
export function partName(lang: Lang, kind: SetAsideKind, id: string): string {
  const name = KIND_NAMES[kind][lang];
  return id ? `${name} ${id}` : name;
}
