/**
 * A snapshot of a period, with a baseline beside it when one is chosen.
 */
import { value } from './cells';
import { periodDays } from './days';
import { guideHealth } from './guideHealth';
import { periodFigures } from './period';
import {
  type CounterRow,
  type FieldMetrics,
  type FieldPage,
  type GuideFunnel,
  type GuideMetrics,
  type RoleTraining,
  SUPPRESSED,
  type Snapshot,
  type SnapshotOptions,
  type StepMetrics,
  type SurveyDistribution,
  type SurveyMetrics,
  isSuppressed,
} from './types';
import { workflowSection } from './workflows';
import { filterRows } from './filter';
import { overviewOf } from './overview';
import { announcementSection } from './announcements';
import { SurveyAnswers } from './surveys';
import { taskTimeSection } from './taskTime';
import { unusedPageSection } from './unusedPages';
import {
  compare,
  nothingShown,
  EMPTY_ROLE,
  EMPTY_GUIDE,
  EMPTY_STEP,
  EMPTY_FIELD,
  EMPTY_TRAINING,
  EMPTY_ROLE_TRAINING,
  union,
} from './metrics';

/**
 * The snapshot of `period` (and of `baseline`, with changes, when given) from counter rows.
 * `allRows` must cover `rowsNeeded()` of each period; rows outside them or outside
 * `options.filter` are ignored. Items with no figure
 * left after suppression are omitted, so a rare role, guide or field does not even show its name.
 */
export function buildSnapshot(allRows: readonly CounterRow[], options: SnapshotOptions): Snapshot {
  const { period, k } = options;
  const filter = options.filter ?? {};
  const rows = filterRows(allRows, filter);
  const baseline = options.baseline ?? null;
  const withBaseline = baseline !== null;
  const checklists = options.checklists ?? {};
  const now = periodFigures(rows, period, k, checklists);
  const before = baseline ? periodFigures(rows, baseline, k, checklists) : null;
  const both = <M extends object>(a: M | undefined, b: M | undefined, empty: M) =>
    compare(a, b, empty, withBaseline);

  const byRole: Snapshot['activeUsers']['byRole'] = [];
  for (const role of union(now.roles.keys(), before?.roles.keys() ?? []).sort()) {
    const figures = both(now.roles.get(role), before?.roles.get(role), EMPTY_ROLE);
    const daily = [...now.daily, ...(before?.daily ?? [])].filter((d) => d.role === role);
    if (nothingShown(figures) && nothingShown(daily.map((d) => d.users))) continue;
    byRole.push({ role, ...figures });
  }
  const shownRoles = new Set(byRole.map((r) => r.role));

  const guides: GuideFunnel[] = [];
  for (const guideKey of union(now.guides.keys(), before?.guides.keys() ?? [])) {
    const current = now.guides.get(guideKey);
    const previous = before?.guides.get(guideKey);
    const id = (current ?? previous) as { guide: string; version: number };
    const nowSteps = now.steps.get(guideKey) ?? new Map<string, StepMetrics>();
    const beforeSteps = before?.steps.get(guideKey) ?? new Map<string, StepMetrics>();
    const stepIds = orderSteps(
      union(nowSteps.keys(), beforeSteps.keys()),
      options.stepOrder?.[id.guide],
      nowSteps,
    );
    const steps: GuideFunnel['steps'] = [];
    for (const step of stepIds) {
      const figures = both(nowSteps.get(step), beforeSteps.get(step), EMPTY_STEP);
      if (!nothingShown(figures)) steps.push({ step, ...figures });
    }
    const figures = both(current?.metrics, previous?.metrics, EMPTY_GUIDE);
    if (nothingShown(figures) && steps.length === 0) continue;
    guides.push({ guide: id.guide, version: id.version, ...figures, steps });
  }
  guides.sort((a, b) => a.guide.localeCompare(b.guide) || b.version - a.version);

  const training: RoleTraining[] = [];
  for (const [role, current] of now.training) {
    const previous = before?.training.get(role);
    const guideFigures = [...current.guides].map(([guide, figures]) => ({
      guide,
      ...both(figures, previous?.guides.get(guide), EMPTY_TRAINING),
    }));
    const figures = both(current.metrics, previous?.metrics, EMPTY_ROLE_TRAINING);
    if (nothingShown(figures) && guideFigures.every((g) => nothingShown(g))) continue;
    training.push({ role, ...figures, guides: guideFigures });
  }
  training.sort((a, b) => a.role.localeCompare(b.role));

  const pickSurvey = (m: GuideMetrics): SurveyMetrics => ({
    responses: m.surveyResponses,
    meanScore: m.surveyMeanScore,
    completionRate: m.completionRate,
  });
  const scales = options.surveyScales ?? {};
  const answersNow = new SurveyAnswers(rows, period, scales, k);
  const answersBefore = baseline ? new SurveyAnswers(rows, baseline, scales, k) : null;
  const surveys: Snapshot['surveys'] = [];
  for (const g of guides) {
    if (!hasSurvey(g) && !(g.baseline && hasSurvey(g.baseline))) continue;
    const distribution = answersNow.distribution(g.guide, g.version);
    const baselineDistribution = answersBefore?.distribution(g.guide, g.version);
    hideLeakyMean(g, distribution, baselineDistribution);
    surveys.push({
      guide: g.guide,
      version: g.version,
      distribution,
      ...(baselineDistribution ? { baselineDistribution } : {}),
      ...both(pickSurvey(g), g.baseline && pickSurvey(g.baseline), pickSurvey(EMPTY_GUIDE)),
    });
  }

  const pages = new Map<string, FieldPage>();
  for (const key of union(now.fields.keys(), before?.fields.keys() ?? [])) {
    const current = now.fields.get(key);
    const previous = before?.fields.get(key);
    const id = (current ?? previous) as { pageType: string; field: string };
    const figures = both(current?.metrics, previous?.metrics, EMPTY_FIELD);
    if (nothingShown(figures)) continue;
    let page = pages.get(id.pageType);
    if (!page) pages.set(id.pageType, (page = { pageType: id.pageType, fields: [] }));
    page.fields.push({ field: id.field, ...figures });
  }
  // Suppressed cells rank as zero, so the order reveals nothing they hide.
  const problems = (m: FieldMetrics) => value(m.empty) + value(m.invalid);
  const fields = [...pages.values()];
  for (const page of fields) {
    page.fields.sort((a, b) => problems(b) - problems(a) || a.field.localeCompare(b.field));
  }
  const pageProblems = (p: FieldPage) => p.fields.reduce((n, f) => n + problems(f), 0);
  fields.sort((a, b) => pageProblems(b) - pageProblems(a) || a.pageType.localeCompare(b.pageType));

  const snapshot: Omit<Snapshot, 'overview'> = {
    k,
    filter,
    period: { ...period, days: periodDays(period) },
    baseline: baseline ? { ...baseline, days: periodDays(baseline) } : null,
    activeUsers: {
      daily: now.daily.filter((d) => shownRoles.has(d.role)),
      baselineDaily: before ? before.daily.filter((d) => shownRoles.has(d.role)) : null,
      byRole,
    },
    guides,
    training,
    surveys,
    fields,
    workflows: workflowSection(rows, period, baseline, k),
    guidanceStarted: guidanceStartOf(rows, k),
    guideHealth: guideHealth(rows, period, k),
    announcements: announcementSection(rows, period, baseline, k),
    taskTime: taskTimeSection(rows, period, baseline, k),
    unusedPages: unusedPageSection(rows, period, baseline, k, {
      now: now.roles,
      before: before?.roles ?? new Map(),
    }),
  };
  return { ...snapshot, overview: overviewOf(snapshot, rows) };
}

