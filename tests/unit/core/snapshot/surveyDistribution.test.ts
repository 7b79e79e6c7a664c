/** Survey answers by score and the net promoter score (core/snapshot/surveys.ts), by hand. */
import { describe, expect, it } from 'vitest';
import { buildSnapshot, scoreOf, type CounterRow } from '../../../../core/snapshot';
import { row } from '../../helpers/counterRow';

const week = { from: '2026-05-04', to: '2026-05-10' };
const before = { from: '2026-04-27', to: '2026-05-03' };
const S = { suppressed: true };
const surveyScales = { nps: '0-10', rate: '1-5' } as const;

/** `count` answers of `score` from `contributors` browsers (field '' for older counters). */
const answered = (
  guide: string,
  score: number | '',
  count: number,
  contributors: number,
  day = '2026-05-04',
): CounterRow =>
  row('survey.answered', {
    guide,
    version: 1,
    step: 'rate',
    day,
    field: String(score),
    count,
    contributors,
    scoreSum: score === '' ? count * 5 : count * score,
  });

const rows: CounterRow[] = [
  // nps, period: 28 answers with a score, all on one day from 28 browsers: a figure.
  answered('nps', 10, 6, 6),
  answered('nps', 9, 5, 5),
  answered('nps', 8, 5, 5),
  answered('nps', 6, 5, 5),
  answered('nps', 3, 2, 2), // below k = 5
  answered('nps', 0, 5, 5),
  answered('nps', '', 3, 3), // older counters: in the mean, not by score
  // nps, baseline: 10 promoters (9 and 10), 5 passives (8), 5 detractors (5).
  answered('nps', 10, 5, 5, '2026-04-28'),
  answered('nps', 9, 5, 5, '2026-04-28'),
  answered('nps', 8, 5, 5, '2026-04-28'),
  answered('nps', 5, 5, 5, '2026-04-28'),
  // rate (1–5): 5 × 4 and 6 × 5; a 0 is off its scale and left out.
  answered('rate', 4, 5, 5),
  answered('rate', 5, 6, 6),
  answered('rate', 0, 5, 5),
  // gone (no longer in the pack): 7 × 5, 8 × 6, 2 × 1 (below k).
  answered('gone', 7, 5, 5),
  answered('gone', 8, 6, 6),
  answered('gone', 2, 1, 1),
];

const scores = (answers: unknown[], from = 0) =>
  answers.map((a, i) => ({ score: from + i, answers: a }));

