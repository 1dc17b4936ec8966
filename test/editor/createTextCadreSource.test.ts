import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { builtinDocuments } from '../../engine/builtin.ts';
import type { CadreProfileInput } from '../../engine/documents/cadre.ts';
import { cadresToCsv } from '../../engine/io/cadresToCsv.ts';
import { readCadresFromText } from '../../engine/io/readCadres.ts';
import { createTextCadreSource } from '../../editor/diff/createTextCadreSource.ts';

const positions = builtinDocuments().positions;
const JSON_FILE = fileURLToPath(new URL('../../fixtures/cadres/hanoi-2024-central-agencies.json', import.meta.url));
const profiles = JSON.parse(readFileSync(JSON_FILE, 'utf8')) as CadreProfileInput[];

/** 630 profiles (the fixture three times with new ids), one of them broken: well past one 64 KiB slice. */
function bigCohort(): CadreProfileInput[] {
  const all = [0, 1, 2].flatMap((n) => profiles.map((p) => ({ ...p, id: `${p.id}-${n}` })));
  all[400] = { ...all[400]!, birthDate: '31/02/1990' };
  return all;
}

function agreesWithWholeFileReader(text: string, file: string) {
  const source = createTextCadreSource(text, file, positions);
  const fractions: number[] = [];
  const rows = [];
  for (const row of source.rows()) { rows.push(row); fractions.push(source.fraction); }
  const whole = readCadresFromText(text, { file, positions });
  expect(rows).toEqual(whole.rows);
  expect(source.problems).toEqual(whole.errors);
  expect(source.total).toBe(whole.total);
  expect(source.invalid).toBe(whole.invalid);
  expect(source.fraction).toBe(1);
  return { fractions, source };
}

describe('reading a cadre file lazily in the browser', () => {
  it('reads a long CSV slice by slice into the same rows and problems as the whole-file reader', () => {
    const text = cadresToCsv(bigCohort());
    expect(text.length).toBeGreaterThan(2 * 65536);
    const { fractions, source } = agreesWithWholeFileReader(`\uFEFF${text}`, 'big.csv');
    expect(source.format).toBe('csv');
    expect(new Set(fractions).size).toBeGreaterThan(2);
    expect(source.problems.some((d) => d.row === 401 && d.path === 'birthDate')).toBe(true);
  });

  it('reads JSON lines slice by slice, including a line that does not parse', () => {
    const lines = bigCohort().map((p) => JSON.stringify(p));
    lines[10] = '{"id": "BROKEN", ';
    const { source } = agreesWithWholeFileReader(`${lines.join('\n')}\n`, 'big.jsonl');
    expect(source.format).toBe('jsonl');
    expect(source.problems.some((d) => d.row === 11 && d.code === 'json/syntax')).toBe(true);
  });

  it('reads a JSON document whole', () => {
    const { source } = agreesWithWholeFileReader(readFileSync(JSON_FILE, 'utf8'), 'hanoi.json');
    expect(source.format).toBe('json');
    expect(source.total).toBe(210);
  });
});
