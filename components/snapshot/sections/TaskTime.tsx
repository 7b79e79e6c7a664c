/**
 * Time on task: per workflow, how its completed runs spread over the time buckets, with the
 * median bucket, for guided and control in the period and for observe-only in the baseline.
 */
import { TableRegion } from '../../TableRegion';
import { type TaskTime as TaskTimeItem, type TaskTimeFigures } from '../../../core/snapshot';
import { TASK_TIME_BUCKETS } from '../../../core/taskTime';
import { TEXT } from '../../pageText';
import { formatCell, suppressedText } from '../format';
import { Section, nameOf, type SectionProps } from '../parts';

const T = TEXT.overview;
const W = TEXT.workflows;

function medianText(figures: TaskTimeFigures, k: number): string {
  return typeof figures.median === 'string' ? T.buckets[figures.median] : suppressedText(k);
}

/** The rows a workflow's table shows: guided and control now, observe-only in the baseline. */
function rowsOf(item: TaskTimeItem): { id: string; label: string; figures: TaskTimeFigures }[] {
  const rows = [
    { id: 'guided', label: W.cohorts.guided, figures: item.guided },
    { id: 'control', label: W.cohorts.control, figures: item.control },
  ];
  if (item.baseline) {
    rows.push({ id: 'baseline', label: T.baselineObserve, figures: item.baseline.observe });
  }
  return rows;
}

export function TaskTime({ snapshot, labels }: SectionProps) {
  const { k } = snapshot;
  // Snapshots from endpoints before time on task have none.
  const items = snapshot.taskTime ?? [];
  return (
    <Section id="task-time" title={T.taskTimeTitle} intro={T.taskTimeIntro}>
      {items.length === 0 ? (
        <p class="empty">{T.noTaskTime}</p>
      ) : (
        items.map((item) => {
          const caption = T.taskTimeCaption(nameOf(labels.guides, item.guide));
          return (
            <TableRegion key={item.guide} label={caption}>
              <table class="figures" data-guide={item.guide}>
                <caption>{caption}</caption>
                <thead>
                  <tr>
                    <th scope="col">{W.cohort}</th>
                    <th scope="col">{T.median}</th>
                    {TASK_TIME_BUCKETS.map((bucket) => (
                      <th scope="col" key={bucket}>
                        {T.buckets[bucket]}
                      </th>
                    ))}
                    <th scope="col">{T.runs}</th>
                  </tr>
                </thead>
                <tbody>
                  {rowsOf(item).map((row) => (
                    <tr key={row.id} data-cohort={row.id}>
                      <th scope="row">{row.label}</th>
                      <td data-metric="median">{medianText(row.figures, k)}</td>
                      {row.figures.buckets.map((b) => (
                        <td key={b.bucket} data-metric={b.bucket}>
                          {formatCell(b.runs, 'count', k)}
                        </td>
                      ))}
                      <td data-metric="runs">{formatCell(row.figures.runs, 'count', k)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableRegion>
          );
        })
      )}
    </Section>
  );
}
