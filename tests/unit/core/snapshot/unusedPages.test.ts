/** Unused page types per role (core/snapshot/unusedPages.ts) on counter rows made by hand. */
import { describe, expect, it } from 'vitest';
import { buildSnapshot, type CounterRow } from '../../../../core/snapshot';
import { row } from '../../helpers/counterRow';

const week = { from: '2026-05-04', to: '2026-05-10' }; // ISO week 19
const before = { from: '2026-04-27', to: '2026-05-03' }; // ISO week 18
const S = { suppressed: true };

const weekly = (role: string, day: string, users: number): CounterRow =>
  row('first.activeWeek', { role, day, count: users, contributors: users });
const viewed = (
  role: string,
  pageType: string,
  day: string,
  count: number,
  contributors: number,
): CounterRow => row('page.viewed', { role, pageType, day, count, contributors, cohort: 'guided' });

const rows: CounterRow[] = [
  // rep: 20 user-weeks in the baseline, 10 in the period.
  weekly('rep', '2026-04-27', 20),
  weekly('rep', '2026-05-04', 10),
  // 40 / 20 = 2 a user-week before, 5 / 10 = 0.5 now: at most half (1), fell by 1 − 0.5/2 = 0.75.
  viewed('rep', 'account:record', '2026-04-28', 40, 10),
  viewed('rep', 'account:record', '2026-05-05', 5, 5),
  // 40 / 20 = 2 before, 10 / 10 = 1 now: exactly half, so fell, by 0.5.
  viewed('rep', 'contact:record', '2026-04-28', 40, 10),
  viewed('rep', 'contact:record', '2026-05-05', 10, 5),
  // 20 / 20 = 1 before; now 4 views from 4 browsers: below k, unopened.
  viewed('rep', 'lead:list', '2026-04-28', 20, 5),
  viewed('rep', 'lead:list', '2026-05-05', 4, 4),
  // 10 / 20 = 0.5 before; no views at all now: unopened.
  viewed('rep', 'report:pipeline', '2026-04-29', 10, 5),
  // 60 / 20 = 3 before, 20 / 10 = 2 now: more than half, steady.
  viewed('rep', 'opportunity:record', '2026-04-28', 60, 10),
  viewed('rep', 'opportunity:record', '2026-05-05', 20, 10),
  // 3 browsers in the baseline: below k, neither judged nor counted.
  viewed('rep', 'task:list', '2026-04-28', 3, 3),
  // Pages no adapter could name are no page type.
  viewed('rep', 'other', '2026-04-28', 50, 10),
  // manager: 5 user-weeks each week, 10 / 5 = 2 views a user-week both times: nothing unused.
  weekly('manager', '2026-04-27', 5),
  weekly('manager', '2026-05-04', 5),
  viewed('manager', 'report:pipeline', '2026-04-28', 10, 5),
  viewed('manager', 'report:pipeline', '2026-05-06', 10, 5),
];

describe('unused pages', () => {
  it('lists per role the page types unopened or fallen to half, unopened first', () => {
    const s = buildSnapshot(rows, { period: week, baseline: before, k: 5 });
    expect(s.unusedPages).toEqual([
      {
        role: 'rep',
        pages: [
          {
            pageType: 'lead:list',
            status: 'unopened',
            views: S,
            viewsPerUserWeek: S,
            baseline: { views: 20, viewsPerUserWeek: 1 },
            delta: { views: S, viewsPerUserWeek: S },
          },
          {
            pageType: 'report:pipeline',
            status: 'unopened',
            views: S,
            viewsPerUserWeek: S,
            baseline: { views: 10, viewsPerUserWeek: 0.5 },
            delta: { views: S, viewsPerUserWeek: S },
          },
          {
            pageType: 'account:record',
            status: 'fell',
            views: 5,
            viewsPerUserWeek: 0.5,
            baseline: { views: 40, viewsPerUserWeek: 2 },
            delta: { views: -35, viewsPerUserWeek: -1.5 },
          },
          {
            pageType: 'contact:record',
            status: 'fell',
            views: 10,
            viewsPerUserWeek: 1,
            baseline: { views: 40, viewsPerUserWeek: 2 },
            delta: { views: -30, viewsPerUserWeek: -1 },
          },
        ],
        // opportunity:record only; task:list (below k before) and other are not judged.
        steady: 1,
      },
    ]);
  });

  it('is empty without a baseline', () => {
    expect(buildSnapshot(rows, { period: week, k: 5 }).unusedPages).toEqual([]);
  });

  it('judges a page type whose baseline reaches k only then', () => {
    // With k = 3, task:list (3 browsers before, none now) is unopened too, after lead:list
    // (4 browsers now: a figure at k = 3, 4 / 10 = 0.4 a user-week against 1 before: fell by 0.6).
    const s = buildSnapshot(rows, { period: week, baseline: before, k: 3 });
    const rep = s.unusedPages.find((r) => r.role === 'rep');
    expect(rep?.pages.map((p) => [p.pageType, p.status])).toEqual([
      ['report:pipeline', 'unopened'],
      ['task:list', 'unopened'],
      ['account:record', 'fell'],
      ['lead:list', 'fell'],
      ['contact:record', 'fell'],
    ]);
    expect(rep?.steady).toBe(1);
  });
});
