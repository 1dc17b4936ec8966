/**
 * The changed cadres as a CSV file a spreadsheet opens directly: a UTF-8 byte-order mark (so Excel reads the
 * diacritics), a header in the page's language, CRLF line ends and RFC 4180 quoting. A cell that a spreadsheet
 * would run as a formula (starting with = + - @, a tab or a carriage return) is prefixed with an apostrophe, and
 * control characters are escaped (see `safeCell`).
 * Pure.
 */
import { citationIn } from '../../engine/documents/ruleset.ts';
import { messageIn } from '../../engine/diagnostics/Diagnostic.ts';
import { safeCell } from '../../engine/io/cadresToCsv.ts';
import type { SideResult } from '../../engine/rules/diff/diffVerdicts.ts';
import { mainReason, reasonText, restsOnDecision } from '../../engine/rules/diff/mainReason.ts';
import { capitalised, sideDecisionText } from '../../engine/rules/diff/sideDecision.ts';
import type { Lang } from '../i18n/strings.ts';
import { text } from '../i18n/text.ts';
import type { ChangedCadre } from './changedCadre.ts';
import { CHANGE_LABELS } from './changeLabels.ts';
import '../i18n/diffStrings.ts';

const HEADER = {
  vi: ['Mã cán bộ', 'Hàng', 'Họ và tên', 'Thay đổi', 'Đổi cơ sở đào tạo', 'Đổi lý do', 'Bên A', 'Bên B', 'Quy định bên A', 'Quy định bên B',
    'Cơ sở đào tạo bên A', 'Cơ sở đào tạo bên B', 'Lý do chưa đủ bên A', 'Lý do chưa đủ bên B', 'Lý do chính',
    'Chỉ do quyết định đặc biệt', 'Quyết định đặc biệt bên A', 'Quyết định đặc biệt bên B'],
  en: ['Cadre id', 'Row', 'Full name', 'Change', 'Institution changed', 'Reasons changed', 'Side A', 'Side B', 'Regulation A', 'Regulation B',
    'Institution A', 'Institution B', 'Why not eligible on A', 'Why not eligible on B', 'Main reason',
    'By special decision alone', 'Special decision on A', 'Special decision on B'],
} as const;

const SHEET = { vi: 'Trang tính', en: 'Sheet' } as const;

const YES_NO = { vi: ['có', 'không'], en: ['yes', 'no'] } as const;

/** One cell, quoted when it must be, defused when a spreadsheet would read it as a formula, controls escaped. */
export function csvCell(text: string): string {
  return safeCell(text, ',');
}

export function changedCadresToCsv(cadres: readonly ChangedCadre[], lang: Lang): string {
  const yesNo = (b: boolean) => YES_NO[lang][b ? 0 : 1]!;
  const state = (s: SideResult) => (!s.ok
    ? text(lang, 'diff.csvNotChecked')
    : text(lang, restsOnDecision(s) ? 'diff.csvEligibleByDecision' : s.eligible ? 'diff.csvEligible' : 'diff.csvNotEligible'));
  const decision = (s: SideResult) => (s.ok && s.specialDecision ? capitalised(sideDecisionText(s.specialDecision)[lang]) : '');
  const regulation = (s: SideResult) => (s.ok ? s.regulation : '');
  const school = (s: SideResult) => (s.ok && s.institution ? s.institution.name[lang] : '');
  const reasons = (s: SideResult) => (s.ok
    ? s.failures.map((f) => `${messageIn(f, lang)} (${citationIn(f.citation, lang)})`)
    : s.diagnostics.map((d) => messageIn(d, lang))).join(' | ');
  // A list from several sheets of a workbook: a last column names each row's sheet (its rows are numbered per sheet).
  const withSheet = cadres.some((c) => c.sheet !== undefined);
  const lines = [[...HEADER[lang], ...(withSheet ? [SHEET[lang]] : [])].map(csvCell).join(',')];
  for (const { row, sheet, fullName, diff: d } of cadres) {
    lines.push([
      d.id, String(row), fullName ?? '', CHANGE_LABELS[d.change][lang], yesNo(d.institutionChanged), yesNo(d.reasonsChanged),
      state(d.a), state(d.b), regulation(d.a), regulation(d.b), school(d.a), school(d.b), reasons(d.a), reasons(d.b),
      reasonText(mainReason(d), lang),
      d.byDecision ? text(lang, 'diff.csvSide', { side: d.byDecision.toUpperCase() }) : '', decision(d.a), decision(d.b),
      ...(withSheet ? [sheet ?? ''] : []),
    ].map(csvCell).join(','));
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
