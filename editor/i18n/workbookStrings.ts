/** The words of the page's Excel workbooks (open a list, download results and the template), Vietnamese first. */
import type { Label } from '../../engine/documents/enums.ts';
import { provideTextTable } from './textTables.ts';

export const WORKBOOK_STRINGS = {
  opening: { vi: 'Đang mở sổ tính {file}…', en: 'Opening the workbook {file}…' },
  sheet: { vi: 'Trang tính', en: 'Sheet' },
  allSheets: { vi: 'Tất cả trang tính ({count})', en: 'All sheets ({count})' },
  sheetHint: { vi: 'Sổ tính có nhiều trang tính: đọc tất cả, hoặc chọn một trang. Lỗi ghi rõ trang tính, hàng và cột.', en: 'The workbook has several sheets: read them all, or choose one. Errors name the sheet, row and column.' },
  downloadTemplate: { vi: 'Tải mẫu danh sách (.xlsx)', en: 'Download the list template (.xlsx)' },
  templateNote: { vi: 'Mẫu có tiêu đề cột, danh sách chọn cho chức vụ, xếp loại…, một hàng ví dụ và trang hướng dẫn.', en: 'The template has the column headings, dropdowns for position, ratings…, an example row and an instructions sheet.' },
  templateFileName: { vi: 'mau-danh-sach-can-bo.xlsx', en: 'cadre-list-template.xlsx' },
  resultsTitle: { vi: 'Tải kết quả dạng Excel', en: 'Download the results as Excel' },
  resultsLead: { vi: 'Kết quả theo bên B ({side}): mỗi cán bộ một hàng với kết luận, lý do, căn cứ và độ tin cậy, kèm trang tổng hợp — như llct check --format xlsx.', en: 'The results under side B ({side}): one row per cadre with the verdict, reasons, citations and confidence, and a summary sheet — as llct check --format xlsx writes them.' },
  downloadResults: { vi: 'Tải kết quả (.xlsx)', en: 'Download the results (.xlsx)' },
  resultsFileName: { vi: 'ket-qua-kiem-tra.xlsx', en: 'check-results.xlsx' },
  resultsTooLong: { vi: 'Danh sách dài hơn {limit} cán bộ: tải kết quả bằng llct check --format xlsx --out ket-qua.xlsx.', en: 'The list has more than {limit} cadres: write the results with llct check --format xlsx --out results.xlsx.' },
  writing: { vi: 'Đang tạo sổ tính…', en: 'Writing the workbook…' },
  writeError: { vi: 'Không tạo được sổ tính. Chi tiết:', en: 'The workbook could not be written. Details:' },
} as const satisfies Record<string, Label>;

provideTextTable('workbook', WORKBOOK_STRINGS);
