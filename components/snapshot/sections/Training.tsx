/** Training completion per role: who completed the guides of their checklist. */
import { BASELINE_COLOUR, ChartFigure, SERIES_COLOURS, type Series } from '../Chart';
import { chartValue } from '../format';
import { TEXT } from '../../pageText';
import { FigureTable, Section, nameOf, type SectionProps } from '../parts';

const T = TEXT.snapshot;

export function Training({ snapshot, labels }: SectionProps) {
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
