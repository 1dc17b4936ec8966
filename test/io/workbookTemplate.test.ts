/**
 * The workbooks llct writes: the template (headings, dropdowns of labels, example row, instructions) filled in as a
 * person would — labels picked from the dropdowns, dates typed — and read back gives the profiles of the equivalent
 * JSON; the results workbook of `llct check --format xlsx` holds a results and a summary sheet, a frozen and filtered
 * heading row, date cells shown DD/MM/YYYY, and text that looks like a formula as text.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../cli/runCli.ts';
import { builtinDocuments } from '../../engine/builtin.ts';
import { readCadresFromText } from '../../engine/io/readCadres.ts';
import { createWorkbookCadreReader } from '../../engine/io/xlsx/readWorkbookCadres.ts';
import { TEMPLATE_COLUMNS, writeTemplateWorkbook } from '../../engine/io/xlsx/writeTemplateWorkbook.ts';

const positions = builtinDocuments().positions;
const dir = mkdtempSync(join(tmpdir(), 'llct-xlsx-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function readWorkbook(bytes: Uint8Array) {
  const reader = createWorkbookCadreReader(bytes, { file: 'filled.xlsx', positions });
  const rows = [];
  const errors = [];
  for (const b of reader.batches()) { rows.push(...b.rows); errors.push(...b.errors); }
  return { rows, errors };
}

/** What a person types into the template's columns, by heading (labels as the dropdowns show them). */
const TYPED: Record<string, string | Date>[] = [
  {
    'Mã cán bộ': 'HN-0101', 'Họ và tên': 'Đỗ Thị Mai', 'Giới tính': 'nữ', 'Ngày sinh': '20/10/1990', 'Dân tộc thiểu số': 'có',
    'Đảng viên': 'đảng viên dự bị', 'Ngày vào Đảng': new Date(Date.UTC(2024, 0, 15)), 'Trình độ chuyên môn': 'thạc sĩ',
    'Lý luận chính trị': 'chưa có', 'Cấp cơ quan': 'cấp huyện', 'Tỉnh, thành phố': 'Hà Nội', 'Khối': 'tổ chức chính trị - xã hội',
    'Cơ quan, đơn vị': 'Huyện đoàn Sóc Sơn', 'Chức vụ': 'Phó trưởng phòng và tương đương', 'Xếp loại 2023': 'hoàn thành tốt nhiệm vụ',
    'Xếp loại 2024': 'hoàn thành xuất sắc nhiệm vụ',
  },
  {
    'Mã cán bộ': 'HN-0102', 'Họ và tên': 'Vũ Minh Quân', 'Giới tính': 'nam', 'Ngày sinh': new Date(Date.UTC(1978, 6, 2)),
    'Đảng viên': 'đảng viên chính thức', 'Ngày vào Đảng': '02/09/2001', 'Ngày chính thức': '02/09/2002', 'Trình độ chuyên môn': 'đại học',
    'Lý luận chính trị': 'trung cấp', 'Chức vụ': 'Vụ trưởng, giám đốc sở và tương đương', 'Ngạch': 'chuyên viên chính',
    'Trong nguồn nâng ngạch': 'không', 'Cấp học cử đi': 'cao cấp', 'Hình thức học': 'tập trung', 'Ngày cử đi học': '01/03/2025',
    'Xếp loại 2022': 'hoàn thành nhiệm vụ',
  },
];

