/**
 * Compares every cadre of a file on the two sides of a setup, a chunk of rows at a time (runInChunks.ts), keeping
 * the engine's running summary, the changed cadres (for the table and the export) and the problems of the rows
 * that could not be read. No React, no DOM beyond the default pause; `now` and `pause` are parameters.
 */
import type { Label, Mode, TrainingLevel } from '../../engine/documents/enums.ts';
import type { PositionCatalogue } from '../../engine/documents/catalogue.ts';
import type { CadreProfile } from '../../engine/documents/cadre.ts';
import type { RowContext, RowDiagnostic } from '../../engine/io/rowDiagnostic.ts';
import type { SideResult } from '../../engine/rules/diff/diffVerdicts.ts';
import { createCohortDiff, type DiffSummary } from '../../engine/rules/diff/createCohortDiff.ts';
import { isChanged } from '../../engine/rules/diff/mainReason.ts';
import { buildDiffSides, type DiffSetup } from './buildDiffSides.ts';
import { shippedSources, type DiffSources } from './diffSources.ts';
import type { ChangedCadre } from './changedCadre.ts';
import { createTextCadreSource, type TextCadreSource } from './createTextCadreSource.ts';
import { nominationForRow } from './nominationForRow.ts';
import { runInChunks, type ChunkOptions } from './runInChunks.ts';

/** A list as text (CSV, JSON, JSON lines), or a workbook opened by workbookCohort.ts (loaded when one is picked). */
export type CohortInput = TextCohort | WorkbookCohortInput;

export interface TextCohort {
  /** The file name, as messages name it. */
  file: string;
  text: string;
}

export interface WorkbookCohortInput {
  file: string;
  workbook: WorkbookCohort;
}

/** An opened .xlsx workbook: its size, the sheets it offers, the one chosen (all when absent) and its rows. */
export interface WorkbookCohort {
  bytes: number;
  /** The visible sheets' names, in order (empty when the file is no readable workbook: its rows then say why). */
  sheets: readonly string[];
  sheet?: string;
  /** The rows of the chosen sheet (or of every sheet), read as the comparison pulls them. */
  open(positions?: PositionCatalogue): Omit<TextCadreSource, 'format'>;
}

/** How many bytes or characters the input holds (for "Đã mở … (12 KB)"). */
export function inputSize(input: CohortInput): number {
  return 'workbook' in input ? input.workbook.bytes : input.text.length;
}

export interface CohortResult {
  file: string;
  setup: DiffSetup;
  labels: { a: Label; b: Label };
  /** The engine's summary of the compared cadres. */
  summary: DiffSummary;
  /** The cadres whose verdict, school or reasons changed, or that a side refused; file order. */
  changed: ChangedCadre[];
  /** Why rows could not be read (errors), in row order. */
  errors: RowDiagnostic[];
  /** Warnings about the file (unknown columns…); the rows were still read. */
  warnings: RowDiagnostic[];
  /** Data rows in the file, and how many of them could not be read. */
  rows: number;
  unreadable: number;
  /** Wall-clock milliseconds the comparison took (from `now`). */
  elapsedMs: number;
  /**
   * Every compared cadre with what side B said of it, in file order, for the printable list; absent when the list
   * has more than `PRINTABLE_LIMIT` cadres (a list that long is printed from `llct check --format html`).
   */
  printable?: PrintableEntry[];
  /** The list came from several sheets of a workbook: the results name each row's sheet. */
  sheetColumn?: true;
}

/** A cadre of the list, where it is (row, and sheet in a workbook), its nomination, and side B's judgement of it. */
export interface PrintableEntry { row: number; sheet?: string; level: TrainingLevel; mode: Mode; profile: CadreProfile; b: SideResult }

/** The most cadres the page keeps for the printable list (about 600 printed pages). */
export const PRINTABLE_LIMIT = 5000;

export type CompareOutcome =
  | { status: 'done'; result: CohortResult }
  | { status: 'cancelled'; compared: number }
  | { status: 'refused'; message: Label };

export interface CompareOptions extends Omit<ChunkOptions, 'onChunk'> {
  /** After each chunk: the share of the text read (0–1) and the cadres compared so far. */
  onProgress?: (fraction: number, compared: number) => void;
  /** The rulesets the sides are taken from (the workspace's); the shipped ones by default. */
  sources?: DiffSources;
}

export async function compareCohort(input: CohortInput, setup: DiffSetup, options: CompareOptions = {}): Promise<CompareOutcome> {
  const now = options.now ?? (() => performance.now());
  const started = now();
  const sources = options.sources ?? shippedSources();
  const sides = buildDiffSides(setup, sources);
  if (!sides.ok) return { status: 'refused', message: sides.message };
  const source = 'workbook' in input ? input.workbook.open(sources.positions) : createTextCadreSource(input.text, input.file, sources.positions);
  const sheetColumn = 'workbook' in input && input.workbook.sheet === undefined && input.workbook.sheets.length > 1;
  const cohort = createCohortDiff({ a: sides.a, b: sides.b });
  const changed: ChangedCadre[] = [];
  const nominationErrors: RowDiagnostic[] = [];
  let printable: PrintableEntry[] | undefined = [];

  const run = await runInChunks(source.rows(), (row) => {
    const ctx: RowContext = {
      file: input.file, row: row.row, ...(row.line !== undefined ? { line: row.line } : {}), ...(row.sheet !== undefined ? { sheet: row.sheet } : {}), id: row.profile.id,
    };
    const n = nominationForRow(row, setup.defaults, ctx);
    if (!n.ok) { nominationErrors.push(...n.errors); return; }
    const diff = cohort.add(row.profile, n.nomination);
    if (printable && printable.length < PRINTABLE_LIMIT) printable.push({
      row: row.row, ...(row.sheet !== undefined ? { sheet: row.sheet } : {}), level: n.nomination.level, mode: n.nomination.mode, profile: row.profile, b: diff.b,
    });
    else printable = undefined;
    if (isChanged(diff)) changed.push({ row: row.row, ...(sheetColumn && row.sheet !== undefined ? { sheet: row.sheet } : {}), ...(row.profile.fullName ? { fullName: row.profile.fullName } : {}), diff });
  }, {
    ...options,
    now,
    onChunk: () => options.onProgress?.(source.fraction, cohort.summary().total),
  });
  if (run.status === 'cancelled') return { status: 'cancelled', compared: cohort.summary().total };

  const problems = [...source.problems, ...nominationErrors];
  // A stable sort: problems of one row keep the order they were found in.
  const errors = problems.filter((d) => d.severity === 'error').sort((x, y) => (x.row ?? 0) - (y.row ?? 0));
  const warnings = problems.filter((d) => d.severity !== 'error');
  return {
    status: 'done',
    result: {
      file: input.file, setup, labels: { a: sides.a.label, b: sides.b.label }, summary: cohort.summary(), changed,
      errors, warnings, rows: source.total, unreadable: source.invalid + countRows(nominationErrors),
      elapsedMs: now() - started, ...(printable ? { printable } : {}), ...(sheetColumn ? { sheetColumn } : {}),
    },
  };
}

function countRows(errors: readonly RowDiagnostic[]): number {
  return new Set(errors.map((d) => d.row)).size;
}
