/**
 * The second half of `llct check`, run on a worker thread or inline: build each scanned row into a profile, give
 * it its nomination, check it and serialize the verdict in the output format. The first half (reading, scanning,
 * ordering, writing) stays on the main thread, see runCheckStream.ts.
 */
import { builtinDocuments, createBuiltinChecker } from '../../engine/builtin.ts';
import { hintOf } from '../../engine/diagnostics/Diagnostic.ts';
import { buildCadreFromValues, type BuiltCadre } from '../../engine/io/buildCadre.ts';
import { CADRE_COLUMNS } from '../../engine/io/cadreColumns.ts';
import { positionCodes, type CadreRow } from '../../engine/io/cadreRows.ts';
import { buildCsvCadre, type CsvLayout, type ScannedRecord } from '../../engine/io/createCsvCadreReader.ts';
import { buildJsonCadre, jsonRowContext, type ScannedObject } from '../../engine/io/readJsonCadres.ts';
import { rowDiagnostic, type RowContext, type RowDiagnostic } from '../../engine/io/rowDiagnostic.ts';
import type { Label } from '../../engine/documents/enums.ts';
import { printableRowOf } from '../../engine/report/printableRowOf.ts';
import type { Verdict } from '../../engine/rules/buildVerdict.ts';
import type { CheckOutcome } from '../../engine/rules/createChecker.ts';
import { createReferenceEvaluator } from '../../engine/rules/createReferenceEvaluator.ts';
import { createGeneratedEvaluator } from '../createGeneratedEvaluator.ts';
import { checkCsvLine } from '../format/formatCheckCsv.ts';
import { appendResultJson } from '../format/formatCheckJson.ts';
import { junitResultCase } from '../format/formatCheckJunit.ts';
import { tableCells, tableFailureLines } from '../format/formatCheckTable.ts';
import type { Lang } from '../parseArgs.ts';
import { nominationFor } from '../runCheck.ts';
import { resultSeparator, type BatchResult, type CheckFormat, type CheckSettings, type CsvWork, type JsonLinesWork } from './protocol.ts';

export interface RowChecker {
  /** A batch sent by the main thread (CSV cells or JSON lines, encoded). */
  checkWork(work: CsvWork | JsonLinesWork): Promise<BatchResult>;
  /** Scanned CSV records, in process. */
  checkRecords(seq: number, records: readonly ScannedRecord[], layout: CsvLayout): Promise<BatchResult>;
  /** Scanned JSON objects, in process. */
  checkObjects(seq: number, objects: readonly ScannedObject[]): Promise<BatchResult>;
  /** Rows already built (a JSON document read whole). */
  checkRows(seq: number, rows: readonly CadreRow[]): Promise<BatchResult>;
}

/** Appends one checked row in the output format to `parts`; `sheet` only when `CheckSettings.sheetColumn`. */
type Serialize = (parts: string[], row: number, v: Verdict, lang: Lang, cadre: CadreRow, sheet: string | undefined) => void;

/**
 * How each format writes one checked row (the table keeps its cells as JSON until the column widths are known; the
 * printable list keeps `[row, sheet, PrintableRow]` as a JSON line until every row is in).
 */
export function serializerOf(format: CheckFormat, positionName: (code: string) => Label | undefined = () => undefined): Serialize {
  switch (format) {
    case 'json': return (parts, row, v, lang, _cadre, sheet) => { appendResultJson(parts, row, v, lang, sheet); };
    case 'csv': return (parts, row, v, lang, _cadre, sheet) => { parts.push(checkCsvLine(row, v, lang, sheet), '\n'); };
    case 'junit': return (parts, row, v, lang) => { parts.push(junitResultCase(row, v, lang)); };
    case 'table': return (parts, row, v, lang) => { parts.push(JSON.stringify([tableCells(row, v, lang), tableFailureLines(v, lang)])); };
    case 'html': return (parts, row, v, lang, cadre) => {
      parts.push(JSON.stringify([row, cadre.sheet ?? '', printableRowOf(cadre.profile, { ok: true, verdict: v }, lang, positionName)]), '\n');
    };
  }
}

