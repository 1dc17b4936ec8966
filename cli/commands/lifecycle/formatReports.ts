/** Diagnostics of lifecycle documents as text (one block per file) or as JSON. */
import { hintIn, type Diagnostic } from '../../../engine/diagnostics/Diagnostic.ts';
import type { Lang } from '../../parseArgs.ts';
import type { WorkflowReport } from './loadWorkflows.ts';

const severityText = (d: Diagnostic, lang: Lang) =>
  d.severity === 'error' ? (lang === 'en' ? 'error' : 'lỗi') : d.severity === 'warning' ? (lang === 'en' ? 'warning' : 'cảnh báo') : 'info';

export function countBy(reports: readonly WorkflowReport[], severity: Diagnostic['severity']): number {
  return reports.reduce((n, r) => n + r.diagnostics.filter((d) => d.severity === severity).length, 0);
}

export function formatReportsText(reports: readonly WorkflowReport[], lang: Lang): string {
  const lines: string[] = [];
  for (const r of reports) {
    const errors = r.diagnostics.filter((d) => d.severity === 'error').length;
    lines.push(`${errors > 0 || !r.doc ? '✗' : '✓'} ${r.file}${r.doc ? ` (${r.doc.id} r${r.doc.revision}, ${r.doc.subject})` : ''}`);
    for (const d of r.diagnostics) {
      lines.push(`  ${severityText(d, lang)} ${d.path || '—'} (${d.code})`, `      ${lang === 'en' ? d.messageEn : d.message}`);
      const hint = hintIn(d, lang);
      if (hint) lines.push(`      ${lang === 'en' ? 'hint' : 'gợi ý'}: ${hint}`);
    }
  }
  const errors = countBy(reports, 'error');
  const warnings = countBy(reports, 'warning');
  lines.push('', lang === 'en' ? `${reports.length} file(s): ${errors} error(s), ${warnings} warning(s)` : `${reports.length} tệp: ${errors} lỗi, ${warnings} cảnh báo`);
  return `${lines.join('\n')}\n`;
}

export function formatReportsJson(reports: readonly WorkflowReport[], lang: Lang): string {
  return `${JSON.stringify({
    files: reports.map((r) => ({
      file: r.file,
      ...(r.doc ? { id: r.doc.id, revision: r.doc.revision, subject: r.doc.subject } : {}),
      valid: r.doc !== undefined && !r.diagnostics.some((d) => d.severity === 'error'),
      diagnostics: r.diagnostics.map((d) => ({ ...d, message: lang === 'en' ? d.messageEn : d.message, hint: hintIn(d, lang) })),
    })),
    summary: { files: reports.length, errors: countBy(reports, 'error'), warnings: countBy(reports, 'warning') },
  }, null, 2)}\n`;
}
