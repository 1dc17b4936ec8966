import { describe, expect, it } from 'vitest';
import { createCsvParser, parseCsv } from '../../engine/io/parseCsv.ts';

const fields = (text: string) => parseCsv(text).records.map((r) => r.fields);

describe('parseCsv', () => {
  it('reads comma-separated records with LF, CRLF and lone CR line ends', () => {
    expect(fields('a,b\n1,2\r\n3,4\r5,6')).toEqual([['a', 'b'], ['1', '2'], ['3', '4'], ['5', '6']]);
  });

  it('drops a byte-order mark at the start', () => {
    expect(fields('\uFEFFid,name\n1,x\n')).toEqual([['id', 'name'], ['1', 'x']]);
  });

  it('detects a semicolon delimiter from the header line', () => {
    const r = parseCsv('id;fullName;planning\n1;"Lê, Văn A";"director;deputy-director"\n');
    expect(r.delimiter).toBe(';');
    expect(r.records[1]!.fields).toEqual(['1', 'Lê, Văn A', 'director;deputy-director']);
  });

  it('keeps commas, doubled quotes and line breaks inside quoted fields', () => {
    const r = parseCsv('a,b\n"x, y","say ""hi""\nnext line"\n2,3\n');
    expect(r.records.map((x) => x.fields)).toEqual([['a', 'b'], ['x, y', 'say "hi"\nnext line'], ['2', '3']]);
    expect(r.records.map((x) => x.line)).toEqual([1, 2, 4]);
  });

  it('skips blank lines but keeps counting physical lines', () => {
    const r = parseCsv('a\n\n1\r\n\r\n2\n');
    expect(r.records.map((x) => [x.fields[0], x.line])).toEqual([['a', 1], ['1', 3], ['2', 5]]);
  });

  it('keeps empty fields, including a trailing one', () => {
    expect(fields('a,b,c\n1,,\n')).toEqual([['a', 'b', 'c'], ['1', '', '']]);
  });

  it('reports an unterminated quote as a problem record and still reads the lines after it', () => {
    const r = parseCsv('id,name\n1,"open\n2,ok\n3,fine\n');
    expect(r.records[1]).toEqual({ fields: ['1', 'open'], line: 2, problems: [{ code: 'csv/unterminated-quote', field: 1 }] });
    expect(r.records.slice(2).map((x) => x.fields)).toEqual([['2', 'ok'], ['3', 'fine']]);
  });

  it('flags text after a closing quote but keeps it', () => {
    const r = parseCsv('a,b\n"x"y,2\n');
    expect(r.records[1]).toEqual({ fields: ['xy', '2'], line: 2, problems: [{ code: 'csv/text-after-quote', field: 0 }] });
  });

  it('gives the same records whatever the chunk boundaries', () => {
    const text = '\uFEFFid;name;note\r\n1;"a;b";"multi\r\nline ""q"""\r\n2;c;\r\n3;"d"\r\n';
    const whole = parseCsv(text).records;
    for (let size = 1; size <= 7; size++) {
      const p = createCsvParser();
      const got = [];
      for (let i = 0; i < text.length; i += size) got.push(...p.push(text.slice(i, i + size)));
      got.push(...p.end());
      expect(got).toEqual(whole);
      expect(p.delimiter).toBe(';');
    }
  });

  // Speed is measured by `npm run bench`, not asserted here.
  it('parses 100,000 rows (about 10 MB) in one piece, keeping quoted commas', () => {
    const row = 'HN-0001,Nguyễn Văn An,male,1980-01-02,"Bộ Tư pháp, Vụ Pháp luật",university,"2023:good;2024:excellent"\n';
    const text = `id,fullName,sex,birthDate,workplace.agency,education,ratings\n${row.repeat(100_000)}`;
    const r = parseCsv(text);
    expect(r.records).toHaveLength(100_001);
    expect(r.records[100_000]!.fields[4]).toBe('Bộ Tư pháp, Vụ Pháp luật');
  });
});

describe('a runaway quote', () => {
  it('is closed at the end of its own line once it spans more than MAX_QUOTED_LINES lines, and the rows after it are read', () => {
    const rows = Array.from({ length: 200 }, (_, i) => `r${i},x`);
    rows[3] = 'r3,"x';
    const p = createCsvParser();
    const records = [...p.push(`id,v\n${rows.join('\n')}\n`), ...p.end()];
    expect(records).toHaveLength(201);
    expect(records[4]!.problems).toEqual([{ code: 'csv/unterminated-quote', field: 1 }]);
    expect(records[5]!.fields).toEqual(['r4', 'x']);
  });

  it('holds no more than a bounded stretch while waiting for a closing quote, whatever the chunks (linear cost)', () => {
    const p = createCsvParser();
    let records = p.push('id,v\nr0,"x\n');
    const line = 'r,x\n'.repeat(1000);
    for (let i = 0; i < 50; i++) records = records.concat(p.push(line));
    // The quote gave out after MAX_QUOTED_LINES lines, not at the end of the input: rows came out as they arrived.
    expect(records.length).toBeGreaterThan(49_000);
    expect(records.find((r) => r.problems)?.line).toBe(2);
  });

  it('turns a line without end into one problem record and skips the rest of the line as it arrives', () => {
    const p = createCsvParser();
    const out = [...p.push('id,v\n')];
    const junk = '\u0000'.repeat(1 << 16);
    for (let i = 0; i < 40; i++) out.push(...p.push(junk));
    out.push(...p.push('\nr1,x\n'), ...p.end());
    expect(out.map((r) => r.problems?.[0]?.code ?? r.fields[0])).toEqual(['id', 'csv/line-too-long', 'r1']);
  });
});
