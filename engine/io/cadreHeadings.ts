/**
 * The headings a cadre list may carry in a workbook (or any table a person typed): for each contract column of
 * `cadreColumns.ts`, the heading the template writes (Vietnamese, English) and the other names organisation boards
 * use. One table: the workbook reader finds columns by it, the template and the results workbook write from it.
 * Matching ignores case, diacritics, `đ`/`d` and punctuation, so "Họ và tên", "HỌ VÀ TÊN" and "Ho va ten" are one
 * heading. `Xếp loại 2024` / `Rating 2024` is the rating of one year (a column per year).
 */
import type { Label } from '../documents/enums.ts';
import { CADRE_COLUMNS, COLUMN_BY_NAME, type Column } from './cadreColumns.ts';

/** The heading written for each column, and further names read as the same column (either language). */
export const CADRE_HEADINGS: Readonly<Record<string, { heading: Label; aliases?: readonly string[] }>> = {
  id: { heading: { vi: 'Mã cán bộ', en: 'Cadre id' }, aliases: ['Mã', 'Mã số', 'Mã số cán bộ', 'Số hiệu cán bộ', 'ID'] },
  fullName: { heading: { vi: 'Họ và tên', en: 'Full name' }, aliases: ['Họ tên', 'Name'] },
  sex: { heading: { vi: 'Giới tính', en: 'Sex' }, aliases: ['Gender', 'Nam/nữ'] },
  birthDate: { heading: { vi: 'Ngày sinh', en: 'Date of birth' }, aliases: ['Ngày, tháng, năm sinh', 'Ngày tháng năm sinh', 'Birth date'] },
  ethnicMinority: { heading: { vi: 'Dân tộc thiểu số', en: 'Ethnic minority' } },
  difficultArea: { heading: { vi: 'Vùng đặc biệt khó khăn', en: 'Difficult area' }, aliases: ['Vùng khó khăn'] },
  'party.status': { heading: { vi: 'Đảng viên', en: 'Party status' }, aliases: ['Tình trạng đảng viên', 'Đảng tịch'] },
  'party.joinedOn': { heading: { vi: 'Ngày vào Đảng', en: 'Joined the Party on' }, aliases: ['Ngày kết nạp Đảng', 'Ngày kết nạp'] },
  'party.fullOn': { heading: { vi: 'Ngày chính thức', en: 'Full member on' }, aliases: ['Ngày vào Đảng chính thức', 'Ngày chuyển chính thức'] },
  education: { heading: { vi: 'Trình độ chuyên môn', en: 'Education' }, aliases: ['Trình độ đào tạo', 'Trình độ chuyên môn, nghiệp vụ', 'Học vấn'] },
  politicalTheory: { heading: { vi: 'Lý luận chính trị', en: 'Political theory' }, aliases: ['Trình độ lý luận chính trị', 'Trình độ LLCT', 'LLCT'] },
  'workplace.tier': { heading: { vi: 'Cấp cơ quan', en: 'Workplace tier' }, aliases: ['Cấp hành chính'] },
  'workplace.province': { heading: { vi: 'Tỉnh, thành phố', en: 'Province' }, aliases: ['Tỉnh/thành phố', 'Tỉnh thành'] },
  'workplace.sector': { heading: { vi: 'Khối', en: 'Sector' }, aliases: ['Khối cơ quan'] },
  'workplace.agency': { heading: { vi: 'Cơ quan, đơn vị', en: 'Agency' }, aliases: ['Cơ quan', 'Đơn vị', 'Đơn vị công tác', 'Cơ quan công tác'] },
  position: { heading: { vi: 'Chức vụ', en: 'Position' }, aliases: ['Chức vụ hiện tại', 'Chức vụ hiện nay', 'Chức danh'] },
  planning: { heading: { vi: 'Quy hoạch', en: 'Planned for' }, aliases: ['Chức danh quy hoạch', 'Planning'] },
  'civilService.grade': { heading: { vi: 'Ngạch', en: 'Civil-service grade' }, aliases: ['Ngạch công chức', 'Grade'] },
  'civilService.since': { heading: { vi: 'Giữ ngạch từ', en: 'Grade since' }, aliases: ['Ngày giữ ngạch'] },
  'civilService.candidatePool': { heading: { vi: 'Trong nguồn nâng ngạch', en: 'In the candidate pool' } },
  'lecturer.teachingSince': { heading: { vi: 'Giảng dạy từ', en: 'Teaching since' }, aliases: ['Ngày bắt đầu giảng dạy'] },
  ratings: { heading: { vi: 'Xếp loại', en: 'Ratings' }, aliases: ['Xếp loại các năm', 'Đánh giá, xếp loại'] },
  'nomination.level': { heading: { vi: 'Cấp học cử đi', en: 'Nominated level' }, aliases: ['Cử đi học', 'Hệ cử đi học'] },
  'nomination.mode': { heading: { vi: 'Hình thức học', en: 'Study mode' }, aliases: ['Hình thức đào tạo'] },
  'nomination.on': { heading: { vi: 'Ngày cử đi học', en: 'Nominated on' }, aliases: ['Ngày cử'] },
  'nomination.onRequest': { heading: { vi: 'Theo nguyện vọng', en: 'On request' } },
  'nomination.specialDecision.waives': { heading: { vi: 'Quyết định riêng: quy định được miễn', en: 'Special decision: rule waived' } },
  'nomination.specialDecision.decidedBy': { heading: { vi: 'Quyết định riêng: cấp quyết định', en: 'Special decision: decided by' } },
  'nomination.specialDecision.number': { heading: { vi: 'Quyết định riêng: số', en: 'Special decision: number' } },
  'nomination.specialDecision.on': { heading: { vi: 'Quyết định riêng: ngày', en: 'Special decision: date' } },
};

/** A heading as matched: lower case, no diacritics, `đ` as `d`, runs of anything but letters and digits as one space. */
export function foldHeading(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/g, 'd').toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

const BY_FOLDED = new Map<string, Column>();
for (const column of CADRE_COLUMNS) {
  const h = CADRE_HEADINGS[column.name];
  const names = [column.name, ...(h ? [h.heading.vi, h.heading.en, ...(h.aliases ?? [])] : [])];
  for (const name of names) BY_FOLDED.set(foldHeading(name), column);
}
const RATING_YEAR = /^(?:xep loai|danh gia xep loai|rating|ratings) (?:nam |year )?(\d{4})$/;

/** What a heading names: a contract column, one year's rating, or nothing known. */
export type HeadingMatch = { kind: 'column'; column: Column } | { kind: 'rating-year'; year: number } | undefined;

/** The column a heading names (see the module's matching rules). */
export function matchHeading(text: string): HeadingMatch {
  const folded = foldHeading(text);
  if (folded === '') return undefined;
  const exact = COLUMN_BY_NAME.get(text.trim());
  if (exact) return { kind: 'column', column: exact };
  const column = BY_FOLDED.get(folded);
  if (column) return { kind: 'column', column };
  const year = RATING_YEAR.exec(folded);
  return year ? { kind: 'rating-year', year: Number(year[1]) } : undefined;
}

/** The heading written for a column in `lang`. */
export function headingOf(column: Column, lang: 'vi' | 'en'): string {
  return CADRE_HEADINGS[column.name]?.heading[lang] ?? column.name;
}

if (CADRE_COLUMNS.some((c) => !CADRE_HEADINGS[c.name])) throw new Error('cadreHeadings: a column of CADRE_COLUMNS has no heading');
