/**
 * The cadre-list template (`llct template --format xlsx`): the contract of "Cadre lists as workbooks". Sheet 1 is an
 * empty list with the headings of cadreHeadings.ts (one `Xếp loại YYYY` column per rating year), one filled example
 * row, and dropdowns (list data validation) of the Vietnamese (or English) labels for every enumerated column —
 * sex, Party status, education, political theory, tier, sector, grade, position, ratings, level, mode, yes/no —
 * drawn from a hidden sheet of lists; sheet 2 says how to fill it in. What a person types from the dropdowns is
 * what the workbook reader reads back. Pure (writeXlsx.ts builds the file in memory).
 */
import type { PositionCatalogue } from '../../documents/catalogue.ts';
import { LABELS, RATINGS, type Label } from '../../documents/enums.ts';
import { CADRE_COLUMNS, type Column } from '../cadreColumns.ts';
import { headingOf } from '../cadreHeadings.ts';
import { dateCell, HEADING_STYLE } from './workbookStyle.ts';
import { columnName, writeXlsx, type XlsxCell, type XlsxStyle, type XlsxValidation, type XlsxValue } from './writeXlsx.ts';

export interface TemplateOptions {
  lang: 'vi' | 'en';
  positions: PositionCatalogue;
  /** The years that get a rating column, oldest first (the three before the nomination year, usually). */
  ratingYears: readonly number[];
  /** Rows given dropdowns below the heading (default 1000). */
  rows?: number;
}

/** The columns of the template: the contract's, but the ratings list (a column per year instead) and special decisions. */
export const TEMPLATE_COLUMNS: readonly Column[] = CADRE_COLUMNS.filter((c) => c.name !== 'ratings' && !c.name.startsWith('nomination.specialDecision.'));

const YES_NO: readonly Label[] = [{ vi: 'có', en: 'yes' }, { vi: 'không', en: 'no' }];

/** The example row, by column name (ISO dates, values as codes; written as labels). */
const EXAMPLE: Readonly<Record<string, string | boolean>> = {
  id: 'VD-001', fullName: 'Nguyễn Văn An', sex: 'male', birthDate: '1985-04-15', ethnicMinority: false, difficultArea: false,
  'party.status': 'full', 'party.joinedOn': '2010-05-12', 'party.fullOn': '2011-05-12', education: 'university',
  politicalTheory: 'elementary', 'workplace.tier': 'province', 'workplace.province': 'Hà Nội', 'workplace.sector': 'state',
  'workplace.agency': 'Sở Tư pháp', position: 'head-of-division', 'civilService.grade': 'specialist', 'civilService.since': '2015-01-01',
  'civilService.candidatePool': false, 'nomination.level': 'intermediate', 'nomination.mode': 'part-time',
};
const EXAMPLE_RATINGS = ['good', 'good', 'excellent'] as const;

const TEXT = {
  list: { vi: 'Danh sách', en: 'List' },
  help: { vi: 'Hướng dẫn', en: 'Instructions' },
  lists: { vi: 'Danh mục', en: 'Lists' },
  rating: { vi: 'Xếp loại', en: 'Rating' },
  lines: {
    vi: [
      'MẪU DANH SÁCH CÁN BỘ ĐỀ NGHỊ CỬ ĐI HỌC LÝ LUẬN CHÍNH TRỊ (llct)',
      '',
      'Cách điền:',
      '1. Mỗi cán bộ một hàng ở trang "Danh sách", bắt đầu từ hàng 3; hàng 2 là ví dụ, hãy xoá hoặc ghi đè.',
      '2. Không đổi tên, không xoá dòng tiêu đề. Có thể bỏ những cột không dùng (trừ Mã cán bộ, Giới tính, Ngày sinh, Trình độ chuyên môn).',
      '3. Cột có mũi tên: chọn trong danh sách thả xuống (giới tính, đảng viên, trình độ, lý luận chính trị, chức vụ, xếp loại…).',
      '4. Ngày ghi theo ngày/tháng/năm, ví dụ 15/04/1985.',
      '5. Cột "Quy hoạch": mã hoặc tên chức danh, nhiều chức danh ngăn bằng dấu ;',
      '6. Mỗi năm đánh giá, xếp loại một cột "Xếp loại NĂM"; thêm cột cho năm khác bằng cách chép cột và đổi năm.',
      '7. Có thể đặt mỗi cơ quan, đơn vị một trang tính, với cùng dòng tiêu đề; llct đọc mọi trang tính đang hiện.',
      '',
      'Kiểm tra: llct check --cadres danh-sach.xlsx --level intermediate --mode part-time --on 01/03/2025',
      'Kết quả ra sổ tính: thêm --format xlsx --out ket-qua.xlsx',
    ],
    en: [
      'TEMPLATE: LIST OF CADRES PROPOSED FOR POLITICAL-THEORY TRAINING (llct)',
      '',
      'How to fill it in:',
      '1. One cadre per row of the "List" sheet, from row 3; row 2 is an example: delete or overwrite it.',
      '2. Keep the heading row as it is. Columns you do not use may be removed (but Cadre id, Sex, Date of birth, Education).',
      '3. Columns with an arrow: pick from the dropdown (sex, Party status, education, political theory, position, ratings…).',
      '4. Dates as day/month/year, e.g. 15/04/1985.',
      '5. "Planned for": position codes or names, several separated by ;',
      '6. One "Rating YEAR" column per year rated; add a year by copying a column and changing its year.',
      '7. Each agency may have a sheet of its own with the same heading row; llct reads every visible sheet.',
      '',
      'Check: llct check --cadres list.xlsx --level intermediate --mode part-time --on 2025-03-01',
      'Results as a workbook: add --format xlsx --out results.xlsx',
    ],
  },
} as const;

