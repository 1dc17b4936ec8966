/**
 * An .xlsx workbook as the comparison's list (loaded with `import()` when a workbook is picked: it brings the
 * engine's workbook reader and fflate, which the view's first script does without). The rows come from the engine's
 * reader a batch at a time as the comparison pulls them; its problems name the file, the sheet, the row and the
 * column. A file that is no workbook opens all the same: its first pull gives the reader's error, no rows.
 */
import type { PositionCatalogue } from '../../engine/documents/catalogue.ts';
import type { CadreRow } from '../../engine/io/cadreRows.ts';
import { createWorkbookCadreReader } from '../../engine/io/xlsx/readWorkbookCadres.ts';
import type { RowDiagnostic } from '../../engine/io/rowDiagnostic.ts';
import type { WorkbookCohortInput } from './compareCohort.ts';

/** The workbook `bytes` named `file`, every visible sheet, or `sheet` alone. */
export function openWorkbookCohort(file: string, bytes: Uint8Array, sheet?: string): WorkbookCohortInput {
  const sheets = createWorkbookCadreReader(bytes, { file }).sheetNames();
  return {
    file,
    workbook: {
      bytes: bytes.length,
      sheets,
      ...(sheet !== undefined ? { sheet } : {}),
      open(positions?: PositionCatalogue) {
        const reader = createWorkbookCadreReader(bytes, { file, ...(positions ? { positions } : {}), ...(sheet !== undefined ? { sheet } : {}) });
        const problems: RowDiagnostic[] = [];
        const reading = sheet !== undefined ? [sheet] : sheets;
        let done = 0;
        let finished = false;
        return {
          problems,
          *rows(): Generator<CadreRow> {
            let current: string | undefined;
            for (const batch of reader.batches()) {
              problems.push(...batch.errors);
              const at = batch.rows[0]?.sheet;
              if (at !== undefined && at !== current) { if (current !== undefined) done++; current = at; }
              yield* batch.rows;
            }
            finished = true;
          },
          get fraction() { return finished ? 1 : reading.length === 0 ? 0 : done / reading.length; },
          get total() { return reader.total; },
          get invalid() { return reader.invalid; },
        };
      },
    },
  };
}
