/**
 * The figures of one period: active users, guide funnels, fields, surveys and training.
 */
import { isoWeek } from '../days';
import { tallyOf } from '../usage';
import { type SignalKind } from '../signals';
import { Tallies, Tally, countCell, meanScore, ratio, round, sep, value } from './cells';
import { dayMs, eachDay, rowsNeeded } from './days';
import {
  type Cell,
  type CounterRow,
  type DailyUsers,
  type FieldMetrics,
  type GuideMetrics,
  type Period,
  type RoleTrainingMetrics,
  SUPPRESSED,
  type StepMetrics,
  type TrainingMetrics,
  type UserMetrics,
  isSuppressed,
} from './types';

export interface PeriodFigures {
  daily: DailyUsers[];
  roles: Map<string, UserMetrics>;
  guides: Map<string, { guide: string; version: number; metrics: GuideMetrics }>;
  steps: Map<string, Map<string, StepMetrics>>;
  fields: Map<string, { pageType: string; field: string; metrics: FieldMetrics }>;
  training: Map<string, { metrics: RoleTrainingMetrics; guides: Map<string, TrainingMetrics> }>;
}

/** The period's rows summed into cells, and the keys of what they count, by section. */
interface PeriodTallies {
  tallies: Tallies;
  roles: Set<string>;
  guideKeys: Map<string, { guide: string; version: number }>;
  stepKeys: Map<string, Set<string>>;
  fieldKeys: Map<string, { pageType: string; field: string }>;
  /** Per role, the tally keys of its active weeks. */
  roleWeeks: Map<string, Set<string>>;
}

export function inPeriod(day: string, period: Period): boolean {
  return day >= period.from && day <= period.to;
}

export function periodFigures(
  rows: readonly CounterRow[],
  period: Period,
  k: number,
  checklists: Readonly<Record<string, readonly string[]>>,
): PeriodFigures {
  const summed = tallyPeriod(rows, period);
  const { daily, roles } = activityFigures(summed, period, k);
  const { guides, steps } = guideFigures(summed, k);
  return {
    daily,
    roles,
    guides,
    steps,
    fields: fieldFigures(summed, k),
    training: trainingFigures(summed, checklists, k),
  };
}

function tallyPeriod(rows: readonly CounterRow[], period: Period): PeriodTallies {
  const weeks = rowsNeeded(period);
  const summed: PeriodTallies = {
    tallies: new Tallies(),
    roles: new Set(),
    guideKeys: new Map(),
    stepKeys: new Map(),
    fieldKeys: new Map(),
    roleWeeks: new Map(),
  };
  const { tallies, roles } = summed;
  for (const row of rows) {
    if (row.kind === 'first.activeWeek') {
      if (inPeriod(row.day, weeks)) {
        roles.add(row.role);
        tallies.add(`week${sep}${row.role}`, row);
        const week = `week${sep}${row.role}${sep}${isoWeek(dayMs(row.day))}`;
        tallies.add(week, row);
        setOf(summed.roleWeeks, row.role).add(week);
      }
      continue;
    }
    if (row.kind === 'first.guideCompleted' && row.day <= period.to) {
      tallies.add(`trained${sep}${row.role}${sep}${row.guide}`, row);
    }
    if (!inPeriod(row.day, period)) continue;
    if (row.kind === 'first.activeDay') {
      roles.add(row.role);
      tallies.add(`day${sep}${row.role}${sep}${row.day}`, row);
      continue;
    }
    if (tallyOf(row.kind) === 'field') {
      const key = `${row.pageType}${sep}${row.field}`;
      summed.fieldKeys.set(key, { pageType: row.pageType, field: row.field });
      tallies.add(`${row.kind}${sep}${key}`, row);
      continue;
    }
    if (!row.guide) continue;
    const guideKey = `${row.guide}${sep}${row.version}`;
    summed.guideKeys.set(guideKey, { guide: row.guide, version: row.version });
    tallies.add(`${row.kind}${sep}${guideKey}`, row);
    if (row.step && tallyOf(row.kind) === 'step') {
      setOf(summed.stepKeys, guideKey).add(row.step);
      tallies.add(`${row.kind}${sep}${guideKey}${sep}${row.step}`, row);
    }
  }
  return summed;
}

function setOf(sets: Map<string, Set<string>>, key: string): Set<string> {
  let set = sets.get(key);
  if (!set) sets.set(key, (set = new Set()));
  return set;
}

/** The cell of a tally key, suppressed below k. */
function counter(tallies: Tallies, k: number): (key: string) => Cell {
  return (key) => countCell(tallies.get(key), k);
}

/** The tally of the highest count; the first of them on a tie. */
function busiestOf(tallies: Iterable<Tally | undefined>): Tally | undefined {
  let busiest: Tally | undefined;
  for (const tally of tallies) {
    if (tally && (!busiest || tally.count > busiest.count)) busiest = tally;
  }
  return busiest;
}

