/**
 * A chart with its data table. The canvas is a picture for sighted readers; the table below it
 * holds the same figures for screen readers, for keyboard users and for copy-paste, so the chart
 * itself is hidden from assistive technology.
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import type { ChartProps } from './drawChart';

/** Distinguishable colours, also for the common colour-vision deficiencies (Okabe–Ito). */
export const SERIES_COLOURS = ['#0072b2', '#e69f00', '#009e73', '#cc79a7', '#56b4e9', '#d55e00'];
export const BASELINE_COLOUR = '#9aa0b1';

export type { ChartProps, Series } from './drawChart';

export function ChartCanvas(props: ChartProps) {
  const canvas = useRef<HTMLCanvasElement>(null);
  // Redrawn only when the figures change (`figures` stands for the props), not on every render.
  const figures = JSON.stringify(props);
  useEffect(() => {
    const target = canvas.current;
    if (!target) return;
    // Chart.js is half the page's script: it loads after the first figures are on screen.
    let live = true;
    let erase: (() => void) | undefined;
    void import('./drawChart').then(({ drawChart }) => {
      if (live) erase = drawChart(target, props);
    });
    return () => {
      live = false;
      erase?.();
    };
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
