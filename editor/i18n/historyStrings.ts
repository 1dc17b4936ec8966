/** The words of the undo and redo buttons, shared by every view that edits documents. */
import type { Label } from '../../engine/documents/enums.ts';

export const HISTORY_STRINGS = {
  history: { vi: 'Lịch sử', en: 'History' },
  undo: { vi: 'Hoàn tác', en: 'Undo' },
  redo: { vi: 'Làm lại', en: 'Redo' },
  undoStep: { vi: 'Hoàn tác: {step}', en: 'Undo: {step}' },
  redoStep: { vi: 'Làm lại: {step}', en: 'Redo: {step}' },
  undoKeys: { vi: 'Ctrl+Z', en: 'Ctrl+Z' },
  redoKeys: { vi: 'Ctrl+Shift+Z hoặc Ctrl+Y', en: 'Ctrl+Shift+Z or Ctrl+Y' },
  nothingToUndo: { vi: 'Chưa có thay đổi nào ở đây để hoàn tác.', en: 'Nothing here to undo yet.' },
  nothingToRedo: { vi: 'Không có bước nào ở đây để làm lại.', en: 'Nothing here to redo.' },
  undoElsewhere: {
    vi: 'Không hoàn tác ở đây: bước gần nhất «{step}» thuộc {document}, ở thẻ {view}. Mở nó để hoàn tác và thấy thay đổi.',
    en: 'Nothing to undo here: the latest step, “{step}”, is in {document}, on the {view} tab. Open it to undo and see the change.',
  },
  documentRuleset: { vi: 'bộ quy tắc {name}', en: 'ruleset {name}' },
  documentLifecycle: { vi: 'quy trình «{name}»', en: 'lifecycle “{name}”' },
  documentPlan: { vi: 'kế hoạch «{name}»', en: 'plan “{name}”' },
  documentSamples: { vi: 'danh sách hồ sơ mẫu', en: 'the sample cadres' },
  documentOther: { vi: 'tài liệu {name}', en: 'document {name}' },
  viewRules: { vi: 'Soạn quy tắc', en: 'Edit rules' },
  viewLifecycles: { vi: 'Quy trình lớp', en: 'Lifecycles' },
  viewSimulation: { vi: 'Mô phỏng', en: 'Simulation' },
} as const satisfies Record<string, Label>;

export type HistoryStringKey = keyof typeof HISTORY_STRINGS;
