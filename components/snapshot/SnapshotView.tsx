/**
 * The snapshot views, shared by the endpoint's dashboard (team figures) and the options page
 * (this browser's own figures): active users, guide funnels, guided vs control per workflow,
 * training per role, fields left empty or invalid, and surveys, each with the baseline and the change beside it when one is chosen.
 */
import type { ComponentChildren } from 'preact';
import {
  isSuppressed,
  type Cell,
  type Compared,
  type DailyUsers,
  type GuideFunnel,
  type Snapshot,
} from '../../core/snapshot';
import { BASELINE_COLOUR, ChartFigure, SERIES_COLOURS, type Series } from './Chart';
import { chartValue, formatCell, formatDelta, formatPeriod, type FigureKind } from './format';
import { TEXT } from '../pageText';
import { Workflows } from './Workflows';

const T = TEXT.snapshot;

export interface SnapshotLabels {
  roles?: Record<string, string>;
  guides?: Record<string, string>;
}

interface Column<M> {
  key: keyof M & string;
  label: string;
  kind: FigureKind;
}

interface TableRow<M> {
  id: string;
  label: ComponentChildren;
  figures: Compared<M>;
}

/**
 * A table of figures per item. With a baseline, every figure has its baseline and its change
 * beside it. Cells carry `data-metric` (and `data-of` for baseline and change) so that any reader
 * can pick a figure by name.
 */
