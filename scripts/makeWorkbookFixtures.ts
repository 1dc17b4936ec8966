/**
 * Writes the workbook fixtures (`node --import tsx scripts/makeWorkbookFixtures.ts`): cadre lists shaped as Excel
 * writes them, and the bad workbooks of fixtures/bad-input/. They are written part by part (the XML Excel 2016 saves:
 * shared strings, a styles part with date formats, title rows, merged cells, a formula with its cached value) and
 * zipped with fflate, written by this script's own XML and not by `llct`'s workbook writer (engine/io/xlsx/writeXlsx.ts),
 * so that the reader is tested on files it did not make. Deterministic: the same bytes every run.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { zipSync, strToU8 } from 'fflate';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const MTIME = new Date(Date.UTC(2024, 2, 1));

type Cell = string | number | { date: string; style?: number } | { formula: string; cached: string } | { formula: string } | null;
interface Sheet { name: string; rows: Cell[][]; merges?: string[]; hidden?: boolean; dimension?: string; extraRows?: string }

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const letters = (i: number) => { let s = ''; for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s; return s; };
/** Excel's serial day (1900 system): days since 1899-12-30. */
const serial = (iso: string) => { const [y, m, d] = iso.split('-').map(Number); return (Date.UTC(y!, m! - 1, d!) - Date.UTC(1899, 11, 30)) / 86_400_000; };

const STYLES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy;@"/></numFmts><fonts count="2"><font><sz val="11"/><name val="Times New Roman"/><family val="1"/></font><font><b/><sz val="11"/><name val="Times New Roman"/><family val="1"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="4"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1" applyAlignment="1"><alignment horizontal="center" vertical="center" wrapText="1"/></xf></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`;

function workbookParts(sheets: Sheet[], opts: { macros?: boolean; extraParts?: Record<string, Uint8Array> } = {}): Record<string, Uint8Array> {
  const strings: string[] = [];
  const index = new Map<string, number>();
  let refs = 0;
  const sst = (s: string) => { refs++; let i = index.get(s); if (i === undefined) { i = strings.length; strings.push(s); index.set(s, i); } return i; };
  const files: Record<string, Uint8Array> = {};
  sheets.forEach((sheet, n) => {
    const rows = sheet.rows.map((cells, r) => {
      const xml = cells.map((c, col) => {
        const ref = `${letters(col)}${r + 1}`;
        if (c === null || c === '') return '';
        if (typeof c === 'string') return `<c r="${ref}" t="s"><v>${sst(c)}</v></c>`;
        if (typeof c === 'number') return `<c r="${ref}"><v>${c}</v></c>`;
        if ('date' in c) return `<c r="${ref}" s="${c.style ?? 1}"><v>${serial(c.date)}</v></c>`;
        if ('cached' in c) return `<c r="${ref}" t="str"><f>${esc(c.formula)}</f><v>${esc(c.cached)}</v></c>`;
        return `<c r="${ref}"><f>${esc(c.formula)}</f></c>`;
      }).join('');
      return `<row r="${r + 1}" spans="1:${Math.max(1, cells.length)}">${xml}</row>`;
    }).join('');
    const width = Math.max(1, ...sheet.rows.map((r) => r.length));
    const merges = sheet.merges?.length ? `<mergeCells count="${sheet.merges.length}">${sheet.merges.map((m) => `<mergeCell ref="${m}"/>`).join('')}</mergeCells>` : '';
    files[`xl/worksheets/sheet${n + 1}.xml`] = strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="x14ac" xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac"><dimension ref="${sheet.dimension ?? `A1:${letters(width - 1)}${sheet.rows.length}`}"/><sheetViews><sheetView ${n === 0 ? 'tabSelected="1" ' : ''}workbookViewId="0"/></sheetViews><sheetFormatPr defaultRowHeight="15" x14ac:dyDescent="0.25"/><cols><col min="1" max="${width}" width="16.7109375" customWidth="1"/></cols><sheetData>${rows}${sheet.extraRows ?? ''}</sheetData>${merges}<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>`);
  });
  files['xl/sharedStrings.xml'] = strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${refs}" uniqueCount="${strings.length}">${strings.map((s) => `<si><t${/^\s|\s$/.test(s) ? ' xml:space="preserve"' : ''}>${esc(s)}</t></si>`).join('')}</sst>`);
  files['xl/styles.xml'] = strToU8(STYLES);
  files['xl/workbook.xml'] = strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><fileVersion appName="xl" lastEdited="7" lowestEdited="7" rupBuild="22228"/><workbookPr defaultThemeVersion="166925"/><bookViews><workbookView xWindow="0" yWindow="0" windowWidth="28800" windowHeight="12300"/></bookViews><sheets>${sheets.map((s, i) => `<sheet name="${esc(s.name)}" sheetId="${i + 1}"${s.hidden ? ' state="hidden"' : ''} r:id="rId${i + 1}"/>`).join('')}</sheets><calcPr calcId="191029"/></workbook>`);
  const n = sheets.length;
  files['xl/_rels/workbook.xml.rels'] = strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('')}<Relationship Id="rId${n + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId${n + 2}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>${opts.macros ? `<Relationship Id="rId${n + 3}" Type="http://schemas.microsoft.com/office/2006/relationships/vbaProject" Target="vbaProject.bin"/>` : ''}</Relationships>`);
  files['_rels/.rels'] = strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`);
  files['docProps/app.xml'] = strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>Microsoft Excel</Application></Properties>`);
  files['docProps/core.xml'] = strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator>LLCT fixtures</dc:creator></cp:coreProperties>`);
  const main = opts.macros ? 'application/vnd.ms-excel.sheet.macroEnabled.main+xml' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml';
  files['[Content_Types].xml'] = strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>${opts.macros ? '<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/>' : ''}<Override PartName="/xl/workbook.xml" ContentType="${main}"/>${sheets.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join('')}<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>`);
  return { ...files, ...opts.extraParts };
}

