import { describe, expect, it } from 'vitest';
import { builtinDocuments } from '../../engine/builtin.ts';
import { generateBuiltinCohort } from '../../engine/generate/generateBuiltinCohort.ts';
import { createRng, type Rng } from '../../engine/generate/createRng.ts';
import { buildCadreFromValues, buildCadreWithSchema } from '../../engine/io/buildCadre.ts';
import { CADRE_COLUMNS } from '../../engine/io/cadreColumns.ts';
import { positionCodes } from '../../engine/io/cadreRows.ts';
import { cadresToCsv } from '../../engine/io/cadresToCsv.ts';
import { parseCsv } from '../../engine/io/parseCsv.ts';

const positions = positionCodes(builtinDocuments().positions);
const ctx = { file: 'x.csv', row: 7, line: 8, id: 'X' };

/** The CSV cells of a generated cohort, in column order, as the CSV reader hands them to the builder. */
function generatedCells(count: number, seed: number): string[][] {
  const { records } = parseCsv(cadresToCsv(generateBuiltinCohort({ count, seed })));
  return records.slice(1).map((r) => r.fields);
}

/** Both paths on the same cells: same profile (values, keys and key order), same nomination, same diagnostics. */
function expectSamePaths(raw: readonly unknown[], known: ReadonlySet<string> | undefined = positions): void {
  const fast = buildCadreFromValues(raw, ctx, known);
  const full = buildCadreWithSchema(raw, ctx, known);
  expect(fast).toStrictEqual(full);
  expect(JSON.stringify(fast)).toBe(JSON.stringify(full));
}

/** A cell written another way the reader accepts (or rejects): spaces, labels, letter case, other date forms. */
function respell(rng: Rng, column: (typeof CADRE_COLUMNS)[number], cell: string): unknown {
  const t = column.spec.type;
  switch (rng.int(0, 11)) {
    case 0: return ` ${cell} `;
    case 1: return cell.toUpperCase();
    case 2: return '';
    case 3: return '   ';
    case 4: return t === 'date' && /^\d{4}-\d{2}-\d{2}$/.test(cell) ? `${cell.slice(8)}/${cell.slice(5, 7)}/${cell.slice(0, 4)}` : cell;
    case 5: return t === 'enum' ? column.spec.values.map((v) => column.spec.type === 'enum' ? column.spec.labels[v]?.vi : v)[rng.int(0, column.spec.values.length - 1)] : cell;
    case 6: return t === 'boolean' ? rng.pick(['có', 'không', '1', '0', 'yes', 'x', 'TRUE', 'maybe']) : cell;
    case 7: return t === 'positions' || t === 'ratings' ? cell.replaceAll(';', rng.pick(['|', ' ; ', ';;', '; '])) : cell;
    case 8: return rng.pick(['femal', '31/02/1980', '2023-13-01', '2023:great', '1900:good', 'unknown-post', 'Head-Of-Division', 'x', '\u00a0']);
    case 9: return rng.pick([42, true, false, null, ['head-of-division'], [{ year: 2023, rating: 'good' }], { a: 1 }]);
    case 10: return t === 'ratings' ? rng.pick(['2023 : good', '2023:Good', '2023:hoàn thành tốt nhiệm vụ', '2023:good;2023:excellent']) : cell;
    default: return cell;
  }
}

describe('buildCadre: the fast path for well-formed rows', () => {
  it('gives exactly what the full coerce-and-schema path gives for 3,000 generated cadres', () => {
    const cells = generatedCells(3000, 17);
    expect(cells.length).toBe(3000);
    for (const row of cells) expectSamePaths(row);
  });

  it('gives the same as the full path, problems included, for 6,000 respelt and broken rows', () => {
    const rng = createRng('fast-path');
    const cells = generatedCells(1500, 23);
    let invalid = 0;
    for (let round = 0; round < 4; round++) {
      for (const row of cells) {
        const raw: unknown[] = row.map((cell, i) => (rng.chance(0.15) ? respell(rng, CADRE_COLUMNS[i]!, cell) : cell));
        expectSamePaths(raw);
        if (!buildCadreFromValues(raw, ctx, positions).profile) invalid++;
      }
    }
    // The mix reaches both outcomes: rows that read and rows the reader refuses with diagnostics.
    expect(invalid).toBeGreaterThan(500);
    expect(invalid).toBeLessThan(5500);
  });

  it('gives the same as the full path without a position catalogue, where the schema checks code spelling', () => {
    const cells = generatedCells(500, 5);
    for (const row of cells) {
      expectSamePaths(row, undefined);
      expectSamePaths(row.map((c, i) => (CADRE_COLUMNS[i]!.name === 'position' && c !== '' ? 'Not_A_Code' : c)), undefined);
    }
  });

  it('fills the schema defaults for a row with only the required columns, in the schema key order', () => {
    const raw = CADRE_COLUMNS.map((c) => ({ id: 'A-1', sex: 'male', birthDate: '1980-01-02', education: 'college' } as Record<string, string>)[c.name]);
    const built = buildCadreFromValues(raw, ctx, positions);
    expect(built.diagnostics).toEqual([]);
    expect(JSON.stringify(built.profile)).toBe(JSON.stringify({
      id: 'A-1', sex: 'male', birthDate: '1980-01-02', ethnicMinority: false, difficultArea: false, party: { status: 'none' },
      education: 'college', politicalTheory: 'none', workplace: {}, planning: [], civilService: { candidatePool: false }, ratings: [],
    }));
    expect(built.nomination).toBeUndefined();
  });
});
