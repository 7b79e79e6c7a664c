/** Fields left empty or invalid at save, by page type. */
import { isSuppressed, type Cell } from '../../../core/snapshot';
import { BASELINE_COLOUR, ChartFigure, SERIES_COLOURS } from '../Chart';
import { chartValue } from '../format';
import { TEXT } from '../../pageText';
import { FigureTable, Section, type SectionProps } from '../parts';

const T = TEXT.snapshot;

/** Fields in the chart: the worst ones; the table lists them all. */
const FIELDS_CHARTED = 10;

export function Fields({ snapshot }: SectionProps) {
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
