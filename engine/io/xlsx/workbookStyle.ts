/** What the workbooks `llct` writes share: the date format, the heading style, a cell value that is never a formula. */
import type { Worksheet } from 'exceljs';

/** How date cells are shown (Vietnamese order, as lists write dates). */
export const DATE_FORMAT = 'dd/mm/yyyy';

/** A civil date (ISO) as the UTC midnight exceljs writes as that day's serial number. */
export function dateCell(iso: string | undefined): Date | undefined {
  if (iso === undefined || !/^\d{4}-\d{2}-\d{2}$/.test(iso)) return undefined;
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(Date.UTC(y!, m! - 1, d!));
}

/**
 * Text as a cell value: always a string cell (a text cell is never evaluated, whatever it starts with), with a
 * leading `= + - @`, tab or carriage return kept as typed; the style's quote prefix (set by `styleTextCell`) makes
 * Excel keep it as text when the cell is edited too.
 */
export function textCell(text: string): string {
  return text;
}

/** Whether a text would be read as a formula if typed into a cell (OWASP's CSV-injection characters). */
export function looksLikeFormula(text: string): boolean {
  return /^[=+\-@\t\r]/.test(text);
}

/** Heading row 1: bold, wrapped, frozen, filtered; `widths` in characters. */
export function styleHeading(sheet: Worksheet, widths: readonly number[]): void {
  const row = sheet.getRow(1);
  row.font = { bold: true };
  row.alignment = { vertical: 'middle', wrapText: true };
  sheet.views = [{ state: 'frozen', ySplit: 1, xSplit: 0, topLeftCell: 'A2', activeCell: 'A2' }];
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: widths.length } };
  widths.forEach((w, i) => { sheet.getColumn(i + 1).width = w; });
}

/** Marks the text cells of a row that look like formulas with Excel's quote prefix (kept as text on editing). */
export function guardTextCells(sheet: Worksheet, rowNumber: number): void {
  sheet.getRow(rowNumber).eachCell((cell) => {
    if (typeof cell.value === 'string' && looksLikeFormula(cell.value)) cell.style = { ...cell.style, quotePrefix: true } as typeof cell.style;
  });
}
