/**
 * Writes cadre profiles as CSV in the column layout `readCadresFromText` reads (see `cadreColumns.ts`). Pure.
 */
import { escapeControls } from './escapeControls.ts';
import type { CadreProfileInput } from '../documents/cadre.ts';
import { CADRE_COLUMNS, type Column } from './cadreColumns.ts';

export interface CsvWriteOptions {
  /** Field delimiter; `,` by default. With `;`, list cells holding `;` are quoted. */
  delimiter?: ',' | ';';
  /** Record terminator; `\n` by default (RFC 4180 uses `\r\n`; the reader accepts both). */
  newline?: '\n' | '\r\n';
}

/**
 * One header line with every column of the contract, then one line per profile. Absent fields are empty cells;
 * lists are `a;b`, ratings `2023:good;2024:excellent`; dates are written as given (ISO in a valid profile).
 * Fields outside the contract's columns are not written. The output ends with a newline.
 */
export function cadresToCsv(profiles: readonly CadreProfileInput[], options: CsvWriteOptions = {}): string {
  const delimiter = options.delimiter ?? ',';
  const newline = options.newline ?? '\n';
  const lines = [cadreCsvHeader(delimiter)];
  for (const p of profiles) lines.push(cadreCsvRow(p, delimiter));
  return lines.join(newline) + newline;
}

/** The header line, without its line break (for writers that stream rows one by one). */
export function cadreCsvHeader(delimiter: ',' | ';' = ','): string {
  return CADRE_COLUMNS.map((c) => quoteCell(c.name, delimiter)).join(delimiter);
}

/** One profile as a CSV line, without its line break. */
export function cadreCsvRow(profile: CadreProfileInput, delimiter: ',' | ';' = ','): string {
  return CADRE_COLUMNS.map((c) => safeCell(formatCell(c, valueAt(profile, c.path)), delimiter)).join(delimiter);
}

function valueAt(obj: unknown, path: readonly string[]): unknown {
  let cur = obj;
  for (const key of path) {
    if (typeof cur !== 'object' || cur === null || !Object.hasOwn(cur, key)) return undefined;
    cur = (cur as Record<string, unknown>)[key];
  }
  return cur;
}

function formatCell(column: Column, value: unknown): string {
  if (value === undefined || value === null) return '';
  switch (column.spec.type) {
    case 'positions':
      return Array.isArray(value) ? value.map(String).join(';') : String(value);
    case 'ratings':
      return Array.isArray(value)
        ? value.map((r: unknown) => {
          const e = (r ?? {}) as { year?: unknown; rating?: unknown };
          return `${String(e.year ?? '')}:${String(e.rating ?? '')}`;
        }).join(';')
        : String(value);
    case 'boolean':
      return value === true ? 'true' : value === false ? 'false' : String(value);
    default:
      return String(value);
  }
}

/**
 * A cell as a spreadsheet or a terminal (`cat report.csv`) may safely open it: control characters (an escape
 * sequence, a lone carriage return that hides the line, a bidi override, NUL) are written as visible escapes such
 * as `\x1b` (see `escapeControls`; tabs and line breaks stay, quoted, as the reader takes them back); a cell that a spreadsheet would run as a formula (starting with = + - @, a tab or a
 * carriage return: an id such as `=HYPERLINK(…)` from an HR export) gets an apostrophe in front; then RFC 4180
 * quoting. Every CSV the project writes goes through this.
 */
export function safeCell(text: string, delimiter: string): string {
  const shown = escapeControls(text, { keepLineBreaks: true });
  return quoteCell(/^[=+\-@\t\r]/.test(shown) ? `'${shown}` : shown, delimiter);
}

/** RFC 4180 quoting: a cell holding the delimiter, `;`, a quote or a line break is quoted, quotes doubled. */
export function quoteCell(text: string, delimiter: string): string {
  if (text.includes(delimiter) || /[;"\r\n]/.test(text)) return `"${text.replaceAll('"', '""')}"`;
  return text;
}
