/**
 * A workbook (.xlsx) as a cadre source: the bytes are in memory (a zip is read from its end), the rows come from the
 * engine's workbook reader a batch at a time, already built, so memory holds the file, its shared strings and a batch.
 */
import { builtinDocuments } from '../../engine/builtin.ts';
import { createWorkbookCadreReader } from '../../engine/io/xlsx/readWorkbookCadres.ts';
import type { CadreSource } from './openCadreSource.ts';

export function workbookSource(bytes: Uint8Array, file: string, sheet: string | number | undefined): CadreSource {
  const reader = createWorkbookCadreReader(bytes, { file, positions: builtinDocuments().positions, ...(sheet !== undefined ? { sheet } : {}) });
  const sheets = reader.sheetNames();
  return {
    streams: false,
    size: bytes.length,
    sheets,
    get total() { return reader.total; },
    get invalid() { return reader.invalid; },
    close: async () => {},
    async read(sink) {
      for (const batch of reader.batches()) {
        let e = 0;
        for (const row of batch.rows) {
          while (e < batch.errors.length && (batch.errors[e]!.row ?? 0) <= row.row) sink.problem(batch.errors[e++]!);
          const waiting = sink.row({ kind: 'rows', row });
          if (waiting) await waiting;
        }
        while (e < batch.errors.length) sink.problem(batch.errors[e++]!);
      }
      sink.progress(bytes.length);
    },
  };
}
