import Papa from 'papaparse';
import { parse as csvParseSync } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { createCsvParser, parseCsv } from '../../engine/io/parseCsv.ts';

/**
 * Our CSV parser (engine/io/parseCsv.ts) next to the two libraries the bench measures it against (bench/csvParsers.ts),
 * each in the mode the bench uses: papaparse quote-aware (`fastMode: false`) skipping empty lines, csv-parse with
 * `bom`, `skip_empty_lines` and `relax_column_count`. Where they agree, and where their semantics differ from what
 * `llct check` relies on (a line number per record, a malformed row flagged without losing the rows after it).
 */
const ours = (text: string) => parseCsv(text).records;
const papa = (text: string) => Papa.parse<string[]>(text, { delimiter: ',', fastMode: false, skipEmptyLines: true });
interface Info { record: string[]; info: { lines: number } }
const csvParse = (text: string, options: Record<string, unknown> = {}) =>
  csvParseSync(text, { delimiter: ',', bom: true, skip_empty_lines: true, relax_column_count: true, info: true, ...options }) as unknown as Info[];

// BOM, CRLF, a quoted comma, a quoted CRLF, doubled quotes, a blank line, an empty last field, a quoted LF, Vietnamese.
const TRICKY = '\uFEFFid,hoTen,diaChi,ghiChu\r\n'
  + '1,"Nguyễn Văn A","Số 5, phố Huế\r\nHà Nội","nói ""xin chào"""\r\n'
  + '\r\n'
  + '2,Trần Thị Bích,"Đà Nẵng",\r\n'
  + '3,Lê Đức Thọ,,"dòng 1\ndòng 2"\r\n';
const TRICKY_ROWS = [
  ['id', 'hoTen', 'diaChi', 'ghiChu'],
  ['1', 'Nguyễn Văn A', 'Số 5, phố Huế\r\nHà Nội', 'nói "xin chào"'],
  ['2', 'Trần Thị Bích', 'Đà Nẵng', ''],
  ['3', 'Lê Đức Thọ', '', 'dòng 1\ndòng 2'],
];

describe('our CSV parser, papaparse and csv-parse on a tricky well-formed CSV', () => {
  it('all three read the same records: BOM dropped, CRLF, quoted commas and line breaks, doubled quotes, blank line skipped', () => {
    expect(ours(TRICKY).map((r) => r.fields)).toEqual(TRICKY_ROWS);
    const p = papa(TRICKY);
    expect(p.errors).toEqual([]);
    expect(p.data).toEqual(TRICKY_ROWS);
    expect(csvParse(TRICKY).map((r) => r.record)).toEqual(TRICKY_ROWS);
  });

  it('reads the same records streamed in small chunks (ours, as llct check feeds it)', () => {
    for (const size of [1, 3, 7]) {
      const parser = createCsvParser();
      const got = [];
      for (let i = 0; i < TRICKY.length; i += size) got.push(...parser.push(TRICKY.slice(i, i + size)));
      got.push(...parser.end());
      expect(got.map((r) => r.fields)).toEqual(TRICKY_ROWS);
    }
  });

  it('line numbers: ours gives the line each record starts on; csv-parse neither its start nor its end; papaparse has none (its errors name a record index)', () => {
    // Record "1" starts on line 2 and its quoted address ends on line 3; line 4 is blank; "2" is on 5; "3" spans 6–7.
    expect(ours(TRICKY).map((r) => r.line)).toEqual([1, 2, 5, 6]);
    // csv-parse's `info.lines` is its line counter when the record is emitted: after the header, one past the line the
    // record ends on (3 + 1, 5 + 1, 7 + 1) — a message would name the wrong line for "1" and "3".
    expect(csvParse(TRICKY).map((r) => r.info.lines)).toEqual([1, 3 + 1, 5 + 1, 7 + 1]);
  });

  it('the BOM: csv-parse keeps it in the first header unless told `bom: true`; papaparse drops it', () => {
    expect(csvParse(TRICKY, { bom: false })[0]!.record[0]).toBe('\uFEFFid');
    expect(papa(TRICKY).data[0]![0]).toBe('id');
    expect(ours(TRICKY)[0]!.fields[0]).toBe('id');
  });

  it('a whitespace-only line is a one-field record in all three; only truly empty lines are skipped', () => {
    const text = 'a,b\n\n1,2\n   \n3,4\n';
    const rows = [['a', 'b'], ['1', '2'], ['   '], ['3', '4']];
    expect(ours(text).map((r) => r.fields)).toEqual(rows);
    expect(papa(text).data).toEqual(rows);
    expect(csvParse(text).map((r) => r.record)).toEqual(rows);
  });
});

describe('malformed rows: ours names the line and field and keeps reading; the libraries do not', () => {
  const UNTERMINATED = 'id,hoTen,ghiChu\n1,An,ok\n2,"Bình,dở\n3,Chi,ok\n';

  it('an unterminated quote: ours flags line 3, field 1 (hoTen), and still reads row 3', () => {
    expect(ours(UNTERMINATED)).toEqual([
      { fields: ['id', 'hoTen', 'ghiChu'], line: 1 },
      { fields: ['1', 'An', 'ok'], line: 2 },
      { fields: ['2', 'Bình,dở'], line: 3, problems: [{ code: 'csv/unterminated-quote', field: 1 }] },
      { fields: ['3', 'Chi', 'ok'], line: 4 },
    ]);
  });

  it('papaparse: the open quote swallows the rest of the file into one field; the error names a record index, no field', () => {
    const p = papa(UNTERMINATED);
    expect(p.data).toEqual([['id', 'hoTen', 'ghiChu'], ['1', 'An', 'ok'], ['2', 'Bình,dở\n3,Chi,ok\n']]);
    expect(p.errors.map((e) => [e.code, e.row])).toEqual([['MissingQuotes', 2]]);
  });

  it('csv-parse: throws, naming the last line of the input rather than the row with the quote, and returns no records', () => {
    expect(() => csvParse(UNTERMINATED)).toThrow(expect.objectContaining({ code: 'CSV_QUOTE_NOT_CLOSED', lines: 4 }));
  });

  it('text after a closing quote: ours keeps it, flagged with line and field; papaparse swallows the rest; csv-parse throws', () => {
    const text = 'id,hoTen\n1,"An"x\n2,Bình\n';
    expect(ours(text).slice(1)).toEqual([
      { fields: ['1', 'Anx'], line: 2, problems: [{ code: 'csv/text-after-quote', field: 1 }] },
      { fields: ['2', 'Bình'], line: 3 },
    ]);
    const p = papa(text);
    expect(p.data).toHaveLength(2);
    expect(p.errors.map((e) => e.code)).toContain('InvalidQuotes');
    expect(() => csvParse(text)).toThrow(expect.objectContaining({ code: 'CSV_INVALID_CLOSING_QUOTE', lines: 2 }));
  });
});
