/**
 * A calibration's result: the fitted parameters (before, fitted median, 90 % interval, the range searched, each
 * still marked assumed), the goodness of fit of every figure (its band over the check runs before and after, the
 * observed value's position in the fitted runs, inside p5–p95 or not; a planned figure labelled a soft target, never
 * a miss), and what the calibration did not fit and why (a parameter fixed by the regulation or a source never is).
 */
import type { Observations } from '../../engine/documents/observations.ts';
import type { Plan } from '../../engine/documents/plan.ts';
import { PLAN_PARAMETERS } from '../../engine/documents/planParameters.ts';
import type { Lang } from '../../engine/rules/messages.ts';
import type { Calibration, FitCheck } from '../../engine/simulate/calibrate/calibratePlan.ts';
import { formatCount } from '../diff/formatNumbers.ts';
import { ConfidenceBadge } from '../shared/ConfidenceBadge.tsx';
import { text } from '../i18n/text.ts';
import '../i18n/simulationStrings.ts';
import { parameterRoles } from './calibrationPanelModel.ts';
import { formatDecimal, formatParameterRange, formatParameterValue } from './formatCalibration.ts';

const band = (s: { p5: number; p50: number; p95: number }, lang: Lang) => `${formatCount(s.p50, lang)} (${formatCount(s.p5, lang)} – ${formatCount(s.p95, lang)})`;

/** The value against its bands, drawn to one scale; the numbers are in the row's cells (hidden from screen readers). */
function BandBar({ f }: { f: FitCheck }) {
  const lo = Math.min(f.value, f.before.p5, f.fitted.p5);
  const hi = Math.max(f.value, f.before.p95, f.fitted.p95);
  const at = (x: number) => (hi === lo ? 50 : ((x - lo) / (hi - lo)) * 100);
  const span = (s: { p5: number; p95: number }) => ({ left: `${at(s.p5)}%`, width: `${Math.max(1, at(s.p95) - at(s.p5))}%` });
  return (
    <div className="calib-bar" aria-hidden="true">
      <span className="calib-band is-before" style={span(f.before)} />
      <span className={`calib-band ${f.kind === 'planned' ? 'is-soft' : 'is-fitted'}`} style={span(f.fitted)} />
      <span className="calib-mark" style={{ left: `${at(f.value)}%` }} />
    </div>
  );
}

