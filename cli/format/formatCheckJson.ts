/**
 * `llct check --format json`: the document of shared/domain/contracts.md (`results`, `errors`, `summary`), plus
 * optional fields (row, ruleset, kind, confidence, messageEn, subjects, assumed, notes, warnings).
 */
import type { Diagnostic } from '../../engine/diagnostics/Diagnostic.ts';
import type { RowDiagnostic } from '../../engine/io/rowDiagnostic.ts';
import type { Lang } from '../parseArgs.ts';
import type { CheckRun } from '../runCheck.ts';

function diagnosticJson(d: Diagnostic & Partial<RowDiagnostic>, lang: Lang) {
  return {
    file: d.file, row: d.row, line: d.line, id: d.id, field: d.path, code: d.code, severity: d.severity,
    message: lang === 'en' ? d.messageEn : d.message, messageEn: d.messageEn, hint: d.hint,
  };
}

export function formatCheckJson(run: CheckRun, lang: Lang): string {
  const doc = {
    results: run.results.map(({ row, verdict: v }) => ({
      id: v.id, row, level: v.level, mode: v.mode, on: v.on, regulation: v.regulation, ruleset: v.ruleset,
      eligible: v.eligible,
      failures: v.failures.map((f) => ({
        rule: f.rule, kind: f.kind, citation: f.citation, confidence: f.confidence,
        message: lang === 'en' ? f.messageEn : f.message, messageEn: f.messageEn,
      })),
      institution: v.institution
        ? { id: v.institution.id, name: v.institution.name, nameEn: v.institution.nameEn, rule: v.institution.rule, citation: v.institution.citation, confidence: v.institution.confidence }
        : null,
      subjects: v.subjects, assumed: v.assumed, notes: v.notes,
    })),
    errors: run.errors.map((d) => diagnosticJson(d, lang)),
    warnings: run.warnings.map((d) => diagnosticJson(d, lang)),
    summary: run.summary,
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}
