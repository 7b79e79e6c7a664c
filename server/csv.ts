/**
 * A snapshot as CSV for spreadsheets: one row per figure, `section` saying which table it belongs
 * to. Suppressed figures read "fewer than k" and are never numbers.
 */
import {
  ANNOUNCEMENT_METRICS,
  FIELD_METRICS,
  GUIDE_METRICS,
  isSuppressed,
  ROLE_TRAINING_METRICS,
  STEP_METRICS,
  TRAINING_METRICS,
  USER_METRICS,
  type Cell,
  type CohortWorkflowMetrics,
  type RateInterval,
  type Snapshot,
  type Suppressed,
  type SurveyDistribution,
  type TaskTimeFigures,
  type WorkflowComparison,
} from '../core/snapshot';
import { COHORTS } from '../core/usage';

export const CSV_COLUMNS = [
  'section',
  'role',
  'day',
  'guide',
  'version',
  'step',
  'pageType',
  'field',
  'metric',
  'value',
  'baseline',
  'delta',
  /** Last, so that spreadsheets reading the columns before it by position keep working. */
  'cohort',
] as const;
type Column = (typeof CSV_COLUMNS)[number];
type Row = Partial<Record<Column, string | number>>;

export const SUPPRESSED_TEXT = 'fewer than k';

function cell(value: Cell | undefined): string {
  if (value === undefined) return '';
  return isSuppressed(value) ? SUPPRESSED_TEXT : String(value);
}

const NUMBER = /^-?\d+(?:\.\d+)?(?:e[+-]?\d+)?$/i;

/**
 * Numbers go out bare; every text cell is quoted, so no spreadsheet guesses its type, and a
 * formula start in it is defused: at its beginning, and after any separator a spreadsheet may
 * split on when it reads the file with other settings (`x;=1+1`).
 */
function escape(value: string | number | undefined): string {
  const text = value === undefined ? '' : String(value);
  if (text === '' || NUMBER.test(text)) return text;
  const defused = text.replace(/(^|[,;|\t\r\n])([=+\-@\t\r])/g, "$1'$2");
  return `"${defused.replace(/"/g, '""')}"`;
}

/** One row per metric of an item, with its baseline and change when the item has them. */
function metricRows<M extends object>(
  ids: Row,
  figures: M & { baseline?: M; delta?: M },
  names: readonly (keyof M & string)[],
): Row[] {
  return names.map((name) => ({
    ...ids,
    metric: name,
    value: cell(figures[name] as Cell),
    baseline: figures.baseline ? cell(figures.baseline[name] as Cell) : '',
    delta: figures.delta ? cell(figures.delta[name] as Cell) : '',
  }));
}

/** What the figures cover: the period, the baseline, k and each filter, so a file says it. */
function viewRows(snapshot: Snapshot): Row[] {
  const span = (p: { from: string; to: string } | null) => (p ? `${p.from}/${p.to}` : '');
  return [
    { section: 'view', metric: 'period', value: span(snapshot.period) },
    { section: 'view', metric: 'baseline', value: span(snapshot.baseline) },
    { section: 'view', metric: 'k', value: snapshot.k },
    ...Object.entries(snapshot.filter).map(([name, value]) => ({
      section: 'filter',
      metric: name,
      value: String(value),
    })),
  ];
}