export function CalibrationResult({ calibration, plan, observations, lang }: {
  calibration: Calibration; plan: Plan; observations: Observations | undefined; lang: Lang;
}) {
  const c = calibration;
  const roles = parameterRoles(plan, observations, c);
  const fixed = roles.filter((r) => r.role === 'fixed');
  const others = roles.filter((r) => r.role === 'timing' || r.role === 'unrelated');
  const checkRuns = c.fit[0]?.fitted.runs ?? c.method.checkRuns;
  // Column names, also on each cell: on a narrow screen the tables become one card per row (calibration.css).
  const heads = {
    before: text(lang, 'simulation.calibBefore'), fitted: text(lang, 'simulation.calibFittedValue'), interval: text(lang, 'simulation.calibInterval'),
    range: text(lang, 'simulation.calibRange'), confidence: text(lang, 'simulation.calibConfidence'), kind: text(lang, 'simulation.calibKind'),
    value: text(lang, 'simulation.calibValue'), bandBefore: text(lang, 'simulation.calibBandBefore'), bandAfter: text(lang, 'simulation.calibBandAfter'),
  };
  return (
    <div className="calib-result" data-testid="calib-result" data-observed-inside={String(c.observedInside)}>
      <p className="muted small">{text(lang, 'simulation.calibMeta', { method: c.method.name, particles: formatCount(c.method.particles, lang), simulations: formatCount(c.method.simulations, lang), seed: String(c.seed) })}</p>
      <h3>{text(lang, 'simulation.calibFitted')}</h3>
      <div className="table-scroll">
        <table className="plan-table calib-table" data-testid="calib-fitted">
          <thead><tr>
            <th scope="col">{text(lang, 'simulation.parameter')}</th><th scope="col" className="num">{heads.before}</th>
            <th scope="col" className="num">{heads.fitted}</th><th scope="col" className="num">{heads.interval}</th>
            <th scope="col" className="num">{heads.range}</th><th scope="col">{heads.confidence}</th>
          </tr></thead>
          <tbody>
            {c.parameters.map((p) => (
              <tr key={p.name} data-testid="calib-param" data-param={p.name} data-value={p.value}>
                <th scope="row">{p.label[lang]} <code className="muted small">{p.name}</code></th>
                <td className="num" data-label={heads.before}>{formatParameterValue(p.before, p.unit, lang)}</td>
                <td className="num" data-label={heads.fitted}><strong>{formatParameterValue(p.value, p.unit, lang)}</strong></td>
                <td className="num" data-label={heads.interval}>{formatParameterRange({ min: p.interval.p5, max: p.interval.p95 }, p.unit, lang)}</td>
                <td className="num muted" data-label={heads.range}>{formatParameterRange(p.range, p.unit, lang)}</td>
                <td data-label={heads.confidence}><ConfidenceBadge confidence="assumed" lang={lang} /></td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="muted small">{text(lang, 'simulation.calibStillAssumed')}</p>
      <h3>{text(lang, 'simulation.calibGoodness', { runs: formatCount(checkRuns, lang), seed: String(c.seed) })}</h3>
      <p className={c.observedInside ? 'calib-verdict is-ok' : 'calib-verdict is-miss'} data-testid="calib-verdict">
        {text(lang, c.observedInside ? 'simulation.calibAllInside' : 'simulation.calibSomeOutside')}
      </p>
      <div className="table-scroll">
        <table className="plan-table calib-table" data-testid="calib-fit">
          <thead><tr>
            <th scope="col">{text(lang, 'simulation.calibTarget')}</th><th scope="col">{heads.kind}</th>
            <th scope="col" className="num">{heads.value}</th><th scope="col" className="num">{heads.bandBefore}</th>
            <th scope="col" className="num">{heads.bandAfter}</th><th scope="col">{text(lang, 'simulation.calibPosition')}</th>
          </tr></thead>
          <tbody>
            {c.fit.map((f) => (
              <tr key={f.id} data-testid="calib-fit-row" data-target={f.id} data-kind={f.kind} data-inside={String(f.inside)}>
                <th scope="row">{f.label[lang]}</th>
                <td data-label={heads.kind}>{f.kind === 'observed' ? <span className="badge badge-confirmed">{text(lang, 'simulation.calibObserved')}</span> : <span className="badge badge-assumed">{text(lang, 'simulation.calibPlanned')}</span>}</td>
                <td className="num" data-label={heads.value}><strong>{formatCount(f.value, lang)}</strong></td>
                <td className="num" data-label={heads.bandBefore}>{band(f.before, lang)}</td>
                <td className="num" data-label={heads.bandAfter}>{band(f.fitted, lang)}</td>
                <td className="calib-position">
                  <BandBar f={f} />
                  <span className="small">{text(lang, 'simulation.calibPositionValue', { position: formatDecimal(f.position, lang) })} · </span>
                  <span className={`small ${f.kind === 'planned' ? 'muted' : f.inside ? 'delta-up' : 'delta-down'}`}>
                    {f.kind === 'planned' ? text(lang, 'simulation.calibSoft') : text(lang, f.inside ? 'simulation.calibInside' : 'simulation.calibOutside')}
                  </span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h3>{text(lang, 'simulation.calibNotFitted')}</h3>
      <ul className="calib-not-fitted small" data-testid="calib-not-fitted">
        {fixed.length === 0 && <li data-testid="calib-none-fixed">{text(lang, 'simulation.calibNoneFixed')}</li>}
        {fixed.map((r) => {
          const confidence = plan.parameters[r.name]!.confidence;
          return <li key={r.name} data-role="fixed" data-param={r.name}>{PLAN_PARAMETERS[r.name].label[lang]} <code>{r.name}</code>: <ConfidenceBadge confidence={confidence} lang={lang} /> {text(lang, 'simulation.calibFixed')}</li>;
        })}
      </ul>
      <details className="small" data-testid="calib-others">
        <summary>{text(lang, 'simulation.calibOthers', { n: others.length })}</summary>
        <ul className="calib-not-fitted">
          {others.map((r) => (
            <li key={r.name} data-role={r.role} data-param={r.name} className="muted">
              {PLAN_PARAMETERS[r.name].label[lang]} <code>{r.name}</code>: {text(lang, r.role === 'timing' ? 'simulation.calibTiming' : 'simulation.calibUnrelated')}
            </li>
          ))}
        </ul>
      </details>
    </div>
  );
}
