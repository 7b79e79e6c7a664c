/** Announcements: the guide format's rules, which one a page shows, and the kept state. */
import { describe, expect, it } from 'vitest';
import {
  announcementFor,
  announcementsSeenOf,
  isAnnouncement,
  walkthroughsOf,
} from '../../../core/announcements';
import { localizeAnnouncement } from '../../../core/guide/locale';
import { guideSchema, type GuideInput } from '../../../core/guide/schema';
import { makeGuide } from '../helpers/guides';

const announcement = (over: Partial<GuideInput> = {}) =>
  makeGuide({
    id: 'news',
    match: { page: 'account:*' },
    announcement: { text: 'The **Stage** field changed.' },
    steps: [],
    ...over,
  });

const problems = (over: Record<string, unknown>) => {
  const parsed = guideSchema.safeParse({
    schemaVersion: 1,
    id: 'news',
    version: 1,
    title: 'News',
    roles: ['rep'],
    crm: 'demo',
    match: { page: 'home' },
    announcement: { text: 'New.' },
    steps: [],
    ...over,
  });
  return parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};

describe('an announcement in the guide format', () => {
  it('is a guide without steps, with one line and a link to a page or a guide', () => {
    expect(problems({})).toEqual([]);
    expect(
      problems({ announcement: { text: 'New.', link: { label: 'See', url: '/app/reports' } } }),
    ).toEqual([]);
    expect(
      problems({
        announcement: { text: 'New.', link: { label: 'See', url: 'https://a.example/x' } },
      }),
    ).toEqual([]);
    expect(problems({ announcement: { text: 'New.', link: { label: 'Go', guide: 'g' } } })).toEqual(
      [],
    );
  });

  it('has no steps, and a guide without an announcement needs one', () => {
    expect(problems({ steps: [{ id: 's', kind: 'modal', title: 'Hi' }] })).toEqual([
      'steps: an announcement has no steps: its one line is all it shows',
    ]);
    expect(problems({ announcement: undefined })).toEqual([
      'steps: a guide needs at least one step (or an announcement)',
    ]);
  });

  it('is one line of at most 200 characters', () => {
    expect(problems({ announcement: { text: 'One\nTwo' } })).toEqual([
      'announcement.text: an announcement is one line: no line breaks',
    ]);
    expect(problems({ announcement: { text: 'x'.repeat(201) } })).toHaveLength(1);
    expect(problems({ announcement: { text: '   ' } })).toHaveLength(1);
    // Surrounding blanks and a trailing line break are trimmed away, not refused.
    expect(problems({ announcement: { text: '  New.\n' } })).toEqual([]);
  });

  it('refuses links that leave for anything but https: or a path in the CRM', () => {
    for (const url of [
      'javascript:alert(1)',
      'http://a.example/',
      '//evil.example/x',
      'data:text/html,x',
      '/\\evil.example',
    ]) {
      expect(
        problems({ announcement: { text: 'New.', link: { label: 'See', url } } }),
        url,
      ).toEqual(['announcement.link.url: a link is https:// or a path in the CRM (/…)']);
    }
  });

  it('links to a page or a guide, not both, not neither, and never to itself', () => {
    const link = (l: object) => problems({ announcement: { text: 'New.', link: l } });
    expect(link({ label: 'See', url: '/app', guide: 'g' })).toEqual([
      'announcement.link: a link has a url or a guide, one of them',
    ]);
    expect(link({ label: 'See' })).toEqual([
      'announcement.link: a link has a url or a guide, one of them',
    ]);
    expect(link({ label: 'See', guide: 'news' })).toEqual([
      'announcement.link.guide: an announcement cannot start itself',
    ]);
  });

  it('is never launched by itself', () => {
    expect(problems({ launch: { mode: 'auto' } })).toEqual([
      'launch.mode: an announcement is never launched as a walkthrough: leave launch out',
    ]);
  });

  it('has its text and link label per locale, falling back to its own', () => {
    const guide = announcement({
      announcement: { text: 'New.', link: { label: 'See', guide: 'g' } },
      locales: { de: { announcement: { text: 'Neu.' } }, fr: { title: 'Nouvelles' } },
    });
    expect(isAnnouncement(guide)).toBe(true);
    const own = guide.announcement as NonNullable<typeof guide.announcement>;
    expect(localizeAnnouncement(own, guide.locales, 'de-AT')).toEqual({
      text: 'Neu.',
      link: { label: 'See', guide: 'g' },
    });
    expect(localizeAnnouncement(own, guide.locales, 'fr')).toEqual(own);
  });
});

describe('the announcement a page shows', () => {
  const page = { crm: 'demo' as const, pageType: 'account:list', path: '/app/accounts' };
  const audience = { role: 'rep', cohorts: [], seed: 's', today: '2026-05-04' };
  const walkthrough = makeGuide({ id: 'tour', match: { page: 'account:*' } });
  const first = announcement({ id: 'first' });
  const second = announcement({ id: 'second' });

  it('is the first fitting one the user has not dismissed or followed, never a walkthrough', () => {
    const guides = [walkthrough, first, second];
    expect(walkthroughsOf(guides)).toEqual([walkthrough]);
    expect(announcementFor(guides, page, audience, {})?.id).toBe('first');
    // Drawn before, but still there to act on.
    const shown = { first: { version: 1, state: 'shown' as const } };
    expect(announcementFor(guides, page, audience, shown)?.id).toBe('first');
    for (const state of ['dismissed', 'clicked'] as const) {
      expect(announcementFor(guides, page, audience, { first: { version: 1, state } })?.id).toBe(
        'second',
      );
    }
    const done = {
      first: { version: 1, state: 'dismissed' as const },
      second: { version: 1, state: 'clicked' as const },
    };
    expect(announcementFor(guides, page, audience, done)).toBeNull();
  });

  it('comes back for a new version', () => {
    const seen = { first: { version: 1, state: 'dismissed' as const } };
    expect(
      announcementFor([announcement({ id: 'first', version: 2 })], page, audience, seen)?.id,
    ).toBe('first');
  });

  it('matches the page, the role and the rollout as a guide does', () => {
    expect(announcementFor([first], { ...page, pageType: 'home' }, audience, {})).toBeNull();
    expect(announcementFor([first], page, { ...audience, role: 'manager' }, {})).toBeNull();
    const outside = announcement({ rollout: { percent: 0 } });
    expect(announcementFor([outside], page, audience, {})).toBeNull();
  });

  it('reads a damaged settings row as nothing seen', () => {
    expect(announcementsSeenOf(null)).toEqual({});
    expect(announcementsSeenOf(['x'])).toEqual({});
    expect(
      announcementsSeenOf({
        a: { version: 1, state: 'dismissed' },
        b: { version: '1', state: 'dismissed' },
        c: { version: 1, state: 'gone' },
        d: null,
      }),
    ).toEqual({ a: { version: 1, state: 'dismissed' } });
  });
});
