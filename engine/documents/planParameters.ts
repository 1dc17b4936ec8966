/**
 * The parameters a training plan's simulation draws on, each with its unit, its documented default and where the
 * default comes from. None of them is the share of eligible nominees: the rules decide that. A plan may override any
 * of them (`parameters` in the plan document), giving its own value, confidence and source.
 */
import type { Confidence, Label } from './enums.ts';

export const PLAN_PARAMETER_UNITS = ['percent', 'ratio', 'days', 'months'] as const;
export type PlanParameterUnit = (typeof PLAN_PARAMETER_UNITS)[number];

export interface PlanParameterDef {
  label: Label;
  unit: PlanParameterUnit;
  default: number;
  min: number;
  max: number;
  confidence: Confidence;
  /** Where the default comes from, in Vietnamese (the text results carry) and in English (for English pages). */
  source: string;
  sourceEn: string;
}

const ASSUMED = 'Giả định: không tìm thấy số liệu công bố; điều chỉnh theo số liệu của cơ sở đào tạo.';
const ASSUMED_EN = "Assumed: no published figure was found; adjust to the school's own figures.";

/** Every parameter by name, in the order reports list them. */
export const PLAN_PARAMETERS = {
  nominationsPerSeat: {
    label: { vi: 'Số hồ sơ cơ quan cử cho mỗi chỉ tiêu', en: 'Nominations an agency sends per seat of its quota' },
    unit: 'ratio', default: 1, min: 0, max: 5, confidence: 'assumed',
    source: `${ASSUMED} 1 = cơ quan cử đúng chỉ tiêu; > 1 = cử dư, người dư vào danh sách chờ.`,
    sourceEn: `${ASSUMED_EN} 1 = the agency sends exactly its quota; > 1 = it sends more, and the extra wait on the waiting list.`,
  },
  agencyPrecheck: {
    label: { vi: 'Tỷ lệ hồ sơ không đủ điều kiện cơ quan tự phát hiện trước khi cử', en: 'Share of ineligible candidates the agency catches before nominating' },
    unit: 'percent', default: 90, min: 0, max: 100, confidence: 'assumed',
    source: `${ASSUMED} Cơ quan rà soát theo cùng quy định (như llct check); người bị phát hiện được thay bằng người khác.`,
    sourceEn: `${ASSUMED_EN} The agency screens by the same regulation (as llct check does); a candidate it catches is replaced by another.`,
  },
  withdrawalBeforeConvening: {
    label: { vi: 'Tỷ lệ rút hồ sơ trước khi triệu tập', en: 'Share withdrawn before the convening decision' },
    unit: 'percent', default: 2, min: 0, max: 100, confidence: 'assumed', source: ASSUMED, sourceEn: ASSUMED_EN,
  },
  noShow: {
    label: { vi: 'Tỷ lệ không đến nhập học', en: 'No-show rate at opening' },
    unit: 'percent', default: 2, min: 0, max: 100, confidence: 'assumed', source: ASSUMED, sourceEn: ASSUMED_EN,
  },
  dropOut: {
    label: { vi: 'Tỷ lệ thôi học trong khóa', en: 'Drop-out rate during the course' },
    unit: 'percent', default: 2, min: 0, max: 100, confidence: 'assumed', source: ASSUMED, sourceEn: ASSUMED_EN,
  },
  suspension: {
    label: { vi: 'Tỷ lệ bảo lưu trong khóa', en: 'Suspension (deferral) rate during the course' },
    unit: 'percent', default: 1, min: 0, max: 100, confidence: 'assumed', source: ASSUMED, sourceEn: ASSUMED_EN,
  },
  lowAttendance: {
    label: { vi: 'Tỷ lệ chuyên cần dưới ngưỡng dự thi', en: 'Share with attendance below the exam threshold' },
    unit: 'percent', default: 2, min: 0, max: 100, confidence: 'assumed',
    source: `${ASSUMED} Ngưỡng chuyên cần là tham số attendanceThreshold của quy trình học viên.`,
    sourceEn: `${ASSUMED_EN} The attendance threshold is the learner lifecycle's attendanceThreshold parameter.`,
  },
  examPass: {
    label: { vi: 'Tỷ lệ thi đạt lần đầu (mọi khối)', en: 'First-sitting pass rate (every block)' },
    unit: 'percent', default: 95, min: 0, max: 100, confidence: 'assumed', source: ASSUMED, sourceEn: ASSUMED_EN,
  },
  resitPass: {
    label: { vi: 'Tỷ lệ thi lại đạt', en: 'Re-sit pass rate' },
    unit: 'percent', default: 85, min: 0, max: 100, confidence: 'assumed', source: ASSUMED, sourceEn: ASSUMED_EN,
  },
  veryGoodShare: {
    label: { vi: 'Tỷ lệ người thi đạt có điểm trung bình loại giỏi', en: 'Share of passing learners averaging "very good"' },
    unit: 'percent', default: 20, min: 0, max: 100, confidence: 'assumed',
    source: `${ASSUMED} Ngưỡng xếp loại là tham số veryGoodFrom/goodFrom của quy trình học viên.`,
    sourceEn: `${ASSUMED_EN} The classification thresholds are the learner lifecycle's veryGoodFrom/goodFrom parameters.`,
  },
  goodShare: {
    label: { vi: 'Tỷ lệ người thi đạt có điểm trung bình loại khá', en: 'Share of passing learners averaging "good"' },
    unit: 'percent', default: 55, min: 0, max: 100, confidence: 'assumed', source: ASSUMED, sourceEn: ASSUMED_EN,
  },
  postponementRisk: {
    label: { vi: 'Khả năng một lớp bị tạm hoãn trước tuyển sinh', en: 'Risk that a class is postponed before recruitment' },
    unit: 'percent', default: 5, min: 0, max: 100, confidence: 'assumed', source: ASSUMED, sourceEn: ASSUMED_EN,
  },
  postponementMonths: {
    label: { vi: 'Thời gian hoãn tối đa (tháng)', en: 'Longest postponement (months)' },
    unit: 'months', default: 2, min: 1, max: 24, confidence: 'assumed', source: ASSUMED, sourceEn: ASSUMED_EN,
  },
  cancellationAfterPostponement: {
    label: { vi: 'Khả năng lớp đã hoãn bị hủy', en: 'Risk that a postponed class is cancelled' },
    unit: 'percent', default: 10, min: 0, max: 100, confidence: 'assumed', source: ASSUMED, sourceEn: ASSUMED_EN,
  },
  recruitmentLeadDays: {
    label: { vi: 'Thông báo tuyển sinh trước khai giảng (ngày)', en: 'Recruitment opens this many days before opening' },
    unit: 'days', default: 75, min: 7, max: 365, confidence: 'assumed',
    source: `${ASSUMED} Hà Nội 2024: kế hoạch 215-KH/TU ngày 21/02/2024, khai giảng 16/05/2024 (Tạp chí Cộng sản).`,
    sourceEn: `${ASSUMED_EN} Hà Nội 2024: plan 215-KH/TU of 21/02/2024, opening on 16/05/2024 (Tạp chí Cộng sản).`,
  },
  screeningLeadDays: {
    label: { vi: 'Hết hạn nhận hồ sơ trước khai giảng (ngày)', en: 'Recruitment closes this many days before opening' },
    unit: 'days', default: 30, min: 3, max: 300, confidence: 'assumed', source: ASSUMED, sourceEn: ASSUMED_EN,
  },
  convenedLeadDays: {
    label: { vi: 'Quyết định triệu tập trước khai giảng (ngày)', en: 'Convening decision this many days before opening' },
    unit: 'days', default: 14, min: 1, max: 200, confidence: 'assumed', source: ASSUMED, sourceEn: ASSUMED_EN,
  },
  graduationAfterExamsDays: {
    label: { vi: 'Công nhận tốt nghiệp sau ngày bắt đầu thi (ngày)', en: 'Graduation decision this many days after exams start' },
    unit: 'days', default: 45, min: 31, max: 365, confidence: 'assumed',
    source: `${ASSUMED} Lịch trong khoảng này: điểm thi sau 7 ngày, kết thúc thi sau 14 ngày, thi lại sau 30 ngày.`,
    sourceEn: `${ASSUMED_EN} Within this span: scores after 7 days, exams end after 14 days, re-sits after 30 days.`,
  },
} as const satisfies Record<string, PlanParameterDef>;

export type PlanParameterName = keyof typeof PLAN_PARAMETERS;
export const PLAN_PARAMETER_NAMES = Object.keys(PLAN_PARAMETERS) as PlanParameterName[];
/** The value of every parameter a simulation uses. */
export type PlanParameterValues = Record<PlanParameterName, number>;
