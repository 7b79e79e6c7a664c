/**
 * A chart with its data table. The canvas is a picture for sighted readers; the table below it
 * holds the same figures for screen readers, for keyboard users and for copy-paste, so the chart
 * itself is hidden from assistive technology.
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
import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { FORMAT_TAG, TEXT } from '../pageText';

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

/** Distinguishable colours, also for the common colour-vision deficiencies (Okabe–Ito). */
export const SERIES_COLOURS = ['#0072b2', '#e69f00', '#009e73', '#cc79a7', '#56b4e9', '#d55e00'];
export const BASELINE_COLOUR = '#9aa0b1';

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

export function ChartCanvas(props: ChartProps) {
  const canvas = useRef<HTMLCanvasElement>(null);
  // Redrawn only when the figures change (`figures` stands for the props), not on every render.
  const figures = JSON.stringify(props);
  useEffect(() => {
    if (!canvas.current) return;
    const chart = new Chart(canvas.current, configOf(props));
    return () => chart.destroy();
  }, [figures]);
  return (
    <div class="chart" style={{ height: `${props.height ?? 220}px` }}>
      <canvas ref={canvas} aria-hidden="true" />
    </div>
  );
}

/** A titled chart followed by its table; the table is open to every reader. */
export function ChartFigure({
  title,
  chart,
  children,
}: {
  title: string;
  chart: ChartProps | null;
  children: ComponentChildren;
}) {
  return (
    <figure class="chart-figure">
      <figcaption>{title}</figcaption>
      {chart && <ChartCanvas {...chart} />}
      {children}
    </figure>
  );
}
