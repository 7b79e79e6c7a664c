/**
 * What the snapshot's sections are built of: a section with its heading, and a table of figures
 * with the baseline and the change beside each when one is chosen.
 */
import { TableRegion } from '../TableRegion';
import { createContext, type ComponentChildren } from 'preact';
import { useContext, useState } from 'preact/hooks';
import { type Cell, type Compared, type Snapshot } from '../../core/snapshot';
import { formatCell, formatDelta, type FigureKind } from './format';
import { TEXT } from '../pageText';

const T = TEXT.snapshot;

export interface SnapshotLabels {
  roles?: Record<string, string>;
  guides?: Record<string, string>;
}

export interface Column<M> {
  key: keyof M & string;
  label: string;
  kind: FigureKind;
}

export interface TableRow<M> {
  id: string;
  label: ComponentChildren;
  figures: Compared<M>;
}

/**
 * A table of figures per item. With a baseline, each figure's cell also holds its baseline and
 * its change, one column per figure, so the table stays as narrow as without one. Cells carry
 * `data-metric`, and with a baseline their parts `data-of` ("now", "baseline", "delta"), so that
 * any reader can pick a figure by name.
 */
export function FigureTable<M extends object>({
  caption,
  itemHeading,
  columns,
  rows,
  k,
  withBaseline,
}: {
  caption: string;
  itemHeading: string;
  columns: Column<M>[];
  rows: TableRow<M>[];
  k: number;
  withBaseline: boolean;
}) {
  const cellOf = (m: M | undefined, key: keyof M) => (m ? (m[key] as Cell) : undefined);
  return (
    <TableRegion label={caption}>
      <table class={withBaseline ? 'figures compared' : 'figures'}>
        <caption>
          {caption}
          {withBaseline && <span class="compared-note"> {T.comparedNote}</span>}
        </caption>
        <thead>
          <tr>
            <th scope="col">{itemHeading}</th>
            {columns.map((c) => (
              <th scope="col" key={c.key}>
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id} data-item={row.id}>
              <th scope="row">{row.label}</th>
              {columns.map((c) => {
                const now = formatCell(cellOf(row.figures, c.key), c.kind, k);
                if (!withBaseline) {
                  return (
                    <td key={c.key} data-metric={c.key}>
                      {now}
                    </td>
                  );
                }
                return (
                  <td key={c.key} data-metric={c.key}>
                    <span class="now" data-of="now">
                      {now}
                    </span>
                    <span class="before">
                      <span class="visually-hidden">{T.baselineWord} </span>
                      <span data-of="baseline">
                        {formatCell(cellOf(row.figures.baseline, c.key), c.kind, k)}
                      </span>
                      {' · '}
                      <span class="visually-hidden">{T.changeWord} </span>
                      <span data-of="delta">
                        {formatDelta(cellOf(row.figures.delta, c.key), c.kind, k)}
                      </span>
                    </span>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </TableRegion>
  );
}

/**
 * Which sections are open, when a page keeps that itself (the dashboard: its overview opens the
 * section a tile links to, and its report prints the open ones only). Without it, each section
 * keeps its own state and starts open.
 */
export interface OpenSections {
  isOpen(id: string): boolean;
  setOpen(id: string, open: boolean): void;
}

export const OpenSectionsContext = createContext<OpenSections | null>(null);

/**
 * A section of the snapshot: its heading is a disclosure button (WAI-ARIA's pattern), so a long
 * page folds down to the headings and the keyboard opens what it needs.
 */
export function Section({
  id,
  title,
  intro,
  children,
}: {
  id: string;
  title: string;
  intro?: string;
  children: ComponentChildren;
}) {
  const shared = useContext(OpenSectionsContext);
  const [ownOpen, setOwnOpen] = useState(true);
  const open = shared ? shared.isOpen(id) : ownOpen;
  const setOpen = shared ? (next: boolean) => shared.setOpen(id, next) : setOwnOpen;
  return (
    <section
      class="snapshot-section"
      aria-labelledby={`${id}-title`}
      data-section={id}
      data-open={open ? 'true' : 'false'}
    >
      <h2 id={`${id}-title`} tabIndex={-1}>
        <button
          type="button"
          class="section-toggle"
          aria-expanded={open ? 'true' : 'false'}
          aria-controls={`${id}-body`}
          onClick={() => setOpen(!open)}
        >
          {/* The mark is drawn, not named: the button's name is the section's title. */}
          <span class="toggle-mark" aria-hidden="true" />
          {title}
        </button>
      </h2>
      <div id={`${id}-body`} class="section-body" hidden={!open}>
        {intro && <p class="intro">{intro}</p>}
        {children}
      </div>
    </section>
  );
}

export function nameOf(labels: Record<string, string> | undefined, id: string): string {
  return labels?.[id] ?? id;
}

/** What every section is given. */
export interface SectionProps {
  snapshot: Snapshot;
  labels: SnapshotLabels;
}
