/**
 * Two scenarios run on the same seeds: each KPI on both sides with the run-by-run difference B − A (median and
 * p5–p95), then the cadres of the sample run whose outcome changes, counted by the rule behind the change, and the
 * first of them by name.
 */
import type { Label } from '../../engine/documents/enums.ts';
import { formatDate } from '../../engine/documents/dates.ts';
import type { SimulationResult } from '../../engine/simulate/buildSimulationResult.ts';
import type { ScenarioComparison } from '../../engine/simulate/compareScenarios.ts';
import type { Lang } from '../../engine/rules/messages.ts';
import { formatDelta, formatFigure, formatInterval } from './formatStats.ts';
import { citationIn } from '../../engine/documents/ruleset.ts';
import { text } from '../i18n/text.ts';
import '../i18n/simulationStrings.ts';

const FIRST = 20;

/** `sides`: A's and B's titles in both languages, when the page has them (else the comparison's own words). */
export function ComparisonView({ comparison: c, results, sides, lang }: { comparison: ScenarioComparison; results: readonly SimulationResult[]; sides?: readonly Label[] | undefined; lang: Lang }) {
  const titles = new Map<string, string>();
  for (const r of results) for (const x of r.screening.byRule) if (x.title) titles.set(x.rule, x.title[lang]);
  const changeLabel = { lost: text(lang, 'simulation.changeLost'), gained: text(lang, 'simulation.changeGained'), outcome: text(lang, 'simulation.changeOutcome') } as const;
  return (
    <section className="card sim-section" aria-labelledby="sim-compare-heading" data-testid="sim-comparison">
      <h3 id="sim-compare-heading">{text(lang, 'simulation.comparison', { a: sides?.[0]?.[lang] ?? c.a, b: sides?.[1]?.[lang] ?? c.b })}</h3>
      <p className="muted small">{text(lang, 'simulation.deltaHint', { runs: c.runs })}</p>
      <div className="table-scroll">
        <table className="plan-table kpi-table" data-testid="delta-table">
          <thead>
            <tr><th scope="col">{text(lang, 'simulation.figure')}</th><th scope="col">A (p50)</th><th scope="col">B (p50)</th><th scope="col">{text(lang, 'simulation.delta')}</th><th scope="col">{text(lang, 'simulation.deltaInterval')}</th></tr>
          </thead>
          <tbody>
            {c.kpis.map((k) => (
              <tr key={k.name} data-kpi={k.name} data-delta={k.delta.p50 ?? ''}>
                <th scope="row">{k.label[lang]}</th>
                <td className="num">{formatFigure(k.a.p50, lang)}</td>
                <td className="num">{formatFigure(k.b.p50, lang)}</td>
                <td className={`num ${(k.delta.p50 ?? 0) > 0 ? 'delta-up' : (k.delta.p50 ?? 0) < 0 ? 'delta-down' : ''}`}>{formatDelta(k.delta.p50, lang)}</td>
                <td className="num muted">{formatInterval(k.delta, lang, true)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h4>{text(lang, 'simulation.changesByRule')}</h4>
      <p data-testid="change-summary">{text(lang, 'simulation.changeSummary', { compared: c.summary.compared, lost: c.summary.lost, gained: c.summary.gained, outcome: c.summary.outcomeChanged })}</p>
      {c.byRule.length > 0 && (
        <div className="table-scroll">
          <table className="plan-table" data-testid="changes-by-rule">
            <thead><tr><th scope="col">{text(lang, 'simulation.rule')}</th><th scope="col">{text(lang, 'simulation.citation')}</th><th scope="col">{text(lang, 'simulation.side')}</th><th scope="col">{text(lang, 'simulation.lost')}</th><th scope="col">{text(lang, 'simulation.gained')}</th></tr></thead>
            <tbody>
              {c.byRule.map((r) => (
                <tr key={`${r.side}:${r.rule}`}><th scope="row">{titles.get(r.rule) ?? ''} <code className="muted small">{r.rule}</code></th><td>{citationIn(r.citation, lang)}</td><td>{r.side.toUpperCase()}</td><td className="num">{r.lost}</td><td className="num">{r.gained}</td></tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {c.changes.length === 0 ? <p className="muted">{text(lang, 'simulation.noChanges')}</p> : (
        <>
          <h4>{text(lang, 'simulation.firstChanges', { n: Math.min(FIRST, c.changes.length) })}</h4>
          <div className="table-scroll">
            <table className="plan-table" data-testid="changed-cadres">
              <thead><tr><th scope="col">{text(lang, 'simulation.cadre')}</th><th scope="col">{text(lang, 'simulation.agency')}</th><th scope="col">{text(lang, 'simulation.class')}</th><th scope="col">{text(lang, 'simulation.change')}</th><th scope="col">{text(lang, 'simulation.rule')}</th></tr></thead>
              <tbody>
                {c.changes.slice(0, FIRST).map((x) => (
                  <tr key={x.id}>
                    <th scope="row">{x.id}</th><td>{x.agency}</td><td>{x.class} · {formatDate(x.on)}</td><td>{changeLabel[x.change]}</td>
                    <td><code>{[...new Set([...x.a.failures, ...x.b.failures])].join(', ') || `${x.a.outcome ?? '—'} → ${x.b.outcome ?? '—'}`}</code></td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
