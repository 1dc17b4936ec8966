/**
 * "In danh sách": the compared list as side B judged it, as a Party document to sign (engine/report/
 * renderPrintableList.ts). The user fills in the heading and the signer, then opens the list in a new tab to print
 * it (Ctrl+P, or save it as PDF) or saves it as an HTML file. A list longer than the page keeps is not offered.
 */
import { useId, useState } from 'react';
import { LABELS, type Label } from '../../engine/documents/enums.ts';
import { renderPrintableList, type PrintableHeading } from '../../engine/report/renderPrintableList.ts';
import { printableRowOf } from '../../engine/report/printableRowOf.ts';
import type { Lang } from '../i18n/strings.ts';
import { text } from '../i18n/text.ts';
import { DateField } from '../shared/DateField.tsx';
import { downloadText } from '../shared/downloadText.ts';
import { PRINTABLE_LIMIT, type CohortResult } from './compareCohort.ts';
import { formatCount } from './formatNumbers.ts';
import '../i18n/diffStrings.ts';

interface Props {
  result: CohortResult;
  positionName: (code: string) => Label | undefined;
  lang: Lang;
  /** Today, ISO (the document's date by default). */
  today: string;
}

type TextField = 'superiorBody' | 'issuingBody' | 'number' | 'place' | 'subject' | 'capacity' | 'title' | 'name';

export function PrintListCard({ result, positionName, lang, today }: Props) {
  const id = useId();
  const { level, mode } = result.setup.defaults;
  const [form, setForm] = useState<Record<TextField, string>>(() => ({
    superiorBody: '', issuingBody: text(lang, 'diff.printIssuingDefault'), number: '', place: '',
    subject: text(lang, 'diff.printSubjectDefault', { level: LABELS.theoryLevel[level][lang].toLowerCase(), mode: LABELS.mode[mode][lang].toLowerCase() }),
    capacity: '', title: text(lang, 'diff.printSignerDefault'), name: '',
  }));
  const [date, setDate] = useState(today);
  const entries = result.printable;
  const missing = (['issuingBody', 'place', 'subject', 'title'] as const).filter((k) => form[k].trim() === '');

  const ready = entries !== undefined && missing.length === 0;
  /** The page, written when it is opened or saved (not on every keystroke: a list may hold thousands of cadres). */
  const render = (): string | undefined => {
    if (!entries || missing.length > 0) return undefined;
    const rows = entries.map((e) => printableRowOf(e.profile, e.b.ok ? { ok: true, verdict: e.b } : e.b, lang, positionName));
    const opt = (s: string) => (s.trim() ? s.trim() : undefined);
    const heading: PrintableHeading = {
      superiorBody: opt(form.superiorBody), issuingBody: form.issuingBody.trim(), number: opt(form.number), place: form.place.trim(), date,
      subject: form.subject.trim(), basis: text(lang, 'diff.printBasis', { side: result.labels.b[lang] }),
      signer: { capacity: opt(form.capacity), title: form.title.trim(), name: opt(form.name) },
    };
    return renderPrintableList(rows, heading, lang);
  };

  const field = (key: TextField, required = false) => (
    <div className="field">
      <label htmlFor={`${id}-${key}`}>{text(lang, `page.print_${key}`)}{required ? ' *' : ''}</label>
      <input id={`${id}-${key}`} data-testid={`print-${key}`} value={form[key]} required={required} aria-invalid={required && form[key].trim() === ''}
        onChange={(e) => setForm({ ...form, [key]: e.target.value })} />
    </div>
  );

  const open = () => {
    const html = render();
    if (!html) return;
    const url = URL.createObjectURL(new Blob([html], { type: 'text/html;charset=utf-8' }));
    window.open(url, '_blank', 'noopener');
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  };

  return (
    <section className="card print-list" aria-labelledby={`${id}-h`} data-testid="print-list">
      <h3 id={`${id}-h`}>{text(lang, 'diff.printTitle')}</h3>
      {!entries ? <p className="muted">{text(lang, 'diff.printTooLong', { limit: formatCount(PRINTABLE_LIMIT, lang) })}</p> : (
        <>
          <p className="muted small">{text(lang, 'diff.printLead', { side: result.labels.b[lang] })}</p>
          <div className="print-form">
            {field('superiorBody')}{field('issuingBody', true)}{field('number')}{field('place', true)}
            <DateField label={text(lang, 'diff.print_date')} testId="print-date" value={date} onChange={setDate} lang={lang} />
            {field('subject', true)}{field('capacity')}{field('title', true)}{field('name')}
          </div>
          {missing.length > 0 && <p className="field-error" role="status">{text(lang, 'diff.printMissing', { fields: missing.map((k) => text(lang, `page.print_${k}`)).join(', ') })}</p>}
          <div className="diff-actions">
            <button type="button" className="button button-primary" data-testid="print-open" disabled={!ready} onClick={open}>{text(lang, 'diff.printOpen')}</button>
            <button type="button" className="button" data-testid="print-save" disabled={!ready}
              onClick={() => { const html = render(); if (html) downloadText(html, text(lang, 'diff.printFileName'), 'text/html;charset=utf-8'); }}>{text(lang, 'diff.printSave')}</button>
          </div>
        </>
      )}
    </section>
  );
}
