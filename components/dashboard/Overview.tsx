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

/** A short list of named figures, or "nothing" when it is empty. */
function Figures({ items }: { items: { key: string; name: string; figure: ComponentChildren }[] }) {
  if (items.length === 0) return <p class="tile-empty">{T.nothing}</p>;
  return (
    <ul class="tile-list">
      {items.map((item) => (
        <li key={item.key} data-item={item.key}>
          <span class="tile-name">{item.name}</span> {item.figure}
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
            items={overview.weeklyActive.map((r) => ({
              key: r.role,
              name: nameOf(labels.roles, r.role),
              figure: (
                <>
                  <strong>{T.weeklyActiveFigure(formatCell(r.now, 'count', k))}</strong>{' '}
                  <Change figure={r} kind="count" k={k} />
                </>
              ),
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
            items={overview.emptyFields.map((f) => ({
              key: `${f.pageType}/${f.field}`,
              name: `${f.field} (${f.pageType})`,
              figure: (
                <>
                  <strong>{T.emptyFieldTimes(formatCell(f.now, 'count', k))}</strong>{' '}
                  <Change figure={f} kind="count" k={k} />
                </>
              ),
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
            items={overview.abandonedSteps.map((s) => ({
              key: `${s.guide}@${s.version}/${s.step}`,
              name: `${guideName(s.guide, s.version)}: ${s.step}`,
              figure: (
                <>
                  <strong>{T.dropOffOf(rate(s))}</strong> <Change figure={s} kind="rate" k={k} />
                </>
              ),
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
            items={missingShown.map((g) => ({
              key: `${g.guide}@${g.version}`,
              name: guideName(g.guide, g.version),
              figure: (
                <>
                  <strong>{T.missingRate(rate(g))}</strong>
                  {g.flagged && <span class="flag"> ({T.jumped})</span>}{' '}
                  <Change figure={g} kind="rate" k={k} />
                </>
              ),
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
