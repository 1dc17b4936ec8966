/**
 * `llct check --format csv`: one row per verdict (rows that could not be checked are reported on stderr and in
 * the JSON format). Dates stay ISO for machines; failed rule ids and messages are joined with ` | `. The last columns
 * say the verdict in words ("Đủ điều kiện theo quyết định đặc biệt"), the verdict's warnings and its special decision.
 */
import { safeCell } from '../../engine/io/cadresToCsv.ts';
import { failureCitation } from '../../engine/rules/buildFailures.ts';
import type { Verdict } from '../../engine/rules/buildVerdict.ts';
import { describeSpecialDecision, verdictWords } from '../../engine/rules/specialDecision.ts';
import type { Lang } from '../parseArgs.ts';
import type { CheckRun } from '../runCheck.ts';

const HEADER = [
  'row', 'id', 'level', 'mode', 'on', 'regulation', 'eligible', 'institution.id', 'institution.name', 'failures', 'citations', 'messages',
  // Added after the first columns: the verdict in words, its warnings, the special decision (empty when none).
  'verdict', 'warnings', 'specialDecision',
];

/** The header line, with its line break. */
export const CHECK_CSV_HEADER = `${HEADER.join(',')}\n`;

/** The header when the input is a workbook read from several sheets: a last column `sheet` (see `CheckSettings.sheetColumn`). */
export const CHECK_CSV_HEADER_WITH_SHEET = `${[...HEADER, 'sheet'].join(',')}\n`;

/** One verdict as a CSV line, without its line break; `sheet` given: a last cell naming the row's sheet. */
export function checkCsvLine(row: number, v: Verdict, lang: Lang, sheet?: string): string {
  const cells = [
    String(row), v.id, v.level, v.mode, v.on, v.regulation, String(v.eligible), v.institution?.id ?? '',
    v.institution ? v.institution.name[lang] : '',
    v.failures.map((f) => f.rule).join(' | '),
    v.failures.map((f) => failureCitation(f, lang)).join(' | '),
    v.failures.map((f) => (lang === 'en' ? f.messageEn : f.message)).join(' | '),
    verdictWords(v, lang),
    (v.warnings ?? []).map((w) => (lang === 'en' ? w.messageEn : w.message)).join(' | '),
    v.specialDecision ? describeSpecialDecision(v.specialDecision, lang) : '',
    ...(sheet !== undefined ? [sheet] : []),
  ];
  return cells.map((c) => safeCell(c, ',')).join(',');
}

export function formatCheckCsv(run: CheckRun, lang: Lang): string {
  let out = CHECK_CSV_HEADER;
  for (const { row, verdict } of run.results) out += `${checkCsvLine(row, verdict, lang)}\n`;
  return out;
}
