/**
 * The workbook entry of `npm run bench`: the same cadres read from CSV text and from an .xlsx workbook (one sheet,
 * shared strings, date cells, Vietnamese headings and labels, as Excel saves a list), in this process, one after the
 * other: rows per second of each, their ratio, and the heap + array buffers held while reading (sampled at every
 * batch) against the workbook's bytes. The workbook is written with fflate part by part (not timed).
 * BENCH_XLSX_CADRES sets the rows (default 100000; 0 skips it).
 */
import { strToU8, zipSync } from 'fflate';
import { builtinDocuments } from '../engine/builtin.ts';
import type { CadreProfile } from '../engine/documents/cadre.ts';
import { LABELS } from '../engine/documents/enums.ts';
import { CADRE_COLUMNS } from '../engine/io/cadreColumns.ts';
import { headingOf } from '../engine/io/cadreHeadings.ts';
import { cadresToCsv } from '../engine/io/cadresToCsv.ts';
import { createCsvCadreReader } from '../engine/io/createCsvCadreReader.ts';
import { createWorkbookCadreReader } from '../engine/io/xlsx/readWorkbookCadres.ts';
import { collectGarbage, envInt, log, round } from './measure.ts';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const serial = (iso: string) => { const [y, m, d] = iso.split('-').map(Number); return (Date.UTC(y!, m! - 1, d!) - Date.UTC(1899, 11, 30)) / 86_400_000; };
const letters = (i: number) => { let s = ''; for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s; return s; };

/** The profiles as an Excel-shaped workbook: labels in Vietnamese, dates as date cells, ratings as one column per year. */
function toWorkbook(profiles: readonly CadreProfile[]): Uint8Array {
  const strings: string[] = [];
  const index = new Map<string, number>();
  const s = (t: string) => { let i = index.get(t); if (i === undefined) { i = strings.length; strings.push(t); index.set(t, i); } return i; };
  const cols = CADRE_COLUMNS.filter((c) => c.name !== 'ratings');
  const years = [2021, 2022, 2023];
  const head = [...cols.map((c) => headingOf(c, 'vi')), ...years.map((y) => `Xếp loại ${y}`)];
  const rows: string[] = [`<row r="1">${head.map((h, i) => `<c r="${letters(i)}1" t="s"><v>${s(h)}</v></c>`).join('')}</row>`];
  profiles.forEach((p, n) => {
    const r = n + 2;
    const cells: string[] = [];
    cols.forEach((c, i) => {
      let v: unknown = p as unknown;
      for (const k of c.path) v = v === undefined ? undefined : (v as Record<string, unknown>)[k];
      if (v === undefined || (Array.isArray(v) && v.length === 0)) return;
      const ref = `${letters(i)}${r}`;
      if (c.spec.type === 'date') cells.push(`<c r="${ref}" s="1"><v>${serial(v as string)}</v></c>`);
      else if (c.spec.type === 'enum') cells.push(`<c r="${ref}" t="s"><v>${s(c.spec.labels[v as string]?.vi ?? String(v))}</v></c>`);
      else if (typeof v === 'boolean') cells.push(`<c r="${ref}" t="b"><v>${v ? 1 : 0}</v></c>`);
      else cells.push(`<c r="${ref}" t="s"><v>${s(Array.isArray(v) ? v.join(';') : String(v))}</v></c>`);
    });
    years.forEach((y, j) => {
      const rating = p.ratings.find((x) => x.year === y)?.rating;
      if (rating) cells.push(`<c r="${letters(cols.length + j)}${r}" t="s"><v>${s(LABELS.rating[rating].vi)}</v></c>`);
    });
    rows.push(`<row r="${r}">${cells.join('')}</row>`);
  });
  return zipSync({
    '[Content_Types].xml': strToU8('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
    'xl/workbook.xml': strToU8('<workbook xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Danh sách" sheetId="1" r:id="rId1"/></sheets></workbook>'),
    'xl/_rels/workbook.xml.rels': strToU8('<Relationships><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>'),
    'xl/styles.xml': strToU8('<styleSheet><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/></cellXfs></styleSheet>'),
    'xl/sharedStrings.xml': strToU8(`<sst count="${strings.length}" uniqueCount="${strings.length}">${strings.map((t) => `<si><t>${esc(t)}</t></si>`).join('')}</sst>`),
    'xl/worksheets/sheet1.xml': strToU8(`<worksheet><sheetData>${rows.join('')}</sheetData></worksheet>`),
  }, { level: 6 });
}

const held = () => { const m = process.memoryUsage(); return m.heapUsed + m.arrayBuffers; };

/** Reads `count` of `profiles` from CSV and from .xlsx (see the module). */
export function workbookRead(profiles: readonly CadreProfile[]) {
  const count = Math.min(profiles.length, envInt('BENCH_XLSX_CADRES', 100_000));
  if (count === 0) return { skipped: 'BENCH_XLSX_CADRES=0' };
  const list = profiles.slice(0, count);
  const positions = builtinDocuments().positions;
  log(`workbook: ${count} rows as CSV and as .xlsx`);
  const csv = cadresToCsv(list);
  const xlsx = toWorkbook(list);

  collectGarbage();
  let base = held();
  let peak = base;
  let t = performance.now();
  const csvReader = createCsvCadreReader({ file: 'bench.csv', positions });
  let csvRows = 0;
  for (let i = 0; i < csv.length; i += 1 << 16) {
    csvRows += csvReader.push(csv.slice(i, i + (1 << 16))).rows.length;
    peak = Math.max(peak, held());
  }
  csvRows += csvReader.end().rows.length;
  const csvSeconds = (performance.now() - t) / 1000;
  const csvPeak = peak - base;

  collectGarbage();
  base = held();
  peak = base;
  t = performance.now();
  const reader = createWorkbookCadreReader(xlsx, { file: 'bench.xlsx', positions });
  let xlsxRows = 0;
  let xlsxErrors = 0;
  for (const batch of reader.batches()) {
    xlsxRows += batch.rows.length;
    xlsxErrors += batch.errors.filter((e) => e.severity === 'error').length;
    peak = Math.max(peak, held());
  }
  const xlsxSeconds = (performance.now() - t) / 1000;
  return {
    rows: count,
    csv: { bytes: csv.length, rowsRead: csvRows, seconds: round(csvSeconds, 2), rowsPerSecond: Math.round(csvRows / csvSeconds), peakHeldMiB: round(csvPeak / 1048576) },
    xlsx: { bytes: xlsx.length, rowsRead: xlsxRows, rowErrors: xlsxErrors, seconds: round(xlsxSeconds, 2), rowsPerSecond: Math.round(xlsxRows / xlsxSeconds), peakHeldMiB: round((peak - base) / 1048576) },
    xlsxOverCsvTime: round(xlsxSeconds / csvSeconds, 2),
    note: 'one pass each, CSV text streamed in 64 KiB chunks and the .xlsx bytes in memory; peakHeldMiB: heap + array buffers above the start, sampled at each batch (the CSV text and the workbook bytes themselves are outside it)',
  };
}
