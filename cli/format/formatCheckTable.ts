/**
 * `llct check --format table`: one line per verdict with Vietnamese labels and DD/MM/YYYY dates, each failed rule
 * underneath with its citation, then the unreadable rows and a summary line. Columns are as wide as their widest
 * cell, so the streaming writer (cli/check/) keeps the rows aside until the widths are known.
 */
import { formatDate } from '../../engine/documents/dates.ts';
import { LABELS } from '../../engine/documents/enums.ts';
import { basisText, layerText } from '../../engine/overlays/verdictBasis.ts';
import { failureCitation } from '../../engine/rules/buildFailures.ts';
import type { Verdict } from '../../engine/rules/buildVerdict.ts';
import { describeSpecialDecision, VERDICT_WORDS } from '../../engine/rules/specialDecision.ts';
import type { Lang } from '../parseArgs.ts';
import { formatDiagnostic } from '../readFiles.ts';
import type { CheckRun } from '../runCheck.ts';
import { textTable } from './textTable.ts';

export const TABLE_HEAD = {
  vi: ['Hàng', 'Mã', 'Cấp học', 'Hình thức', 'Ngày cử', 'Quy định', 'Kết quả', 'Cơ sở đào tạo'],
  en: ['Row', 'Id', 'Level', 'Mode', 'Nominated', 'Regulation', 'Result', 'Institution'],
};

/** The cells of a verdict's line. */
export function tableCells(row: number, v: Verdict, lang: Lang): string[] {
  return [
    String(row), v.id, LABELS.theoryLevel[v.level][lang], LABELS.mode[v.mode][lang], formatDate(v.on), v.regulation,
    v.eligible
      ? (v.specialDecision?.applied ? (lang === 'en' ? 'eligible by special decision' : 'đủ điều kiện theo quyết định đặc biệt') : (lang === 'en' ? 'eligible' : 'đủ điều kiện'))
      : `${lang === 'en' ? 'NOT eligible' : 'chưa đủ điều kiện'}${v.outOfScope ? ` (${VERDICT_WORDS.outOfScope[lang]} ${v.regulation})` : ''}`,
    v.institution ? v.institution.name[lang] : '—',
  ];
}

/** The lines under a verdict's line: one per failed rule, then the special decision and the verdict's warnings. */
export function tableFailureLines(v: Verdict, lang: Lang): string[] {
  const lines = v.failures.map((f) => {
    const layer = layerText(f.layer, lang);
    return `      ✗ ${lang === 'en' ? f.messageEn : f.message} (${failureCitation(f, lang)})${layer ? ` [${layer}]` : ''}`;
  });
  if (v.basis) lines.push(`      ≡ ${basisText(v.basis, lang)}`);
  if (v.specialDecision) lines.push(`      ⚖ ${describeSpecialDecision(v.specialDecision, lang)}`);
  for (const w of v.warnings ?? []) lines.push(`      ⚠ ${lang === 'en' ? w.messageEn : w.message}`);
  return lines;
}

/** What follows the table: the rows that could not be checked, then the summary line. */
export function tableFooter(run: Pick<CheckRun, 'errors' | 'summary'>, lang: Lang): string[] {
  const lines: string[] = [];
  if (run.errors.length > 0) {
    lines.push('', lang === 'en' ? 'Rows that could not be checked:' : 'Các hàng không kiểm tra được:');
    for (const d of run.errors) lines.push(`  ${formatDiagnostic(d, lang)}`);
  }
  const s = run.summary;
  lines.push('', lang === 'en'
    ? `${s.total} rows: ${s.eligible} eligible, ${s.ineligible} not eligible, ${s.outOfScope > 0 ? `${s.outOfScope} out of the regulation's scope, ` : ''}${s.invalid} invalid`
    : `${s.total} hàng: ${s.eligible} đủ điều kiện, ${s.ineligible} chưa đủ điều kiện, ${s.outOfScope > 0 ? `${s.outOfScope} không thuộc phạm vi quy định, ` : ''}${s.invalid} hàng lỗi`);
  return lines;
}

export function formatCheckTable(run: CheckRun, lang: Lang): string {
  const table = textTable(TABLE_HEAD[lang], run.results.map(({ row, verdict }) => tableCells(row, verdict, lang)));
  const lines = table.slice(0, 2);
  run.results.forEach(({ verdict }, i) => {
    lines.push(table[i + 2]!);
    lines.push(...tableFailureLines(verdict, lang));
  });
  lines.push(...tableFooter(run, lang));
  return `${lines.join('\n')}\n`;
}
