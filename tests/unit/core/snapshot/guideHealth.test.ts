/**
 * Guide health (core/snapshot/guideHealth.ts) on worked examples: a step's target-missing rate in
 * its latest days against the seven days before them, per guide version.
 */
import { describe, expect, it } from 'vitest';
import { addDays, guideHealth, MIN_RUNS, type CounterRow } from '../../../../core/snapshot';
import { row } from '../../helpers/counterRow';

const LATEST = '2026-05-11';
const PERIOD = { from: '2026-05-01', to: '2026-05-31' };
const step = { guide: 'log-call', version: 2, step: 'open', pageType: 'opportunity:record' };
const S = { suppressed: true };

/** A day of one step: each count from as many browsers, so k never hides it unless asked. */
function day(
  on: string,
  shown: number,
  missing: number,
  more: Partial<CounterRow> = {},
): CounterRow[] {
  const of = (kind: CounterRow['kind'], count: number) =>
    count === 0 ? [] : [row(kind, { ...step, day: on, count, contributors: count, ...more })];
  return [...of('step.shown', shown), ...of('target.missing', missing)];
}

/** The seven days before LATEST, each alike. */
function week(shown: number, missing: number, more: Partial<CounterRow> = {}): CounterRow[] {
  return [7, 6, 5, 4, 3, 2, 1].flatMap((back) => day(addDays(LATEST, -back), shown, missing, more));
}

function failed(strategy: string, count: number, contributors = count): CounterRow {
  return row('target.strategyFailed', {
    ...step,
    day: LATEST,
    field: strategy,
    count,
    contributors,
  });
}

