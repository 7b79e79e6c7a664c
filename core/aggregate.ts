/**
 * From the local event log to anonymous daily counters. Pure: the background feeds it the events
 * not yet aggregated and what this browser already reported, and stores what comes back.
 * Nothing identifying survives: no time finer than the (UTC) day, no ids of people or records,
 * and the distinct-user flags are computed here, so no user or install id is ever needed.
 */
import { isoWeek, utcDay } from './days';
import { isSurveyScore, MAX_DAILY_COUNT, signalKey, type Signal, type SignalKind } from './signals';
import { COUNTED_EVENT_KINDS, sumOf, type UsageEvent } from './usage';

/** What this browser has already reported, so "first time" flags are sent once. */
export interface ReportedState {
  /** Counter keys already sent with contributor = 1, per day. */
  contributed: Record<string, string[]>;
  /** Days and ISO weeks (YYYY-Www) with activity already reported. */
  activeDays: string[];
  activeWeeks: string[];
  /** `guide@version` completed at least once. */
  completedGuides: string[];
}

export const EMPTY_REPORTED: ReportedState = {
  contributed: {},
  activeDays: [],
  activeWeeks: [],
  completedGuides: [],
};

/** Days of `contributed` kept: events arriving later than this for an old day are rare. */
const CONTRIBUTED_DAYS_KEPT = 8;

const COUNTED = new Set<string>(COUNTED_EVENT_KINDS);

type CounterFields = Omit<Signal, 'count' | 'contributor' | 'scoreSum'>;

export interface Aggregation {
  signals: Signal[];
  reported: ReportedState;
}

/**
 * A counter's `field`: a field rule's key, a time bucket; of a survey answer, its score written
 * plainly ('0'…'10'), so the endpoint counts answers per score (the counter sums that score
 * `count` times, so the mean is unchanged).
 */
export function counterField(event: Pick<UsageEvent, 'kind' | 'field' | 'score'>): string {
  if (event.kind === 'survey.answered') {
    const score = event.score;
    return score !== undefined && isSurveyScore(score) ? String(score) : '';
  }
  return event.field ?? '';
}

export function aggregateSignals(
  events: readonly UsageEvent[],
  before: ReportedState,
): Aggregation {
  const reported: ReportedState = {
    contributed: Object.fromEntries(
      Object.entries(before.contributed).map(([day, keys]) => [day, [...keys]]),
    ),
    activeDays: [...before.activeDays],
    activeWeeks: [...before.activeWeeks],
    completedGuides: [...before.completedGuides],
  };
  const counters = new Map<string, Signal>();
  const contributed = (day: string) => new Set(reported.contributed[day] ?? []);
  const sentToday = new Map<string, Set<string>>();

  const add = (fields: CounterFields, score = 0) => {
    const key = signalKey(fields);
    const existing = counters.get(key);
    if (existing) {
      // The endpoint takes no more of one thing from one browser in a day; beyond, it is noise.
      if (existing.count >= MAX_DAILY_COUNT) return;
      existing.count += 1;
      existing.scoreSum += score;
      return;
    }
    let seen = sentToday.get(fields.day);
    if (!seen) sentToday.set(fields.day, (seen = contributed(fields.day)));
    const first = !seen.has(key);
    seen.add(key);
    counters.set(key, { ...fields, count: 1, contributor: first ? 1 : 0, scoreSum: score });
  };

  for (const event of events) {
    if (!COUNTED.has(event.kind)) continue;
    const day = utcDay(event.at);
    const base: Omit<CounterFields, 'kind' | 'pageType'> = {
      day,
      role: event.role,
      crm: event.crm,
      version: 0,
      guide: '',
      step: '',
      field: '',
      cohort: event.cohort ?? '',
    };
    const week = isoWeek(event.at);
    if (!reported.activeDays.includes(day)) {
      reported.activeDays.push(day);
      add({ ...base, kind: 'first.activeDay', pageType: '' });
    }
    if (!reported.activeWeeks.includes(week)) {
      reported.activeWeeks.push(week);
      add({ ...base, kind: 'first.activeWeek', pageType: '' });
    }
    const counter: CounterFields = {
      ...base,
      kind: event.kind as SignalKind,
      pageType: event.pageType,
      guide: event.guideId ?? '',
      version: event.guideVersion ?? 0,
      step: event.stepId ?? '',
      field: counterField(event),
    };
    add(counter, sumOf(event.kind) === 'score' ? (event.score ?? 0) : 0);
    // Beside the step's target.missing, a counter per strategy that found nothing: which part of
    // the target a CRM release broke, by name.
    for (const strategy of event.kind === 'target.missing' ? (event.failedStrategies ?? []) : []) {
      add({ ...counter, kind: 'target.strategyFailed', field: strategy });
    }
    const completion = `${event.guideId}@${event.guideVersion}`;
    if (event.kind === 'guide.completed' && !reported.completedGuides.includes(completion)) {
      reported.completedGuides.push(completion);
      add({ ...counter, kind: 'first.guideCompleted', step: '', pageType: '' });
    }
  }

  for (const [day, keys] of sentToday) reported.contributed[day] = [...keys];
  const days = Object.keys(reported.contributed).sort().slice(-CONTRIBUTED_DAYS_KEPT);
  reported.contributed = Object.fromEntries(days.map((d) => [d, reported.contributed[d] ?? []]));
  reported.activeDays = reported.activeDays.sort().slice(-CONTRIBUTED_DAYS_KEPT);
  reported.activeWeeks = reported.activeWeeks.sort().slice(-4);
  return { signals: [...counters.values()], reported };
}
