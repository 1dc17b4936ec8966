/**
 * Reading cadre lists from .xlsx workbooks (engine/io/xlsx/): a list shaped as Excel writes it (written part by part
 * by scripts/makeWorkbookFixtures.ts, not by the library llct writes with) gives the profiles of its hand-written JSON
 * twin; headings are found with or without diacritics; dates in every form Excel stores them; bounded inflation.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { builtinDocuments } from '../../engine/builtin.ts';
import { foldHeading, matchHeading } from '../../engine/io/cadreHeadings.ts';
import { readCadresFromText } from '../../engine/io/readCadres.ts';
import { createWorkbookCadreReader } from '../../engine/io/xlsx/readWorkbookCadres.ts';
import { columnIndex, columnLetters, serialToIso } from '../../engine/io/xlsx/readSheetRows.ts';
import { ROOT } from '../cli/runLlct.ts';

const positions = builtinDocuments().positions;

function readAll(bytes: Uint8Array, options: Partial<Parameters<typeof createWorkbookCadreReader>[1]> = {}) {
  const reader = createWorkbookCadreReader(bytes, { file: 'list.xlsx', positions, ...options });
  const rows = [];
  const errors = [];
  for (const b of reader.batches()) { rows.push(...b.rows); errors.push(...b.errors); }
  return { rows, errors, total: reader.total, invalid: reader.invalid };
}

describe('a cadre list kept as Excel keeps it', () => {
  const bytes = new Uint8Array(readFileSync(join(ROOT, 'fixtures/cadres/danh-sach-trich-ngang.xlsx')));
  const twin = readCadresFromText(readFileSync(join(ROOT, 'fixtures/cadres/danh-sach-trich-ngang.json'), 'utf8'), { file: 'twin.json', positions });

  it('gives the profiles of its JSON twin: title rows passed over, labels read as codes, dates in three forms, merged agency, formula cached value', () => {
    expect(twin.errors).toEqual([]);
    const read = readAll(bytes);
    expect(read.errors.filter((e) => e.severity === 'error')).toEqual([]);
    expect(read.rows.map((r) => r.profile)).toEqual(twin.rows.map((r) => r.profile));
    expect(read.rows.map((r) => r.row)).toEqual([6, 7, 8, 3]);
  });

  it('reports the section title and the signature line as skipped rows, naming sheet and row', () => {
    const warnings = readAll(bytes).errors.filter((e) => e.code === 'xlsx/not-a-cadre-row');
    expect(warnings.map((w) => [w.sheet, w.row])).toEqual([['Sở Tư pháp', 5], ['Sở Tư pháp', 10]]);
    expect(warnings[0]!.message).toContain('trang tính "Sở Tư pháp", hàng 5');
  });

  it('reads one sheet by name (with or without diacritics) or number', () => {
    expect(readAll(bytes, { sheet: 'Ban Tuyen giao' }).rows.map((r) => r.profile.id)).toEqual(['BTG-07']);
    expect(readAll(bytes, { sheet: 'So Tu phap' }).rows.map((r) => r.profile.id)).toEqual(['STP-01', 'STP-02', '1003']);
    expect(readAll(bytes, { sheet: 2 }).rows.map((r) => r.profile.id)).toEqual(['BTG-07']);
    const missing = readAll(bytes, { sheet: 3 });
    expect(missing.errors.map((e) => e.code)).toEqual(['xlsx/no-such-sheet']);
    expect(missing.errors[0]!.hintEn).toContain('2. "Ban Tuyen giao"');
  });

  it('names the sheet, row and column of a bad cell', () => {
    const parts = workbook([['Mã cán bộ', 'Họ và tên', 'Giới tính', 'Ngày sinh', 'Trình độ chuyên môn'], ['A-1', 'X', 'nam', '31/02/1980', 'đại học']]);
    const { errors } = readAll(parts);
    expect(errors).toEqual([expect.objectContaining({ code: 'cadre/impossible-date', sheet: 'DS', row: 2, cell: 'D2' })]);
    expect(errors[0]!.messageEn).toContain('sheet "DS", row 2 [A-1], field "birthDate" (column D "Ngày sinh")');
  });
});

describe('headings', () => {
  it('match with or without diacritics, in either language, whatever the case and punctuation', () => {
    for (const h of ['Họ và tên', 'HỌ VÀ TÊN', 'Ho va ten', 'Full name', 'fullName']) expect(matchHeading(h)).toEqual({ kind: 'column', column: expect.objectContaining({ name: 'fullName' }) });
    for (const h of ['Ngày sinh', 'Ngay sinh', 'Ngày, tháng, năm sinh']) expect(matchHeading(h)).toEqual({ kind: 'column', column: expect.objectContaining({ name: 'birthDate' }) });
    expect(matchHeading('Chức vụ')).toEqual({ kind: 'column', column: expect.objectContaining({ name: 'position' }) });
    expect(matchHeading('Xếp loại 2024')).toEqual({ kind: 'rating-year', year: 2024 });
    expect(matchHeading('Xep loai nam 2023')).toEqual({ kind: 'rating-year', year: 2023 });
    expect(matchHeading('Sở thích')).toBeUndefined();
    expect(foldHeading('Đảng viên')).toBe('dang vien');
  });
});

describe('cell addresses and serial dates', () => {
  it('convert column letters both ways', () => {
    expect([columnIndex('A1'), columnIndex('Z9'), columnIndex('AA1'), columnIndex('XFD1048576')]).toEqual([0, 25, 26, 16383]);
    expect([columnLetters(0), columnLetters(25), columnLetters(26), columnLetters(16383)]).toEqual(['A', 'Z', 'AA', 'XFD']);
  });

  it('read serial days as Excel shows them (1900 and 1904 systems)', () => {
    // Known Excel values: 1 = 1900-01-01, 61 = 1900-03-01, 45292 = 2024-01-01; in the 1904 system 0 = 1904-01-01.
    expect(serialToIso(1, false)).toBe('1900-01-01');
    expect(serialToIso(61, false)).toBe('1900-03-01');
    expect(serialToIso(45292, false)).toBe('2024-01-01');
    expect(serialToIso(45292.75, false)).toBe('2024-01-01');
    expect(serialToIso(0, true)).toBe('1904-01-01');
    expect(serialToIso(1e9, false)).toBeUndefined();
  });
});

describe('bounded reading', () => {
  it('stops a part that inflates past its cap, whatever its declared size', () => {
    const bomb = workbook([['Mã cán bộ', 'Họ và tên', 'Giới tính', 'Ngày sinh', 'Trình độ chuyên môn']], ' '.repeat(4 * 1024 * 1024));
    const { errors } = readAll(bomb, { limits: { maxPartBytes: 1024 * 1024, maxRatio: 250, maxSharedChars: 1 << 20, maxRowChars: 1 << 20 } });
    expect(errors.map((e) => e.code)).toEqual(['xlsx/too-large']);
    expect(errors[0]!.sheet).toBe('DS');
  });
});

/** A one-sheet workbook ("DS") with inline strings, `padding` written inside its sheetData. */
function workbook(rows: string[][], padding = ''): Uint8Array {
  const letters = (i: number) => String.fromCharCode(65 + i);
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const data = rows.map((r, i) => `<row r="${i + 1}">${r.map((v, j) => `<c r="${letters(j)}${i + 1}" t="inlineStr"><is><t>${esc(v)}</t></is></c>`).join('')}</row>`).join('');
  return zipSync({
    '[Content_Types].xml': strToU8('<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
    'xl/workbook.xml': strToU8('<workbook xmlns:r="r"><sheets><sheet name="DS" sheetId="1" r:id="rId1"/></sheets></workbook>'),
    'xl/_rels/workbook.xml.rels': strToU8('<Relationships><Relationship Id="rId1" Type="x/worksheet" Target="worksheets/sheet1.xml"/></Relationships>'),
    'xl/worksheets/sheet1.xml': strToU8(`<worksheet><sheetData>${padding}${data}</sheetData></worksheet>`),
  });
}