/** The same cadres as the JSON contract writes them (written by hand from the table above). */
const EQUIVALENT_JSON = JSON.stringify([
  {
    id: 'VD-001', fullName: 'Nguyễn Văn An', sex: 'male', birthDate: '1985-04-15', party: { status: 'full', joinedOn: '2010-05-12', fullOn: '2011-05-12' },
    education: 'university', politicalTheory: 'elementary', workplace: { tier: 'province', province: 'Hà Nội', sector: 'state', agency: 'Sở Tư pháp' },
    position: 'head-of-division', civilService: { grade: 'specialist', since: '2015-01-01', candidatePool: false },
    ratings: [{ year: 2022, rating: 'good' }, { year: 2023, rating: 'good' }, { year: 2024, rating: 'excellent' }],
    nomination: { level: 'intermediate', mode: 'part-time' },
  },
  {
    id: 'HN-0101', fullName: 'Đỗ Thị Mai', sex: 'female', birthDate: '1990-10-20', ethnicMinority: true, party: { status: 'probationary', joinedOn: '2024-01-15' },
    education: 'master', politicalTheory: 'none', workplace: { tier: 'district', province: 'Hà Nội', sector: 'mass-organisation', agency: 'Huyện đoàn Sóc Sơn' },
    position: 'deputy-head-of-division', ratings: [{ year: 2023, rating: 'good' }, { year: 2024, rating: 'excellent' }],
  },
  {
    id: 'HN-0102', fullName: 'Vũ Minh Quân', sex: 'male', birthDate: '1978-07-02', party: { status: 'full', joinedOn: '2001-09-02', fullOn: '2002-09-02' },
    education: 'university', politicalTheory: 'intermediate', position: 'director', civilService: { grade: 'principal-specialist', candidatePool: false },
    ratings: [{ year: 2022, rating: 'completed' }], nomination: { level: 'advanced', mode: 'full-time', on: '2025-03-01' },
  },
]);

describe('the template', () => {
  it('filled in with labels and typed dates, reads back as the equivalent JSON (example row included)', async () => {
    const template = await writeTemplateWorkbook({ lang: 'vi', positions, ratingYears: [2022, 2023, 2024] });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(template) as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    const headings = (sheet.getRow(1).values as unknown[]).slice(1) as string[];
    TYPED.forEach((cadre, i) => {
      for (const [heading, value] of Object.entries(cadre)) {
        const col = headings.indexOf(heading);
        expect(col, heading).toBeGreaterThanOrEqual(0);
        sheet.getCell(3 + i, col + 1).value = value;
      }
    });
    const filled = new Uint8Array(await book.xlsx.writeBuffer());
    const read = readWorkbook(filled);
    expect(read.errors).toEqual([]);
    const json = readCadresFromText(EQUIVALENT_JSON, { file: 'equivalent.json', positions });
    expect(json.errors).toEqual([]);
    expect(read.rows.map((r) => r.profile)).toEqual(json.rows.map((r) => r.profile));
  });

  it('offers dropdowns of the Vietnamese labels for position, Party status, education, political theory and ratings, from a hidden sheet', async () => {
    const template = await writeTemplateWorkbook({ lang: 'vi', positions, ratingYears: [2023, 2024] });
    const parts = unzipSync(template);
    const sheetXml = strFromU8(parts['xl/worksheets/sheet1.xml']!);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(template) as unknown as ArrayBuffer);
    const [list, help, lists] = book.worksheets;
    expect([list!.name, help!.name, lists!.name, lists!.state]).toEqual(['Danh sách', 'Hướng dẫn', 'Danh mục', 'hidden']);
    const letter = (heading: string) => list!.getColumn((list!.getRow(1).values as unknown[]).indexOf(heading)).letter;
    const optionsOf = (heading: string) => {
      const m = new RegExp(`<dataValidation type="list"[^>]*sqref="${letter(heading)}2:${letter(heading)}1001"><formula1>&apos;Danh mục&apos;!\\$([A-Z]+)\\$1:\\$[A-Z]+\\$(\\d+)</formula1>`).exec(sheetXml);
      expect(m, heading).not.toBeNull();
      const values: string[] = [];
      for (let r = 1; r <= Number(m![2]); r++) values.push(String(lists!.getCell(`${m![1]}${r}`).value));
      return values;
    };
    expect(optionsOf('Đảng viên')).toEqual(['chưa là đảng viên', 'đảng viên dự bị', 'đảng viên chính thức']);
    expect(optionsOf('Trình độ chuyên môn')).toContain('thạc sĩ');
    expect(optionsOf('Lý luận chính trị')).toEqual(['chưa có', 'sơ cấp', 'trung cấp', 'cao cấp']);
    expect(optionsOf('Chức vụ')).toHaveLength(positions.positions.length);
    expect(optionsOf('Chức vụ')).toContain('Trưởng phòng và tương đương');
    expect(optionsOf('Xếp loại 2024')).toEqual(['không hoàn thành nhiệm vụ', 'hoàn thành nhiệm vụ', 'hoàn thành tốt nhiệm vụ', 'hoàn thành xuất sắc nhiệm vụ']);
    expect(TEMPLATE_COLUMNS.map((c) => c.name)).toContain('nomination.on');
  });
});

