/**
 * `llct check --format junit`, for CI dashboards. One testcase per cadre row. Ineligibility is a valid answer of
 * the regulation, not a defect of the input, so an ineligible cadre is a passing testcase whose verdict and reasons
 * are in `system-out`; a row that cannot be read or checked is a testcase with an `error` element, so CI turns red
 * only on bad data. A file-level problem (unreadable header, JSON syntax) is its own errored testcase.
 *
 * The streaming writer (cli/check/) emits the same testcases row by row with `junitResultCase`/`junitErrorCase`
 * and wraps them with `junitDocument`.
 */
import { failureCitation } from '../../engine/rules/buildFailures.ts';
import { formatDate } from '../../engine/documents/dates.ts';
import { LABELS } from '../../engine/documents/enums.ts';
import type { RowDiagnostic } from '../../engine/io/rowDiagnostic.ts';
import type { Verdict } from '../../engine/rules/buildVerdict.ts';
import { describeSpecialDecision } from '../../engine/rules/specialDecision.ts';
import type { Lang } from '../parseArgs.ts';
import { formatDiagnostic } from '../readFiles.ts';
import type { CheckRun } from '../runCheck.ts';
import { element, textElement, XML_HEADER } from './xml.ts';

/** The testcase of a checked row. */
export function junitResultCase(row: number, v: Verdict, lang: Lang): string {
  const what = lang === 'en'
    ? `${LABELS.theoryLevel[v.level].en} (${LABELS.mode[v.mode].en}) on ${formatDate(v.on)} under ${v.regulation}`
    : `${LABELS.theoryLevel[v.level].vi} (${LABELS.mode[v.mode].vi}) ngày ${formatDate(v.on)} theo ${v.regulation}`;
  const bySpecialDecision = v.specialDecision?.applied === true;
  const head = v.eligible
    ? (lang === 'en' ? `eligible${bySpecialDecision ? ' by special decision' : ''} for ${what}` : `đủ điều kiện học ${what}${bySpecialDecision ? ' theo quyết định đặc biệt' : ''}`)
    : v.outOfScope
      ? (lang === 'en' ? `NOT eligible for ${what}: outside its scope` : `chưa đủ điều kiện học ${what}: không thuộc phạm vi quy định`)
      : (lang === 'en' ? `NOT eligible for ${what}` : `chưa đủ điều kiện học ${what}`);
  const reasons = v.failures.map((f) => `- ${lang === 'en' ? f.messageEn : f.message} (${failureCitation(f, lang)})`);
  if (v.specialDecision) reasons.push(`⚖ ${describeSpecialDecision(v.specialDecision, lang)}`);
  for (const w of v.warnings ?? []) reasons.push(`⚠ ${lang === 'en' ? w.messageEn : w.message}`);
  const inst = v.institution ? [`${lang === 'en' ? 'institution' : 'cơ sở đào tạo'}: ${v.institution.name[lang]}`] : [];
  return element('testcase', { classname: `llct.check.${v.level}`, name: `${v.id} (${lang === 'en' ? 'row' : 'hàng'} ${row})`, time: 0 }, [
    textElement('system-out', {}, [head, ...reasons, ...inst].join('\n')),
  ]);
}

/** The testcase of a row that could not be checked (`row` 0: the file itself), from its errors in file order. */
export function junitErrorCase(row: number, errors: readonly RowDiagnostic[], file: string, lang: Lang): string {
  const first = errors[0]!;
  const name = row === 0 ? file : `${first.id ? `${first.id} ` : ''}(${lang === 'en' ? 'row' : 'hàng'} ${row})`;
  return element('testcase', { classname: 'llct.check.input', name, time: 0 }, [
    textElement('error', { type: first.code, message: lang === 'en' ? first.messageEn : first.message }, errors.map((d) => formatDiagnostic(d, lang)).join('\n')),
  ]);
}

/** The document around the testcases: `cases` testcases of which `errors` errored. */
export function junitDocument(file: string, cases: number, errors: number): { head: string; tail: string } {
  // Attributes are escaped and lose NUL, so the marker can only be where the testcases go.
  const marker = '\u0000';
  const suite = element('testsuite', { name: file, tests: cases, failures: 0, errors, skipped: 0, time: 0 }, cases === 0 ? [] : [marker]);
  const doc = `${XML_HEADER}${element('testsuites', { name: 'llct check', tests: cases, failures: 0, errors, time: 0 }, [suite])}\n`;
  const at = doc.indexOf(marker);
  return at < 0 ? { head: doc, tail: '' } : { head: doc.slice(0, at), tail: doc.slice(at + 1) };
}

/** Errors grouped by row (`undefined` counts as row 0), groups in order of first appearance. */
export function errorsByRow(errors: readonly RowDiagnostic[]): Map<number, RowDiagnostic[]> {
  const byRow = new Map<number, RowDiagnostic[]>();
  for (const d of errors) {
    const list = byRow.get(d.row ?? 0);
    if (list) list.push(d);
    else byRow.set(d.row ?? 0, [d]);
  }
  return byRow;
}

export function formatCheckJunit(run: CheckRun, lang: Lang): string {
  const cases: { order: number; xml: string }[] = [];
  for (const { row, verdict } of run.results) cases.push({ order: row, xml: junitResultCase(row, verdict, lang) });
  const byRow = errorsByRow(run.errors);
  for (const [row, ds] of byRow) cases.push({ order: row, xml: junitErrorCase(row, ds, run.file, lang) });
  cases.sort((a, b) => a.order - b.order);
  const { head, tail } = junitDocument(run.file, cases.length, byRow.size);
  return `${head}${cases.map((c) => c.xml).join('')}${tail}`;
}
