/** The charts of one result: graduates by month (median with p5 and p95) and learners at opening against capacity, by class. */
import { useCallback } from 'react';
import type { ChartConfiguration } from 'chart.js';
import type { SimulationResult } from '../../engine/simulate/buildSimulationResult.ts';
import type { Lang } from '../../engine/rules/messages.ts';
import { SimulationChart } from './SimulationChart.tsx';
import { text } from '../i18n/text.ts';
import '../i18n/simulationStrings.ts';

const options = () => ({ animation: false as const, responsive: true, maintainAspectRatio: false, plugins: { legend: { position: 'bottom' as const } } });
const monthLabel = (m: string) => `${m.slice(5, 7)}/${m.slice(0, 4)}`;

export function ResultCharts({ result, lang }: { result: SimulationResult; lang: Lang }) {
  const months = useCallback((): ChartConfiguration => ({
    type: 'bar',
    data: {
      labels: result.graduatesByMonth.map((m) => monthLabel(m.month)),
      datasets: [
        { type: 'bar', label: `${text(lang, 'simulation.byMonth')} (p50)`, data: result.graduatesByMonth.map((m) => m.stats.p50 ?? 0), backgroundColor: '#b91c1c' },
        { type: 'line', label: 'p5', data: result.graduatesByMonth.map((m) => m.stats.p5 ?? 0), borderColor: '#9ca3af', pointRadius: 0 },
        { type: 'line', label: 'p95', data: result.graduatesByMonth.map((m) => m.stats.p95 ?? 0), borderColor: '#4b5563', pointRadius: 0 },
      ],
    },
    options: options(),
  }), [result, lang]);
  const classes = useCallback((): ChartConfiguration => ({
    type: 'bar',
    data: {
      labels: result.classes.map((c) => c.id),
      datasets: [
        { label: text(lang, 'simulation.maxSize'), data: result.classes.map((c) => c.maxSize), backgroundColor: '#d1d5db' },
        { label: text(lang, 'simulation.atOpening'), data: result.classes.map((c) => c.atOpening.p50 ?? 0), backgroundColor: '#1d4ed8' },
        { label: text(lang, 'simulation.graduatesP50'), data: result.classes.map((c) => c.graduates.p50 ?? 0), backgroundColor: '#15803d' },
      ],
    },
    options: options(),
  }), [result, lang]);
  return (
    <div className="sim-grid">
      <figure className="sim-figure">
        <figcaption>{text(lang, 'simulation.byMonth')}</figcaption>
        <SimulationChart config={months} label={`${text(lang, 'simulation.byMonth')}. ${text(lang, 'simulation.chartFallback')}`} testId="chart-months" />
      </figure>
      <figure className="sim-figure">
        <figcaption>{text(lang, 'simulation.byClass')}</figcaption>
        <SimulationChart config={classes} label={`${text(lang, 'simulation.byClass')}. ${text(lang, 'simulation.chartFallback')}`} testId="chart-classes" />
      </figure>
    </div>
  );
}
