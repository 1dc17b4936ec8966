/**
 * A Chart.js 4 chart in a sized box (Chart.js needs one: a responsive chart otherwise grows with its parent). Only
 * the controllers and elements used are registered. A fresh config per draw (Chart.js writes resolved scales into
 * the options it is given). The canvas is an image with a label; the figures themselves are in the tables.
 */
import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, LineController, LineElement, PointElement, Tooltip, type ChartConfiguration } from 'chart.js';
import { useEffect, useRef } from 'react';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, LineController, LineElement, PointElement, Legend, Tooltip);

export function SimulationChart({ config, label, testId, tall }: { config: () => ChartConfiguration; label: string; testId: string; tall?: boolean }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    if (!canvas.current) return undefined;
    const chart = new Chart(canvas.current, config());
    return () => chart.destroy();
  }, [config]);
  return (
    <div className={`sim-chart${tall ? ' sim-chart-tall' : ''}`}>
      <canvas ref={canvas} role="img" aria-label={label} data-testid={testId} />
    </div>
  );
}
