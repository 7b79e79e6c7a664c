/**
 * Survey scores beside the completion of the same guide: the answers, mean and completion per
 * guide version, then each survey's answers by score and, for 0–10, promoters, passives and
 * detractors with the net promoter score and its interval.
 */
import { TableRegion } from '../../TableRegion';
import {
  isSuppressed,
  type NetPromoterScore,
  type Snapshot,
  type SurveyDistribution,
} from '../../../core/snapshot';
import { TEXT } from '../../pageText';
import { formatCell, suppressedText } from '../format';
import { FigureTable, Section, nameOf, type SectionProps } from '../parts';

const T = TEXT.snapshot;
const O = TEXT.overview;

/** The net score in points, signed: it runs from −100 to 100. */
function points(score: number): string {
  const rounded = Math.round(score);
  return rounded > 0 ? `+${rounded}` : rounded < 0 ? `\u2212${Math.abs(rounded)}` : '0';
}

function NetScore({ nps, k }: { nps: NetPromoterScore; k: number }) {
  const interval = nps.interval;
  return (
    <dl class="nps" data-metric="nps">
      <div>
        <dt>{O.promoters}</dt>
        <dd data-metric="promoters">{formatCell(nps.promoters, 'count', k)}</dd>
      </div>
      <div>
        <dt>{O.passives}</dt>
        <dd data-metric="passives">{formatCell(nps.passives, 'count', k)}</dd>
      </div>
      <div>
        <dt>{O.detractors}</dt>
        <dd data-metric="detractors">{formatCell(nps.detractors, 'count', k)}</dd>
      </div>
      <div>
        <dt>{O.nps}</dt>
        <dd data-metric="score">
          {isSuppressed(nps.score) || 'suppressed' in interval
            ? suppressedText(k)
            : O.npsWithInterval(points(nps.score), points(interval.lower), points(interval.upper))}
        </dd>
      </div>
    </dl>
  );
}

function Distribution({
  caption,
  distribution,
  completion,
  k,
}: {
  caption: string;
  distribution: SurveyDistribution;
  completion: string;
  k: number;
}) {
  return (
    <>
      <TableRegion label={caption}>
        <table class="figures distribution">
          <caption>{caption}</caption>
          <thead>
            <tr>
              <th scope="row">{O.score}</th>
              {distribution.scores.map((s) => (
                <th scope="col" key={s.score}>
                  {s.score}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            <tr>
              <th scope="row">{T.answers}</th>
              {distribution.scores.map((s) => (
                <td key={s.score} data-metric={`score-${s.score}`}>
                  {formatCell(s.answers, 'count', k)}
                </td>
              ))}
            </tr>
          </tbody>
        </table>
      </TableRegion>
      {distribution.nps && <NetScore nps={distribution.nps} k={k} />}
      <p class="beside">{O.beside(completion)}</p>
    </>
  );
}

export function Surveys({ snapshot, labels }: SectionProps) {
  const { k } = snapshot;
  return (
    <Section id="surveys" title={T.surveysTitle} intro={T.surveysIntro}>
      {snapshot.surveys.length === 0 ? (
        <p class="empty">{T.noSurveys}</p>
      ) : (
        <>
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
            k={k}
            withBaseline={snapshot.baseline !== null}
          />
          {distributionsOf(snapshot, labels).map(({ id, name, distribution, completion }) => (
            <div class="survey-distribution" key={id} data-survey={id}>
              <h3>{name}</h3>
              <Distribution
                caption={O.distributionCaption(name)}
                distribution={distribution}
                completion={formatCell(completion, 'rate', k)}
                k={k}
              />
            </div>
          ))}
        </>
      )}
    </Section>
  );
}

/** The surveys with a distribution to show (snapshots from older endpoints have none). */
function distributionsOf(snapshot: Snapshot, labels: SectionProps['labels']) {
  return snapshot.surveys
    .filter((s) => s.distribution && s.distribution.scores.length > 0)
    .map((s) => ({
      id: `${s.guide}@${s.version}`,
      name: T.guideVersion(nameOf(labels.guides, s.guide), s.version),
      distribution: s.distribution,
      completion: s.completionRate,
    }));
}