describe('llct check --format xlsx', () => {
  async function run(args: string[]) {
    let stdout = '';
    let stderr = '';
    const code = await runCli(args, { out: (t) => { stdout += t; }, err: (t) => { stderr += t; }, errIsTTY: false, cwd: dir });
    return { code, stdout, stderr };
  }

  it('writes results and summary sheets with a frozen, filtered heading row, date cells and formula-like text kept as text', async () => {
    writeFileSync(join(dir, 'list.json'), JSON.stringify([
      { id: '=HYPERLINK("http://x","y")', fullName: '+84 ví dụ', sex: 'male', birthDate: '1980-01-01', education: 'university', party: { status: 'full', joinedOn: '2000-01-01', fullOn: '2001-01-01' }, position: 'head-of-division', workplace: { province: 'Hà Nội' } },
      { id: 'B-2', sex: 'female', birthDate: '1999-01-01', education: 'college' },
    ]));
    const r = await run(['check', '--cadres', 'list.json', '--level', 'intermediate', '--mode', 'part-time', '--on', '2024-03-01', '--format', 'xlsx', '--out', 'results.xlsx']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe('');
    const bytes = readFileSync(join(dir, 'results.xlsx'));
    const sheetXml = strFromU8(unzipSync(new Uint8Array(bytes))['xl/worksheets/sheet1.xml']!);
    expect(sheetXml).not.toContain('<f>');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(bytes as unknown as ArrayBuffer);
    const [results, summary] = book.worksheets;
    expect([results!.name, summary!.name]).toEqual(['Kết quả', 'Tổng hợp']);
    expect(results!.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(results!.autoFilter).toBeDefined();
    const heads = (results!.getRow(1).values as unknown[]).slice(1);
    expect(heads).toEqual(['Hàng', 'Mã cán bộ', 'Cấp học', 'Hình thức', 'Ngày cử đi học', 'Quy định áp dụng', 'Kết luận', 'Cơ sở đào tạo', 'Lý do chưa đủ điều kiện', 'Căn cứ', 'Độ tin cậy']);
    const first = results!.getRow(2);
    expect(first.getCell(2).value).toBe('=HYPERLINK("http://x","y")');
    expect(first.getCell(2).type).toBe(ExcelJS.ValueType.String);
    expect(first.getCell(5).value).toEqual(new Date(Date.UTC(2024, 2, 1)));
    expect(first.getCell(5).numFmt).toBe('dd/mm/yyyy');
    expect(first.getCell(6).value).toBe('57-QĐ/TW');
    const second = results!.getRow(3);
    expect(second.getCell(7).value).toBe('Chưa đủ điều kiện');
    expect(String(second.getCell(9).value)).not.toBe('');
    expect(String(second.getCell(10).value)).toContain('57-QĐ/TW');
    expect(summary!.getCell('B2').value).toBe(2);
  });

  it('refuses to write a workbook to standard output', async () => {
    const r = await run(['check', '--cadres', 'list.json', '--level', 'intermediate', '--mode', 'part-time', '--on', '2024-03-01', '--format', 'xlsx', '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('add --out results.xlsx');
  });
});