const COLUMNS = CADRE_COLUMNS.length;
/** Results per output chunk, about 30,000 characters (see `BatchResult.texts`): a JSON result is about 1,200, a CSV line 250. */
const CHUNK_ROWS = { json: 24, csv: 120 } as const;

export function createRowChecker(settings: CheckSettings): RowChecker {
  const docs = builtinDocuments();
  const checker = createBuiltinChecker({
    ...(settings.rulesets ? { rulesets: settings.rulesets } : {}),
    ...(settings.overlays ? { overlays: settings.overlays } : {}),
    evaluator: settings.engine === 'compiled' ? createGeneratedEvaluator : createReferenceEvaluator,
  });
  const sync = settings.engine === 'compiled';
  const positions = positionCodes(docs.positions);
  const { file, lang, defaults } = settings;
  const positionNames = new Map(docs.positions.positions.map((p) => [p.code, p.name]));
  const serialize = serializerOf(settings.format, (code) => positionNames.get(code));
  const withSheet = settings.sheetColumn === true;
  const separator = resultSeparator(settings.format);

  // JUnit and the table interleave or reformat single results on the main thread: they need where each one ends.
  const piecewise = settings.format === 'junit' || settings.format === 'table';
  const chunkRows = settings.format === 'json' ? CHUNK_ROWS.json : CHUNK_ROWS.csv;

  /** Collects one batch's results. */
  function collector(seq: number, size: number) {
    const rows = new Int32Array(size);
    const ends = new Int32Array(piecewise ? size : 0);
    const texts: string[] = [];
    const parts: string[] = [];
    let n = 0;
    let length = 0;
    let pending = 0;
    const result: BatchResult = { seq, texts, rows, ends, eligible: 0, outOfScope: 0, invalid: 0, errors: [] };
    return {
      result,
      fail(errors: readonly RowDiagnostic[]) {
        for (const e of errors) result.errors.push(e);
        result.invalid++;
      },
      add(row: number, v: Verdict, cadre: CadreRow) {
        if (n > 0 && separator !== '') parts.push(separator);
        const at = parts.length;
        serialize(parts, row, v, lang, cadre, withSheet ? cadre.sheet ?? '' : undefined);
        if (piecewise) {
          length += (n > 0 ? separator.length : 0) + parts[at]!.length;
          ends[n] = length;
        } else if (++pending >= chunkRows) {
          texts.push(parts.join(''));
          parts.length = 0;
          pending = 0;
        }
        rows[n] = row;
        n++;
        if (v.eligible) result.eligible++;
        else if (v.outOfScope) result.outOfScope++;
      },
      done(): BatchResult {
        if (parts.length > 0 || (piecewise && texts.length === 0)) texts.push(parts.join(''));
        result.rows = rows.subarray(0, n);
        result.ends = ends.subarray(0, piecewise ? n : 0);
        return result;
      },
    };
  }

  type Collector = ReturnType<typeof collector>;

  /** Checks one built row (see runCheck.ts, whose whole-file path this mirrors); a promise only for the reference engine. */
  function checkOne(row: number, line: number | undefined, built: BuiltCadre, out: Collector): Promise<void> | undefined {
    if (!built.profile) { out.fail(built.diagnostics); return undefined; }
    const cadre: CadreRow = built.nomination
      ? { row, profile: built.profile, nomination: built.nomination }
      : { row, profile: built.profile };
    return checkRow(cadre, line, out);
  }

  function checkRow(cadre: CadreRow, line: number | undefined, out: Collector): Promise<void> | undefined {
    const ctx: RowContext = {
      file, row: cadre.row, ...(line !== undefined ? { line } : {}), ...(cadre.sheet !== undefined ? { sheet: cadre.sheet } : {}), id: cadre.profile.id,
    };
    const n = nominationFor(cadre, defaults, ctx);
    if (!n.ok) { out.fail(n.errors); return undefined; }
    if (sync) { record(cadre, ctx, checker.checkSync(cadre.profile, n.nomination), out); return undefined; }
    return checker.check(cadre.profile, n.nomination).then((outcome) => record(cadre, ctx, outcome, out));
  }

  function record(cadre: CadreRow, ctx: RowContext, outcome: CheckOutcome, out: Collector): void {
    if (!outcome.ok) {
      out.fail(outcome.diagnostics.map((d) => rowDiagnostic(ctx, d.code, 'error', d.path, { vi: d.message, en: d.messageEn }, hintOf(d))));
      return;
    }
    out.add(cadre.row, outcome.verdict, cadre);
  }

  return {
    async checkWork(work) {
      const count = work.rows.length;
      const out = collector(work.seq, count);
      if (work.kind === 'csv') {
        const { chars, lens } = work;
        let pos = 0;
        const raw = new Array<unknown>(COLUMNS);
        for (let r = 0; r < count; r++) {
          for (let k = 0; k < COLUMNS; k++) {
            const len = lens[r * COLUMNS + k]!;
            if (len < 0) raw[k] = undefined;
            else { raw[k] = chars.slice(pos, pos + len); pos += len; }
          }
          const row = work.rows[r]!;
          const line = work.lines[r]!;
          const id = typeof raw[0] === 'string' ? raw[0].trim() : undefined;
          const ctx: RowContext = id ? { file, row, line, id } : { file, row, line };
          const p = checkOne(row, line, buildCadreFromValues(raw, ctx, positions), out);
          if (p) await p;
        }
      } else {
        const texts = work.text.split('\n');
        for (let r = 0; r < count; r++) {
          const row = work.rows[r]!;
          const line = work.lines[r]!;
          const obj = JSON.parse(texts[r]!) as Record<string, unknown>;
          const ctx = jsonRowContext(obj, { file, row, line });
          const p = checkOne(row, line, buildJsonCadre(obj, ctx, positions), out);
          if (p) await p;
        }
      }
      return out.done();
    },
    async checkRecords(seq, records, layout) {
      const out = collector(seq, records.length);
      for (const { ctx, fields } of records) {
        const p = checkOne(ctx.row, ctx.line, buildCsvCadre(fields, layout, ctx, positions), out);
        if (p) await p;
      }
      return out.done();
    },
    async checkObjects(seq, objects) {
      const out = collector(seq, objects.length);
      for (const { ctx, obj } of objects) {
        const p = checkOne(ctx.row, ctx.line, buildJsonCadre(obj, ctx, positions), out);
        if (p) await p;
      }
      return out.done();
    },
    async checkRows(seq, rows) {
      const out = collector(seq, rows.length);
      for (const r of rows) {
        const p = checkRow(r, r.line, out);
        if (p) await p;
      }
      return out.done();
    },
  };
}

