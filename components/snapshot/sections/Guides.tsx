/**
 * Each guide's funnel: started, steps, completed, dismissed, snoozed, abandoned and targets
 * missing.
 */
import { type Cell, type GuideFunnel, type Snapshot } from '../../../core/snapshot';
import { BASELINE_COLOUR, ChartFigure, SERIES_COLOURS, type Series } from '../Chart';
import { chartValue } from '../format';
import { TEXT } from '../../pageText';
import { FigureTable, Section, nameOf, type SnapshotLabels, type SectionProps } from '../parts';

const T = TEXT.snapshot;

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
          { key: 'snoozeRate', label: T.snoozed, kind: 'rate' },
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

export function Guides({ snapshot, labels }: SectionProps) {
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
