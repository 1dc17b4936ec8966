/**
 * A whole cadre list read at once (explain, simulate): JSON, JSON lines or CSV as text, or an .xlsx workbook from
 * its bytes, into the engine's `ReadCadresResult`. A file that cannot be read is a diagnostic.
 */
import type { Diagnostic } from '../engine/diagnostics/Diagnostic.ts';
import type { PositionCatalogue } from '../engine/documents/catalogue.ts';
import type { InputEncoding } from '../engine/io/detectEncoding.ts';
import { readCadresFromText, type ReadCadresResult } from '../engine/io/readCadres.ts';
import { createWorkbookCadreReader } from '../engine/io/xlsx/readWorkbookCadres.ts';
import type { InputFormat } from './check/openCadreSource.ts';
import { inputPath } from './openInput.ts';
import { readText } from './readFiles.ts';
import { isWorkbookInput, readInputBytes } from './readInputBytes.ts';

export interface CadreListOptions {
  format?: InputFormat | undefined;
  encoding?: InputEncoding | undefined;
  sheet?: string | number | undefined;
  positions: PositionCatalogue;
  /** Turns the text before it is read (explain's single profile wrapped as a list). */
  wrap?: (text: string) => string;
}

export type CadreListRead = { ok: true; read: ReadCadresResult; warnings: Diagnostic[] } | { ok: false; diagnostic: Diagnostic };

export async function readCadreList(cwd: string, file: string, options: CadreListOptions): Promise<CadreListRead> {
  if (isWorkbookInput(file, options.format)) {
    const bytes = await readInputBytes(inputPath(cwd, file), file);
    if (!bytes.ok) return bytes;
    const reader = createWorkbookCadreReader(bytes.bytes, { file, positions: options.positions, ...(options.sheet !== undefined ? { sheet: options.sheet } : {}) });
    const read: ReadCadresResult = { rows: [], errors: [], total: 0, invalid: 0, format: 'csv' };
    for (const batch of reader.batches()) {
      for (const r of batch.rows) read.rows.push(r);
      for (const d of batch.errors) read.errors.push(d);
    }
    read.total = reader.total;
    read.invalid = reader.invalid;
    return { ok: true, read, warnings: [] };
  }
  const t = await readText(cwd, file, options.encoding);
  if (!t.ok) return t;
  const text = options.wrap ? options.wrap(t.text) : t.text;
  const format = options.format === 'xlsx' ? undefined : options.format;
  return { ok: true, read: readCadresFromText(text, { file, positions: options.positions, ...(format ? { format } : {}) }), warnings: t.warnings };
}
