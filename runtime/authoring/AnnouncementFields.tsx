/**
 * Makes the guide an announcement, a one-line bar with no steps, and edits its line and link.
 * Its translations are kept as they came (the guide check reads them).
 */
import type { DraftAnnouncement } from './draft';
import { T } from './panelText';
import type { DraftGuide } from './useDraftGuide';

const NEW_ANNOUNCEMENT: DraftAnnouncement = {
  text: '',
  linkLabel: '',
  linkTo: '',
  link: '',
  locales: {},
};

export function AnnouncementFields({ guide }: { guide: DraftGuide }) {
  const { announcement } = guide.draft;
  const change = (part: Partial<DraftAnnouncement>) =>
    announcement && guide.update({ announcement: { ...announcement, ...part } });
  return (
    <details class="wm-author-more" open={announcement !== undefined}>
      <summary>{T.announcement}</summary>
      <label class="wm-author-check">
        <input
          type="checkbox"
          checked={announcement !== undefined}
          onChange={(e) =>
            guide.update({ announcement: e.currentTarget.checked ? NEW_ANNOUNCEMENT : undefined })
          }
        />{' '}
        {T.isAnnouncement}
      </label>
      {announcement && (
        <div class="wm-author-grid">
          <label for="wm-announcement-text">{T.announcementText}</label>
          <input
            id="wm-announcement-text"
            maxLength={200}
            value={announcement.text}
            onInput={(e) => change({ text: e.currentTarget.value })}
          />
          <label for="wm-announcement-link-to">{T.announcementLinkTo}</label>
          <select
            id="wm-announcement-link-to"
            value={announcement.linkTo}
            onChange={(e) =>
              change({ linkTo: e.currentTarget.value as DraftAnnouncement['linkTo'] })
            }
          >
            <option value="">{T.announcementNoLink}</option>
            <option value="url">{T.announcementLinkPage}</option>
            <option value="guide">{T.announcementLinkGuide}</option>
          </select>
          {announcement.linkTo && [
            <label key="to-label" for="wm-announcement-link">
              {announcement.linkTo === 'url' ? T.announcementAddress : T.announcementGuideId}
            </label>,
            <input
              key="to"
              id="wm-announcement-link"
              placeholder={announcement.linkTo === 'url' ? '/app/reports' : ''}
              value={announcement.link}
              onInput={(e) => change({ link: e.currentTarget.value })}
            />,
            <label key="label-label" for="wm-announcement-link-label">
              {T.announcementLinkLabel}
            </label>,
            <input
              key="label"
              id="wm-announcement-link-label"
              value={announcement.linkLabel}
              onInput={(e) => change({ linkLabel: e.currentTarget.value })}
            />,
          ]}
        </div>
      )}
    </details>
  );
}
