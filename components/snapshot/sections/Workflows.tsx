/**
 * "Guided vs control": for each workflow, completion per cohort with its 95 % interval (as text
 * and drawn as a bar with the interval across it), the counts behind each rate, where runs were
 * abandoned and which fields were left empty, then the difference guided − control and what it
 * likely means. Shared by the dashboard and the options page, like the rest of the snapshot.
 */
import { TableRegion } from '../../TableRegion';
import {
  isSuppressed,
  type CohortWorkflowMetrics,
  type GuideWorkflow,
  type RateInterval,
  type Suppressed,
  type WorkflowComparison,
} from '../../../core/snapshot';
import { COHORTS, type Cohort } from '../../../core/usage';
import { TEXT } from '../../pageText';
import { formatCell, formatDay, formatDelta, suppressedText } from '../format';
import { Section, nameOf, type SectionProps } from '../parts';

const T = TEXT.workflows;
const S = TEXT.snapshot;

/** The rate as a bar, with the interval as a whisker across it; nothing for a hidden rate. */
function RateBar({ m }: { m: CohortWorkflowMetrics }) {
  const interval = m.completionInterval;
  if (isSuppressed(m.completionRate) || 'suppressed' in interval) return null;
  const pct = (x: number) => `${Math.round(x * 1000) / 10}%`;
  return (
    <div class="rate-bar" aria-hidden="true">
      <div class="rate-bar-fill" style={{ width: pct(m.completionRate) }} />
      <div
        class="rate-bar-interval"
        style={{ left: pct(interval.lower), width: pct(interval.upper - interval.lower) }}
      />
    </div>
  );
}

function intervalText(interval: RateInterval | Suppressed, k: number): string {
  if ('suppressed' in interval) return suppressedText(k);
  return T.range(formatCell(interval.lower, 'rate', k), formatCell(interval.upper, 'rate', k));
}

function abandonText(point: CohortWorkflowMetrics['abandonPoint'], k: number): string {
  if (point === null) return S.none;
  if ('suppressed' in point) return suppressedText(k);
  return T.abandonedAt(point.step, point.abandoned);
}

function CohortTable({
  caption,
  figures,
  k,
}: {
  caption: string;
  figures: WorkflowComparison;
  k: number;
}) {
  return (
    <TableRegion label={caption}>
      <table class="figures workflow-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{T.cohort}</th>
            <th scope="col">{T.started}</th>
            <th scope="col">{T.completed}</th>
            <th scope="col">{T.rate}</th>
            <th scope="col">{T.interval}</th>
            <th scope="col">{T.chart}</th>
            <th scope="col">{T.abandonPoint}</th>
            <th scope="col">{T.emptyFields}</th>
          </tr>
        </thead>
        <tbody>
          {COHORTS.map((cohort: Cohort) => {
            const m = figures[cohort];
            return (
              <tr key={cohort} data-cohort={cohort}>
                <th scope="row">{T.cohorts[cohort]}</th>
                <td data-metric="started">{formatCell(m.started, 'count', k)}</td>
                <td data-metric="completed">{formatCell(m.completed, 'count', k)}</td>
                <td data-metric="completionRate">{formatCell(m.completionRate, 'rate', k)}</td>
                <td data-metric="completionInterval">{intervalText(m.completionInterval, k)}</td>
                <td class="rate-bar-cell">
                  <RateBar m={m} />
                </td>
                <td data-metric="abandonPoint">{abandonText(m.abandonPoint, k)}</td>
                <td data-metric="emptyFields">
                  {m.emptyFields.length === 0
                    ? S.none
                    : m.emptyFields
                        .slice(0, 3)
                        .map((f) => T.emptyField(f.field, f.empty))
                        .join(', ')}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableRegion>
  );
}

/** The difference with its interval, and in plain words whether it is likely more than noise. */
function Difference({
  d,
  sentence,
  id,
  k,
}: {
  d: GuideWorkflow['difference'] | undefined;
  sentence: (change: string, lower: string, upper: string) => string;
  id: string;
  k: number;
}) {
  if (!d)
    return (
      <p class="workflow-difference" data-difference={id}>
        {T.noDifference}
      </p>
    );
  const real = d.lower > 0 || d.upper < 0;
  return (
    <p class="workflow-difference" data-difference={id} data-effect={real ? 'real' : 'noise'}>
      {sentence(
        formatDelta(d.difference, 'rate', k),
        formatDelta(d.lower, 'rate', k),
        formatDelta(d.upper, 'rate', k),
      )}{' '}
      <strong>{real ? T.realEffect : T.noise}</strong>
    </p>
  );
}

export function Workflows({ snapshot, labels }: SectionProps) {
  // Snapshots from endpoints that predate cohorts have no workflows.
  const workflows = snapshot.workflows ?? [];
  const k = snapshot.k;
  return (
    <Section id="workflows" title={T.title} intro={T.intro}>
      {snapshot.guidanceStarted && (
        <p class="guidance-started" data-day={snapshot.guidanceStarted}>
          {T.guidanceStarted(formatDay(snapshot.guidanceStarted))}
        </p>
      )}
      {workflows.length === 0 ? (
        <p class="empty">{T.none}</p>
      ) : (
        workflows.map((w) => {
          const name = nameOf(labels.guides, w.guide);
          return (
            <article class="workflow-card" key={w.guide} data-guide={w.guide}>
              <h3>{name}</h3>
              <CohortTable caption={T.caption(name)} figures={w} k={k} />
              <Difference d={w.difference} sentence={T.difference} id="guided-control" k={k} />
              {w.baseline && (
                <div data-period="baseline">
                  <CohortTable caption={T.baselineCaption(name)} figures={w.baseline} k={k} />
                  <Difference
                    d={w.baselineDifference}
                    sentence={T.baselineDifference}
                    id="guided-baseline"
                    k={k}
                  />
                </div>
              )}
            </article>
          );
        })
      )}
    </Section>
  );
}