function activityFigures(
  { tallies, roles }: PeriodTallies,
  period: Period,
  k: number,
): Pick<PeriodFigures, 'daily' | 'roles'> {
  const count = counter(tallies, k);
  const daily: DailyUsers[] = [];
  const roleFigures = new Map<string, UserMetrics>();
  for (const role of [...roles].sort()) {
    const days = eachDay(period).map((day) => ({
      day,
      tally: tallies.get(`day${sep}${role}${sep}${day}`),
    }));
    for (const { day, tally } of days) daily.push({ day, role, users: countCell(tally, k) });
    roleFigures.set(role, {
      busiestDayUsers: countCell(busiestOf(days.map((d) => d.tally)), k),
      userWeeks: count(`week${sep}${role}`),
    });
  }
  return { daily, roles: roleFigures };
}

function guideFigures(
  { tallies, guideKeys, stepKeys }: PeriodTallies,
  k: number,
): Pick<PeriodFigures, 'guides' | 'steps'> {
  const guides: PeriodFigures['guides'] = new Map();
  const steps: PeriodFigures['steps'] = new Map();
  for (const [guideKey, id] of guideKeys) {
    const metrics = guideMetrics(tallies, guideKey, k);
    guides.set(guideKey, { ...id, metrics });
    const stepFigures = new Map<string, StepMetrics>();
    for (const step of stepKeys.get(guideKey) ?? []) {
      stepFigures.set(step, stepMetrics(tallies, `${guideKey}${sep}${step}`, metrics.started, k));
    }
    steps.set(guideKey, stepFigures);
  }
  return { guides, steps };
}

function guideMetrics(tallies: Tallies, guideKey: string, k: number): GuideMetrics {
  const count = counter(tallies, k);
  const of = (kind: SignalKind) => count(`${kind}${sep}${guideKey}`);
  const started = of('guide.started');
  const completed = of('guide.completed');
  const dismissed = of('guide.dismissed');
  const snoozed = of('guide.snoozed');
  const abandoned = of('guide.abandoned');
  const targetMissing = of('target.missing');
  const survey = tallies.get(`survey.answered${sep}${guideKey}`);
  return {
    started,
    completed,
    completedUsers: of('first.guideCompleted'),
    dismissed,
    snoozed,
    abandoned,
    targetMissing,
    completionRate: ratio(completed, started),
    dismissRate: ratio(dismissed, started),
    snoozeRate: ratio(snoozed, started),
    abandonRate: ratio(abandoned, started),
    targetMissingRate: ratio(targetMissing, started),
    surveyResponses: countCell(survey, k),
    surveyMeanScore: meanScore(survey, k),
  };
}

/** `started` is the guide's: a step's reach is the share of the guide's starts that showed it. */
function stepMetrics(tallies: Tallies, stepKey: string, started: Cell, k: number): StepMetrics {
  const count = counter(tallies, k);
  const of = (kind: SignalKind) => count(`${kind}${sep}${stepKey}`);
  const shown = of('step.shown');
  const done = of('step.completed');
  const skipped = of('step.skipped');
  const left =
    isSuppressed(shown) || isSuppressed(done) || isSuppressed(skipped)
      ? SUPPRESSED
      : Math.max(0, shown - done - skipped);
  return {
    shown,
    completed: done,
    skipped,
    targetMissing: of('target.missing'),
    reachedRate: ratio(shown, started),
    completionRate: ratio(done, shown),
    dropOffRate: ratio(left, shown),
  };
}

function fieldFigures({ tallies, fieldKeys }: PeriodTallies, k: number): PeriodFigures['fields'] {
  const count = counter(tallies, k);
  const fields: PeriodFigures['fields'] = new Map();
  for (const [key, id] of fieldKeys) {
    fields.set(key, {
      ...id,
      metrics: {
        empty: count(`field.empty${sep}${key}`),
        invalid: count(`field.invalid${sep}${key}`),
      },
    });
  }
  return fields;
}

function trainingFigures(
  { tallies, roleWeeks }: PeriodTallies,
  checklists: Readonly<Record<string, readonly string[]>>,
  k: number,
): PeriodFigures['training'] {
  const count = counter(tallies, k);
  const training: PeriodFigures['training'] = new Map();
  for (const [role, checklist] of Object.entries(checklists)) {
    if (checklist.length === 0) continue;
    const weeks = [...(roleWeeks.get(role) ?? [])].map((week) => tallies.get(week));
    const busiestWeekUsers = countCell(busiestOf(weeks), k);
    const guides = new Map<string, TrainingMetrics>();
    for (const guide of checklist) {
      const trainedUsers = count(`trained${sep}${role}${sep}${guide}`);
      const share = ratio(trainedUsers, busiestWeekUsers);
      guides.set(guide, { trainedUsers, share: isSuppressed(share) ? share : Math.min(1, share) });
    }
    const shares = [...guides.values()].map((g) => g.share);
    training.set(role, {
      metrics: {
        busiestWeekUsers,
        checklistShare: shares.some(isSuppressed)
          ? SUPPRESSED
          : round(shares.reduce<number>((a, b) => a + value(b), 0) / shares.length, 4),
      },
      guides,
    });
  }
  return training;
}
