/** The words of the rule editor's regulation-coverage panel, Vietnamese first. Status words come from the engine. */
import type { Label } from '../../engine/documents/enums.ts';

export const COVERAGE_STRINGS = {
  tab: { vi: 'Độ phủ quy định', en: 'Regulation coverage' },
  noOutline: { vi: 'Bộ quy tắc "{id}" chưa có đề cương quy định (llct/regulation-outline): không tính được độ phủ.', en: 'Ruleset "{id}" has no regulation outline (llct/regulation-outline): no coverage to show.' },
  summary: { vi: '{cases} trường hợp mẫu của bộ quy tắc này được tính.', en: '{cases} golden cases of this ruleset are counted.' },
  filter: { vi: 'Lọc theo dấu', en: 'Filter by mark' },
  all: { vi: 'Tất cả', en: 'All' },
  outline: { vi: 'Đề cương {code}', en: 'Outline of {code}' },
  nothingMatches: { vi: 'Không điều khoản nào mang dấu này.', en: 'No provision has this mark.' },
  pickHint: { vi: 'Chọn một điều khoản để xem trích dẫn và chọn các quy tắc của nó trên sơ đồ.', en: 'Choose a provision to see its quotation and select its rules on the canvas.' },
  ruleEncodes: { vi: 'Quy tắc {rule} mã hóa', en: 'Rule {rule} encodes' },
  ruleCitesNone: { vi: 'Quy tắc {rule} không nêu điều khoản nào của đề cương.', en: 'Rule {rule} cites no provision of the outline.' },
  ruleOutOfScope: { vi: 'Quy tắc {rule} thuộc trình độ mà quy định không điều chỉnh: không được dùng, không tính.', en: 'Rule {rule} is for a level the regulation does not regulate: unused, not counted.' },
  key: { vi: 'Khóa', en: 'Key' },
  number: { vi: 'Số điều', en: 'Article' },
  noNumber: { vi: 'chưa biết số điều', en: 'article number unknown' },
  quote: { vi: 'Trích nguồn', en: 'Quoted from the sources' },
  noQuote: { vi: 'Không nguồn nào nêu thành lời.', en: 'No source states it in words.' },
  confidence: { vi: 'Độ tin cậy', en: 'Confidence' },
  sources: { vi: 'Nguồn', en: 'Sources' },
  note: { vi: 'Ghi chú', en: 'Note' },
  encodedBy: { vi: 'Quy tắc mã hóa', en: 'Encoded by' },
  encodedByData: { vi: 'Mã hóa bằng dữ liệu của bộ quy tắc: {field}', en: 'Encoded by ruleset data: {field}' },
  notEncoded: { vi: 'Chưa quy tắc nào mã hóa điều khoản này.', en: 'No rule encodes this provision.' },
  cases: { vi: 'đạt {passed} · không đạt {failed} trường hợp', en: 'passes {passed} · fails {failed} cases' },
  selectOnCanvas: { vi: 'Chọn các quy tắc này trên sơ đồ', en: 'Select these rules on the canvas' },
  uncited: { vi: 'Quy tắc không nêu điều khoản nào', en: 'Rules citing no provision' },
  unknown: { vi: 'Quy tắc nêu khóa không có trong đề cương', en: 'Rules citing a key the outline lacks' },
  untested: { vi: 'Quy tắc thiếu trường hợp mẫu', en: 'Rules without a golden case' },
  missingPassing: { vi: 'thiếu ca đạt', en: 'no passing case' },
  missingFailing: { vi: 'thiếu ca không đạt', en: 'no failing case' },
  provisionsField: { vi: 'Điều khoản mã hóa (khóa đề cương, cách nhau bằng dấu phẩy)', en: 'Provisions encoded (outline keys, comma-separated)' },
  provisionsHint: { vi: 'Ví dụ: tc.subjects.army. Xem thẻ "Độ phủ quy định".', en: 'For example tc.subjects.army. See the "Regulation coverage" panel.' },
} as const satisfies Record<string, Label>;

export type CoverageStringKey = keyof typeof COVERAGE_STRINGS;
