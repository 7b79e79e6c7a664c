/**
 * A table wider than its column scrolls inside this box. The box is a labelled region in the tab
 * order, so the keyboard can scroll it and a screen reader names it (WCAG 2.1.1).
 */
import type { ComponentChildren } from 'preact';

export function TableRegion({ label, children }: { label: string; children: ComponentChildren }) {
  return (
    <div class="table-wrap" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
