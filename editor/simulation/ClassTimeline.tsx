/**
 * A Gantt-like timeline of the classes: one bar per class from its median opening to its median graduation, on a
 * shared month scale; a class that did not graduate in most runs shows its opening only, marked. Bars are HTML boxes
 * placed by percentage (readable at 390 px, each row labelled for screen readers).
 */
import { isoToDay } from '../../engine/generate/civilDays.ts';
import type { SimulationResult } from '../../engine/simulate/buildSimulationResult.ts';
import type { Lang } from '../../engine/rules/messages.ts';
import { formatMedianDate } from './formatStats.ts';
import { text } from '../i18n/text.ts';
import '../i18n/simulationStrings.ts';

export function ClassTimeline({ result, lang }: { result: SimulationResult; lang: Lang }) {
  const rows = result.classes.map((c) => ({ c, from: c.openedOn.p50 ? isoToDay(c.openedOn.p50) : isoToDay(c.opensOn), to: c.graduatedOn.p50 ? isoToDay(c.graduatedOn.p50) : undefined }));
  if (rows.length === 0) return null;
  const first = Math.min(...rows.map((r) => r.from));
  const last = Math.max(...rows.map((r) => r.to ?? r.from + 30));
  const start = first - 15;
  const span = Math.max(1, last + 15 - start);
  const pct = (day: number) => `${(((day - start) / span) * 100).toFixed(2)}%`;
  // Month ticks: the first day of every month in range, labelled MM/YYYY, every other one when crowded.
  const ticks: Array<{ day: number; label: string }> = [];
  const d0 = new Date(start * 864e5);
  for (let y = d0.getUTCFullYear(), m = d0.getUTCMonth() + 1; ; m++) {
    if (m > 12) { m = 1; y++; }
    const day = Date.UTC(y, m - 1, 1) / 864e5;
    if (day > start + span) break;
    ticks.push({ day, label: `${String(m).padStart(2, '0')}/${y}` });
  }
  const step = ticks.length > 12 ? 3 : ticks.length > 6 ? 2 : 1;
  return (
    <div className="gantt" data-testid="class-timeline" role="list" aria-label={text(lang, 'simulation.timeline')}>
      <div className="gantt-axis" aria-hidden="true">
        {ticks.map((t, i) => <span key={t.day} className="gantt-tick" style={{ left: pct(t.day) }}>{i % step === 0 ? t.label : ''}</span>)}
      </div>
      {rows.map(({ c, from, to }) => {
        const label = `${c.id}: ${formatMedianDate(c.openedOn)} → ${to !== undefined ? formatMedianDate(c.graduatedOn) : text(lang, 'simulation.notGraduated')}`;
        return (
          <div key={c.id} className="gantt-row" role="listitem" aria-label={label} title={label} data-testid="gantt-row">
            <span className="gantt-label">{c.id}</span>
            <span className="gantt-track">
              <span className={`gantt-bar${to === undefined ? ' is-open' : ''}${c.cancelledRuns > 0 ? ' has-cancel' : ''}`}
                style={{ left: pct(from), width: to !== undefined ? `${(((to - from) / span) * 100).toFixed(2)}%` : '6px' }} />
            </span>
          </div>
        );
      })}
    </div>
  );
}
