/**
 * `llct check --format table`: one line per verdict with Vietnamese labels and DD/MM/YYYY dates, each failed rule
 * underneath with its citation, then the unreadable rows and a summary line.
 */
import { formatDate } from '../../engine/documents/dates.ts';
import { LABELS } from '../../engine/documents/enums.ts';
import type { Lang } from '../parseArgs.ts';
import { formatDiagnostic } from '../readFiles.ts';
import type { CheckRun } from '../runCheck.ts';
import { textTable } from './textTable.ts';

const HEAD = {
  vi: ['Hàng', 'Mã', 'Cấp học', 'Hình thức', 'Ngày cử', 'Quy định', 'Kết quả', 'Cơ sở đào tạo'],
  en: ['Row', 'Id', 'Level', 'Mode', 'Nominated', 'Regulation', 'Result', 'Institution'],
};

export function formatCheckTable(run: CheckRun, lang: Lang): string {
  const rows = run.results.map(({ row, verdict: v }) => [
    String(row), v.id, LABELS.theoryLevel[v.level][lang], LABELS.mode[v.mode][lang], formatDate(v.on), v.regulation,
    v.eligible ? (lang === 'en' ? 'eligible' : 'đủ điều kiện') : (lang === 'en' ? 'NOT eligible' : 'chưa đủ điều kiện'),
    v.institution ? (lang === 'en' ? v.institution.nameEn : v.institution.name) : '—',
  ]);
  const table = textTable(HEAD[lang], rows);
  const lines = table.slice(0, 2);
  run.results.forEach(({ verdict: v }, i) => {
    lines.push(table[i + 2]!);
    for (const f of v.failures) lines.push(`      ✗ ${lang === 'en' ? f.messageEn : f.message} (${f.citation})`);
  });
  if (run.errors.length > 0) {
    lines.push('', lang === 'en' ? 'Rows that could not be checked:' : 'Các hàng không kiểm tra được:');
    for (const d of run.errors) lines.push(`  ${formatDiagnostic(d, lang)}`);
  }
  const s = run.summary;
  lines.push('', lang === 'en'
    ? `${s.total} rows: ${s.eligible} eligible, ${s.ineligible} not eligible, ${s.invalid} invalid`
    : `${s.total} hàng: ${s.eligible} đủ điều kiện, ${s.ineligible} chưa đủ điều kiện, ${s.invalid} hàng lỗi`);
  return `${lines.join('\n')}\n`;
}
