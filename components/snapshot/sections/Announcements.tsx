/** Announcements: each version shown, dismissed and followed. */
import { TEXT } from '../../pageText';
import { FigureTable, Section, nameOf, type SectionProps } from '../parts';

const T = TEXT.snapshot;

export function Announcements({ snapshot, labels }: SectionProps) {
  return (
    <Section id="announcements" title={T.announcementsTitle} intro={T.announcementsIntro}>
      {snapshot.announcements.length === 0 ? (
        <p class="empty">{T.noAnnouncements}</p>
      ) : (
        <FigureTable
          caption={T.announcementsCaption}
          itemHeading={T.guide}
          columns={[
            { key: 'shown', label: T.announcementShown, kind: 'count' },
            { key: 'dismissed', label: T.announcementDismissed, kind: 'count' },
            { key: 'clicked', label: T.announcementClicked, kind: 'count' },
            { key: 'clickRate', label: T.announcementClickRate, kind: 'rate' },
          ]}
          rows={snapshot.announcements.map((a) => ({
            id: `${a.guide}@${a.version}`,
            label: T.guideVersion(nameOf(labels.guides, a.guide), a.version),
            figures: a,
          }))}
          k={snapshot.k}
          withBaseline={snapshot.baseline !== null}
        />
      )}
    </Section>
  );
}
