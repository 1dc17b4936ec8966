/**
 * One scenario's results: the headline figures (median with p5–p95), the charts, the class timeline and the table
 * by class (planned and median opening, learners at opening against the maximum, graduates, postponed/cancelled runs).
 */
import type { Label } from '../../engine/documents/enums.ts';
import { formatDate } from '../../engine/documents/dates.ts';
import type { SimulationResult } from '../../engine/simulate/buildSimulationResult.ts';
import type { Lang } from '../../engine/rules/messages.ts';
import { ClassTimeline } from './ClassTimeline.tsx';
import { formatFigure, formatInterval, formatMedianDate } from './formatStats.ts';
import { ResultCharts } from './ResultCharts.tsx';
import { text } from '../i18n/text.ts';
import '../i18n/simulationStrings.ts';

export function KpiTable({ result, lang }: { result: SimulationResult; lang: Lang }) {
  return (
    <div className="table-scroll">
      <table className="plan-table kpi-table" data-testid="kpi-table">
        <caption>{text(lang, 'simulation.kpis')}</caption>
        <thead><tr><th scope="col">{text(lang, 'simulation.figure')}</th><th scope="col">{text(lang, 'simulation.median')}</th><th scope="col">{text(lang, 'simulation.interval')}</th></tr></thead>
        <tbody>
          {result.kpis.map((k) => (
            <tr key={k.name} data-kpi={k.name} data-p50={k.stats.p50 ?? ''}>
              <th scope="row">{k.label[lang]}</th>
              <td className="num">{formatFigure(k.stats.p50, lang)}</td>
              <td className="num muted">{formatInterval(k.stats, lang)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/**
 * `title` and `cohort` in both languages, when the page has them (else the result's own words); `partialOf`, the runs
 * asked for when the result is of the first runs only (a run still going, or cancelled): said under the heading.
 */
export function ResultView({ result, title, cohort, lang, partialOf }: { result: SimulationResult; title?: Label | undefined; cohort?: Label | undefined; lang: Lang; partialOf?: number }) {
  return (
    <section className="card sim-section" aria-labelledby="sim-result-heading" data-testid="sim-result" data-runs={result.runs} data-partial={partialOf !== undefined}>
      <h3 id="sim-result-heading">{text(lang, 'simulation.results', { scenario: title?.[lang] ?? result.scenario })}</h3>
      {partialOf !== undefined && <p className="sim-partial" data-testid="sim-partial">{text(lang, 'simulation.partial', { done: formatFigure(result.runs, lang), total: formatFigure(partialOf, lang) })}</p>}
      <p className="muted small">{text(lang, 'simulation.resultMeta', { runs: formatFigure(result.runs, lang), seed: String(result.seed), cohort: `${cohort?.[lang] ?? result.cohort.source} (${formatFigure(result.cohort.cadres, lang)})` })}</p>
      <KpiTable result={result} lang={lang} />
      <ResultCharts result={result} lang={lang} />
      <h4>{text(lang, 'simulation.timeline')}</h4>
      <ClassTimeline result={result} lang={lang} />
      <h4>{text(lang, 'simulation.perClass')}</h4>
      <div className="table-scroll">
        <table className="plan-table" data-testid="class-results">
          <thead>
            <tr>
              <th scope="col">{text(lang, 'simulation.class')}</th><th scope="col">{text(lang, 'simulation.planned')}</th><th scope="col">{text(lang, 'simulation.opened')}</th>
              <th scope="col">{text(lang, 'simulation.atOpening')}</th><th scope="col">{text(lang, 'simulation.maxSize')}</th><th scope="col">{text(lang, 'simulation.graduatesP50')}</th>
              <th scope="col">{text(lang, 'simulation.graduated')}</th><th scope="col">{text(lang, 'simulation.postponedCancelled')}</th>
            </tr>
          </thead>
          <tbody>
            {result.classes.map((c) => (
              <tr key={c.id}>
                <th scope="row">{c.id}</th>
                <td>{formatDate(c.opensOn)}</td>
                <td>{formatMedianDate(c.openedOn)}</td>
                <td className="num">{formatFigure(c.atOpening.p50, lang)} <span className="muted small">({formatInterval(c.atOpening, lang)})</span></td>
                <td className="num">{c.maxSize}</td>
                <td className="num">{formatFigure(c.graduates.p50, lang)}</td>
                <td>{formatMedianDate(c.graduatedOn)}</td>
                <td className="num">{c.postponedRuns} / {c.cancelledRuns}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
