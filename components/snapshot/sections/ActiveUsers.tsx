/** People active per day and week, by role, against the baseline. */
import { TableRegion } from '../../TableRegion';
import { type DailyUsers } from '../../../core/snapshot';
import { BASELINE_COLOUR, ChartFigure, SERIES_COLOURS, type Series } from '../Chart';
import { chartValue, formatCell } from '../format';
import { TEXT } from '../../pageText';
import { FigureTable, Section, nameOf, type SnapshotLabels, type SectionProps } from '../parts';

const T = TEXT.snapshot;

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
      <TableRegion label={caption}>
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
      </TableRegion>
    </details>
  );
}

export function ActiveUsers({ snapshot, labels }: SectionProps) {
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
