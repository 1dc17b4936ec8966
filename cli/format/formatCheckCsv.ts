/**
 * `llct check --format csv`: one row per verdict (rows that could not be checked are reported on stderr and in
 * the JSON format). Dates stay ISO for machines; failed rule ids and messages are joined with ` | `.
 */
import { quoteCell } from '../../engine/io/cadresToCsv.ts';
import type { Lang } from '../parseArgs.ts';
import type { CheckRun } from '../runCheck.ts';

const HEADER = ['row', 'id', 'level', 'mode', 'on', 'regulation', 'eligible', 'institution.id', 'institution.name', 'failures', 'citations', 'messages'];

export function formatCheckCsv(run: CheckRun, lang: Lang): string {
  const lines = [HEADER.join(',')];
  for (const { row, verdict: v } of run.results) {
    const cells = [
      String(row), v.id, v.level, v.mode, v.on, v.regulation, String(v.eligible), v.institution?.id ?? '',
      v.institution ? (lang === 'en' ? v.institution.nameEn : v.institution.name) : '',
      v.failures.map((f) => f.rule).join(' | '),
      v.failures.map((f) => f.citation).join(' | '),
      v.failures.map((f) => (lang === 'en' ? f.messageEn : f.message)).join(' | '),
    ];
    lines.push(cells.map((c) => quoteCell(c, ',')).join(','));
  }
  return `${lines.join('\n')}\n`;
}