export function snapshotRows(snapshot: Snapshot): Row[] {
  const rows: Row[] = viewRows(snapshot);
  for (const r of snapshot.activeUsers.byRole) {
    rows.push(...metricRows({ section: 'activeUsers', role: r.role }, r, USER_METRICS));
  }
  for (const d of snapshot.activeUsers.daily) {
    rows.push({
      section: 'activeUsersDaily',
      role: d.role,
      day: d.day,
      metric: 'users',
      value: cell(d.users),
    });
  }
  for (const d of snapshot.activeUsers.baselineDaily ?? []) {
    rows.push({
      section: 'activeUsersDaily',
      role: d.role,
      day: d.day,
      metric: 'users',
      baseline: cell(d.users),
    });
  }
  for (const g of snapshot.guides) {
    const ids = { guide: g.guide, version: g.version };
    rows.push(...metricRows({ section: 'guides', ...ids }, g, GUIDE_METRICS));
    for (const s of g.steps) {
      rows.push(...metricRows({ section: 'steps', ...ids, step: s.step }, s, STEP_METRICS));
    }
  }
  for (const t of snapshot.training) {
    rows.push(...metricRows({ section: 'training', role: t.role }, t, ROLE_TRAINING_METRICS));
    for (const g of t.guides) {
      rows.push(
        ...metricRows(
          { section: 'trainingGuides', role: t.role, guide: g.guide },
          g,
          TRAINING_METRICS,
        ),
      );
    }
  }
  for (const s of snapshot.surveys) {
    rows.push(
      ...metricRows({ section: 'surveys', guide: s.guide, version: s.version }, s, [
        'responses',
        'meanScore',
        'completionRate',
      ]),
    );
    rows.push(...distributionRows(s));
  }
  for (const page of snapshot.fields) {
    for (const f of page.fields) {
      rows.push(
        ...metricRows(
          { section: 'fields', pageType: page.pageType, field: f.field },
          f,
          FIELD_METRICS,
        ),
      );
    }
  }
  rows.push(...workflowRows(snapshot));
  for (const a of snapshot.announcements) {
    const ids = { section: 'announcements', guide: a.guide, version: a.version };
    rows.push(...metricRows(ids, a, ANNOUNCEMENT_METRICS));
  }
  rows.push(...taskTimeRows(snapshot));
  for (const r of snapshot.unusedPages) {
    for (const p of r.pages) {
      const ids = { section: 'unusedPages', role: r.role, pageType: p.pageType };
      rows.push({ ...ids, metric: 'status', value: p.status });
      rows.push(...metricRows(ids, p, ['views', 'viewsPerUserWeek']));
    }
    rows.push({ section: 'unusedPages', role: r.role, metric: 'steadyPageTypes', value: r.steady });
  }
  return rows;
}

/**
 * Answers per score (the score in `field`) and the net promoter figures of a survey, the period's
 * in `value` and the baseline's beside them.
 */
function distributionRows(s: Snapshot['surveys'][number]): Row[] {
  const ids = { section: 'surveyScores', guide: s.guide, version: s.version };
  const now = s.distribution;
  const before = s.baselineDistribution;
  const answersOf = (d: SurveyDistribution | undefined, score: number) =>
    d ? cell(d.scores.find((x) => x.score === score)?.answers) : '';
  const scores = [...new Set([...now.scores, ...(before?.scores ?? [])].map((x) => x.score))];
  const rows: Row[] = [
    {
      ...ids,
      metric: 'scale',
      value: now.scale ?? '',
      baseline: before ? (before.scale ?? '') : '',
    },
  ];
  for (const score of scores.sort((a, b) => a - b)) {
    rows.push({
      ...ids,
      field: String(score),
      metric: 'answers',
      value: answersOf(now, score),
      baseline: answersOf(before, score),
    });
  }
  if (now.nps) {
    const nps = { ...ids, section: 'surveyNps' };
    for (const name of ['promoters', 'passives', 'detractors', 'score'] as const) {
      rows.push({
        ...nps,
        metric: name,
        value: cell(now.nps[name]),
        baseline: before?.nps ? cell(before.nps[name]) : '',
      });
    }
    for (const end of ['lower', 'upper'] as const) {
      rows.push({
        ...nps,
        metric: end === 'lower' ? 'scoreLower' : 'scoreUpper',
        value: intervalCell(now.nps.interval, end),
        baseline: before?.nps ? intervalCell(before.nps.interval, end) : '',
      });
    }
  }
  return rows;
}

