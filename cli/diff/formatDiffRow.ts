/**
 * One compared cadre in each `llct diff` format: a JSON entry of `changes`, a CSV line, the cells of a table line.
 */
import type { Diagnostic } from '../../engine/diagnostics/Diagnostic.ts';
import type { RowDiagnostic } from '../../engine/io/rowDiagnostic.ts';
import { safeCell } from '../../engine/io/cadresToCsv.ts';
import type { ChangeKind, CadreDiff, SideResult } from '../../engine/rules/diff/diffVerdicts.ts';
import { mainReason, reasonText } from '../../engine/rules/diff/mainReason.ts';
import { diagnosticJson } from '../format/formatCheckJson.ts';
import type { Lang } from '../parseArgs.ts';

function sideJson(s: SideResult, lang: Lang) {
  if (!s.ok) return { ok: false, diagnostics: s.diagnostics.map((d) => diagnosticJson(d as Diagnostic & Partial<RowDiagnostic>, lang)) };
  return {
    ok: true, regulation: s.regulation, ruleset: s.ruleset, on: s.on, eligible: s.eligible,
    failures: s.failures.map((f) => ({ rule: f.rule, kind: f.kind, citation: f.citation, message: lang === 'en' ? f.messageEn : f.message, messageEn: f.messageEn })),
    institution: s.institution,
  };
}

/** One entry of `changes`, as one line of JSON. */
export function diffJson(row: number, d: CadreDiff, fullName: string | undefined, lang: Lang): string {
  return JSON.stringify({
    id: d.id, row, ...(fullName ? { fullName } : {}), change: d.change, institutionChanged: d.institutionChanged,
    reasonsChanged: d.reasonsChanged, a: sideJson(d.a, lang), b: sideJson(d.b, lang),
  });
}

export const DIFF_CSV_HEADER = 'id,row,change,aEligible,bEligible,aInstitution,bInstitution,aFailures,bFailures\n';

/** One compared cadre as a CSV line with its line break (RFC 4180 quoting; failed rule ids joined with ` | `). */
export function diffCsvLine(row: number, d: CadreDiff): string {
  const eligible = (s: SideResult) => (s.ok ? String(s.eligible) : '');
  const institution = (s: SideResult) => (s.ok ? s.institution?.id ?? '' : '');
  const failures = (s: SideResult) => (s.ok ? s.failures.map((f) => f.rule).join(' | ') : s.diagnostics.map((x) => x.code).join(' | '));
  const cells = [d.id, String(row), d.change, eligible(d.a), eligible(d.b), institution(d.a), institution(d.b), failures(d.a), failures(d.b)];
  return `${cells.map((c) => safeCell(c, ',')).join(',')}\n`;
}

export const CHANGE_LABELS: Record<ChangeKind, { vi: string; en: string }> = {
  gained: { vi: 'được thêm', en: 'gained' },
  lost: { vi: 'mất điều kiện', en: 'lost' },
  'still-eligible': { vi: 'vẫn đủ', en: 'still eligible' },
  'still-ineligible': { vi: 'vẫn chưa đủ', en: 'still not eligible' },
  invalid: { vi: 'không so sánh được', en: 'not comparable' },
};

export const DIFF_TABLE_HEAD = {
  vi: ['Hàng', 'Mã', 'Họ tên', 'Thay đổi', 'A → B', 'Lý do chính'],
  en: ['Row', 'Id', 'Name', 'Change', 'A → B', 'Main reason'],
};

function state(s: SideResult, lang: Lang): string {
  if (!s.ok) return lang === 'en' ? 'error' : 'lỗi';
  return s.eligible ? (lang === 'en' ? 'eligible' : 'đủ') : (lang === 'en' ? 'not eligible' : 'chưa đủ');
}

/** The cells of a changed cadre's table line. */
export function diffTableCells(row: number, d: CadreDiff, fullName: string | undefined, lang: Lang): string[] {
  const flags = [CHANGE_LABELS[d.change][lang]];
  if (d.institutionChanged) flags.push(lang === 'en' ? 'institution' : 'đổi cơ sở');
  if (d.reasonsChanged) flags.push(lang === 'en' ? 'reasons' : 'đổi lý do');
  return [String(row), d.id, fullName ?? '', flags.join(', '), `${state(d.a, lang)} → ${state(d.b, lang)}`, reasonText(mainReason(d), lang)];
}
