/**
 * What `llct check` does to each row: the row gets its nomination (the row's own fields win over the flags) and a
 * verdict; rows without a complete nomination, or that the checker refuses, become errors. Never stops early.
 *
 * `runCheck` is the whole-file form (every row in memory, then the formatters of cli/format/); the command itself
 * streams (cli/check/runCheckStream.ts) and must print what this form prints, which test/cli/checkStream.test.ts
 * holds it to.
 */
import { hintOf, type Diagnostic } from '../engine/diagnostics/Diagnostic.ts';
import type { CadreRow, ReadCadresResult } from '../engine/io/readCadres.ts';
import { rowDiagnostic, type RowContext, type RowDiagnostic } from '../engine/io/rowDiagnostic.ts';
import type { Verdict } from '../engine/rules/buildVerdict.ts';
import type { Checker } from '../engine/rules/createChecker.ts';
import { nominationForRow, type NominationDefaults } from '../engine/io/nominationForRow.ts';

export type { NominationDefaults } from '../engine/io/nominationForRow.ts';

export interface CheckedRow { row: number; line?: number; verdict: Verdict }

export interface CheckRun {
  file: string;
  results: CheckedRow[];
  /** Error diagnostics, file order. */
  errors: RowDiagnostic[];
  warnings: Diagnostic[];
  /**
   * `ineligible` counts ordinary ineligibility; `outOfScope` the nominations at a level the regulation does not
   * regulate (also not eligible, counted apart). total = eligible + ineligible + outOfScope + invalid.
   */
  summary: { total: number; eligible: number; ineligible: number; outOfScope: number; invalid: number };
}

/** The row's nomination, the flags filling what the row leaves out (see engine/io/nominationForRow.ts). */
export function nominationFor(row: CadreRow, defaults: NominationDefaults, ctx: RowContext) {
  return nominationForRow(row, defaults, ctx, (field) => ({ vi: `dùng --${field}`, en: `pass --${field}` }));
}

export async function runCheck(
  read: ReadCadresResult, file: string, checker: Checker, defaults: NominationDefaults,
  onProgress?: (done: number, total: number) => void,
): Promise<CheckRun> {
  const results: CheckedRow[] = [];
  const errors: RowDiagnostic[] = read.errors.filter((d) => d.severity === 'error');
  const warnings: Diagnostic[] = read.errors.filter((d) => d.severity !== 'error');
  let invalid = read.invalid;
  let eligible = 0;
  let outOfScope = 0;
  for (let i = 0; i < read.rows.length; i++) {
    const row = read.rows[i]!;
    const ctx: RowContext = { file, row: row.row, ...(row.line !== undefined ? { line: row.line } : {}), id: row.profile.id };
    const n = nominationFor(row, defaults, ctx);
    if (!n.ok) { errors.push(...n.errors); invalid++; continue; }
    const outcome = await checker.check(row.profile, n.nomination);
    if (!outcome.ok) {
      errors.push(...outcome.diagnostics.map((d) => rowDiagnostic(ctx, d.code, 'error', d.path, { vi: d.message, en: d.messageEn }, hintOf(d))));
      invalid++;
      continue;
    }
    if (outcome.verdict.eligible) eligible++;
    else if (outcome.verdict.outOfScope) outOfScope++;
    results.push({ row: row.row, ...(row.line !== undefined ? { line: row.line } : {}), verdict: outcome.verdict });
    onProgress?.(i + 1, read.rows.length);
  }
  errors.sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
  return {
    file, results, errors, warnings,
    summary: { total: read.total, eligible, ineligible: results.length - eligible - outOfScope, outOfScope, invalid },
  };
}