/** Runs per bucket (the bucket in `field`), all runs and the median bucket, per cohort. */
function taskTimeRows(snapshot: Snapshot): Row[] {
  const rows: Row[] = [];
  const median = (m: TaskTimeFigures['median']) => (typeof m === 'string' ? m : SUPPRESSED_TEXT);
  for (const t of snapshot.taskTime) {
    for (const cohort of COHORTS) {
      const ids = { section: 'taskTime', guide: t.guide, cohort };
      const now = t[cohort];
      const before = t.baseline?.[cohort];
      now.buckets.forEach((b, i) => {
        rows.push({
          ...ids,
          field: b.bucket,
          metric: 'runs',
          value: cell(b.runs),
          baseline: before ? cell(before.buckets[i]?.runs) : '',
        });
      });
      rows.push({
        ...ids,
        metric: 'runs',
        value: cell(now.runs),
        baseline: before ? cell(before.runs) : '',
      });
      rows.push({
        ...ids,
        metric: 'medianBucket',
        value: median(now.median),
        baseline: before ? median(before.median) : '',
      });
    }
  }
  return rows;
}

/** The workflow figures of one cohort that are single cells, in export order. */
const COHORT_WORKFLOW_CELLS = ['started', 'completed', 'abandoned', 'completionRate'] as const;

function intervalCell(
  interval: RateInterval | Suppressed | null | undefined,
  end: 'lower' | 'upper',
): string {
  if (interval === undefined) return '';
  if (interval === null) return '';
  return 'suppressed' in interval ? SUPPRESSED_TEXT : String(interval[end]);
}

/**
 * A cohort's figures with the baseline's beside; its abandon point and empty fields, which name
 * steps and fields, as rows of their own per period.
 */
function cohortRows(
  ids: Row,
  now: CohortWorkflowMetrics,
  before: CohortWorkflowMetrics | undefined,
): Row[] {
  const rows: Row[] = COHORT_WORKFLOW_CELLS.map((name) => ({
    ...ids,
    metric: name,
    value: cell(now[name]),
    baseline: before ? cell(before[name]) : '',
  }));
  for (const end of ['lower', 'upper'] as const) {
    rows.push({
      ...ids,
      metric: `completionRate${end === 'lower' ? 'Lower' : 'Upper'}`,
      value: intervalCell(now.completionInterval, end),
      baseline: before ? intervalCell(before.completionInterval, end) : '',
    });
  }
  const periods: [CohortWorkflowMetrics, 'value' | 'baseline'][] = [[now, 'value']];
  if (before) periods.push([before, 'baseline']);
  for (const [m, column] of periods) {
    const point = m.abandonPoint;
    if (point) {
      rows.push({
        ...ids,
        step: 'suppressed' in point ? '' : point.step,
        metric: 'abandonPoint',
        [column]: 'suppressed' in point ? SUPPRESSED_TEXT : point.abandoned,
      });
    }
    for (const f of m.emptyFields) {
      rows.push({
        ...ids,
        pageType: f.pageType,
        field: f.field,
        metric: 'leftEmpty',
        [column]: f.empty,
      });
    }
  }
  return rows;
}

function differenceRows(ids: Row, d: WorkflowComparison['difference'] | undefined): Row[] {
  if (!d) return [];
  return [
    { ...ids, metric: 'completionRateDifference', value: d.difference },
    { ...ids, metric: 'completionRateDifferenceLower', value: d.lower },
    { ...ids, metric: 'completionRateDifferenceUpper', value: d.upper },
  ];
}

function workflowRows(snapshot: Snapshot): Row[] {
  const rows: Row[] = [];
  for (const w of snapshot.workflows) {
    const ids = { section: 'workflows', guide: w.guide };
    for (const cohort of COHORTS) {
      rows.push(...cohortRows({ ...ids, cohort }, w[cohort], w.baseline?.[cohort]));
    }
    rows.push(...differenceRows({ ...ids, cohort: 'guided-control' }, w.difference));
    // Guided now against observe-only before the roll-out (the baseline period).
    rows.push(
      ...differenceRows({ ...ids, cohort: 'guided-baselineObserve' }, w.baselineDifference),
    );
  }
  return rows;
}

export function snapshotCsv(snapshot: Snapshot): string {
  const lines = [CSV_COLUMNS.join(',')];
  for (const row of snapshotRows(snapshot)) {
    lines.push(CSV_COLUMNS.map((column) => escape(row[column])).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}
