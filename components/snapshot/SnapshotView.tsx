/**
 * The snapshot views, shared by the endpoint's dashboard (team figures) and the options page
 * (this browser's own figures): active users, guide funnels, training per role, fields left empty
 * or invalid, and surveys, each with the baseline and the change beside it when one is chosen.
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
                    {c.label}, baseline
                  </th>,
                  <th scope="col" key={`${c.key}-delta`}>
                    {c.label}, change
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
      <summary>Daily figures</summary>
      <div class="table-wrap">
        <table class="figures">
          <caption>{caption}</caption>
          <thead>
            <tr>
              <th scope="col">Day</th>
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
    <Section
      id="active-users"
      title="Active users by role"
      intro="People who used the CRM with Waymark each day. User-weeks count each person once per week they were active."
    >
      {roles.length === 0 ? (
        <p class="empty">No activity in this period.</p>
      ) : (
        <>
          <ChartFigure
            title="Active users per day, by role"
            chart={{ type: 'line', labels: current.days, series: current.series }}
          >
            <DailyTable
              caption="Active users per day and role"
              daily={activeUsers.daily}
              roles={roles}
              labels={labels}
              k={k}
            />
          </ChartFigure>
          {before && activeUsers.baselineDaily && (
            <ChartFigure
              title="Baseline period: active users per day, by role"
              chart={{ type: 'line', labels: before.days, series: before.series }}
            >
              <DailyTable
                caption="Baseline period: active users per day and role"
                daily={activeUsers.baselineDaily}
                roles={roles}
                labels={labels}
                k={k}
              />
            </ChartFigure>
          )}
          <FigureTable
            caption="Active users per role over the period"
            itemHeading="Role"
            columns={[
              { key: 'busiestDayUsers', label: 'Busiest day', kind: 'count' },
              { key: 'userWeeks', label: 'User-weeks', kind: 'count' },
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
  const title = `${nameOf(labels.guides, guide.guide)} (version ${guide.version})`;
  const funnelLabels = ['Started', ...guide.steps.map((s) => `Step: ${s.step}`), 'Completed'];
  const funnel = (m: typeof guide | undefined, steps: (Cell | undefined)[]) => [
    chartValue(m?.started),
    ...steps.map((c) => chartValue(c)),
    chartValue(m?.completed),
  ];
  const series: Series[] = [
    {
      label: 'This period',
      data: funnel(
        guide,
        guide.steps.map((s) => s.shown),
      ),
      colour: SERIES_COLOURS[0] ?? BASELINE_COLOUR,
    },
  ];
  if (withBaseline && guide.baseline) {
    series.push({
      label: 'Baseline',
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
        caption={`${title}: runs`}
        itemHeading="Guide"
        columns={[
          { key: 'started', label: 'Started', kind: 'count' },
          { key: 'completed', label: 'Completed', kind: 'count' },
          { key: 'completionRate', label: 'Completion', kind: 'rate' },
          { key: 'dismissRate', label: 'Dismissed', kind: 'rate' },
          { key: 'abandonRate', label: 'Abandoned', kind: 'rate' },
          { key: 'targetMissingRate', label: 'Target missing', kind: 'rate' },
        ]}
        rows={[{ id, label: title, figures: guide }]}
        k={k}
        withBaseline={withBaseline}
      />
      <ChartFigure
        title={`${title}: funnel, from start through every step to completion`}
        chart={{ type: 'bar', labels: funnelLabels, series, height: 200 }}
      >
        <FigureTable
          caption={`${title}: each step`}
          itemHeading="Step"
          columns={[
            { key: 'shown', label: 'Shown', kind: 'count' },
            { key: 'reachedRate', label: 'Reached', kind: 'rate' },
            { key: 'completed', label: 'Completed', kind: 'count' },
            { key: 'skipped', label: 'Skipped', kind: 'count' },
            { key: 'dropOffRate', label: 'Drop-off', kind: 'rate' },
            { key: 'targetMissing', label: 'Target missing', kind: 'count' },
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
    <Section
      id="guides"
      title="Guide funnels"
      intro="Runs started, how far they got, and how they ended. Drop-off is the share of showings of a step that were neither completed nor skipped."
    >
      {snapshot.guides.length === 0 ? (
        <p class="empty">No guide ran in this period.</p>
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
      <Section id="training" title="Training completion by role">
        <p class="empty">No role has checklist figures in this period.</p>
      </Section>
    );
  }
  const series: Series[] = [
    {
      label: 'This period',
      data: training.map((r) => chartValue(r.checklistShare, 'rate')),
      colour: SERIES_COLOURS[2] ?? BASELINE_COLOUR,
    },
  ];
  if (withBaseline) {
    series.push({
      label: 'Baseline',
      data: training.map((r) => chartValue(r.baseline?.checklistShare, 'rate')),
      colour: BASELINE_COLOUR,
    });
  }
  return (
    <Section
      id="training"
      title="Training completion by role"
      intro="People of each role who have completed each guide of their onboarding checklist by the end of the period, against the role's users in its busiest week."
    >
      <ChartFigure
        title="Checklist completion by role"
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
          caption="Checklist completion by role"
          itemHeading="Role"
          columns={[
            { key: 'busiestWeekUsers', label: 'Users (busiest week)', kind: 'count' },
            { key: 'checklistShare', label: 'Checklist completed', kind: 'rate' },
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
          caption={`${nameOf(labels.roles, r.role)}: each checklist guide`}
          itemHeading="Guide"
          columns={[
            { key: 'trainedUsers', label: 'People who completed it', kind: 'count' },
            { key: 'share', label: 'Share of users', kind: 'rate' },
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
    <Section
      id="fields"
      title="Fields left empty or invalid"
      intro="Saves where a field the guides ask for was empty or did not match its rule, worst first, by page type."
    >
      {ranked.length === 0 ? (
        <p class="empty">No field problems were recorded in this period.</p>
      ) : (
        <ChartFigure
          title={`The ${charted.length === 1 ? 'field' : `${charted.length} fields`} with the most problems`}
          chart={{
            type: 'bar',
            labels: charted.map((f) => `${f.field} (${f.pageType})`),
            series: [
              {
                label: 'Left empty',
                data: charted.map((f) => chartValue(f.empty)),
                colour: SERIES_COLOURS[1] ?? BASELINE_COLOUR,
              },
              {
                label: 'Invalid',
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
              caption={`Page type ${page.pageType}`}
              itemHeading="Field"
              columns={[
                { key: 'empty', label: 'Left empty', kind: 'count' },
                { key: 'invalid', label: 'Invalid', kind: 'count' },
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
    <Section
      id="surveys"
      title="Survey scores beside completion"
      intro="What people said about a guide next to what they did with it."
    >
      {snapshot.surveys.length === 0 ? (
        <p class="empty">No survey was answered in this period.</p>
      ) : (
        <FigureTable
          caption="Survey answers and completion rate per guide"
          itemHeading="Guide"
          columns={[
            { key: 'responses', label: 'Answers', kind: 'count' },
            { key: 'meanScore', label: 'Mean score', kind: 'score' },
            { key: 'completionRate', label: 'Completion', kind: 'rate' },
          ]}
          rows={snapshot.surveys.map((s) => ({
            id: `${s.guide}@${s.version}`,
            label: `${nameOf(labels.guides, s.guide)} (version ${s.version})`,
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
        <strong>Period:</strong> {formatPeriod(snapshot.period)}
        {snapshot.baseline && (
          <>
            {' · '}
            <strong>Baseline:</strong> {formatPeriod(snapshot.baseline)}
          </>
        )}
        {snapshot.k > 1 && (
          <>
            {' · '}
            Figures from fewer than {snapshot.k} people read “fewer than {snapshot.k}”.
          </>
        )}
      </p>
      <ActiveUsers snapshot={snapshot} labels={labels} />
      <Guides snapshot={snapshot} labels={labels} />
      <Training snapshot={snapshot} labels={labels} />
      <Fields snapshot={snapshot} />
      <Surveys snapshot={snapshot} labels={labels} />
    </div>
  );
}