/** The labels a column's dropdown offers, or `undefined` for a free-text column. */
function choices(column: Column, options: TemplateOptions): Label[] | undefined {
  const spec = column.spec;
  if (spec.type === 'enum') return spec.values.map((v) => spec.labels[v]!);
  if (spec.type === 'boolean') return [...YES_NO];
  if (spec.type === 'position') return options.positions.positions.map((p) => p.name);
  return undefined;
}

/** The template's bytes. */
export async function writeTemplateWorkbook(options: TemplateOptions): Promise<Uint8Array> {
  const { lang } = options;
  const rows = options.rows ?? 1000;

  const heads = [...TEMPLATE_COLUMNS.map((c) => headingOf(c, lang)), ...options.ratingYears.map((y) => `${TEXT.rating[lang]} ${y}`)];
  const example: XlsxValue[] = TEMPLATE_COLUMNS.map((c) => exampleCell(c, options));
  const ratingLabels = RATINGS.map((r) => LABELS.rating[r][lang]);
  example.push(...options.ratingYears.map((_, i) => LABELS.rating[EXAMPLE_RATINGS[(EXAMPLE_RATINGS.length - options.ratingYears.length + i + EXAMPLE_RATINGS.length) % EXAMPLE_RATINGS.length]!][lang]));

  // The hidden sheet of lists: one column per dropdown's labels.
  const listColumns: string[][] = [];
  const listRange = (labels: readonly string[]) => {
    listColumns.push([...labels]);
    const letters = columnName(listColumns.length - 1);
    return `'${TEXT.lists[lang]}'!$${letters}$1:$${letters}$${labels.length}`;
  };
  const validations: XlsxValidation[] = [];
  const validate = (col: number, source: string) => {
    const letters = columnName(col);
    validations.push({
      ref: `${letters}2:${letters}${rows + 1}`, source,
      errorTitle: lang === 'en' ? 'Not in the list' : 'Không có trong danh sách',
      error: lang === 'en' ? 'Pick a value from the dropdown.' : 'Hãy chọn một giá trị trong danh sách thả xuống.',
    });
  };
  const columnStyles: (XlsxStyle | undefined)[] = [];
  TEMPLATE_COLUMNS.forEach((c, i) => {
    const labels = choices(c, options);
    if (labels) validate(i, listRange(labels.map((l) => l[lang])));
    if (c.spec.type === 'date') columnStyles[i] = { date: true };
  });
  const ratings = listRange(ratingLabels);
  options.ratingYears.forEach((_, j) => validate(TEMPLATE_COLUMNS.length + j, ratings));
  const longest = Math.max(...listColumns.map((l) => l.length));
  const listRows = Array.from({ length: longest }, (_, r) => listColumns.map((l) => l[r]));

  return writeXlsx([
    {
      name: TEXT.list[lang],
      rows: [heads.map((h): XlsxCell => ({ value: h, style: HEADING_STYLE })), example],
      widths: heads.map((h) => Math.max(12, Math.min(36, h.length + 4))),
      columnStyles,
      heading: { filterColumns: heads.length },
      validations,
    },
    { name: TEXT.help[lang], rows: TEXT.lines[lang].map((line) => [line]), rowStyles: new Map([[0, { bold: true }]]), widths: [120] },
    { name: TEXT.lists[lang], hidden: true, rows: listRows },
  ]);
}

function exampleCell(column: Column, options: TemplateOptions): XlsxValue {
  const v = EXAMPLE[column.name];
  if (v === undefined) return null;
  const spec = column.spec;
  if (typeof v === 'boolean') return YES_NO[v ? 0 : 1]![options.lang];
  if (spec.type === 'date') return dateCell(v) ?? v;
  if (spec.type === 'enum') return spec.labels[v]?.[options.lang] ?? v;
  if (spec.type === 'position') return options.positions.positions.find((p) => p.code === v)?.name[options.lang] ?? v;
  return v;
}