describe('guide health: target-missing rate per guide version and step', () => {
  it('flags a step whose rate doubles against its previous 7 days, with the strategies that failed', () => {
    // Before: 95 shown + 5 missing a day → 35 of 700 runs, 5 %. Latest: 6 of 30 runs, 20 %.
    const rows = [
      ...week(95, 5),
      ...day(LATEST, 24, 6),
      failed('anchor', 6),
      failed('text', 5),
      // From fewer than k browsers: left out, name and all.
      failed('css', 2),
    ];
    const health = guideHealth(rows, PERIOD, 5);
    expect(health).toHaveLength(1);
    expect(health[0]).toMatchObject({
      ...step,
      day: LATEST,
      latest: { runs: 30, targetMissing: 6, rate: 0.2 },
      previous: { runs: 700, targetMissing: 35, rate: 0.05 },
      failedStrategies: [
        { strategy: 'anchor', count: 6 },
        { strategy: 'text', count: 5 },
      ],
      flagged: true,
    });
    // Day by day, oldest first, the latest last.
    expect(health[0]?.daily.map((d) => [d.day, d.runs, d.targetMissing, d.rate])).toEqual([
      ...[7, 6, 5, 4, 3, 2, 1].map((back) => [addDays(LATEST, -back), 100, 5, 0.05]),
      [LATEST, 30, 6, 0.2],
    ]);
  });

  it('flags at exactly twice the rate, not below it', () => {
    // 5 % before; 5 of 50 is 10 %, 5 of 60 is 8.3 %.
    expect(guideHealth([...week(95, 5), ...day(LATEST, 45, 5)], PERIOD, 1)[0]?.flagged).toBe(true);
    expect(guideHealth([...week(95, 5), ...day(LATEST, 55, 5)], PERIOD, 1)[0]?.flagged).toBe(false);
  });

  it(`judges a step on its latest days back until they hold ${MIN_RUNS} runs`, () => {
    // 4 of 12 runs is a third, but 12 runs are too few to tell a release from bad luck: with the
    // day before, 9 of 112 (8 %) against 30 of 600 (5 %) in the 6 days of the week before that.
    const fewToday = guideHealth([...week(95, 5), ...day(LATEST, 8, 4)], PERIOD, 1)[0];
    expect(fewToday).toMatchObject({
      from: addDays(LATEST, -1),
      day: LATEST,
      latest: { runs: 112, targetMissing: 9 },
      previous: { runs: 600, targetMissing: 30 },
      flagged: false,
    });
    expect(fewToday?.daily.map((d) => d.day)).toEqual(
      [8, 7, 6, 5, 4, 3, 2, 1, 0].map((back) => addDays(LATEST, -back)),
    );
    // A small team: 6 runs a day, 2 of them missing, for 4 days (24 runs, a third missing),
    // after 5 runs a day that all found their target.
    const small = [
      ...[10, 9, 8, 7, 6, 5, 4].flatMap((back) => day(addDays(LATEST, -back), 5, 0)),
      ...[3, 2, 1, 0].flatMap((back) => day(addDays(LATEST, -back), 4, 2)),
    ];
    expect(guideHealth(small, PERIOD, 1)[0]).toMatchObject({
      from: addDays(LATEST, -3),
      latest: { runs: 24, targetMissing: 8 },
      previous: { runs: 35, targetMissing: 0 },
      flagged: true,
    });
    // Never 20 runs in a week: 7 days judged, not flagged.
    const neverEnough = guideHealth([...week(1, 0), ...day(LATEST, 8, 4)], PERIOD, 1)[0];
    expect(neverEnough).toMatchObject({
      from: addDays(LATEST, -6),
      latest: { runs: 18 },
      flagged: false,
    });
    // Nor before the period.
    const periodStart = guideHealth(
      [...week(1, 0), ...day(LATEST, 8, 4)],
      { from: LATEST, to: LATEST },
      1,
    )[0];
    expect(periodStart).toMatchObject({ from: LATEST, latest: { runs: 12 }, flagged: false });
    // 2 runs a day before: 14 in the window.
    const fewBefore = guideHealth([...week(2, 0), ...day(LATEST, 20, 10)], PERIOD, 1)[0];
    expect(fewBefore).toMatchObject({
      from: LATEST,
      previous: { runs: 14, targetMissing: 0 },
      flagged: false,
    });
  });

  it('flags a rate up from zero, when enough runs are behind both', () => {
    const health = guideHealth([...week(40, 0), ...day(LATEST, 25, 5)], PERIOD, 5);
    expect(health[0]).toMatchObject({
      previous: { runs: 280, targetMissing: 0, rate: 0 },
      latest: { runs: 30, targetMissing: 5, rate: 0.1667 },
      flagged: true,
    });
  });

  it('never compares a new version with the days of the version before it', () => {
    // Version 2 ran all week at 5 %; version 3 arrives on the latest day at 20 %.
    const rows = [...week(95, 5), ...day(LATEST, 24, 6, { version: 3 })];
    const health = guideHealth(rows, PERIOD, 5);
    const v3 = health.find((s) => s.version === 3);
    const v2 = health.find((s) => s.version === 2);
    expect(v3).toMatchObject({ latest: { runs: 30, rate: 0.2 }, previous: { runs: S } });
    expect(v3?.flagged).toBe(false);
    expect(v2).toMatchObject({
      from: addDays(LATEST, -1),
      day: addDays(LATEST, -1),
      flagged: false,
    });
  });

  it('does not flag what k hides: misses from fewer than k browsers', () => {
    const rows = [
      ...week(95, 5),
      ...day(LATEST, 27, 0),
      // Three browsers missed it six times: fewer than k = 5 behind the figure.
      row('target.missing', { ...step, day: LATEST, count: 6, contributors: 3 }),
    ];
    const health = guideHealth(rows, PERIOD, 5);
    expect(health[0]).toMatchObject({
      latest: { runs: 33, targetMissing: S, rate: S },
      flagged: false,
    });
    expect(guideHealth(rows, PERIOD, 3)[0]?.flagged).toBe(true);
  });

  it('flags against a week whose few misses came from fewer than k browsers, and keeps them hidden', () => {
    // The week's runs are from k browsers or more, its misses from one: the step is judged all
    // the same, its misses counted but never shown. 3 of 703 is far below half of 20 %; 80 of 780
    // is not.
    const missedBy = (count: number) =>
      guideHealth(
        [
          ...week(100, 0),
          row('target.missing', { ...step, day: addDays(LATEST, -3), count, contributors: 1 }),
          ...day(LATEST, 24, 6),
        ],
        PERIOD,
        5,
      )[0];
    expect(missedBy(3)).toMatchObject({ previous: { runs: 703, targetMissing: S }, flagged: true });
    expect(missedBy(80)).toMatchObject({
      previous: { runs: 780, targetMissing: S },
      flagged: false,
    });
  });

  it('reads the week before the period, and says nothing of steps that did not run in it', () => {
    const rows = [...week(95, 5), ...day(LATEST, 24, 6)];
    // A period of the latest day alone still compares it with the seven days before.
    expect(guideHealth(rows, { from: LATEST, to: LATEST }, 5)[0]?.flagged).toBe(true);
    // A period ending later, with no runs after LATEST: LATEST is the day judged.
    expect(guideHealth(rows, { from: LATEST, to: '2026-05-20' }, 5)[0]?.day).toBe(LATEST);
    expect(guideHealth(rows, { from: '2026-05-12', to: '2026-05-20' }, 5)).toEqual([]);
  });

  it('names the page type the target went missing on most', () => {
    const rows = [
      ...week(95, 5),
      ...day(LATEST, 24, 6),
      row('target.missing', {
        ...step,
        pageType: 'opportunity:list',
        day: LATEST,
        count: 2,
        contributors: 2,
      }),
    ];
    expect(guideHealth(rows, PERIOD, 1)[0]?.pageType).toBe('opportunity:record');
  });
});
