/**
 * Survey answers by score, and the net promoter score of 0–10 surveys, from `survey.answered`
 * counters whose `field` is the score ('0' … '10'). Older counters have field '': they count in
 * the mean score (period.ts) but not here.
 */
import { npsInterval } from '../stats';
import { Tallies, type Tally, countCell, protectParts, round, sep } from './cells';
import { inPeriod } from './period';
import {
  type Cell,
  type CounterRow,
  type NetPromoterScore,
  type Period,
  SUPPRESSED,
  type SurveyDistribution,
  isSuppressed,
} from './types';

export type SurveyScale = NonNullable<SurveyDistribution['scale']>;

const SCALE_SCORES: Record<SurveyScale, readonly number[]> = {
  '1-5': [1, 2, 3, 4, 5],
  '0-10': [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10],
};

/** The groups of a 0–10 answer: 9–10 promote, 7–8 are passive, 0–6 detract. */
const NPS_GROUPS = {
  promoters: [9, 10],
  passives: [7, 8],
  detractors: [0, 1, 2, 3, 4, 5, 6],
} as const;

/** A counter's score, or null when its field holds none (older counters, or other text). */
export function scoreOf(field: string): number | null {
  return /^(?:10|\d)$/.test(field) ? Number(field) : null;
}

/** Each survey's answers by score in a period: tallies keyed by guide and version. */
export class SurveyAnswers {
  private readonly tallies = new Tallies();
  private readonly answered = new Map<string, Set<number>>();

  constructor(
    rows: readonly CounterRow[],
    period: Period,
    private readonly scales: Readonly<Record<string, SurveyScale>>,
    private readonly k: number,
  ) {
    for (const row of rows) {
      if (row.kind !== 'survey.answered' || !row.guide || !inPeriod(row.day, period)) continue;
      const score = scoreOf(row.field);
      if (score === null) continue;
      // A score off the pack's scale is not an answer to the survey as the pack asks it now.
      const scale = scales[row.guide];
      if (scale && !SCALE_SCORES[scale].includes(score)) continue;
      const key = `${row.guide}${sep}${row.version}`;
      let scores = this.answered.get(key);
      if (!scores) this.answered.set(key, (scores = new Set()));
      scores.add(score);
      this.tallies.add(key, row);
      this.tallies.add(`${key}${sep}${score}`, row);
      if (scale === '0-10') this.tallies.add(`${key}${sep}${groupOf(score)}`, row);
    }
  }

  /**
   * The distribution of one guide version. A score with rows from fewer than k browsers is
   * suppressed; a score nobody gave is 0, but only when all answers with a score together are a
   * figure (otherwise suppressed, or the 0s would place the few answers). One score suppressed
   * alone hides a second one with it (`protectParts`). With the scale unknown only the scores
   * answered are listed, and of them only the figures: a score is not named on fewer than k.
   */
  distribution(guide: string, version: number): SurveyDistribution {
    const key = `${guide}${sep}${version}`;
    const scale = this.scales[guide] ?? null;
    const scores = scale
      ? [...SCALE_SCORES[scale]]
      : [...(this.answered.get(key) ?? [])].sort((a, b) => a - b);
    const total = countCell(this.tallies.get(key), this.k);
    const cellOfScore = (score: number) =>
      cellOf(this.tallies.get(`${key}${sep}${score}`), total, this.k);
    if (scale === '0-10') return this.netPromoterDistribution(key, total, cellOfScore);
    const { parts } = protectParts(scores.map(cellOfScore), total, this.k);
    const answers = scores.map((score, i) => ({ score, answers: parts[i] ?? SUPPRESSED }));
    return {
      scale,
      scores: scale ? answers : answers.filter((a) => !isSuppressed(a.answers)),
      nps: null,
    };
  }

  /**
   * A 0–10 survey: promoters, passives and detractors are cells of their own, k applying to
   * each group's browsers, so a net score shows as soon as each group has k people even when
   * single scores have fewer. What could be worked out by difference is hidden as well: one
   * group hidden alone hides a second (against the total), and one score hidden alone within its
   * group hides a second (against the group); a hidden group hides all its scores.
   */
  private netPromoterDistribution(
    key: string,
    total: Cell,
    cellOfScore: (score: number) => Cell,
  ): SurveyDistribution {
    const names = Object.keys(NPS_GROUPS) as (keyof typeof NPS_GROUPS)[];
    const { parts: groups } = protectParts(
      names.map((name) => cellOf(this.tallies.get(`${key}${sep}${name}`), total, this.k)),
      total,
      this.k,
    );
    const answers = names.flatMap((name, i) => {
      const scores = NPS_GROUPS[name];
      const group = groups[i] ?? SUPPRESSED;
      // A hidden group hides its scores: shown, they would add up to it.
      if (isSuppressed(group)) return scores.map((score) => ({ score, answers: group }));
      const { parts } = protectParts(scores.map(cellOfScore), group, this.k);
      return scores.map((score, j) => ({ score, answers: parts[j] ?? SUPPRESSED }));
    });
    answers.sort((a, b) => a.score - b.score);
    const [promoters, passives, detractors] = groups as [Cell, Cell, Cell];
    return {
      scale: '0-10',
      scores: answers,
      nps: netPromoterScore(promoters, passives, detractors),
    };
  }
}

/** The group of a 0–10 score. */
function groupOf(score: number): keyof typeof NPS_GROUPS {
  if (score >= 9) return 'promoters';
  return score >= 7 ? 'passives' : 'detractors';
}

function cellOf(tally: Tally | undefined, total: Cell, k: number): Cell {
  if (tally) return countCell(tally, k);
  return isSuppressed(total) ? SUPPRESSED : 0;
}

/**
 * The net promoter score of the three groups with its adjusted-Wald interval (core/stats.ts),
 * when all three are figures.
 */
export function netPromoterScore(
  promoters: Cell,
  passives: Cell,
  detractors: Cell,
): NetPromoterScore {
  const figures = { promoters, passives, detractors };
  if (isSuppressed(promoters) || isSuppressed(passives) || isSuppressed(detractors)) {
    return { ...figures, score: SUPPRESSED, interval: SUPPRESSED };
  }
  const n = promoters + passives + detractors;
  if (n === 0) return { ...figures, score: SUPPRESSED, interval: SUPPRESSED };
  const interval = npsInterval(promoters, passives, detractors);
  return {
    ...figures,
    score: round((100 * (promoters - detractors)) / n, 2),
    interval: { lower: round(100 * interval.lower, 2), upper: round(100 * interval.upper, 2) },
  };
}
