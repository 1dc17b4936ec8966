/**
 * The small .xlsx writer (engine/io/xlsx/writeXlsx.ts) read back by two readers that share nothing with it: the
 * engine's own workbook reader and exceljs. Text stays text (formula-like text included, with Excel's quote prefix),
 * characters XML cannot hold survive as SpreadsheetML escapes, dates are date serials with the DD/MM/YYYY format,
 * and the heading row is frozen and filtered.
 */
import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { openWorkbook } from '../../engine/io/xlsx/openWorkbook.ts';
import { readSheetRows } from '../../engine/io/xlsx/readSheetRows.ts';
import { columnName, dateSerial, writeXlsx } from '../../engine/io/xlsx/writeXlsx.ts';

const TRICKY = ['=1+1', '+84 912', '-3', '@SUM(A1)', 'a_x0041_b', 'tab\there', 'bell\u0007', ' padded ', 'dòng 1\ndòng 2', 'Đảng <&> "x" \'y\''];

describe('writeXlsx', () => {
  const bytes = writeXlsx([
    {
      name: 'Kết quả', heading: { filterColumns: 3 }, widths: [10, 20, 30],
      rows: [
        ['Mã', 'Ngày', 'Số'].map((v) => ({ value: v, style: { bold: true } })),
        ...TRICKY.map((t, i) => [{ value: t, style: { quotePrefix: /^[=+\-@]/.test(t) } }, { date: '2024-03-01' }, i]),
        ['yes', true, 1.5],
      ],
    },
    { name: "O'Brien & co", hidden: true, rows: [['x']] },
  ]);

  it('is read back by the engine\'s reader: text as written, dates as dates, numbers and booleans as such', () => {
    const book = openWorkbook(bytes);
    expect(book.sheets.map((s) => [s.name, s.hidden])).toEqual([['Kết quả', false], ["O'Brien & co", true]]);
    const rows = [...readSheetRows(book, book.sheets[0]!)];
    expect(rows.slice(1, 1 + TRICKY.length).map((r) => r.cells[0])).toEqual(TRICKY);
    expect(rows[1]!.cells[1]).toEqual({ date: '2024-03-01' });
    expect(rows.at(-1)!.cells).toEqual(['yes', true, 1.5]);
  });

  it('is read back by exceljs with text cells, the quote prefix, a frozen filtered heading and the date format', async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.autoFilter).toBeDefined();
    expect(sheet.getCell('A2').value).toBe('=1+1');
    expect(sheet.getCell('A2').type).toBe(ExcelJS.ValueType.String);
    expect(sheet.getCell('B2').value).toEqual(new Date(Date.UTC(2024, 2, 1)));
    expect(sheet.getCell('B2').numFmt).toBe('dd/mm/yyyy');
    expect(sheet.getCell('A1').font?.bold).toBe(true);
    expect(sheet.getColumn(2).width).toBe(20);
    expect(book.worksheets[1]!.state).toBe('hidden');
  });

  it('never writes a formula, and gives formula-like text the quote prefix', () => {
    const parts = unzipSync(bytes);
    const sheet = strFromU8(parts['xl/worksheets/sheet1.xml']!);
    expect(sheet).not.toMatch(/<f[ >]/);
    const xfs = [...strFromU8(parts['xl/styles.xml']!).split('<cellXfs')[1]!.matchAll(/<xf [^>]*?\/?>/g)].map((m) => m[0]);
    const styleOf = (ref: string) => Number(new RegExp(`<c r="${ref}" s="(\\d+)"`).exec(sheet)?.[1] ?? 0);
    expect(xfs[styleOf('A2')]).toContain('quotePrefix="1"');
    expect(xfs[styleOf('A6')] ?? '').not.toContain('quotePrefix');
  });

  it('numbers columns and dates as Excel does', () => {
    expect([0, 25, 26, 51, 701, 702].map(columnName)).toEqual(['A', 'Z', 'AA', 'AZ', 'ZZ', 'AAA']);
    // 1900-03-01 is serial 61 (Excel counts the 29 February 1900 that never was); 2024-03-01 is 45352.
    expect(dateSerial('1900-03-01')).toBe(61);
    expect(dateSerial('2024-03-01')).toBe(45352);
    expect(dateSerial('01/03/2024')).toBeUndefined();
  });
});
