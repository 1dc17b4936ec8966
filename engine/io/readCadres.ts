/**
 * Reads a cadre file (JSON, JSON lines or CSV; see shared/domain/contracts.md) into validated profiles and
 * diagnostics. Bad rows never stop the good ones: every readable row comes back in `rows`, every problem in
 * `errors` naming the file, row and field in Vietnamese and English. Pure: the caller reads the file.
 */
import { createCsvCadreReader } from './createCsvCadreReader.ts';
import type { CadreFormat, ReadCadresOptions, ReadCadresResult } from './cadreRows.ts';
import { readJsonCadres } from './readJsonCadres.ts';

export type { CadreFormat, CadreRow, ReadCadresOptions, ReadCadresResult } from './cadreRows.ts';

export function readCadresFromText(text: string, options: ReadCadresOptions): ReadCadresResult {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const format = options.format ?? detectCadreFormat(body, options.file);
  if (format === 'csv') {
    const reader = createCsvCadreReader(options);
    const a = reader.push(body);
    const b = reader.end();
    return { rows: [...a.rows, ...b.rows], errors: [...a.errors, ...b.errors], total: reader.total, invalid: reader.invalid, format };
  }
  return readJsonCadres(body, options, format === 'jsonl');
}

/**
 * The format of a cadre file: by extension (`.csv`, `.json`, `.jsonl`/`.ndjson`), else by content: text starting
 * with `[` is JSON; with `{`, JSON when the whole text parses or does not split into one object per line, JSON lines
 * otherwise; anything else CSV.
 */
export function detectCadreFormat(text: string, file = ''): CadreFormat {
  const ext = /\.([a-z]+)$/i.exec(file)?.[1]?.toLowerCase();
  if (ext === 'csv' || ext === 'txt') return 'csv';
  if (ext === 'jsonl' || ext === 'ndjson') return 'jsonl';
  if (ext === 'json') return 'json';
  const start = text.trimStart();
  if (start.startsWith('[')) return 'json';
  if (!start.startsWith('{')) return 'csv';
  try {
    JSON.parse(text);
    return 'json';
  } catch {
    const first = start.split(/\r\n|\n|\r/, 1)[0] ?? '';
    try {
      JSON.parse(first);
      return 'jsonl';
    } catch {
      return 'json';
    }
  }
}
