/**
 * The page's announcement bar: drawn when the background gives the page one, taken away when it
 * stops giving it. What the rep does with it is reported to the background, which counts it.
 */
import { render } from 'preact';
import { plainText, safeHref } from '../../core/guide/text';
import type { PageAnnouncement } from '../../core/messages';
import { callBackground } from '../../platform/channel';
import { AnnouncementBar } from '../ui/AnnouncementBar';
import { mountLayer } from '../ui/layer';

type Outcome = 'dismissed' | 'clicked';

/**
 * Keeps the page's bar in step with what the background says (call it on every refresh).
 * `startGuide` starts the guide an announcement links to.
 */
export function announcementSlot(
  doc: Document,
  signal: AbortSignal,
  startGuide: (guideId: string) => void,
): (announcement: PageAnnouncement | undefined) => void {
  let drawn: { key: string; control: AbortController } | null = null;
  /** Versions dismissed or followed here, never drawn again while the background catches up. */
  const done = new Set<string>();

  const draw = (announcement: PageAnnouncement, control: AbortController) => {
    const { guideId, version, text, link } = announcement;
    const layer = mountLayer(doc, control.signal);
    const report = (state: 'shown' | Outcome) =>
      callBackground('announcement:record', { guideId, state });
    // A dismissal or a click is counted after the drawing it follows.
    const shown = report('shown').catch((error: unknown) => console.debug('[waymark]', error));
    const end = (outcome: Outcome) => {
      done.add(`${guideId}@${version}`);
      control.abort();
      drawn = null;
      return shown.then(() => report(outcome));
    };
    const href = link?.url === undefined ? undefined : (safeHref(link.url) ?? undefined);
    const onFollow = (event: Event) => {
      if (href?.startsWith('/')) {
        // The page is left only once the click is counted.
        event.preventDefault();
        void end('clicked')
          .finally(() => doc.defaultView?.location.assign(href))
          .catch((error: unknown) => console.debug('[waymark]', error));
        return;
      }
      void end('clicked')
        .then(() => link?.guide !== undefined && startGuide(link.guide))
        .catch((error: unknown) => console.debug('[waymark]', error));
    };
    render(
      <AnnouncementBar
        text={text}
        link={
          link && (href !== undefined || link.guide !== undefined)
            ? { label: link.label, ...(href !== undefined ? { href } : {}) }
            : undefined
        }
        onDismiss={() =>
          void end('dismissed').catch((error: unknown) => console.debug('[waymark]', error))
        }
        onFollow={onFollow}
      />,
      layer.container,
    );
    // Told, not focused: the rep carries on with what they were doing.
    layer.announce(plainText(text));
  };

  return (announcement) => {
    const key = announcement ? JSON.stringify(announcement) : '';
    if (drawn?.key === key) return;
    drawn?.control.abort();
    drawn = null;
    if (!announcement || signal.aborted) return;
    if (done.has(`${announcement.guideId}@${announcement.version}`)) return;
    const control = new AbortController();
    signal.addEventListener('abort', () => control.abort(), { signal: control.signal });
    drawn = { key, control };
    draw(announcement, control);
  };
}
