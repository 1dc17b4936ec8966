/** The lifecycle editor's words, Vietnamese first. */
import type { Label } from '../../engine/documents/enums.ts';
import { fillText } from '../i18n/fillText.ts';
import type { Lang } from '../../engine/rules/messages.ts';

export const LIFECYCLE_STRINGS = {
  view: { vi: 'Quy trình lớp', en: 'Lifecycles' },
  lifecycle: { vi: 'Quy trình', en: 'Lifecycle' },
  toolbar: { vi: 'Thanh công cụ soạn quy trình', en: 'Lifecycle editor toolbar' },
  addState: { vi: 'Thêm trạng thái', en: 'Add state' },
  newStateLabel: { vi: 'Trạng thái mới', en: 'New state' },
  autoLayout: { vi: 'Tự động sắp xếp', en: 'Auto-layout' },
  canvas: { vi: 'Sơ đồ quy trình {title}', en: 'Diagram of lifecycle {title}' },
  state: { vi: 'Trạng thái', en: 'State' },
  initial: { vi: 'trạng thái đầu', en: 'initial state' },
  final: { vi: 'trạng thái kết thúc', en: 'final state' },
  problems: { vi: 'vấn đề', en: 'problems' },
  inspector: { vi: 'Thuộc tính', en: 'Inspector' },
  stateId: { vi: 'Mã trạng thái', en: 'State id' },
  rename: { vi: 'Đổi tên', en: 'Rename' },
  renameHint: { vi: 'Đổi mã cập nhật mọi chỗ nhắc đến trạng thái (cả quy trình lớp dùng quy trình học viên này) và ghi vào "revisions", để lớp đã lưu vẫn mở lại được.', en: 'Renaming updates every reference to the state (the class lifecycle using this learner lifecycle too) and is recorded in "revisions", so saved classes still resume.' },
  labelVi: { vi: 'Tên (tiếng Việt)', en: 'Name (Vietnamese)' },
  labelEn: { vi: 'Tên (tiếng Anh)', en: 'Name (English)' },
  isFinal: { vi: 'Trạng thái kết thúc', en: 'Final state' },
  makeInitial: { vi: 'Đặt làm trạng thái đầu', en: 'Make initial state' },
  isInitial: { vi: 'Đây là trạng thái đầu.', en: 'This is the initial state.' },
  deleteState: { vi: 'Xoá trạng thái', en: 'Delete state' },
  deleteStateConfirm: { vi: 'Xoá trạng thái "{state}" và {n} chuyển tiếp dẫn vào nó? Lớp đã lưu đang ở trạng thái này sẽ không mở lại được. Có thể hoàn tác (Ctrl+Z).', en: 'Delete state "{state}" and the {n} transitions into it? A saved class in this state will not resume. You can undo (Ctrl+Z).' },
  transitions: { vi: 'Chuyển tiếp đi ra', en: 'Outgoing transitions' },
  transitionsOfPair: { vi: 'Chuyển tiếp từ "{from}" sang "{to}"', en: 'Transitions from "{from}" to "{to}"' },
  noTransitions: { vi: 'Chưa có chuyển tiếp.', en: 'No transitions yet.' },
  event: { vi: 'Sự kiện', en: 'Event' },
  target: { vi: 'Sang trạng thái', en: 'To state' },
  stays: { vi: '(giữ nguyên trạng thái)', en: '(stays in the state)' },
  guard: { vi: 'Điều kiện', en: 'Guard' },
  noGuard: { vi: 'không có điều kiện', en: 'no guard' },
  actions: { vi: 'Hành động', en: 'Actions' },
  none: { vi: 'không có', en: 'none' },
  deleteTransition: { vi: 'Xoá chuyển tiếp', en: 'Delete transition' },
  addTransition: { vi: 'Thêm chuyển tiếp', en: 'Add transition' },
  newEvent: { vi: 'Sự kiện mới (VIET_HOA)', en: 'New event (UPPER_CASE)' },
  addEvent: { vi: 'Thêm sự kiện', en: 'Add event' },
  parameters: { vi: 'Tham số', en: 'Parameters' },
  byLevelMode: { vi: 'theo trình độ và hình thức', en: 'by level and mode' },
  source: { vi: 'Nguồn', en: 'Source' },
  diagnostics: { vi: 'Lỗi và cảnh báo', en: 'Errors and warnings' },
  noDiagnostics: { vi: 'Không có lỗi hay cảnh báo.', en: 'No errors or warnings.' },
  document: { vi: 'Tài liệu quy trình', en: 'Lifecycle document' },
  revision: { vi: 'Phiên bản chính sách', en: 'Policy revision' },
  selectHint: { vi: 'Chọn một trạng thái hoặc mũi tên trên sơ đồ, hay trong danh sách dưới đây.', en: 'Select a state or an arrow on the diagram, or in the list below.' },
  statesList: { vi: 'Các trạng thái', en: 'States' },
  shortcuts: { vi: 'Phím tắt: Ctrl+Z hoàn tác, Ctrl+Shift+Z / Ctrl+Y làm lại; Enter trên một trạng thái để chọn; kéo để sắp xếp.', en: 'Shortcuts: Ctrl+Z undo, Ctrl+Shift+Z / Ctrl+Y redo; Enter on a state selects it; drag to arrange.' },
  refused: { vi: 'Không thực hiện được', en: 'Not done' },
  close: { vi: 'Đóng', en: 'Close' },
  undo: { vi: 'Hoàn tác', en: 'Undo' },
  redo: { vi: 'Làm lại', en: 'Redo' },
  assumed: { vi: 'giả định', en: 'assumed' },
  export: { vi: 'Xuất quy trình', en: 'Export lifecycle' },
  exportHint: { vi: 'Tệp JSON mà llct lifecycle validate và llct lifecycle replay --workflow nhận.', en: 'The JSON file llct lifecycle validate and llct lifecycle replay --workflow take.' },
} as const satisfies Record<string, Label>;

export type LifecycleStringKey = keyof typeof LIFECYCLE_STRINGS;

export function lt(lang: Lang, key: LifecycleStringKey, vars: Record<string, string | number> = {}): string {
  return fillText(LIFECYCLE_STRINGS[key], lang, vars);
}
