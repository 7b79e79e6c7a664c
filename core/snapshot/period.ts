/**
 * The figures of one period: active users, guide funnels, fields, surveys and training.
 */
import { isoWeek } from '../days';
import { tallyOf } from '../usage';
import { type SignalKind } from '../signals';
import { Tallies, Tally, countCell, meanScore, ratio, round, sep, value } from './cells';
import { dayMs, eachDay, rowsNeeded } from './days';
import {
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

export function inPeriod(day: string, period: Period): boolean {
  return day >= period.from && day <= period.to;
}

export function periodFigures(
  rows: readonly CounterRow[],
  period: Period,
  k: number,
  checklists: Readonly<Record<string, readonly string[]>>,
): PeriodFigures {
  const weeks = rowsNeeded(period);
  const tallies = new Tallies();
  const roles = new Set<string>();
  const guideKeys = new Map<string, { guide: string; version: number }>();
  const stepKeys = new Map<string, Set<string>>();
  const fieldKeys = new Map<string, { pageType: string; field: string }>();

  const busiestWeek = new Map<string, Set<string>>();
  for (const row of rows) {
    if (row.kind === 'first.activeWeek') {
      if (inPeriod(row.day, weeks)) {
        roles.add(row.role);
        tallies.add(`week${sep}${row.role}`, row);
        const week = `week${sep}${row.role}${sep}${isoWeek(dayMs(row.day))}`;
        tallies.add(week, row);
        let roleWeeks = busiestWeek.get(row.role);
        if (!roleWeeks) busiestWeek.set(row.role, (roleWeeks = new Set()));
        roleWeeks.add(week);
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
      fieldKeys.set(key, { pageType: row.pageType, field: row.field });
      tallies.add(`${row.kind}${sep}${key}`, row);
      continue;
    }
    if (!row.guide) continue;
    const guideKey = `${row.guide}${sep}${row.version}`;
    guideKeys.set(guideKey, { guide: row.guide, version: row.version });
    tallies.add(`${row.kind}${sep}${guideKey}`, row);
    if (row.step && tallyOf(row.kind) === 'step') {
      let steps = stepKeys.get(guideKey);
      if (!steps) stepKeys.set(guideKey, (steps = new Set()));
      steps.add(row.step);
      tallies.add(`${row.kind}${sep}${guideKey}${sep}${row.step}`, row);
    }
  }

  const count = (key: string) => countCell(tallies.get(key), k);

  const daily: DailyUsers[] = [];
  const roleFigures = new Map<string, UserMetrics>();
  for (const role of [...roles].sort()) {
    let busiest: Tally | undefined;
    for (const day of eachDay(period)) {
      const tally = tallies.get(`day${sep}${role}${sep}${day}`);
      daily.push({ day, role, users: countCell(tally, k) });
      if (tally && (!busiest || tally.count > busiest.count)) busiest = tally;
    }
    roleFigures.set(role, {
      busiestDayUsers: countCell(busiest, k),
      userWeeks: count(`week${sep}${role}`),
    });
  }

  const guides: PeriodFigures['guides'] = new Map();
  const steps: PeriodFigures['steps'] = new Map();
  for (const [guideKey, id] of guideKeys) {
    const of = (kind: SignalKind) => count(`${kind}${sep}${guideKey}`);
    const started = of('guide.started');
    const completed = of('guide.completed');
    const dismissed = of('guide.dismissed');
    const abandoned = of('guide.abandoned');
    const targetMissing = of('target.missing');
    const survey = tallies.get(`survey.answered${sep}${guideKey}`);
    guides.set(guideKey, {
      ...id,
      metrics: {
        started,
        completed,
        completedUsers: of('first.guideCompleted'),
        dismissed,
        abandoned,
        targetMissing,
        completionRate: ratio(completed, started),
        dismissRate: ratio(dismissed, started),
        abandonRate: ratio(abandoned, started),
        targetMissingRate: ratio(targetMissing, started),
        surveyResponses: countCell(survey, k),
        surveyMeanScore: meanScore(survey, k),
      },
    });
    const stepFigures = new Map<string, StepMetrics>();
    for (const step of stepKeys.get(guideKey) ?? []) {
      const ofStep = (kind: SignalKind) => count(`${kind}${sep}${guideKey}${sep}${step}`);
      const shown = ofStep('step.shown');
      const done = ofStep('step.completed');
      const skipped = ofStep('step.skipped');
      const left =
        isSuppressed(shown) || isSuppressed(done) || isSuppressed(skipped)
          ? SUPPRESSED
          : Math.max(0, shown - done - skipped);
      stepFigures.set(step, {
        shown,
        completed: done,
        skipped,
        targetMissing: ofStep('target.missing'),
        reachedRate: ratio(shown, started),
        completionRate: ratio(done, shown),
        dropOffRate: ratio(left, shown),
      });
    }
    steps.set(guideKey, stepFigures);
  }

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

  const training: PeriodFigures['training'] = new Map();
  for (const [role, checklist] of Object.entries(checklists)) {
    if (checklist.length === 0) continue;
    let busiest: Tally | undefined;
    for (const week of busiestWeek.get(role) ?? []) {
      const tally = tallies.get(week);
      if (tally && (!busiest || tally.count > busiest.count)) busiest = tally;
    }
    const busiestWeekUsers = countCell(busiest, k);
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

  return { daily, roles: roleFigures, guides, steps, fields, training };
}