function zip(files: Record<string, Uint8Array>): Uint8Array {
  const entries: Record<string, [Uint8Array, { level: 6; mtime: Date }]> = {};
  // Excel puts [Content_Types].xml first.
  for (const name of ['[Content_Types].xml', ...Object.keys(files).filter((n) => n !== '[Content_Types].xml').sort()]) entries[name] = [files[name]!, { level: 6, mtime: MTIME }];
  return zipSync(entries);
}

const write = (rel: string, bytes: Uint8Array | string) => writeFileSync(join(ROOT, rel), bytes);

// ---- The list as an organisation board keeps it: two agencies, one sheet each. ----
const TITLE = 'DANH SÁCH TRÍCH NGANG CÁN BỘ ĐỀ NGHỊ CỬ ĐI HỌC TRUNG CẤP LÝ LUẬN CHÍNH TRỊ NĂM 2024';
const heading = ['STT', 'Mã cán bộ', 'Họ và tên', 'Giới tính', 'Ngày sinh', 'Trình độ chuyên môn', 'Lý luận chính trị', 'Đảng viên', 'Ngày vào Đảng', 'Cơ quan, đơn vị', 'Tỉnh, thành phố', 'Chức vụ', 'Xếp loại 2022', 'Xếp loại 2023', 'Ghi chú'];
const justice: Sheet = {
  name: 'Sở Tư pháp',
  rows: [
    [TITLE],
    ['(Kèm theo Tờ trình số    /TTr-STP ngày    tháng    năm 2024 của Sở Tư pháp)'],
    [],
    heading,
    ['I. Phòng Hành chính tư pháp'],
    [1, 'STP-01', 'Nguyễn Thị Lan', 'Nữ', { date: '1985-03-12' }, 'Đại học', 'sơ cấp', 'Đảng viên chính thức', '12/05/2010', 'Sở Tư pháp Hà Nội', 'Hà Nội', 'Trưởng phòng', 'Hoàn thành tốt nhiệm vụ', 'hoàn thành xuất sắc nhiệm vụ', null],
    [2, 'STP-02', 'Trần Văn Minh', 'Nam', serial('1988-11-30'), 'Thạc sĩ', 'Chưa có', 'đảng viên dự bị', { date: '2023-06-01', style: 2 }, null, 'Hà Nội', 'Phó trưởng phòng và tương đương', 'hoàn thành nhiệm vụ', 'hoàn thành tốt nhiệm vụ', 'Chuyển công tác 2021'],
    [3, 1003, 'Lê Hoàng Nam', 'nam', '05/09/1979', 'đại học', 'sơ cấp', 'Đảng viên chính thức', '03/02/2005', null, 'Hà Nội', 'civil-servant', { formula: 'M6', cached: 'hoàn thành xuất sắc nhiệm vụ' }, 'hoàn thành tốt nhiệm vụ', null],
    [],
    [null, null, null, null, null, null, null, null, null, null, 'Người lập biểu'],
  ],
  merges: ['A1:O1', 'A2:O2', 'A5:O5', 'J6:J8'],
};
const propaganda: Sheet = {
  name: 'Ban Tuyen giao',
  rows: [
    ['DANH SACH TRICH NGANG'],
    ['Ma can bo', 'Ho va ten', 'Gioi tinh', 'Ngay sinh', 'Trinh do chuyen mon', 'Chuc vu', 'Xep loai 2023'],
    ['BTG-07', 'Phạm Thu Hà', 'nữ', '01/02/1990', 'dai hoc', 'Giảng viên lý luận chính trị', 'hoàn thành tốt nhiệm vụ'],
  ],
  merges: ['A1:G1'],
};
write('fixtures/cadres/danh-sach-trich-ngang.xlsx', zip(workbookParts([justice, propaganda])));