/**
 * Encodes scanned CSV records for a worker (see `CsvWork`): each record's contract columns, as the layout maps them.
 */
export function encodeCsvWork(seq: number, records: readonly ScannedRecord[], layout: CsvLayout): CsvWork {
  const count = records.length;
  const rows = new Int32Array(count);
  const lines = new Int32Array(count);
  const lens = new Int32Array(count * COLUMNS);
  const parts: string[] = [];
  for (let r = 0; r < count; r++) {
    const { ctx, fields } = records[r]!;
    rows[r] = ctx.row;
    lines[r] = ctx.line;
    for (let k = 0; k < COLUMNS; k++) {
      const at = layout[k]!;
      if (at < 0) { lens[r * COLUMNS + k] = -1; continue; }
      const value = fields[at] ?? '';
      lens[r * COLUMNS + k] = value.length;
      parts.push(value);
    }
  }
  return { kind: 'csv', seq, rows, lines, chars: parts.join(''), lens };
}

/** Encodes scanned JSON lines for a worker (see `JsonLinesWork`). */
export function encodeJsonLinesWork(seq: number, items: readonly { row: number; line: number; text: string }[]): JsonLinesWork {
  const rows = new Int32Array(items.length);
  const lines = new Int32Array(items.length);
  items.forEach((it, i) => { rows[i] = it.row; lines[i] = it.line; });
  return { kind: 'jsonl', seq, rows, lines, text: items.map((it) => it.text).join('\n') };
}
