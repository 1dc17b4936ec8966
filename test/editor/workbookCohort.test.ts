/**
 * A workbook as the comparison view's list (editor/diff/workbookCohort.ts): the Hà Nội sample split over two sheets
 * (row numbers repeat across them) compares to the engine's own summary of the same cadres; every sheet is read by
 * default, or the one chosen; the rows keep their sheet, so the table, the CSV export and the results workbook tell
 * two rows of the same number apart; the results workbook's counts are side B's.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { builtinDocuments } from '../../engine/builtin.ts';
import { parseCsv } from '../../engine/io/parseCsv.ts';
import { readCadresFromText } from '../../engine/io/readCadres.ts';
import { writeXlsx } from '../../engine/io/xlsx/writeXlsx.ts';
import { createCohortDiff } from '../../engine/rules/diff/createCohortDiff.ts';
import { createDiffSide } from '../../engine/rules/diff/createDiffSide.ts';
import { DEFAULT_SETUP } from '../../editor/diff/buildDiffSides.ts';
import { changedCadresToCsv } from '../../editor/diff/changedCadresToCsv.ts';
import { compareCohort } from '../../editor/diff/compareCohort.ts';
import { openWorkbookCohort } from '../../editor/diff/workbookCohort.ts';
import { resultsWorkbookInput } from '../../editor/diff/workbookDownloads.ts';

const text = readFileSync(fileURLToPath(new URL('../../fixtures/cadres/hanoi-2024-central-agencies.csv', import.meta.url)), 'utf8');
const [head, ...records] = parseCsv(text.replace(/^\uFEFF/, '')).records.map((r) => r.fields);
const SPLIT = 100;
const bytes = writeXlsx([
  { name: 'Khối A', rows: [head!, ...records.slice(0, SPLIT)] },
  { name: 'Khối B', rows: [head!, ...records.slice(SPLIT)] },
]);
const instant = { pause: async () => undefined };

function engineSummary(csv: string) {
  const read = readCadresFromText(csv, { file: 'x.csv', positions: builtinDocuments().positions });
  const a = createDiffSide({ ruleset: '57-qd-tw' }, builtinDocuments(), '2024-03-01');
  const b = createDiffSide({ ruleset: '350-qd-tw' }, builtinDocuments(), '2024-03-01');
  if (!a.ok || !b.ok) throw new Error('the shipped sides must build');
  const cohort = createCohortDiff({ a: a.side, b: b.side });
  for (const r of read.rows) cohort.add(r.profile, DEFAULT_SETUP.defaults);
  return cohort.summary();
}

describe('a workbook in the comparison view', () => {
  it('reads every sheet by default and compares as the engine does, each row keeping its sheet', async () => {
    const input = openWorkbookCohort('khoi.xlsx', bytes);
    expect(input.workbook.sheets).toEqual(['Khối A', 'Khối B']);
    const out = await compareCohort(input, DEFAULT_SETUP, instant);
    if (out.status !== 'done') throw new Error(out.status);
    expect(out.result.errors).toEqual([]);
    expect(out.result.summary).toEqual(engineSummary(text));
    expect(out.result.rows).toBe(records.length);
    expect(out.result.sheetColumn).toBe(true);
    expect(out.result.printable!.map((e) => e.sheet)).toEqual(records.map((_, i) => (i < SPLIT ? 'Khối A' : 'Khối B')));
    // Row numbers are the sheets' own (heading on row 1): both sheets have a row 2.
    expect(out.result.printable!.filter((e) => e.row === 2).map((e) => e.sheet)).toEqual(['Khối A', 'Khối B']);
    expect(out.result.changed.every((c) => c.sheet === 'Khối A' || c.sheet === 'Khối B')).toBe(true);

    const csv = changedCadresToCsv(out.result.changed, 'vi').replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(csv[0]!.split(',').at(-1)).toBe('Trang tính');
    expect(csv.slice(1).map((l) => l.split(',').at(-1))).toEqual(out.result.changed.map((c) => c.sheet));

    const book = resultsWorkbookInput(out.result, out.result.printable!, 'vi');
    const { b } = out.result.summary;
    expect(book.summary).toEqual({ total: records.length, eligible: b.eligible, ineligible: b.ineligible, outOfScope: b.outOfScope, invalid: b.invalid });
    expect(book.results.map((r) => `${r.sheet}:${r.row}`)).toEqual(out.result.printable!.map((e) => `${e.sheet}:${e.row}`));
    expect(book.results.every((r) => r.level === 'intermediate' && r.mode === 'part-time' && r.on === '2024-03-01')).toBe(true);
  });

  it('reads the one sheet chosen, without a sheet column', async () => {
    const out = await compareCohort(openWorkbookCohort('khoi.xlsx', bytes, 'Khối B'), DEFAULT_SETUP, instant);
    if (out.status !== 'done') throw new Error(out.status);
    const csvB = [text.split('\n')[0], ...text.split('\n').slice(1 + SPLIT)].join('\n');
    expect(out.result.summary).toEqual(engineSummary(csvB));
    expect(out.result.sheetColumn).toBeUndefined();
    expect(out.result.changed.some((c) => c.sheet !== undefined)).toBe(false);
    expect(resultsWorkbookInput(out.result, out.result.printable!, 'vi').results.some((r) => r.sheet !== undefined)).toBe(false);
  });

  it('gives the reader\'s error, naming the file, for bytes that are no workbook', async () => {
    const input = openWorkbookCohort('hong.xlsx', new TextEncoder().encode('id,fullName\n1,A\n'));
    expect(input.workbook.sheets).toEqual([]);
    const out = await compareCohort(input, DEFAULT_SETUP, instant);
    if (out.status !== 'done') throw new Error(out.status);
    expect(out.result.errors.map((e) => e.code)).toEqual(['xlsx/not-zip']);
    expect(out.result.errors[0]!.message).toContain('hong.xlsx');
  });
});