describe('survey distributions', () => {
  const s = buildSnapshot(rows, { period: week, baseline: before, k: 5, surveyScales });
  const survey = (guide: string) => s.surveys.find((x) => x.guide === guide);

  it('gives every score of a 0–10 survey and its net promoter score', () => {
    // Baseline: 0–4 and 6, 7 no rows (0, the total of 20 being a figure), 5, 8, 9, 10 five each.
    // P = 10, passives 5, D = 5: NPS = 100 × (10 − 5) / 20 = 25. Interval (stats.test.ts):
    // 100 × (0.217391 ∓ 0.334553) = −11.72 to 55.19.
    expect(survey('nps')?.baselineDistribution).toEqual({
      scale: '0-10',
      scores: scores([0, 0, 0, 0, 0, 5, 0, 0, 5, 5, 5]),
      nps: {
        promoters: 10,
        passives: 5,
        detractors: 5,
        score: 25,
        interval: { lower: -11.72, upper: 55.19 },
      },
    });
  });

  it('hides a score below k with a second one, while the groups of k people still show', () => {
    // 3 is below k; alone hidden in its group, the detractors' 12 − the others would give it
    // away, so the group's smallest other score above 0 is hidden too: 0 and 6 have 5 each, 0
    // comes first. 7 has no rows: 0. The groups are cells of their own: promoters 6 + 5 = 11,
    // passives 0 + 5 = 5, detractors 5 + 2 + 5 = 12 from 12 browsers, all at least k: the net
    // score shows, as worked out in the next test (k = 2 gives the same groups).
    expect(survey('nps')?.distribution).toEqual({
      scale: '0-10',
      scores: scores([S, 0, 0, S, 0, 0, 5, 0, 5, 5, 6]),
      nps: {
        promoters: 11,
        passives: 5,
        detractors: 12,
        score: -3.57,
        interval: { lower: -34.5, upper: 28.05 },
      },
    });
    // Attack: the mean times the 31 answers is their sum (196); with the 28 by score shown but
    // two hidden (5 of score 0 and 2 of score 3), count and sum would solve for them. So the
    // mean is hidden, in the funnel too.
    expect(survey('nps')?.meanScore).toEqual(S);
    expect(
      buildSnapshot(rows, { period: week, k: 5, surveyScales }).guides.find(
        (g) => g.guide === 'nps',
      )?.surveyMeanScore,
    ).toEqual(S);
  });

  it('hides a second group when one group alone is below k, and the net score with them', () => {
    // Promoters 6 (from 6 browsers), passives 3 (below k), detractors 7: 16 answers, a figure.
    // Passives alone hidden would be 16 − 6 − 7: the smallest other group, promoters, goes too.
    // A hidden group hides its scores, or they would add up to it (10 alone would say 6).
    // The shown detractors (7) are 4 answers of 0 and 3 of 2, both below k: hidden.
    const thin = [
      answered('nps', 10, 6, 6),
      answered('nps', 8, 3, 3),
      answered('nps', 0, 4, 4),
      answered('nps', 2, 3, 3),
    ];
    const snapshot = buildSnapshot(thin, { period: week, k: 5, surveyScales });
    expect(snapshot.surveys[0]?.distribution).toEqual({
      scale: '0-10',
      scores: scores([S, 0, S, 0, 0, 0, 0, S, S, S, S]),
      nps: { promoters: S, passives: S, detractors: 7, score: S, interval: S },
    });
  });

  it('shows the net promoter score once every score reaches k', () => {
    // k = 2: the 2 answers of 3 are a figure. P = 11, passives 5, D = 5 + 2 + 5 = 12, N = 28:
    // NPS = 100 × (11 − 12) / 28 = −3.57. Adjusted: n = 31, p_P = 11.75 / 31 = 0.379032,
    // p_D = 12.75 / 31 = 0.411290, centre −0.032258; variance (0.790323 − 0.001041) / 31 =
    // 0.0254607, half-width 1.959964 × 0.159564 = 0.312740: −34.50 to 28.05.
    const low = buildSnapshot(rows, { period: week, k: 2, surveyScales });
    const nps = low.surveys.find((x) => x.guide === 'nps');
    expect(nps?.distribution.scores).toEqual(scores([5, 0, 0, 2, 0, 0, 5, 0, 5, 5, 6]));
    expect(nps?.distribution.nps).toEqual({
      promoters: 11,
      passives: 5,
      detractors: 12,
      score: -3.57,
      interval: { lower: -34.5, upper: 28.05 },
    });
    expect(nps).not.toHaveProperty('baselineDistribution');
    // Every score shown: the mean hides nothing. (60 + 45 + 40 + 30 + 6 + 0 + 3 × 5) / 31 = 6.32.
    expect(nps?.meanScore).toBe(6.32);
  });

  it('attack: hides a third score when two hidden ones add up to fewer than k', () => {
    // 20 answers from 20 browsers: 2 of 1 and 2 of 2 (both below k), 6 of 3, 5 of 4, 5 of 5.
    // Shown as they are, 20 − 6 − 5 − 5 = 4 would say that 4 people answered 1 or 2: fewer
    // than k. So the smallest shown score goes too (4 and 5 have 5 each, 4 comes first):
    // hidden now 2 + 2 + 5 = 9, at least k.
    const few = [
      answered('rate', 1, 2, 2),
      answered('rate', 2, 2, 2),
      answered('rate', 3, 6, 6),
      answered('rate', 4, 5, 5),
      answered('rate', 5, 5, 5),
    ];
    const snapshot = buildSnapshot(few, { period: week, k: 5, surveyScales });
    expect(snapshot.surveys[0]?.distribution.scores).toEqual(scores([S, S, 6, S, 5], 1));
  });

  it('gives a 1–5 survey its five scores and no net promoter score', () => {
    expect(survey('rate')?.distribution).toEqual({
      scale: '1-5',
      scores: scores([0, 0, 0, 5, 6], 1),
      nps: null,
    });
    // Its baseline has no answers: every score is hidden, since no total is a figure.
    expect(survey('rate')?.baselineDistribution).toEqual({
      scale: '1-5',
      scores: scores([S, S, S, S, S], 1),
      nps: null,
    });
  });

  it('lists only the scores given, and only figures, when the scale is unknown', () => {
    // 2 is below k and hides 7 (5, the smallest other) with it: only 8 is named.
    expect(survey('gone')?.distribution).toEqual({
      scale: null,
      scores: [{ score: 8, answers: 6 }],
      nps: null,
    });
  });

  it('reads a score only from a whole number 0 to 10', () => {
    expect(['0', '7', '10', '', '11', '-1', '3.5', ' 3', '03'].map(scoreOf)).toEqual([
      0,
      7,
      10,
      null,
      null,
      null,
      null,
      null,
      null,
    ]);
  });
});
