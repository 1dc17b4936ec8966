/**
 * One compared cadre in each `llct diff` format: a JSON entry of `changes`, a CSV line, the cells of a table line.
 */
import type { Diagnostic } from '../../engine/diagnostics/Diagnostic.ts';
import type { RowDiagnostic } from '../../engine/io/rowDiagnostic.ts';
import { safeCell } from '../../engine/io/cadresToCsv.ts';
import type { ChangeKind, CadreDiff, SideResult } from '../../engine/rules/diff/diffVerdicts.ts';
import { mainReason, reasonText, restsOnDecision } from '../../engine/rules/diff/mainReason.ts';
import { capitalised, decisionName, sideDecisionText, type SideDecision } from '../../engine/rules/diff/sideDecision.ts';
import { failureCitation } from '../../engine/rules/buildFailures.ts';
import { VERDICT_WORDS } from '../../engine/rules/specialDecision.ts';
import { diagnosticJson } from '../format/formatCheckJson.ts';
import type { Lang } from '../parseArgs.ts';

function sideJson(s: SideResult, lang: Lang) {
  if (!s.ok) return { ok: false, diagnostics: s.diagnostics.map((d) => diagnosticJson(d as Diagnostic & Partial<RowDiagnostic>, lang)) };
  return {
    ok: true, regulation: s.regulation, ruleset: s.ruleset, on: s.on, eligible: s.eligible, ...(s.outOfScope ? { outOfScope: true } : {}),
    failures: s.failures.map((f) => ({ rule: f.rule, kind: f.kind, citation: f.citation, citationEn: failureCitation(f, 'en'), message: lang === 'en' ? f.messageEn : f.message, messageEn: f.messageEn })),
    institution: s.institution ? { id: s.institution.id, name: s.institution.name.vi, nameEn: s.institution.name.en } : null,
    ...(s.specialDecision ? { specialDecision: decisionJson(s.specialDecision, s.eligible, lang) } : {}),
  };
}

/**
 * A side's use of the row's special decision, as `llct check --format json` words a decision (`applied`, `verdict`,
 * `message`), plus `use` (`applied` | `not-needed` | `not-applicable`) and, when not applicable, the `reason` code.
 */
function decisionJson(sd: SideDecision, eligible: boolean, lang: Lang) {
  const text = sideDecisionText(sd);
  const verdict = !eligible ? VERDICT_WORDS.notEligible : sd.use === 'applied' ? VERDICT_WORDS.bySpecialDecision : VERDICT_WORDS.eligible;
  return {
    waives: sd.waives, decidedBy: sd.decidedBy, number: sd.number, on: sd.on, use: sd.use, applied: sd.use === 'applied',
    ...(sd.rule ? { citation: sd.rule.citation, confidence: sd.rule.confidence } : {}),
    ...(sd.reason ? { reason: sd.reason.code } : {}),
    verdict: verdict[lang], message: capitalised(text[lang]), messageEn: capitalised(text.en),
  };
}

/** One entry of `changes`, as one line of JSON. */
export function diffJson(row: number, d: CadreDiff, fullName: string | undefined, lang: Lang): string {
  return JSON.stringify({
    id: d.id, row, ...(fullName ? { fullName } : {}), change: d.change, institutionChanged: d.institutionChanged,
    reasonsChanged: d.reasonsChanged, ...(d.byDecision ? { byDecision: d.byDecision } : {}), a: sideJson(d.a, lang), b: sideJson(d.b, lang),
  });
}

export const DIFF_CSV_HEADER = 'id,row,change,aEligible,bEligible,aInstitution,bInstitution,aFailures,bFailures,byDecision,aDecision,bDecision,specialDecision\n';

/**
 * One compared cadre as a CSV line with its line break (RFC 4180 quoting; failed rule ids joined with ` | `). After
 * the first nine columns: `byDecision` (`a` or `b` when the change rests on the special decision alone), each side's
 * use of the decision (`applied`, `not-needed`, `not-applicable`) and the decision in words, in `lang`.
 */
export function diffCsvLine(row: number, d: CadreDiff, lang: Lang = 'vi'): string {
  const eligible = (s: SideResult) => (s.ok ? String(s.eligible) : '');
  const institution = (s: SideResult) => (s.ok ? s.institution?.id ?? '' : '');
  const failures = (s: SideResult) => (s.ok ? s.failures.map((f) => f.rule).join(' | ') : s.diagnostics.map((x) => x.code).join(' | '));
  const use = (s: SideResult) => (s.ok ? s.specialDecision?.use ?? '' : '');
  const cells = [d.id, String(row), d.change, eligible(d.a), eligible(d.b), institution(d.a), institution(d.b), failures(d.a), failures(d.b),
    d.byDecision ?? '', use(d.a), use(d.b), decisionCell(d, lang)];
  return `${cells.map((c) => safeCell(c, ',')).join(',')}\n`;
}

/** The decision in words: the record, then what each side did with it; empty when the row records none. */
function decisionCell(d: CadreDiff, lang: Lang): string {
  const sides = [['A', d.a], ['B', d.b]] as const;
  const record = sides.map(([, s]) => (s.ok ? s.specialDecision : undefined)).find((x) => x !== undefined);
  if (!record) return '';
  const parts = [capitalised(decisionName(record)[lang])];
  for (const [name, s] of sides) {
    if (s.ok && s.specialDecision) parts.push(`${lang === 'en' ? 'side' : 'bên'} ${name}: ${sideDecisionText(s.specialDecision, false)[lang]}`);
  }
  return parts.join(' | ');
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
  if (restsOnDecision(s)) return lang === 'en' ? 'eligible by special decision' : 'đủ theo quyết định đặc biệt';
  return s.eligible ? (lang === 'en' ? 'eligible' : 'đủ') : (lang === 'en' ? 'not eligible' : 'chưa đủ');
}

/** The cells of a changed cadre's table line. */
export function diffTableCells(row: number, d: CadreDiff, fullName: string | undefined, lang: Lang): string[] {
  const flags = [CHANGE_LABELS[d.change][lang]];
  if (d.institutionChanged) flags.push(lang === 'en' ? 'institution' : 'đổi cơ sở');
  if (d.reasonsChanged) flags.push(lang === 'en' ? 'reasons' : 'đổi lý do');
  if (d.byDecision) flags.push(lang === 'en' ? 'by special decision alone' : 'chỉ do quyết định đặc biệt');
  return [String(row), d.id, fullName ?? '', flags.join(', '), `${state(d.a, lang)} → ${state(d.b, lang)}`, reasonText(mainReason(d), lang)];
}
