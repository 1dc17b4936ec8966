/** What the workbooks `llct` writes share: the heading style, a cell that is never a formula, dates as date cells. */
import type { XlsxCell, XlsxDate, XlsxStyle } from './writeXlsx.ts';

/** How date cells are shown (Vietnamese order, as lists write dates). */
export const DATE_FORMAT = 'dd/mm/yyyy';

/** The heading row's style: bold, vertically centred, wrapped. */
export const HEADING_STYLE: XlsxStyle = { bold: true, vertical: 'middle', wrap: true };

/** A civil date (ISO) as a date cell value; `undefined` for anything else. */
export function dateCell(iso: string | undefined): XlsxDate | undefined {
  return iso !== undefined && /^\d{4}-\d{2}-\d{2}$/.test(iso) ? { date: iso } : undefined;
}

/** Whether a text would be read as a formula if typed into a cell (OWASP's CSV-injection characters). */
export function looksLikeFormula(text: string): boolean {
  return /^[=+\-@\t\r]/.test(text);
}

/**
 * Text as a cell: always a string cell (a text cell is never evaluated, whatever it starts with); one that looks like
 * a formula also gets Excel's quote prefix, so that it stays text when the cell is edited.
 */
export function textCell(text: string, style?: XlsxStyle): XlsxCell {
  return looksLikeFormula(text) ? { value: text, style: { ...style, quotePrefix: true } } : { value: text, ...(style ? { style } : {}) };
}
