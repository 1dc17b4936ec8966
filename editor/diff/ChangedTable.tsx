/**
 * The cadres whose result changed, filtered by kind of change, 25 to a page (a file of 100,000 rows never renders
 * more than a page), each row expandable to both sides' reasons. The filtered rows download as CSV.
 */
import { Fragment, useEffect, useId, useMemo, useState } from 'react';
import type { SideResult } from '../../engine/rules/diff/diffVerdicts.ts';
import { mainReason, partCitation, restsOnDecision } from '../../engine/rules/diff/mainReason.ts';
import { SelectField } from '../shared/SelectField.tsx';
import type { Lang } from '../i18n/strings.ts';
import { CadreDetails } from './CadreDetails.tsx';
import { CHANGE_FILTERS, matchesFilter, type ChangeFilter } from './changedCadre.ts';
import { changedCadresToCsv } from './changedCadresToCsv.ts';
import { CHANGE_LABELS, FILTER_LABELS } from './changeLabels.ts';
import type { CohortResult } from './compareCohort.ts';
import { downloadText } from '../shared/downloadText.ts';
import { formatCount } from './formatNumbers.ts';
import { text } from '../i18n/text.ts';
import '../i18n/diffStrings.ts';

const PAGE = 25;

function state(s: SideResult, lang: Lang): string {
  if (!s.ok) return text(lang, 'diff.stateError');
  if (restsOnDecision(s)) return text(lang, 'diff.stateBySpecialDecision');
  return s.eligible ? text(lang, 'diff.stateEligible') : text(lang, 'diff.stateIneligible');
}

export function ChangedTable({ result, lang }: { result: CohortResult; lang: Lang }) {
  const headingId = useId();
  const [filter, setFilter] = useState<ChangeFilter>('all');
  const [page, setPage] = useState(0);
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const counts = useMemo(() => Object.fromEntries(CHANGE_FILTERS.map((f) => [f, result.changed.filter((c) => matchesFilter(c.diff, f)).length])) as Record<ChangeFilter, number>, [result]);
  const shown = useMemo(() => result.changed.filter((c) => matchesFilter(c.diff, filter)), [result, filter]);
  useEffect(() => { setPage(0); setOpen(new Set()); }, [result, filter]);

  const pages = Math.max(1, Math.ceil(shown.length / PAGE));
  const at = Math.min(page, pages - 1);
  const slice = shown.slice(at * PAGE, at * PAGE + PAGE);
  const toggle = (key: string) => setOpen((old) => {
    const next = new Set(old);
    if (!next.delete(key)) next.add(key);
    return next;
  });
  const base = result.file.replace(/\.[^.]+$/, '');

  return (
    <section className="card" aria-labelledby={headingId} data-testid="changed-cadres">
      <div className="table-head">
        <h3 id={headingId}>{text(lang, 'diff.changedCadres')}</h3>
        <div className="table-tools">
          <SelectField label={text(lang, 'diff.changeFilter')} testId="change-filter" value={filter}
            options={CHANGE_FILTERS.map((f) => ({ value: f, label: `${FILTER_LABELS[f][lang]} (${formatCount(counts[f], lang)})` }))}
            onChange={(v) => setFilter(v as ChangeFilter)} />
          <button type="button" className="button" data-testid="export-csv" disabled={shown.length === 0}
            onClick={() => downloadText(changedCadresToCsv(shown, lang), text(lang, 'diff.csvFileName', { base, filter }))}>
            {text(lang, 'diff.exportCsv', { n: formatCount(shown.length, lang) })}
          </button>
        </div>
      </div>
      {shown.length === 0
        ? <p className="muted" data-testid="no-changes">{text(lang, 'diff.noChanges')}</p>
        : (
          <>
            <div className="table-scroll">
              <table className="diff-table changes-table">
                <thead>
                  <tr>
                    <th scope="col"><span className="visually-hidden">{text(lang, 'diff.colDetails')}</span></th>
                    <th scope="col">{text(lang, 'diff.colRow')}</th>
                    <th scope="col">{text(lang, 'diff.colId')}</th>
                    <th scope="col">{text(lang, 'diff.colName')}</th>
                    <th scope="col">{text(lang, 'diff.colChange')}</th>
                    <th scope="col">{text(lang, 'diff.colAB')}</th>
                    <th scope="col">{text(lang, 'diff.colReason')}</th>
                  </tr>
                </thead>
                <tbody>
                  {slice.map((c, i) => {
                    const d = c.diff;
                    // A workbook's rows are numbered per sheet: the sheet and the row name a cadre.
                    const key = c.sheet === undefined ? String(c.row) : `${c.sheet}\u0000${c.row}`;
                    const expanded = open.has(key);
                    const detailsId = `${headingId}-details-${at}-${i}`;
                    return (
                      <Fragment key={key}>
                        <tr data-testid="changed-row" data-change={d.change} data-id={d.id} className={`change-${d.change}`}>
                          <td>
                            <button type="button" className="expand" aria-expanded={expanded} aria-controls={detailsId}
                              aria-label={text(lang, 'diff.showDetails', { id: d.id })} data-testid="expand-row" onClick={() => toggle(key)}>
                              {expanded ? '▾' : '▸'}
                            </button>
                          </td>
                          <td data-label={text(lang, 'diff.colRow')}>{c.sheet === undefined ? c.row : `${c.sheet} · ${c.row}`}</td>
                          <td className="nowrap">{d.id}</td>
                          <td className="name">{c.fullName ?? ''}</td>
                          <td>
                            <span className={`change-tag tag-${d.change}`}>{CHANGE_LABELS[d.change][lang]}</span>
                            {d.institutionChanged && <span className="change-tag">{text(lang, 'diff.tagInstitution')}</span>}
                            {d.reasonsChanged && <span className="change-tag">{text(lang, 'diff.tagReasons')}</span>}
                            {d.byDecision && <span className="change-tag" data-testid="tag-by-decision">{text(lang, 'diff.tagByDecision')}</span>}
                          </td>
                          <td className="nowrap" data-label={text(lang, 'diff.colAB')}>{state(d.a, lang)} → {state(d.b, lang)}</td>
                          <td className="reason">
                            {mainReason(d).map((p, i) => (
                              <div key={i}>
                                {p.lead && <strong>{p.lead[lang]}: </strong>}{p.text[lang]}
                                {p.citation && <span className="citation"> ({partCitation(p, lang)})</span>}
                              </div>
                            ))}
                          </td>
                        </tr>
                        {expanded && (
                          <tr className="details-row" id={detailsId} data-testid="cadre-details">
                            <td colSpan={7}><CadreDetails diff={d} labels={result.labels} lang={lang} /></td>
                          </tr>
                        )}
                      </Fragment>
                    );
                  })}
                </tbody>
              </table>
            </div>
            <nav className="pager" aria-label={text(lang, 'diff.pagination')}>
              <button type="button" className="button" data-testid="prev-page" disabled={at === 0} onClick={() => setPage(at - 1)}>{text(lang, 'diff.prevPage')}</button>
              <span data-testid="page-info">{text(lang, 'page.pageOf', {
                page: at + 1, pages, from: formatCount(at * PAGE + 1, lang), to: formatCount(at * PAGE + slice.length, lang), total: formatCount(shown.length, lang),
              })}</span>
              <button type="button" className="button" data-testid="next-page" disabled={at >= pages - 1} onClick={() => setPage(at + 1)}>{text(lang, 'diff.nextPage')}</button>
            </nav>
          </>
        )}
    </section>
  );
}
