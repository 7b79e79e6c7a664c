/**
 * The dashboard's first screen: is adoption improving, and is guidance working? A tile per
 * question, each figure against the baseline with the direction and size of the change, each
 * tile a link to the section with the evidence (opened and focused when followed).
 */
import type { ComponentChildren } from 'preact';
import { useContext } from 'preact/hooks';
import {
  isSuppressed,
  type Overview as OverviewFigures,
  type OverviewFigure,
} from '../../core/snapshot';
import { TEXT } from '../pageText';
import { formatCell, formatDelta, type FigureKind } from '../snapshot/format';
import { OpenSectionsContext, nameOf, type SnapshotLabels } from '../snapshot/parts';

const T = TEXT.overview;
const S = TEXT.snapshot;

/** The figure's change against the baseline: an arrow, the signed change and the baseline. */
function Change({ figure, kind, k }: { figure: OverviewFigure; kind: FigureKind; k: number }) {
  if (figure.change === undefined || figure.baseline === undefined) return null;
  const change = figure.change;
  const direction = isSuppressed(change)
    ? 'unknown'
    : change > 0
      ? 'up'
      : change < 0
        ? 'down'
        : 'same';
  const arrow = { up: '\u25b2', down: '\u25bc', same: '\u25c6', unknown: '' }[direction];
  const before = formatCell(figure.baseline, kind, k);
  return (
    <span class="change" data-direction={direction}>
      {arrow && <span aria-hidden="true">{arrow} </span>}
      {isSuppressed(change)
        ? T.baselineOnly(before)
        : T.vsBaseline(formatDelta(change, kind, k), before)}
    </span>
  );
}

/** A link to a section below that opens it and moves focus to its heading. */
function ToSection({ id, title }: { id: string; title: string }) {
  const sections = useContext(OpenSectionsContext);
  return (
    <a
      class="to-section"
      href={`#${id}-title`}
      onClick={(e) => {
        // The address's fragment holds the period and filters: following the link must not
        // replace it, so the section is opened and focused here instead.
        e.preventDefault();
        sections?.setOpen(id, true);
        requestAnimationFrame(() => document.getElementById(`${id}-title`)?.focus());
      }}
    >
      {T.toSection(title)}
    </a>
  );
}

function Tile({
  id,
  title,
  section,
  sectionTitle,
  children,
}: {
  id: string;
  title: string;
  section: string;
  sectionTitle: string;
  children: ComponentChildren;
}) {
  return (
    <article class="tile" data-tile={id} aria-labelledby={`tile-${id}`}>
      <h3 id={`tile-${id}`}>{title}</h3>
      {children}
      <ToSection id={section} title={sectionTitle} />
    </article>
  );
}

/** One named figure of a list: the figure in words, flagged when it must be, and its change. */
interface ListedFigure {
  key: string;
  name: string;
  text: string;
  figure: OverviewFigure;
  flag?: string;
}

/** A short list of named figures against the baseline, or "nothing" when it is empty. */
function Figures({ items, kind, k }: { items: ListedFigure[]; kind: FigureKind; k: number }) {
  if (items.length === 0) return <p class="tile-empty">{T.nothing}</p>;
  return (
    <ul class="tile-list">
      {items.map((item) => (
        <li key={item.key} data-item={item.key}>
          <span class="tile-name">{item.name}</span> <strong>{item.text}</strong>
          {item.flag && <span class="flag"> ({item.flag})</span>}{' '}
          <Change figure={item.figure} kind={kind} k={k} />
        </li>
      ))}
    </ul>
  );
}

export function Overview({
  overview,
  k,
  withBaseline,
  labels,
}: {
  overview: OverviewFigures;
  k: number;
  withBaseline: boolean;
  labels: SnapshotLabels;
}) {
  const { completion } = overview;
  const rate = (figure: OverviewFigure) => formatCell(figure.now, 'rate', k);
  const guideName = (guide: string, version: number) =>
    S.guideVersion(nameOf(labels.guides, guide), version);
  const missingShown = overview.missingTargets.slice(0, 3);
  return (
    <section class="overview" aria-labelledby="overview-title" data-section="overview">
      <h2 id="overview-title">{T.title}</h2>
      <p class="intro">
        {T.intro} {!withBaseline && T.noBaseline}
      </p>
      <div class="tiles">
        <Tile
          id="completion"
          title={T.completionTitle}
          section="workflows"
          sectionTitle={TEXT.workflows.title}
        >
          <p class="verdict" data-verdict={completion.verdict}>
            {T.verdicts[completion.verdict]}
          </p>
          <dl class="tile-rates">
            <div data-cohort="guided">
              <dt>{T.guided}</dt>
              <dd>
                <strong>{rate(completion.guided)}</strong>{' '}
                <Change figure={completion.guided} kind="rate" k={k} />
              </dd>
            </div>
            <div data-cohort="control">
              <dt>{T.control}</dt>
              <dd>
                <strong>{rate(completion.control)}</strong>{' '}
                <Change figure={completion.control} kind="rate" k={k} />
              </dd>
            </div>
          </dl>
          {completion.difference && (
            <p class="difference" data-difference="guided-control">
              {T.difference(
                formatDelta(completion.difference.difference, 'rate', k),
                formatDelta(completion.difference.lower, 'rate', k),
                formatDelta(completion.difference.upper, 'rate', k),
              )}
            </p>
          )}
          {completion.workflows > 0 && <p class="tile-note">{T.pooled(completion.workflows)}</p>}
        </Tile>
        <Tile
          id="weekly-active"
          title={T.weeklyActiveTitle}
          section="active-users"
          sectionTitle={S.activeUsersTitle}
        >
          <Figures
            kind="count"
            k={k}
            items={overview.weeklyActive.map((r) => ({
              key: r.role,
              name: nameOf(labels.roles, r.role),
              text: T.weeklyActiveFigure(formatCell(r.now, 'count', k)),
              figure: r,
            }))}
          />
        </Tile>
        <Tile
          id="empty-fields"
          title={T.emptyFieldsTitle}
          section="fields"
          sectionTitle={S.fieldsTitle}
        >
          <Figures
            kind="count"
            k={k}
            items={overview.emptyFields.map((f) => ({
              key: `${f.pageType}/${f.field}`,
              name: `${f.field} (${f.pageType})`,
              text: T.emptyFieldTimes(formatCell(f.now, 'count', k)),
              figure: f,
            }))}
          />
        </Tile>
        <Tile
          id="abandoned-steps"
          title={T.abandonedTitle}
          section="guides"
          sectionTitle={S.guidesTitle}
        >
          <Figures
            kind="rate"
            k={k}
            items={overview.abandonedSteps.map((step) => ({
              key: `${step.guide}@${step.version}/${step.step}`,
              name: `${guideName(step.guide, step.version)}: ${step.step}`,
              text: T.dropOffOf(rate(step)),
              figure: step,
            }))}
          />
        </Tile>
        <Tile
          id="missing-targets"
          title={T.missingTitle}
          section="guides"
          sectionTitle={S.guidesTitle}
        >
          <Figures
            kind="rate"
            k={k}
            items={missingShown.map((g) => ({
              key: `${g.guide}@${g.version}`,
              name: guideName(g.guide, g.version),
              text: T.missingRate(rate(g)),
              figure: g,
              ...(g.flagged ? { flag: T.jumped } : {}),
            }))}
          />
          {overview.missingTargets.length > missingShown.length && (
            <p class="tile-note">
              {T.moreMissing(overview.missingTargets.length - missingShown.length)}
            </p>
          )}
        </Tile>
      </div>
    </section>
  );
}
