/** Plain-text tables for terminals: columns padded to their widest cell (counted in code points). */
import { escapeControls } from '../../engine/io/escapeControls.ts';

/** Width of a cell on a terminal, in code points of its NFC form, control characters escaped (see tableLine). */
export const cellWidth = (s: string) => [...escapeControls(s).normalize('NFC')].length;

/** One line of cells padded to `widths` (the last cell is not padded; trailing spaces are dropped). Control characters are escaped. */
export function tableLine(cells: readonly string[], widths: readonly number[]): string {
  return cells.map((c) => escapeControls(c)).map((c, i) => (i === cells.length - 1 ? c : c + ' '.repeat(widths[i]! - cellWidth(c)))).join('  ').trimEnd();
}

export function textTable(header: readonly string[], rows: readonly (readonly string[])[]): string[] {
  const widths = header.map(cellWidth);
  for (const r of rows) header.forEach((_, i) => { widths[i] = Math.max(widths[i]!, cellWidth(r[i] ?? '')); });
  return [tableLine(header, widths), tableLine(widths.map((w) => '─'.repeat(w)), widths), ...rows.map((r) => tableLine(r, widths))];
}
