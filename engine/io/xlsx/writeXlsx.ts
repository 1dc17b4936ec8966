/**
 * A small .xlsx writer on fflate (the zip library the workbook reader already uses), for the workbooks `llct` and the
 * page write: sheets of rows of text, numbers, booleans and dates, with per-cell styles (bold, wrapped, top-aligned,
 * dates shown DD/MM/YYYY, Excel's quote prefix), column widths and column styles, a frozen and filtered heading row,
 * hidden sheets and list dropdowns (data validation). Text is always written as a shared string, never as a formula,
 * whatever it starts with. The parts are those Excel itself writes (SpreadsheetML, ECMA-376 Part 1 §18); the zip is
 * deflated. Pure.
 */
import { strToU8, zipSync } from 'fflate';

/** A civil date (ISO `YYYY-MM-DD`), written as its serial number with a date format. */
export interface XlsxDate { date: string }
export type XlsxValue = string | number | boolean | XlsxDate | null | undefined;

export interface XlsxStyle {
  bold?: boolean;
  wrap?: boolean;
  vertical?: 'top' | 'middle';
  /** Shown as DD/MM/YYYY (the cell holds a date serial). */
  date?: boolean;
  /** Excel keeps the cell's text as text when it is edited (for text that starts like a formula). */
  quotePrefix?: boolean;
}

export interface XlsxCell { value: XlsxValue; style?: XlsxStyle }

export interface XlsxValidation {
  /** Cells, e.g. `C2:C1001`. */
  ref: string;
  /** The list's source, e.g. `'Danh mục'!$A$1:$A$5`. */
  source: string;
  errorTitle: string;
  error: string;
}

export interface XlsxSheet {
  name: string;
  hidden?: boolean;
  /** Row i is the sheet's row i + 1; a plain value has the row's style (`rowStyles`) or none. */
  rows: readonly (readonly (XlsxValue | XlsxCell)[])[];
  /** Style for every cell of a row given as a plain value, by row index. */
  rowStyles?: ReadonlyMap<number, XlsxStyle>;
  /** Column widths in characters, from column A. */
  widths?: readonly (number | undefined)[];
  /** The style of a column's empty cells (what a person types there gets it), from column A. */
  columnStyles?: readonly (XlsxStyle | undefined)[];
  /** Row 1 frozen and given filter buttons over `filterColumns` columns. */
  heading?: { filterColumns: number };
  validations?: readonly XlsxValidation[];
}

/** The number format id of DD/MM/YYYY (custom formats start at 164). */
const DATE_FORMAT_ID = 164;
/** Whether XML 1.0 cannot hold the character (controls other than tab, line feed, carriage return; U+FFFE, U+FFFF). */
function notXml(code: number): boolean {
  return (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) || code === 0xfffe || code === 0xffff;
}

