/**
 * An announcement: one line at the top of the page with its link and a dismiss button. It never
 * takes focus; Escape inside it dismisses it.
 */
import { GuideLink, InlineText } from './RichText';
import { UI_TEXT } from './uiText';

export interface AnnouncementBarProps {
  text: string;
  /** A page to open (`href`, already checked safe) or a guide to start (`href` absent). */
  link?: { label: string; href?: string };
  onDismiss(): void;
  /** The link was followed; for a page in the CRM the bar navigates itself once it is counted. */
  onFollow(event: Event): void;
}

export function AnnouncementBar({ text, link, onDismiss, onFollow }: AnnouncementBarProps) {
  return (
    <div
      class="wm-announcement"
      role="region"
      aria-label={UI_TEXT.announcement}
      onKeyDown={(event) => {
        if (event.key === 'Escape') onDismiss();
      }}
    >
      <span class="wm-announcement-text">
        <InlineText source={text} />
      </span>
      {link &&
        (link.href === undefined ? (
          <button type="button" class="wm-primary" onClick={onFollow}>
            {link.label}
          </button>
        ) : (
          <GuideLink href={link.href} onClick={onFollow}>
            {link.label}
          </GuideLink>
        ))}
      <button
        type="button"
        class="wm-close"
        aria-label={UI_TEXT.dismissAnnouncement}
        onClick={onDismiss}
      >
        ×
      </button>
    </div>
  );
}
