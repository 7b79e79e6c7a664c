/**
 * The demo's announcements: a guided person on a page that shows one sees the bar (counted the
 * first time), then dismisses it, follows its link, or leaves it for another page. Their draws come
 * from a stream of their own, so the rest of the demo stays as it was without announcements.
 */
import { announcementFor } from '../../core/announcements';
import type { Guide } from '../../core/guide/schema';
import type { UsageEvent } from '../../core/usage';
import type { Browser } from './browsers';

/** The moment of the person's day the bar is seen in (a WorkingDay). */
interface Moment {
  at: number;
  ctx: { day: string };
  announcements: readonly Guide[];
  push(event: Omit<UsageEvent, 'role' | 'crm' | 'at'>, when?: number): void;
}

/** What a person does with a bar in front of them, on each page it shows. */
const DISMISS = 0.5;
const FOLLOW = 0.2;

export function seeAnnouncement(day: Moment, person: Browser, pageType: string): void {
  if (day.announcements.length === 0) return;
  const audience = { role: person.role, cohorts: [], seed: person.installSeed, today: day.ctx.day };
  const page = { crm: 'demo' as const, pageType, path: '' };
  const guide = announcementFor(day.announcements, page, audience, person.announcements);
  if (!guide) return;
  const ids = { pageType, guideId: guide.id, guideVersion: guide.version };
  if (!person.announcements[guide.id]) {
    person.announcements[guide.id] = { version: guide.version, state: 'shown' };
    day.push({ kind: 'announcement.shown', ...ids });
  }
  const draw = person.announcementRandom();
  const state = draw < DISMISS ? 'dismissed' : draw < DISMISS + FOLLOW ? 'clicked' : null;
  if (!state) return;
  person.announcements[guide.id] = { version: guide.version, state };
  day.push(
    { kind: `announcement.${state}`, ...ids },
    day.at + (2 + 20 * person.announcementRandom()) * 1000,
  );
}