function esc(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

/** Cell text as SpreadsheetML stores it: an existing `_xHHHH_` is itself escaped, characters XML forbids become `_xHHHH_`. */
function cellText(text: string): string {
  let escaped = text.replace(/_x([0-9a-fA-F]{4})_/g, '_x005F_x$1_');
  let clean = true;
  for (let i = 0; i < escaped.length && clean; i++) clean = !notXml(escaped.charCodeAt(i));
  if (!clean) {
    let out = '';
    for (const c of escaped) out += c.length === 1 && notXml(c.charCodeAt(0)) ? `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_` : c;
    escaped = out;
  }
  return esc(escaped);
}

/** `A`, `B`, … `Z`, `AA` for a 0-based column index. */
export function columnName(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** Days since 1899-12-30 (Excel's 1900 date system) of an ISO civil date. */
export function dateSerial(iso: string): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return undefined;
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return Math.round((ms - Date.UTC(1899, 11, 30)) / 86_400_000);
}

function styleKey(s: XlsxStyle | undefined): string {
  if (!s) return '';
  return `${s.bold ? 'b' : ''}${s.wrap ? 'w' : ''}${s.vertical ?? ''}${s.date ? 'd' : ''}${s.quotePrefix ? 'q' : ''}`;
}

function xfXml(s: XlsxStyle): string {
  const align = s.wrap || s.vertical ? `<alignment${s.vertical ? ` vertical="${s.vertical === 'middle' ? 'center' : 'top'}"` : ''}${s.wrap ? ' wrapText="1"' : ''}/>` : '';
  const attrs = `numFmtId="${s.date ? DATE_FORMAT_ID : 0}" fontId="${s.bold ? 1 : 0}" fillId="0" borderId="0" xfId="0"`
    + `${s.date ? ' applyNumberFormat="1"' : ''}${s.bold ? ' applyFont="1"' : ''}${align ? ' applyAlignment="1"' : ''}${s.quotePrefix ? ' quotePrefix="1"' : ''}`;
  return align ? `<xf ${attrs}>${align}</xf>` : `<xf ${attrs}/>`;
}

/** The workbook's bytes. Sheet names must be unique, at most 31 characters, without `: \ / ? * [ ]`. */
export function writeXlsx(sheets: readonly XlsxSheet[], creator = 'llct'): Uint8Array {
  const strings = new Map<string, number>();
  const stringList: string[] = [];
  const styles = new Map<string, number>([['', 0]]);
  const styleList: XlsxStyle[] = [{}];
  const styleOf = (s: XlsxStyle | undefined): number => {
    const key = styleKey(s);
    let at = styles.get(key);
    if (at === undefined) { at = styleList.length; styles.set(key, at); styleList.push(s!); }
    return at;
  };
  const stringOf = (t: string): number => {
    let at = strings.get(t);
    if (at === undefined) { at = stringList.length; strings.set(t, at); stringList.push(t); }
    return at;
  };

  const files: Record<string, Uint8Array> = {};
  sheets.forEach((sheet, si) => {
    const parts: string[] = [];
    parts.push('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">');
    const frozen = sheet.heading !== undefined;
    parts.push(`<sheetViews><sheetView workbookViewId="0"${si === 0 ? ' tabSelected="1"' : ''}>${frozen
      ? '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A2" sqref="A2"/>' : ''}</sheetView></sheetViews>`);
    parts.push('<sheetFormatPr defaultRowHeight="15"/>');
    const columns = Math.max(sheet.widths?.length ?? 0, sheet.columnStyles?.length ?? 0);
    if (columns > 0) {
      parts.push('<cols>');
      for (let c = 0; c < columns; c++) {
        const w = sheet.widths?.[c];
        const s = sheet.columnStyles?.[c];
        if (w === undefined && s === undefined) continue;
        parts.push(`<col min="${c + 1}" max="${c + 1}" width="${w ?? 9.140625}"${w !== undefined ? ' customWidth="1"' : ''}${s ? ` style="${styleOf(s)}"` : ''}/>`);
      }
      parts.push('</cols>');
    }
    parts.push('<sheetData>');
    sheet.rows.forEach((row, ri) => {
      const r = ri + 1;
      const rowStyle = sheet.rowStyles?.get(ri);
      const cells: string[] = [];
      row.forEach((item, ci) => {
        const cell = item !== null && typeof item === 'object' && 'value' in item ? item : { value: item as XlsxValue, style: rowStyle };
        const v = cell.value;
        const ref = `${columnName(ci)}${r}`;
        let style = cell.style;
        if (v !== null && typeof v === 'object' && 'date' in v) style = { ...style, date: true };
        const s = styleOf(style);
        const sAttr = s === 0 ? '' : ` s="${s}"`;
        if (v === null || v === undefined || v === '') { if (s !== 0) cells.push(`<c r="${ref}"${sAttr}/>`); return; }
        if (typeof v === 'string') cells.push(`<c r="${ref}"${sAttr} t="s"><v>${stringOf(v)}</v></c>`);
        else if (typeof v === 'number') cells.push(Number.isFinite(v) ? `<c r="${ref}"${sAttr}><v>${v}</v></c>` : `<c r="${ref}"${sAttr} t="s"><v>${stringOf(String(v))}</v></c>`);
        else if (typeof v === 'boolean') cells.push(`<c r="${ref}"${sAttr} t="b"><v>${v ? 1 : 0}</v></c>`);
        else {
          const serial = dateSerial(v.date);
          cells.push(serial === undefined ? `<c r="${ref}"${sAttr} t="s"><v>${stringOf(v.date)}</v></c>` : `<c r="${ref}"${sAttr}><v>${serial}</v></c>`);
        }
      });
      const rowAttr = rowStyle ? ` s="${styleOf(rowStyle)}" customFormat="1"` : '';
      if (cells.length > 0 || rowAttr) parts.push(`<row r="${r}"${rowAttr}>${cells.join('')}</row>`);
    });
    parts.push('</sheetData>');
    if (sheet.heading) parts.push(`<autoFilter ref="A1:${columnName(sheet.heading.filterColumns - 1)}1"/>`);
    if (sheet.validations && sheet.validations.length > 0) {
      parts.push(`<dataValidations count="${sheet.validations.length}">`);
      for (const v of sheet.validations) {
        parts.push(`<dataValidation type="list" errorStyle="warning" allowBlank="1" showErrorMessage="1" errorTitle="${esc(v.errorTitle)}" error="${esc(v.error)}" sqref="${v.ref}"><formula1>${esc(v.source)}</formula1></dataValidation>`);
      }
      parts.push('</dataValidations>');
    }
    parts.push('<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>');
    files[`xl/worksheets/sheet${si + 1}.xml`] = strToU8(parts.join(''));
  });

  const sheetList = sheets.map((s, i) => `<sheet name="${esc(s.name)}" sheetId="${i + 1}"${s.hidden ? ' state="hidden"' : ''} r:id="rId${i + 1}"/>`).join('');
  const filters = sheets.map((s, i) => (s.heading
    ? `<definedName name="_xlnm._FilterDatabase" localSheetId="${i}" hidden="1">'${esc(s.name.replace(/'/g, "''"))}'!$A$1:$${columnName(s.heading.filterColumns - 1)}$1</definedName>` : '')).join('');
  files['xl/workbook.xml'] = strToU8('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
    + `<bookViews><workbookView activeTab="0"/></bookViews><sheets>${sheetList}</sheets>${filters ? `<definedNames>${filters}</definedNames>` : ''}</workbook>`);
  files['xl/_rels/workbook.xml.rels'] = strToU8('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    + sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('')
    + `<Relationship Id="rId${sheets.length + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>`
    + `<Relationship Id="rId${sheets.length + 2}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>`);
  files['xl/sharedStrings.xml'] = strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${stringList.length}" uniqueCount="${stringList.length}">`
    + stringList.map((t) => `<si><t${/^\s|\s$|\n/.test(t) ? ' xml:space="preserve"' : ''}>${cellText(t)}</t></si>`).join('') + '</sst>');
  files['xl/styles.xml'] = strToU8('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
    + `<numFmts count="1"><numFmt numFmtId="${DATE_FORMAT_ID}" formatCode="dd/mm/yyyy"/></numFmts>`
    + '<fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font><font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>'
    + '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>'
    + '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
    + '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
    + `<cellXfs count="${styleList.length}">${styleList.map(xfXml).join('')}</cellXfs>`
    + '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>');
  files['docProps/core.xml'] = strToU8('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/">'
    + `<dc:creator>${esc(creator)}</dc:creator></cp:coreProperties>`);
  files['_rels/.rels'] = strToU8('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    + '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
    + '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>');
  files['[Content_Types].xml'] = strToU8('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    + '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
    + '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    + sheets.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join('')
    + '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
    + '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
    + '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>');

  // [Content_Types].xml first, as Excel writes it; a fixed time (local, as zip times are) keeps the bytes reproducible.
  const ordered: Record<string, [Uint8Array, { mtime: Date }]> = {};
  const mtime = new Date(2000, 0, 1);
  for (const name of ['[Content_Types].xml', '_rels/.rels', 'docProps/core.xml', 'xl/workbook.xml', 'xl/_rels/workbook.xml.rels', 'xl/styles.xml', 'xl/sharedStrings.xml',
    ...sheets.map((_, i) => `xl/worksheets/sheet${i + 1}.xml`)]) ordered[name] = [files[name]!, { mtime }];
  return zipSync(ordered, { level: 6 });
}
