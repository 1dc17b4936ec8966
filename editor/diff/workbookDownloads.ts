/**
 * The workbooks the comparison view offers to download, written by the same engine writers as `llct check --format
 * xlsx` and `llct template --format xlsx` (engine/io/xlsx/writeXlsx.ts on fflate): loaded with `import()` when a button
 * is pressed, never with the view. `resultsWorkbook` turns side B's judgement of the compared list into the rows `llct check`
 * writes (one per cadre, the rows that could not be checked in the summary sheet's problems).
 */
import type { PositionCatalogue } from '../../engine/documents/catalogue.ts';
import { messageIn } from '../../engine/diagnostics/Diagnostic.ts';
import type { Lang } from '../../engine/rules/messages.ts';
import { writeResultsWorkbook, type ResultRow, type ResultsWorkbookInput } from '../../engine/io/xlsx/writeResultsWorkbook.ts';
import { writeTemplateWorkbook } from '../../engine/io/xlsx/writeTemplateWorkbook.ts';
import type { CohortResult, PrintableEntry } from './compareCohort.ts';

/** What the results workbook holds for a finished comparison (its printable entries; see `PRINTABLE_LIMIT`). */
export function resultsWorkbookInput(result: CohortResult, entries: readonly PrintableEntry[], lang: Lang): ResultsWorkbookInput {
  const results: ResultRow[] = [];
  const errors: ResultsWorkbookInput['errors'][number][] = result.errors.map((d) => ({
    ...(d.row !== undefined ? { row: d.row } : {}), ...(d.sheet !== undefined ? { sheet: d.sheet } : {}), message: d.message, messageEn: d.messageEn,
  }));
  let eligible = 0;
  let outOfScope = 0;
  let refused = 0;
  for (const e of entries) {
    const sheet = result.sheetColumn && e.sheet !== undefined ? { sheet: e.sheet } : {};
    if (!e.b.ok) {
      refused++;
      for (const d of e.b.diagnostics.filter((x) => x.severity === 'error')) {
        errors.push({ row: e.row, ...(e.sheet !== undefined ? { sheet: e.sheet } : {}), message: `${e.profile.id}: ${messageIn(d, 'vi')}`, messageEn: `${e.profile.id}: ${messageIn(d, 'en')}` });
      }
      continue;
    }
    const b = e.b;
    if (b.eligible) eligible++;
    else if (b.outOfScope) outOfScope++;
    results.push({
      row: e.row, ...sheet, id: e.profile.id, level: e.level, mode: e.mode, on: b.on, regulation: b.regulation, eligible: b.eligible,
      ...(b.outOfScope ? { outOfScope: true } : {}),
      failures: b.failures.map((f) => ({
        rule: f.rule, citation: f.citation, ...(f.citationEn !== undefined ? { citationEn: f.citationEn } : {}), confidence: f.confidence,
        message: f.message, messageEn: f.messageEn,
      })),
      institution: b.institution ? { id: b.institution.id, name: b.institution.name.vi, nameEn: b.institution.name.en } : null,
    });
  }
  return {
    file: result.file, lang, results, errors,
    summary: { total: result.rows, eligible, ineligible: results.length - eligible - outOfScope, outOfScope, invalid: result.unreadable + refused },
  };
}

/** The results workbook's bytes. */
export function resultsWorkbook(result: CohortResult, entries: readonly PrintableEntry[], lang: Lang): Promise<Uint8Array> {
  return writeResultsWorkbook(resultsWorkbookInput(result, entries, lang));
}

/** The template's bytes, with a rating column for each of the three years before `year`. */
export function templateWorkbook(lang: Lang, positions: PositionCatalogue, year: number): Promise<Uint8Array> {
  return writeTemplateWorkbook({ lang, positions, ratingYears: [year - 3, year - 2, year - 1] });
}
