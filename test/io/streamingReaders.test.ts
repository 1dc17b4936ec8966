import { describe, expect, it } from 'vitest';
import { builtinDocuments } from '../../engine/builtin.ts';
import { generateBuiltinCohort } from '../../engine/generate/generateBuiltinCohort.ts';
import { createRng } from '../../engine/generate/createRng.ts';
import { cadresToCsv } from '../../engine/io/cadresToCsv.ts';
import { createCsvCadreReader } from '../../engine/io/createCsvCadreReader.ts';
import { createJsonLinesSplitter } from '../../engine/io/createJsonLinesSplitter.ts';
import { readCadresFromText } from '../../engine/io/readCadres.ts';

const positions = builtinDocuments().positions;

/** `text` cut at random places (1 to `max` characters apart), the same cuts for the same seed. */
function chunksOf(text: string, seed: string, max: number): string[] {
  const rng = createRng(seed);
  const out: string[] = [];
  for (let i = 0; i < text.length;) {
    const n = rng.int(1, max);
    out.push(text.slice(i, i + n));
    i += n;
  }
  return out;
}

describe('reading a file a chunk at a time', () => {
  it('splits JSON lines into the same elements whatever the chunks, with CRLF, LF, lone CR, blank lines and no final break', () => {
    const text = '{"id":"a"}\r\n\r\n{"id":"b"}\n{"id": "c" "x"}\r{"id":"d"}\n   \n[1]\r\n{"id":"ế"}';
    const whole = createJsonLinesSplitter();
    const expected = [...whole.push(text), ...whole.end()];
    expect(expected.map((e) => [e.line, e.value === undefined ? 'error' : JSON.stringify(e.value)])).toEqual([
      [1, '{"id":"a"}'], [3, '{"id":"b"}'], [4, 'error'], [5, '{"id":"d"}'], [7, '[1]'], [8, '{"id":"ế"}'],
    ]);
    for (const max of [1, 2, 3, 7, 40]) {
      for (let seed = 0; seed < 5; seed++) {
        const s = createJsonLinesSplitter();
        const got = chunksOf(text, `${max}/${seed}`, max).flatMap((c) => s.push(c));
        got.push(...s.end());
        expect(got).toEqual(expected);
      }
    }
  });

  it('reads CSV fed in chunks into exactly what the whole text gives: rows, profiles, problems and counts', () => {
    const csv = cadresToCsv(generateBuiltinCohort({ count: 300, seed: 4 }), { delimiter: ';', newline: '\r\n' });
    const lines = csv.split('\r\n');
    lines.splice(40, 0, 'Q-1;"Lê ""Văn""\r\nAn";male;1980-01-01');
    lines.splice(90, 0, 'BAD;;femal;31/02/1980');
    lines.splice(150, 0, lines[3]!);
    // A quote that never closes runs to the end of the file: the reader ends the record at its own line.
    const text = `\uFEFF${lines.join('\r\n')}UNCLOSED;"Nguyễn;male;1980-01-01\r\nLAST;x;male;1980-01-01`;
    const whole = readCadresFromText(text, { file: 'c.csv', positions });
    expect(whole.total).toBe(305);
    expect(whole.errors.filter((e) => e.severity === 'error').length).toBeGreaterThan(2);
    for (const max of [1, 5, 64, 1000]) {
      const reader = createCsvCadreReader({ file: 'c.csv', positions });
      const rows = [];
      const errors = [];
      for (const chunk of chunksOf(text, `csv/${max}`, max)) {
        const b = reader.push(chunk);
        rows.push(...b.rows);
        errors.push(...b.errors);
      }
      const b = reader.end();
      rows.push(...b.rows);
      errors.push(...b.errors);
      expect(rows).toEqual(whole.rows);
      expect(errors).toEqual(whole.errors);
      expect([reader.total, reader.invalid]).toEqual([whole.total, whole.invalid]);
    }
  });
});
