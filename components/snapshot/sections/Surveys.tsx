/** Survey scores beside the completion of the same guide. */
import { TEXT } from '../../pageText';
import { FigureTable, Section, nameOf, type SectionProps } from '../parts';

const T = TEXT.snapshot;

export function Surveys({ snapshot, labels }: SectionProps) {
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