function FigureTable<M extends object>({
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
    <div class="table-wrap">
      <table class="figures">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{itemHeading}</th>
            {columns.map((c) =>
              withBaseline ? (
                [
                  <th scope="col" key={c.key}>
                    {c.label}
                  </th>,
                  <th scope="col" key={`${c.key}-baseline`}>
                    {T.withBaseline(c.label)}
                  </th>,
                  <th scope="col" key={`${c.key}-delta`}>
                    {T.withChange(c.label)}
                  </th>,
                ]
              ) : (
                <th scope="col" key={c.key}>
                  {c.label}
                </th>
              ),
            )}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id} data-item={row.id}>
              <th scope="row">{row.label}</th>
              {columns.map((c) => {
                const current = (
                  <td key={c.key} data-metric={c.key}>
                    {formatCell(cellOf(row.figures, c.key), c.kind, k)}
                  </td>
                );
                if (!withBaseline) return current;
                return [
                  current,
                  <td key={`${c.key}-baseline`} data-metric={c.key} data-of="baseline">
                    {formatCell(cellOf(row.figures.baseline, c.key), c.kind, k)}
                  </td>,
                  <td key={`${c.key}-delta`} data-metric={c.key} data-of="delta">
                    {formatDelta(cellOf(row.figures.delta, c.key), c.kind, k)}
                  </td>,
                ];
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Section({
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
  return (
    <section class="snapshot-section" aria-labelledby={`${id}-title`} data-section={id}>
      <h2 id={`${id}-title`}>{title}</h2>
      {intro && <p class="intro">{intro}</p>}
      {children}
    </section>
  );
}

function nameOf(labels: Record<string, string> | undefined, id: string): string {
  return labels?.[id] ?? id;
}

// ---- Active users ----

function dailyChart(daily: DailyUsers[], roles: string[], labels: SnapshotLabels, dashed = false) {
  const days = [...new Set(daily.map((d) => d.day))].sort();
  const series: Series[] = roles.map((role, i) => {
    const byDay = new Map(daily.filter((d) => d.role === role).map((d) => [d.day, d.users]));
    return {
      label: nameOf(labels.roles, role),
      data: days.map((day) => chartValue(byDay.get(day))),
      colour: SERIES_COLOURS[i % SERIES_COLOURS.length] ?? BASELINE_COLOUR,
      dashed,
    };
  });
  return { days, series };
}

function DailyTable({
  caption,
  daily,
  roles,
  labels,
  k,
}: {
  caption: string;
  daily: DailyUsers[];
  roles: string[];
  labels: SnapshotLabels;
  k: number;
}) {
  const days = [...new Set(daily.map((d) => d.day))].sort();
  const users = new Map(daily.map((d) => [`${d.day}|${d.role}`, d.users]));
  return (
    <details class="data-table">
      <summary>{T.dailyFigures}</summary>
      <div class="table-wrap">
        <table class="figures">
          <caption>{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{T.day}</th>
              {roles.map((role) => (
                <th scope="col" key={role}>
                  {nameOf(labels.roles, role)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {days.map((day) => (
              <tr key={day} data-item={day}>
                <th scope="row">{day}</th>
                {roles.map((role) => (
                  <td key={role} data-metric={role}>
                    {formatCell(users.get(`${day}|${role}`), 'count', k)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}

function ActiveUsers({ snapshot, labels }: { snapshot: Snapshot; labels: SnapshotLabels }) {
  const { k, activeUsers } = snapshot;
  const roles = activeUsers.byRole.map((r) => r.role);
  const current = dailyChart(activeUsers.daily, roles, labels);
  const before = activeUsers.baselineDaily
    ? dailyChart(activeUsers.baselineDaily, roles, labels, true)
    : null;
  return (
    <Section id="active-users" title={T.activeUsersTitle} intro={T.activeUsersIntro}>
      {roles.length === 0 ? (
        <p class="empty">{T.noActivity}</p>
      ) : (
        <>
          <ChartFigure
            title={T.activeUsersChart}
            chart={{ type: 'line', labels: current.days, series: current.series }}
          >
            <DailyTable
              caption={T.activeUsersDaily}
              daily={activeUsers.daily}
              roles={roles}
              labels={labels}
              k={k}
            />
          </ChartFigure>
          {before && activeUsers.baselineDaily && (
            <ChartFigure
              title={T.baselineActiveUsersChart}
              chart={{ type: 'line', labels: before.days, series: before.series }}
            >
              <DailyTable
                caption={T.baselineActiveUsersDaily}
                daily={activeUsers.baselineDaily}
                roles={roles}
                labels={labels}
                k={k}
              />
            </ChartFigure>
          )}
          <FigureTable
            caption={T.activeUsersByRole}
            itemHeading={T.role}
            columns={[
              { key: 'busiestDayUsers', label: T.busiestDay, kind: 'count' },
              { key: 'userWeeks', label: T.userWeeks, kind: 'count' },
            ]}
            rows={activeUsers.byRole.map((r) => ({
              id: r.role,
              label: nameOf(labels.roles, r.role),
              figures: r,
            }))}
            k={k}
            withBaseline={snapshot.baseline !== null}
          />
        </>
      )}
    </Section>
  );
}

// ---- Guides ----

function GuideCard({
  guide,
  snapshot,
  labels,
}: {
  guide: GuideFunnel;
  snapshot: Snapshot;
  labels: SnapshotLabels;
}) {
  const { k } = snapshot;
  const withBaseline = snapshot.baseline !== null;
  const id = `${guide.guide}@${guide.version}`;
  const title = T.guideVersion(nameOf(labels.guides, guide.guide), guide.version);
  const funnelLabels = [T.started, ...guide.steps.map((s) => T.funnelStep(s.step)), T.completed];
  const funnel = (m: typeof guide | undefined, steps: (Cell | undefined)[]) => [
    chartValue(m?.started),
    ...steps.map((c) => chartValue(c)),
    chartValue(m?.completed),
  ];
  const series: Series[] = [
    {
      label: T.thisPeriod,
      data: funnel(
        guide,
        guide.steps.map((s) => s.shown),
      ),
      colour: SERIES_COLOURS[0] ?? BASELINE_COLOUR,
    },
  ];
  if (withBaseline && guide.baseline) {
    series.push({
      label: T.baseline,
      data: funnel(
        { ...guide, ...guide.baseline },
        guide.steps.map((s) => s.baseline?.shown),
      ),
      colour: BASELINE_COLOUR,
    });
  }
  return (
    <article class="guide" data-guide={id} aria-labelledby={`guide-${id}`}>
      <h3 id={`guide-${id}`}>{title}</h3>
      <FigureTable
        caption={T.runsCaption(title)}
        itemHeading={T.guide}
        columns={[
          { key: 'started', label: T.started, kind: 'count' },
          { key: 'completed', label: T.completed, kind: 'count' },
          { key: 'completionRate', label: T.completion, kind: 'rate' },
          { key: 'dismissRate', label: T.dismissed, kind: 'rate' },
          { key: 'abandonRate', label: T.abandoned, kind: 'rate' },
          { key: 'targetMissingRate', label: T.targetMissing, kind: 'rate' },
        ]}
        rows={[{ id, label: title, figures: guide }]}
        k={k}
        withBaseline={withBaseline}
      />
      <ChartFigure
        title={T.funnelTitle(title)}
        chart={{ type: 'bar', labels: funnelLabels, series, height: 200 }}
      >
        <FigureTable
          caption={T.stepsCaption(title)}
          itemHeading={T.step}
          columns={[
            { key: 'shown', label: T.shown, kind: 'count' },
            { key: 'reachedRate', label: T.reached, kind: 'rate' },
            { key: 'completed', label: T.completed, kind: 'count' },
            { key: 'skipped', label: T.skipped, kind: 'count' },
            { key: 'dropOffRate', label: T.dropOff, kind: 'rate' },
            { key: 'targetMissing', label: T.targetMissing, kind: 'count' },
          ]}
          rows={guide.steps.map((s) => ({ id: s.step, label: s.step, figures: s }))}
          k={k}
          withBaseline={withBaseline}
        />
      </ChartFigure>
    </article>
  );
}

function Guides({ snapshot, labels }: { snapshot: Snapshot; labels: SnapshotLabels }) {
  return (
    <Section id="guides" title={T.guidesTitle} intro={T.guidesIntro}>
      {snapshot.guides.length === 0 ? (
        <p class="empty">{T.noGuides}</p>
      ) : (
        snapshot.guides.map((g) => (
          <GuideCard
            key={`${g.guide}@${g.version}`}
            guide={g}
            snapshot={snapshot}
            labels={labels}
          />
        ))
      )}
    </Section>
  );
}

// ---- Training ----

function Training({ snapshot, labels }: { snapshot: Snapshot; labels: SnapshotLabels }) {
  const { k, training } = snapshot;
  const withBaseline = snapshot.baseline !== null;
  if (training.length === 0) {
    return (
      <Section id="training" title={T.trainingTitle}>
        <p class="empty">{T.noTraining}</p>
      </Section>
    );
  }
  const series: Series[] = [
    {
      label: T.thisPeriod,
      data: training.map((r) => chartValue(r.checklistShare, 'rate')),
      colour: SERIES_COLOURS[2] ?? BASELINE_COLOUR,
    },
  ];
  if (withBaseline) {
    series.push({
      label: T.baseline,
      data: training.map((r) => chartValue(r.baseline?.checklistShare, 'rate')),
      colour: BASELINE_COLOUR,
    });
  }
  return (
    <Section id="training" title={T.trainingTitle} intro={T.trainingIntro}>
      <ChartFigure
        title={T.checklistByRole}
        chart={{
          type: 'bar',
          labels: training.map((r) => nameOf(labels.roles, r.role)),
          series,
          horizontal: true,
          percent: true,
          height: 60 + training.length * 36,
        }}
      >
        <FigureTable
          caption={T.checklistByRole}
          itemHeading={T.role}
          columns={[
            { key: 'busiestWeekUsers', label: T.busiestWeekUsers, kind: 'count' },
            { key: 'checklistShare', label: T.checklistCompleted, kind: 'rate' },
          ]}
          rows={training.map((r) => ({
            id: r.role,
            label: nameOf(labels.roles, r.role),
            figures: r,
          }))}
          k={k}
          withBaseline={withBaseline}
        />
      </ChartFigure>
      {training.map((r) => (
        <FigureTable
          key={r.role}
          caption={T.roleChecklist(nameOf(labels.roles, r.role))}
          itemHeading={T.guide}
          columns={[
            { key: 'trainedUsers', label: T.trainedUsers, kind: 'count' },
            { key: 'share', label: T.share, kind: 'rate' },
          ]}
          rows={r.guides.map((g) => ({
            id: `${r.role}/${g.guide}`,
            label: nameOf(labels.guides, g.guide),
            figures: g,
          }))}
          k={k}
          withBaseline={withBaseline}
        />
      ))}
    </Section>
  );
}

// ---- Fields ----

/** Fields in the chart: the worst ones; the table lists them all. */
const FIELDS_CHARTED = 10;

function Fields({ snapshot }: { snapshot: Snapshot }) {
  const { k } = snapshot;
  const withBaseline = snapshot.baseline !== null;
  const ranked = snapshot.fields.flatMap((page) =>
    page.fields.map((f) => ({ ...f, pageType: page.pageType })),
  );
  const problems = (c: Cell) => (isSuppressed(c) ? 0 : c);
  const charted = [...ranked]
    .sort(
      (a, b) => problems(b.empty) + problems(b.invalid) - problems(a.empty) - problems(a.invalid),
    )
    .slice(0, FIELDS_CHARTED);
  return (
    <Section id="fields" title={T.fieldsTitle} intro={T.fieldsIntro}>
      {ranked.length === 0 ? (
        <p class="empty">{T.noFields}</p>
      ) : (
        <ChartFigure
          title={T.worstFields(charted.length)}
          chart={{
            type: 'bar',
            labels: charted.map((f) => `${f.field} (${f.pageType})`),
            series: [
              {
                label: T.leftEmpty,
                data: charted.map((f) => chartValue(f.empty)),
                colour: SERIES_COLOURS[1] ?? BASELINE_COLOUR,
              },
              {
                label: T.invalid,
                data: charted.map((f) => chartValue(f.invalid)),
                colour: SERIES_COLOURS[5] ?? BASELINE_COLOUR,
              },
            ],
            horizontal: true,
            height: 70 + charted.length * 32,
          }}
        >
          {snapshot.fields.map((page) => (
            <FigureTable
              key={page.pageType}
              caption={T.pageTypeCaption(page.pageType)}
              itemHeading={T.field}
              columns={[
                { key: 'empty', label: T.leftEmpty, kind: 'count' },
                { key: 'invalid', label: T.invalid, kind: 'count' },
              ]}
              rows={page.fields.map((f) => ({
                id: `${page.pageType}/${f.field}`,
                label: f.field,
                figures: f,
              }))}
              k={k}
              withBaseline={withBaseline}
            />
          ))}
        </ChartFigure>
      )}
    </Section>
  );
}

// ---- Surveys ----

function Surveys({ snapshot, labels }: { snapshot: Snapshot; labels: SnapshotLabels }) {
  return (
    <Section id="surveys" title={T.surveysTitle} intro={T.surveysIntro}>
      {snapshot.surveys.length === 0 ? (
        <p class="empty">{T.noSurveys}</p>
      ) : (
        <FigureTable
          caption={T.surveysCaption}
          itemHeading={T.guide}
          columns={[
            { key: 'responses', label: T.answers, kind: 'count' },
            { key: 'meanScore', label: T.meanScore, kind: 'score' },
            { key: 'completionRate', label: T.completion, kind: 'rate' },
          ]}
          rows={snapshot.surveys.map((s) => ({
            id: `${s.guide}@${s.version}`,
            label: T.guideVersion(nameOf(labels.guides, s.guide), s.version),
            figures: s,
          }))}
          k={snapshot.k}
          withBaseline={snapshot.baseline !== null}
        />
      )}
    </Section>
  );
}

export function SnapshotView({
  snapshot,
  labels = {},
}: {
  snapshot: Snapshot;
  labels?: SnapshotLabels;
}) {
  return (
    <div class="snapshot">
      <p class="snapshot-period">
        <strong>{T.periodLabel}</strong> {formatPeriod(snapshot.period)}
        {snapshot.baseline && (
          <>
            {' · '}
            <strong>{T.baselineLabel}</strong> {formatPeriod(snapshot.baseline)}
          </>
        )}
        {snapshot.k > 1 && (
          <>
            {' · '}
            {T.suppressedNote(snapshot.k)}
          </>
        )}
      </p>
      <ActiveUsers snapshot={snapshot} labels={labels} />
      <Guides snapshot={snapshot} labels={labels} />
      <Workflows snapshot={snapshot} labels={labels.guides} />
      <Training snapshot={snapshot} labels={labels} />
      <Fields snapshot={snapshot} />
      <Surveys snapshot={snapshot} labels={labels} />
    </div>
  );
}
