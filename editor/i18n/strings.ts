/**
 * The page's own words, Vietnamese first. Enum values are not here: they come from `LABELS` in
 * engine/documents/enums.ts, and rule texts come from the ruleset.
 */
import type { Label } from '../../engine/documents/enums.ts';
import type { Lang } from '../../engine/rules/messages.ts';

export type { Lang };

export const STRINGS = {
  appTitle: { vi: 'Kiểm tra điều kiện cử đi học lý luận chính trị', en: 'Political-theory training eligibility check' },
  appSubtitle: {
    vi: 'Đối tượng, tiêu chuẩn và phân cấp đào tạo theo Quy định 57-QĐ/TW (2022) và 350-QĐ/TW (2025). Quy định áp dụng được chọn theo ngày cử đi học.',
    en: 'Subjects, standards and tiering of training under Regulations 57-QĐ/TW (2022) and 350-QĐ/TW (2025). The regulation applied is chosen by the nomination date.',
  },
  switchLanguage: { vi: 'English', en: 'Tiếng Việt' },
  switchLanguageLabel: { vi: 'Chuyển sang tiếng Anh', en: 'Switch to Vietnamese' },
  sample: { vi: 'Hồ sơ mẫu', en: 'Sample cadre' },
  nomination: { vi: 'Cử đi học', en: 'Nomination' },
  level: { vi: 'Trình độ', en: 'Level' },
  mode: { vi: 'Hình thức học', en: 'Study mode' },
  nominationDate: { vi: 'Ngày cử đi học', en: 'Nomination date' },
  dateHint: { vi: 'Dạng NN/TT/NNNN, ví dụ 01/03/2024', en: 'As DD/MM/YYYY, e.g. 01/03/2024' },
  dateInvalid: { vi: 'Ngày không hợp lệ: nhập theo dạng NN/TT/NNNN và ngày phải có thật.', en: 'Not a valid date: type DD/MM/YYYY, and the day must exist.' },
  cadre: { vi: 'Hồ sơ cán bộ', en: 'Cadre profile' },
  fullName: { vi: 'Họ và tên', en: 'Full name' },
  sex: { vi: 'Giới tính', en: 'Sex' },
  birthDate: { vi: 'Ngày sinh', en: 'Date of birth' },
  ageOnNomination: { vi: '{age} tuổi tròn tại ngày cử đi học', en: 'Aged {age} on the nomination date' },
  partyStatus: { vi: 'Đảng viên', en: 'Party status' },
  education: { vi: 'Trình độ học vấn', en: 'Education' },
  politicalTheory: { vi: 'Trình độ LLCT đã có', en: 'Political theory held' },
  position: { vi: 'Chức vụ hiện tại', en: 'Current position' },
  noPosition: { vi: '(không giữ chức vụ)', en: '(no position)' },
  planning: { vi: 'Quy hoạch', en: 'In planning for' },
  workplace: { vi: 'Nơi công tác', en: 'Workplace' },
  province: { vi: 'Tỉnh, thành phố nơi công tác', en: 'Province of the workplace' },
  workplaceTier: { vi: 'Cấp', en: 'Tier' },
  until: { vi: 'đến', en: 'until' },
  ethnicMinority: { vi: 'Người dân tộc thiểu số', en: 'Ethnic minority' },
  difficultArea: { vi: 'Công tác ở vùng khó khăn', en: 'Works in a difficult area' },
  ratings: { vi: 'Xếp loại chất lượng', en: 'Performance ratings' },
  noRatings: { vi: '(chưa có)', en: '(none)' },
  noPlanning: { vi: '(không)', en: '(none)' },
  notGiven: { vi: '(không rõ)', en: '(unknown)' },
  result: { vi: 'Kết quả', en: 'Result' },
  regulationApplied: { vi: 'Quy định áp dụng', en: 'Regulation applied' },
  eligible: { vi: 'Đủ điều kiện', en: 'Eligible' },
  notEligible: { vi: 'Chưa đủ điều kiện', en: 'Not eligible' },
  checking: { vi: 'Đang kiểm tra…', en: 'Checking…' },
  failures: { vi: 'Lý do chưa đủ điều kiện', en: 'Why not eligible' },
  notSubject: {
    vi: 'Không thuộc đối tượng được cử đi học {level}. Không khớp nhóm đối tượng nào:',
    en: 'Not among the subjects of {level} training. No subject group matches:',
  },
  met: { vi: 'Đã đáp ứng', en: 'Met' },
  subjectMatched: { vi: 'Thuộc đối tượng', en: 'Subject of' },
  standardMet: { vi: 'Đạt tiêu chuẩn', en: 'Meets the standard' },
  institution: { vi: 'Cơ sở đào tạo', en: 'Training institution' },
  noInstitution: { vi: 'Không xác định được cơ sở đào tạo.', en: 'No training institution could be determined.' },
  assumedWarning: {
    vi: 'Kết luận này dựa vào quy tắc giả định (chưa đọc thấy trong văn bản gốc), cần đối chiếu trước khi sử dụng:',
    en: 'This verdict relies on assumed rules (not read in the original text); verify them before relying on it:',
  },
  notes: { vi: 'Ghi chú', en: 'Notes' },
  notesInVietnamese: { vi: '', en: '(in Vietnamese)' },
  confidence: { vi: 'Độ tin cậy', en: 'Confidence' },
  cannotCheck: { vi: 'Không kiểm tra được', en: 'Cannot check' },
  evaluationError: {
    vi: 'Lỗi khi đánh giá quy tắc. Hãy báo cho người quản trị bộ quy tắc kèm hồ sơ đang kiểm tra. Chi tiết:',
    en: 'A rule could not be evaluated. Report it to the ruleset maintainer with this profile. Details:',
  },
  loadError: {
    vi: 'Không nạp được bộ quy tắc đi kèm. Chi tiết:',
    en: 'The built-in rulesets could not be loaded. Details:',
  },
  renderError: { vi: 'Đã xảy ra lỗi khi hiển thị kết quả. Chi tiết:', en: 'The result could not be shown. Details:' },
  disclaimer: {
    vi: 'Công cụ hỗ trợ tra cứu, không phải văn bản pháp lý. Mỗi quy tắc ghi rõ căn cứ và độ tin cậy.',
    en: 'A reference aid, not legal advice. Every rule states its basis and its confidence.',
  },
} as const satisfies Record<string, Label>;

export type StringKey = keyof typeof STRINGS;

/** The page's text for a key in the chosen language. */
export function t(lang: Lang, key: StringKey): string {
  return STRINGS[key][lang];
}

