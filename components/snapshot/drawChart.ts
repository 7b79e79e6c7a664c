/**
 * Drawing a chart with Chart.js, in a chunk of its own that the snapshot views load once a chart
 * is on screen (components/snapshot/Chart.tsx).
 */
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
  type ChartConfiguration,
} from 'chart.js';
import { FORMAT_TAG, TEXT } from '../pageText';

export interface Series {
  label: string;
  data: (number | null)[];
  colour: string;
  /** A dashed line (line charts): the baseline. */
  dashed?: boolean;
}

export interface ChartProps {
  type: 'line' | 'bar';
  labels: string[];
  series: Series[];
  /** Bars run left to right, for long category names. */
  horizontal?: boolean;
  /** The value axis reads in percent. */
  percent?: boolean;
  /** Pixels of plot height. */
  height?: number;
}

Chart.register(
  BarController,
  BarElement,
  CategoryScale,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
);

const tickNumbers = new Intl.NumberFormat(FORMAT_TAG);

function configOf(props: ChartProps): ChartConfiguration {
  const { type, labels, series, horizontal = false, percent = false } = props;
  const valueAxis = {
    beginAtZero: true,
    ...(percent ? { max: 100 } : {}),
    ticks: {
      precision: 0,
      ...(percent
        ? { callback: (v: string | number) => TEXT.snapshot.percent(tickNumbers.format(Number(v))) }
        : {}),
    },
  };
  return {
    type,
    data: {
      labels,
      datasets: series.map((s) => ({
        label: s.label,
        data: s.data,
        borderColor: s.colour,
        backgroundColor: s.colour,
        borderDash: s.dashed ? [6, 4] : [],
        pointRadius: type === 'line' ? 2 : 0,
        spanGaps: false,
        borderWidth: type === 'line' ? 2 : 0,
      })),
    },
    options: {
      // Figures appear at once: an admin reads them, nothing needs to move.
      animation: false,
      // Axis numbers and tooltips read like the tables under the chart.
      locale: FORMAT_TAG,
      responsive: true,
      maintainAspectRatio: false,
      indexAxis: horizontal ? 'y' : 'x',
      scales: horizontal ? { x: valueAxis } : { y: valueAxis },
      plugins: {
        legend: { display: series.length > 1, position: 'bottom' },
        tooltip: { enabled: true },
      },
    },
  };
}

/** Draws the chart on the canvas; the function returned erases it. */
export function drawChart(canvas: HTMLCanvasElement, props: ChartProps): () => void {
  const chart = new Chart(canvas, configOf(props));
  // Drawn: what a reader waiting for the picture (a benchmark, a test) can look for.
  canvas.dataset.drawn = 'true';
  return () => chart.destroy();
}
