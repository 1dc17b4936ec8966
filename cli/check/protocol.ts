/**
 * What the streaming `llct check` passes between the thread that reads and writes and the threads that check:
 * settings once, then batches of rows to build and check, and the serialized results. Everything here is plain
 * data that survives `postMessage` (strings, numbers, typed arrays, plain objects).
 */
import type { Overlay } from '../../engine/documents/overlay.ts';
import type { Ruleset } from '../../engine/documents/ruleset.ts';
import type { RowDiagnostic } from '../../engine/io/rowDiagnostic.ts';
import type { Lang } from '../parseArgs.ts';
import type { NominationDefaults } from '../runCheck.ts';

/** `html`: the printable list (engine/report/renderPrintableList.ts), each result a JSON line `[row, sheet, PrintableRow]` until the end. */
export type CheckFormat = 'json' | 'csv' | 'junit' | 'table' | 'html';

/** `compiled`: the compiled evaluator (default); `reference`: json-rules-engine, the semantics oracle. */
export type CheckEngine = 'compiled' | 'reference';
export const CHECK_ENGINES: readonly CheckEngine[] = ['compiled', 'reference'];

export interface CheckSettings {
  /** The file name every message uses. */
  file: string;
  lang: Lang;
  format: CheckFormat;
  engine: CheckEngine;
  defaults: NominationDefaults;
  /** The user's rulesets (`--ruleset`), or absent for the shipped ones. */
  rulesets?: Ruleset[];
  /** Overlays layered over the rulesets (`--overlay`), checked. */
  overlays?: Overlay[];
  /**
   * The input is a workbook read from several sheets: each JSON result carries its `sheet`, each CSV line ends with
   * a `sheet` cell (row numbers are then the sheet's own, so the sheet tells two rows 5 apart).
   */
  sheetColumn?: boolean;
}

/**
 * CSV records that passed the scan, as their contract columns: record r's value of `CADRE_COLUMNS[k]` is the next
 * `lens[r * columns + k]` characters of `chars` (-1: the header lacks the column). One string and a few typed
 * arrays per batch cost far less to send than an array per record.
 */
export interface CsvWork {
  kind: 'csv';
  seq: number;
  rows: Int32Array;
  lines: Int32Array;
  chars: string;
  lens: Int32Array;
}

/** JSON lines that passed the scan: their text joined with `\n` (a JSON line holds no raw line break). */
export interface JsonLinesWork {
  kind: 'jsonl';
  seq: number;
  rows: Int32Array;
  lines: Int32Array;
  text: string;
}

export type Work = CsvWork | JsonLinesWork;

/**
 * The checked rows of one batch. `texts` joined hold one serialized result per checked row, in row order, separated
 * by the format's separator (`resultSeparator`; a CSV line also ends with its line break); result i belongs to data
 * row `rows[i]`. JSON and CSV come in chunks of a few tens of kilobytes, which the main thread writes as they are
 * (a single string per batch would go through the garbage collector's large-object space, fresh pages each time);
 * for the formats that need single results on the main thread (JUnit, table) `texts` is one string and result i
 * ends at `ends[i]` (`ends` is empty otherwise).
 */
export interface BatchResult {
  seq: number;
  texts: string[];
  rows: Int32Array;
  ends: Int32Array;
  eligible: number;
  /** Rows judged out of the regulation's scope (counted apart from ordinary ineligibility). */
  outOfScope: number;
  /** Rows of the batch that could not be built or checked. */
  invalid: number;
  /** Their errors, in row order. */
  errors: RowDiagnostic[];
}

/** What separates two serialized results inside `BatchResult.texts` (CSV lines carry their own line break). */
export function resultSeparator(format: CheckFormat): string {
  return format === 'json' ? ',\n' : format === 'table' ? '\n' : '';
}
