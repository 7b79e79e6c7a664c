/**
 * What goes unused: per role, the page types opened rarely or never in the period compared with
 * the baseline, per person and week, so periods of different lengths compare.
 */
import { TEXT } from '../../pageText';
import { FigureTable, Section, nameOf, type SectionProps } from '../parts';

const T = TEXT.overview;

export function UnusedPages({ snapshot, labels }: SectionProps) {
  const roles = snapshot.unusedPages ?? [];
  return (
    <Section id="unused-pages" title={T.unusedTitle} intro={T.unusedIntro}>
      {!snapshot.baseline ? (
        <p class="empty">{T.unusedNeedsBaseline}</p>
      ) : roles.length === 0 ? (
        <p class="empty">{T.noUnused}</p>
      ) : (
        roles.map((r) => {
          const role = nameOf(labels.roles, r.role);
          return (
            <div key={r.role} data-role={r.role}>
              <FigureTable
                caption={T.unusedCaption(role)}
                itemHeading={T.pageType}
                columns={[
                  { key: 'views', label: T.opened, kind: 'count' },
                  { key: 'viewsPerUserWeek', label: T.perPersonWeek, kind: 'score' },
                ]}
                rows={r.pages.map((p) => ({
                  id: p.pageType,
                  label: (
                    <>
                      {p.pageType}{' '}
                      <span class="page-status" data-status={p.status}>
                        ({T.statuses[p.status]})
                      </span>
                    </>
                  ),
                  figures: p,
                }))}
                k={snapshot.k}
                withBaseline
              />
              {r.steady > 0 && <p class="steady">{T.steady(r.steady)}</p>}
            </div>
          );
        })
      )}
    </Section>
  );
}
