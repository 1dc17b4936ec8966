/**
 * A cadre file's text read lazily, a slice at a time, so a long file is read in the same chunks it is compared in
 * (see runInChunks.ts). CSV and JSON lines are read slice by slice with the engine's streaming readers; a JSON
 * document (an array, or `{ "cadres": [...] }`) is read whole on the first pull. Rows, problems and counts are what
 * `readCadresFromText` gives for the same text. Pure.
 */
import type { PositionCatalogue } from '../../engine/documents/catalogue.ts';
import { positionCodes, type CadreFormat, type CadreRow } from '../../engine/io/cadreRows.ts';
import { createCsvCadreReader } from '../../engine/io/createCsvCadreReader.ts';
import { createJsonLinesSplitter, type JsonLine } from '../../engine/io/createJsonLinesSplitter.ts';
import { detectCadreFormat, readCadresFromText } from '../../engine/io/readCadres.ts';
import { buildJsonCadre, createJsonCadreScanner } from '../../engine/io/readJsonCadres.ts';
import type { RowDiagnostic } from '../../engine/io/rowDiagnostic.ts';

export interface TextCadreSource {
  format: CadreFormat;
  /** The readable rows, in file order; pulling them reads the text. Iterate once. */
  rows(): Generator<CadreRow>;
  /** Problems found so far (errors and warnings), in the order found. */
  readonly problems: readonly RowDiagnostic[];
  /** How much of the text has been read, from 0 to 1. */
  readonly fraction: number;
  /** Data rows seen so far, and how many were left out for errors. */
  readonly total: number;
  readonly invalid: number;
}

/** Characters per slice: about 200 CSV rows of the contract's columns. */
const SLICE = 1 << 16;

export function createTextCadreSource(text: string, file: string, positions?: PositionCatalogue): TextCadreSource {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const format = detectCadreFormat(body, file);
  const problems: RowDiagnostic[] = [];
  let read = 0;
  let total = 0;
  let invalid = 0;

  function* csvRows(): Generator<CadreRow> {
    const reader = createCsvCadreReader({ file, ...(positions ? { positions } : {}) });
    const take = (batch: { rows: CadreRow[]; errors: RowDiagnostic[] }) => {
      problems.push(...batch.errors);
      total = reader.total;
      invalid = reader.invalid;
      return batch.rows;
    };
    for (let at = 0; at < body.length; at += SLICE) {
      const rows = take(reader.push(body.slice(at, at + SLICE)));
      read = Math.min(body.length, at + SLICE);
      yield* rows;
    }
    yield* take(reader.end());
    read = body.length;
  }

  function* jsonLinesRows(): Generator<CadreRow> {
    const splitter = createJsonLinesSplitter();
    const scanner = createJsonCadreScanner(file);
    const codes = positionCodes(positions);
    let built = 0;
    function* take(lines: JsonLine[]): Generator<CadreRow> {
      for (const el of lines) {
        total++;
        const scanned = scanner.scan(el, total, problems);
        if (!scanned) { invalid = scanner.invalid + built; continue; }
        const b = buildJsonCadre(scanned.obj, scanned.ctx, codes);
        problems.push(...b.diagnostics);
        if (!b.profile) { built++; invalid = scanner.invalid + built; continue; }
        yield { row: total, line: el.line, profile: b.profile, ...(b.nomination ? { nomination: b.nomination } : {}) };
      }
    }
    for (let at = 0; at < body.length; at += SLICE) {
      const lines = splitter.push(body.slice(at, at + SLICE));
      read = Math.min(body.length, at + SLICE);
      yield* take(lines);
    }
    yield* take(splitter.end());
    read = body.length;
  }

  function* wholeRows(): Generator<CadreRow> {
    const result = readCadresFromText(body, { file, format, ...(positions ? { positions } : {}) });
    problems.push(...result.errors);
    total = result.total;
    invalid = result.invalid;
    read = body.length;
    yield* result.rows;
  }

  return {
    format,
    rows: format === 'csv' ? csvRows : format === 'jsonl' ? jsonLinesRows : wholeRows,
    problems,
    get fraction() { return body.length === 0 ? 1 : read / body.length; },
    get total() { return total; },
    get invalid() { return invalid; },
  };
}
