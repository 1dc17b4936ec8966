/**
 * The results of `llct check` as an .xlsx workbook (a results sheet and a summary sheet), for the people who hand the
 * list on: one row per checked cadre with its verdict, each failing reason with its citation and confidence, the
 * training institution and the regulation applied; the summary counts, then the rows that could not be checked.
 * Headings in Vietnamese or English; heading row frozen and filtered; dates as date cells shown DD/MM/YYYY; every
 * text written as a text cell, never as a formula. Pure (writeXlsx.ts builds the file in memory); the caller saves it.
 */
import { LABELS, type Label } from '../../documents/enums.ts';
import { dateCell, HEADING_STYLE, textCell } from './workbookStyle.ts';
import { writeXlsx, type XlsxCell, type XlsxStyle, type XlsxValue } from './writeXlsx.ts';

/** A failing rule of a verdict, as `llct check --format json` writes it. */
export interface ResultFailure {
  rule: string;
  citation: string;
  citationEn?: string;
  confidence: 'confirmed' | 'reported' | 'assumed';
  message: string;
  messageEn: string;
}

/** A checked row, as `llct check --format json` writes it (the fields the workbook shows). */
export interface ResultRow {
  row: number;
  id: string;
  sheet?: string;
  level: string;
  mode: string;
  on: string;
  regulation: string;
  eligible: boolean;
  outOfScope?: boolean;
  failures: ResultFailure[];
  /** As the JSON writes it: `name` Vietnamese, `nameEn` English. */
  institution: { id: string; name?: string; nameEn?: string } | null;
  verdictWords?: string;
}

export interface ResultsWorkbookInput {
  file: string;
  lang: 'vi' | 'en';
  results: readonly ResultRow[];
  summary: { total: number; eligible: number; ineligible: number; outOfScope: number; invalid: number };
  /** Rows that could not be checked, and problems with the file. */
  errors: readonly { row?: number; sheet?: string; message: string; messageEn: string }[];
}

const H = {
  results: { vi: 'Kết quả', en: 'Results' },
  summary: { vi: 'Tổng hợp', en: 'Summary' },
  row: { vi: 'Hàng', en: 'Row' },
  sheet: { vi: 'Trang tính', en: 'Sheet' },
  id: { vi: 'Mã cán bộ', en: 'Cadre id' },
  level: { vi: 'Cấp học', en: 'Level' },
  mode: { vi: 'Hình thức', en: 'Mode' },
  on: { vi: 'Ngày cử đi học', en: 'Nominated on' },
  regulation: { vi: 'Quy định áp dụng', en: 'Regulation applied' },
  verdict: { vi: 'Kết luận', en: 'Verdict' },
  institution: { vi: 'Cơ sở đào tạo', en: 'Training institution' },
  reasons: { vi: 'Lý do chưa đủ điều kiện', en: 'Reasons not eligible' },
  citations: { vi: 'Căn cứ', en: 'Citations' },
  confidence: { vi: 'Độ tin cậy', en: 'Confidence' },
  eligible: { vi: 'Đủ điều kiện', en: 'Eligible' },
  ineligible: { vi: 'Chưa đủ điều kiện', en: 'Not eligible' },
  outOfScope: { vi: 'Ngoài phạm vi quy định', en: 'Outside the regulation' },
  total: { vi: 'Số hàng', en: 'Rows' },
  invalid: { vi: 'Hàng không kiểm tra được', en: 'Rows that could not be checked' },
  file: { vi: 'Tệp', en: 'File' },
  problem: { vi: 'Vấn đề', en: 'Problem' },
  assumedNote: {
    vi: 'Độ tin cậy "giả định": căn cứ chưa được đối chiếu với văn bản gốc, cần kiểm tra lại trước khi dùng.',
    en: 'Confidence "assumed": the citation has not been checked against the original text; verify it before relying on it.',
  },
} satisfies Record<string, Label>;

const ROW_STYLE: XlsxStyle = { vertical: 'top', wrap: true };

/** The workbook's bytes. */
export async function writeResultsWorkbook(input: ResultsWorkbookInput): Promise<Uint8Array> {
  const { lang } = input;
  const t = (l: Label) => l[lang];
  const withSheet = input.results.some((r) => r.sheet !== undefined);
  const heads = [
    ...(withSheet ? [H.sheet] : []), H.row, H.id, H.level, H.mode, H.on, H.regulation, H.verdict, H.institution, H.reasons, H.citations, H.confidence,
  ];
  const rows: (XlsxValue | XlsxCell)[][] = [heads.map((h) => ({ value: t(h), style: HEADING_STYLE }))];
  const text = (s: string) => textCell(s, ROW_STYLE);
  const cell = (v: XlsxValue) => ({ value: v, style: ROW_STYLE });
  for (const r of input.results) {
    const level = (LABELS.theoryLevel as Record<string, Label>)[r.level];
    const mode = (LABELS.mode as Record<string, Label>)[r.mode];
    const verdict = r.outOfScope ? H.outOfScope : r.eligible ? H.eligible : H.ineligible;
    const numbered = (xs: string[]) => (xs.length > 1 ? xs.map((x, i) => `${i + 1}. ${x}`) : xs).join('\n');
    rows.push([
      ...(withSheet ? [text(r.sheet ?? '')] : []),
      cell(r.row), text(r.id), text(level ? t(level) : r.level), text(mode ? t(mode) : r.mode), dateCell(r.on) ? cell(dateCell(r.on)) : text(r.on), text(r.regulation),
      text(r.verdictWords ?? t(verdict)),
      text(r.institution ? (lang === 'en' ? r.institution.nameEn : r.institution.name) ?? r.institution.id : ''),
      text(numbered(r.failures.map((f) => (lang === 'en' ? f.messageEn : f.message)))),
      text(numbered(r.failures.map((f) => (lang === 'en' ? f.citationEn ?? f.citation : f.citation)))),
      text(numbered(r.failures.map((f) => t(LABELS.confidence[f.confidence])))),
    ]);
  }

  const bold: XlsxStyle = { bold: true };
  const summary: (XlsxValue | XlsxCell)[][] = [
    [{ value: t(H.file), style: bold }, textCell(input.file)],
    [{ value: t(H.total), style: bold }, input.summary.total],
    [{ value: t(H.eligible), style: bold }, input.summary.eligible],
    [{ value: t(H.ineligible), style: bold }, input.summary.ineligible],
    [{ value: t(H.outOfScope), style: bold }, input.summary.outOfScope],
    [{ value: t(H.invalid), style: bold }, input.summary.invalid],
  ];
  if (input.results.some((r) => r.failures.some((f) => f.confidence === 'assumed'))) summary.push([{ value: t(H.assumedNote), style: bold }]);
  if (input.errors.length > 0) {
    summary.push([]);
    summary.push([t(H.sheet), t(H.row), t(H.problem)].map((h) => ({ value: h, style: bold })));
    for (const e of input.errors) {
      summary.push([{ ...textCell(e.sheet ?? ''), style: { ...textCell(e.sheet ?? '').style, bold: true } }, e.row ?? '', textCell(lang === 'en' ? e.messageEn : e.message)]);
    }
  }
  return writeXlsx([
    { name: t(H.results), rows, widths: [...(withSheet ? [18] : []), 7, 14, 12, 12, 13, 14, 20, 30, 60, 40, 14], heading: { filterColumns: heads.length } },
    { name: t(H.summary), rows: summary, widths: [34, 14, 100], columnStyles: [bold] },
  ]);
}