/**
 * The mean score times the answers is their sum: beside a distribution that shows some scores
 * and hides others, the count and the sum would let a reader solve for the hidden ones. So the
 * mean is hidden there (in the funnel too), and its change with it.
 */
function hideLeakyMean(
  g: GuideFunnel,
  now: SurveyDistribution,
  before: SurveyDistribution | undefined,
): void {
  const leaky = (d: SurveyDistribution | undefined) =>
    d !== undefined &&
    d.scores.some((s) => isSuppressed(s.answers)) &&
    d.scores.some((s) => !isSuppressed(s.answers));
  if (leaky(now)) g.surveyMeanScore = SUPPRESSED;
  if (leaky(before) && g.baseline) g.baseline.surveyMeanScore = SUPPRESSED;
  if ((leaky(now) || leaky(before)) && g.delta) g.delta.surveyMeanScore = SUPPRESSED;
}

export function hasSurvey(m: GuideMetrics): boolean {
  return !isSuppressed(m.surveyResponses) && m.surveyResponses > 0;
}

/** Guide order first; steps the pack does not know (older versions) by how often they showed. */
export function orderSteps(
  steps: string[],
  order: readonly string[] | undefined,
  current: Map<string, StepMetrics>,
): string[] {
  const position = (step: string) => {
    const i = order?.indexOf(step) ?? -1;
    return i < 0 ? Number.MAX_SAFE_INTEGER : i;
  };
  const shown = (step: string) => value(current.get(step)?.shown ?? SUPPRESSED);
  return steps.sort(
    (a, b) => position(a) - position(b) || shown(b) - shown(a) || a.localeCompare(b),
  );
}

/**
 * When guidance started: the earliest day with at least `k` guided installations active (the
 * sum of `first.activeDay` contributors of cohort `guided`, so one early browser does not date
 * it), provided observe-only installations were active on some earlier day.
 */
export function guidanceStartOf(rows: readonly CounterRow[], k: number): string | null {
  const guided = new Map<string, number>();
  let firstObserved: string | null = null;
  for (const row of rows) {
    if (row.kind !== 'first.activeDay') continue;
    if (row.cohort === 'observe' && (firstObserved === null || row.day < firstObserved)) {
      firstObserved = row.day;
    }
    if (row.cohort === 'guided') guided.set(row.day, (guided.get(row.day) ?? 0) + row.contributors);
  }
  if (firstObserved === null) return null;
  const days = [...guided]
    .filter(([day, n]) => n >= Math.max(k, 1) && day > (firstObserved as string))
    .map(([day]) => day)
    .sort();
  return days[0] ?? null;
}
