import { useEffect, useRef } from 'react';
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  type ChartConfiguration,
} from 'chart.js';
import type { ScreenCell, ScreenColumn, ScreenTable } from '../../domain/insight/view';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend);

/** Colours that stay apart for colour-blind readers (Okabe–Ito) and in print. */
const COLOURS = ['#0072B2', '#E69F00', '#009E73'];

/** A suppressed count draws no bar: "< 5" and "•" are read in the table beside it. */
function value(p: ScreenCell | undefined): number | null {
  return p?.kind === 'value' ? p.value : null;
}

/**
 * One screen table as a bar chart (chart.js, loaded only with this module, i.e. only on the
 * coordinator's screen). The table it draws is always shown next to it and is its text
 * alternative; the canvas itself is an image with a short label.
 */
export default function CountsChart({
  table,
  label,
  columnName,
  title,
}: {
  table: ScreenTable;
  label: (id: string) => string;
  columnName: (c: ScreenColumn) => string;
  title: string;
}) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const labels = table.rows.map((r) => label(r.id));
  const datasets = table.columns.map((c, k) => ({
    label: columnName(c),
    data: table.rows.map((r) => value(r.cells[k])),
    backgroundColor: COLOURS[k % COLOURS.length] ?? '#0072B2',
  }));
  // Drawn again only when what it shows changes, not on every render of the page.
  const drawn = JSON.stringify({ labels, datasets });
  useEffect(() => {
    const context = canvas.current?.getContext('2d');
    if (!context) return undefined;
    const config: ChartConfiguration<'bar', (number | null)[], string> = {
      type: 'bar',
      data: JSON.parse(drawn) as ChartConfiguration<'bar', (number | null)[], string>['data'],
      options: {
        indexAxis: 'y',
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        plugins: { legend: { position: 'bottom' } },
        scales: { x: { beginAtZero: true, ticks: { precision: 0 } } },
      },
    };
    const chart = new Chart(context, config);
    return () => chart.destroy();
  }, [drawn]);
  const height = Math.max(120, 36 + table.rows.length * 14 * table.columns.length);
  return (
    <div className="insight-chart" style={{ blockSize: `${height}px` }}>
      <canvas ref={canvas} role="img" aria-label={title} />
    </div>
  );
}
