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

/**
 * The range a calibration (`llct simulate --calibrate`) searches for each parameter it may fit, its prior: uniform
 * over `min`–`max`, in the parameter's unit. Assumed, as the defaults are: wide enough to hold any school's year that
 * the defaults describe, narrow enough that a few hundred seeded runs per step can explore it. Only the rates that
 * move counts of learners are here; the timings (`…LeadDays`, `…Months`, `graduationAfterExamsDays`) set dates,
 * which the observations (counts) cannot tell apart, and the classification shares do not change any count, so
 * none of them is ever fitted.
 */
export const PLAN_PARAMETER_FIT_RANGES: Partial<Record<PlanParameterName, { min: number; max: number }>> = {
  nominationsPerSeat: { min: 0.8, max: 1.5 },
  agencyPrecheck: { min: 50, max: 100 },
  withdrawalBeforeConvening: { min: 0, max: 10 },
  noShow: { min: 0, max: 10 },
  dropOut: { min: 0, max: 15 },
  suspension: { min: 0, max: 10 },
  lowAttendance: { min: 0, max: 15 },
  examPass: { min: 60, max: 100 },
  resitPass: { min: 40, max: 100 },
  postponementRisk: { min: 0, max: 20 },
  cancellationAfterPostponement: { min: 0, max: 50 },
};
