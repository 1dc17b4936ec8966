/**
 * `llct check --format junit`, for CI dashboards. One testcase per cadre row. Ineligibility is a valid answer of
 * the regulation, not a defect of the input, so an ineligible cadre is a passing testcase whose verdict and reasons
 * are in `system-out`; a row that cannot be read or checked is a testcase with an `error` element, so CI turns red
 * only on bad data. A file-level problem (unreadable header, JSON syntax) is its own errored testcase.
 */
import { formatDate } from '../../engine/documents/dates.ts';
import { LABELS } from '../../engine/documents/enums.ts';
import type { Lang } from '../parseArgs.ts';
import { formatDiagnostic } from '../readFiles.ts';
import type { CheckRun } from '../runCheck.ts';
import { element, textElement, XML_HEADER } from './xml.ts';

export function formatCheckJunit(run: CheckRun, lang: Lang): string {
  const cases: { order: number; xml: string }[] = [];
  for (const { row, verdict: v } of run.results) {
    const what = lang === 'en'
      ? `${LABELS.theoryLevel[v.level].en} (${LABELS.mode[v.mode].en}) on ${formatDate(v.on)} under ${v.regulation}`
      : `${LABELS.theoryLevel[v.level].vi} (${LABELS.mode[v.mode].vi}) ngày ${formatDate(v.on)} theo ${v.regulation}`;
    const head = v.eligible
      ? (lang === 'en' ? `eligible for ${what}` : `đủ điều kiện học ${what}`)
      : (lang === 'en' ? `NOT eligible for ${what}` : `chưa đủ điều kiện học ${what}`);
    const reasons = v.failures.map((f) => `- ${lang === 'en' ? f.messageEn : f.message} (${f.citation})`);
    const inst = v.institution ? [`${lang === 'en' ? 'institution' : 'cơ sở đào tạo'}: ${lang === 'en' ? v.institution.nameEn : v.institution.name}`] : [];
    cases.push({ order: row, xml: element('testcase', { classname: `llct.check.${v.level}`, name: `${v.id} (${lang === 'en' ? 'row' : 'hàng'} ${row})`, time: 0 }, [
      textElement('system-out', {}, [head, ...reasons, ...inst].join('\n')),
    ]) });
  }
  const byRow = new Map<number, typeof run.errors>();
  for (const d of run.errors) byRow.set(d.row ?? 0, [...(byRow.get(d.row ?? 0) ?? []), d]);
  for (const [row, ds] of byRow) {
    const first = ds[0]!;
    const name = row === 0 ? run.file : `${first.id ? `${first.id} ` : ''}(${lang === 'en' ? 'row' : 'hàng'} ${row})`;
    cases.push({ order: row, xml: element('testcase', { classname: 'llct.check.input', name, time: 0 }, [
      textElement('error', { type: first.code, message: lang === 'en' ? first.messageEn : first.message }, ds.map((d) => formatDiagnostic(d, lang)).join('\n')),
    ]) });
  }
  cases.sort((a, b) => a.order - b.order);
  const errors = byRow.size;
  const suite = element('testsuite', { name: run.file, tests: cases.length, failures: 0, errors, skipped: 0, time: 0 }, cases.map((c) => c.xml));
  return `${XML_HEADER}${element('testsuites', { name: 'llct check', tests: cases.length, failures: 0, errors, time: 0 }, [suite])}\n`;
}