// ---- Bad workbooks ----
const BAD = 'fixtures/bad-input/';
const minimal = (rows: Cell[][], extra: Partial<Sheet> = {}) => ({ name: 'Danh sách', rows, ...extra });
const okRow: Cell[] = ['X-01', 'Nguyễn Văn A', 'nam', { date: '1980-01-01' }, 'đại học'];
const okHead = ['Mã cán bộ', 'Họ và tên', 'Giới tính', 'Ngày sinh', 'Trình độ chuyên môn'];

write(`${BAD}not-a-zip.xlsx`, 'id,fullName,sex,birthDate,education\nX-01,Nguyễn Văn A,male,1980-01-01,university\n');
// A zip bomb: one sheet of 200 MB of blank space, which deflates to about 200 kB.
const bomb = workbookParts([minimal([okHead, okRow])]);
bomb['xl/worksheets/sheet1.xml'] = strToU8(new TextDecoder().decode(bomb['xl/worksheets/sheet1.xml']).replace('<sheetData>', `<sheetData>${' '.repeat(200 * 1024 * 1024)}`));
write(`${BAD}zip-bomb.xlsx`, zip(bomb));
// OLE compound files: the header signature and a directory entry name in UTF-16LE, as Office writes them.
const ole = (names: string[]) => {
  const bytes = new Uint8Array(4096);
  bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  let at = 1024;
  for (const name of ['Root Entry', ...names]) {
    for (let i = 0; i < name.length; i++) { bytes[at + 2 * i] = name.charCodeAt(i); bytes[at + 2 * i + 1] = 0; }
    at += 128;
  }
  return bytes;
};
write(`${BAD}encrypted.xlsx`, ole(['EncryptionInfo', 'EncryptedPackage', '\u0006DataSpaces']));
write(`${BAD}old-binary.xls`, ole(['Workbook', '\u0005SummaryInformation']));
write(`${BAD}macros.xlsm`, zip(workbookParts([minimal([okHead, okRow])], { macros: true, extraParts: { 'xl/vbaProject.bin': new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]) } })));
write(`${BAD}formula-no-value.xlsx`, zip(workbookParts([minimal([okHead, ['X-01', 'Nguyễn Văn A', 'nam', { formula: 'DATE(1980,1,1)' }, 'đại học']])])));
write(`${BAD}million-rows.xlsx`, zip(workbookParts([minimal([okHead, okRow], { dimension: 'A1:XFD1048576', extraRows: '<row r="1048576"><c r="A1048576" t="inlineStr"><is><t>Ghi chú cuối trang</t></is></c></row>' })])));
const huge = workbookParts([minimal([okHead, okRow])]);
huge['xl/sharedStrings.xml'] = strToU8(new TextDecoder().decode(huge['xl/sharedStrings.xml']).replace('</sst>', `<si><t>${'A'.repeat(8 * 1024 * 1024)}</t></si></sst>`));
write(`${BAD}huge-shared-strings.xlsx`, zip(huge));
write(`${BAD}missing-heading.xlsx`, zip(workbookParts([minimal([['Mã cán bộ', 'Họ và tên', 'Giới tính', 'Trình độ chuyên môn'], ['X-01', 'Nguyễn Văn A', 'nam', 'đại học']])])));
write(`${BAD}same-meaning-headings.xlsx`, zip(workbookParts([minimal([[...okHead, 'Full name'], [...okRow, 'Nguyen Van A']])])));
write(`${BAD}proto-heading.xlsx`, zip(workbookParts([minimal([[...okHead, '__proto__'], [...okRow, 'x']])])));
