/**
 * A Chart.js 4 chart in a sized box (Chart.js needs one: a responsive chart otherwise grows with its parent). Only
 * the controllers and elements used are registered. A fresh config per draw (Chart.js writes resolved scales into
 * the options it is given); a new config of the same type updates the chart in place (partial results arrive several
 * times a run: a chart made afresh each time cost the page's main thread more than the update). The canvas is an
 * image with a label; the figures themselves are in the tables.
 */
import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, LineController, LineElement, PointElement, Tooltip, type ChartConfiguration } from 'chart.js';
import { useEffect, useRef } from 'react';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, LineController, LineElement, PointElement, Legend, Tooltip);

export function SimulationChart({ config, label, testId, tall }: { config: () => ChartConfiguration; label: string; testId: string; tall?: boolean }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const chart = useRef<{ chart: Chart; type: ChartConfiguration['type'] } | undefined>(undefined);
  useEffect(() => {
    if (!canvas.current) return;
    const c = config();
    const held = chart.current;
    if (held && held.type === c.type) {
      held.chart.data = c.data;
      if (c.options) held.chart.options = c.options;
      held.chart.update('none');
      return;
    }
    held?.chart.destroy();
    chart.current = { chart: new Chart(canvas.current, c), type: c.type };
  }, [config]);
  useEffect(() => () => { chart.current?.chart.destroy(); chart.current = undefined; }, []);
  return (
    <div className={`sim-chart${tall ? ' sim-chart-tall' : ''}`}>
      <canvas ref={canvas} role="img" aria-label={label} data-testid={testId} />
    </div>
  );
}
