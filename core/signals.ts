/**
 * Anonymized adoption signals: the only thing that ever leaves the browser. Daily counters keyed
 * by (day, role, crm, kind, guide, version, step, page type, field, cohort), plus "first time" flags the
 * browser computes itself so that the endpoint can count distinct users without any user or
 * install identifier. Shared by the extension (which builds them) and the endpoint (which
 * validates and stores them).
 */
import { z } from 'zod';
import { PAGE_TYPE_SOURCE } from './adapters/types';
import { CRM_IDS } from './adapters';
import { TARGET_STRATEGIES } from './targetStrategies';
import { isTaskTimeBucket, TASK_TIME_BUCKETS } from './taskTime';
import { COHORTS, COUNTED_EVENT_KINDS } from './usage';

/**
 * Still 1 with `cohort`: the field is optional on the wire and defaults to '', so batches of
 * extensions that predate cohorts stay valid and mean what they meant. The other way round needs
 * care: an endpoint that predates cohorts refuses the unknown field (the schema is strict), so
 * endpoints are upgraded before extensions that send cohorts. So with `target.strategyFailed`
 * and `task.timed`: an endpoint that does not know the kind refuses it. A survey counter's score
 * in `field` needs no new version: older endpoints take the field as it is.
 */
export const SIGNAL_SCHEMA_VERSION = 1;

/** A counter's cohort: one of `COHORTS`, or '' for counters of browsers that predate cohorts. */
export const SIGNAL_COHORTS = ['', ...COHORTS] as const;
export type SignalCohort = (typeof SIGNAL_COHORTS)[number];

/**
 * Counter kinds. Usage event kinds are counted as they are; the `first.*` kinds are the
 * distinct-user flags: each browser sends at most one per key and period.
 */
export const SIGNAL_KINDS = [
  ...COUNTED_EVENT_KINDS,
  /** This browser's first activity of the day (an active user that day). */
  'first.activeDay',
  /** This browser's first activity of the ISO week (an active user that week). */
  'first.activeWeek',
  /** This browser completed this guide version for the first time ever. */
  'first.guideCompleted',
  /**
   * Of the step's `target.missing`, how many times one strategy of its target found nothing:
   * `field` is the strategy's name (one of `TARGET_STRATEGIES`), never what it looked for.
   */
  'target.strategyFailed',
] as const;
export type SignalKind = (typeof SIGNAL_KINDS)[number];

const key = z.string().max(120);
const day = z.iso.date();

/**
 * The most one browser can do of one thing in one day (a counter's `count`): ten an hour around
 * the clock would be 240; this leaves room for the busiest rep and none for a forged flood.
 */
export const MAX_DAILY_COUNT = 10_000;

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Text as both stores keep it: a lone surrogate (not a character) becomes U+FFFD, which is what
 * PostgreSQL would make of it, so one key counts together on SQLite and PostgreSQL alike.
 */
export function wellFormed(text: string): string {
  return text.replace(LONE_SURROGATE, '\uFFFD');
}

/** A counter's page type, or none for counters not about a page. */
const SIGNAL_PAGE_TYPE = new RegExp(`^(?:${PAGE_TYPE_SOURCE})?$`);

export const signalSchema = z
  .object({
    day,
    role: z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/),
    crm: z.enum(CRM_IDS),
    kind: z.enum(SIGNAL_KINDS),
    /** Empty when the signal is not about a guide. */
    guide: key.regex(/^([a-z0-9][a-z0-9-]*)?$/),
    version: z.number().int().min(0).max(1_000_000),
    step: key.regex(/^([a-z0-9][a-z0-9-]*)?$/),
    pageType: z.string().regex(SIGNAL_PAGE_TYPE),
    /**
     * A field rule's key (its id or label text from the guide), never a value; of a
     * `target.strategyFailed`, the strategy's name; of a `task.timed`, a time bucket
     * (core/taskTime.ts); of a `survey.answered`, the score ('0'…'10', or '' from browsers that
     * predate scores in the key). No NUL: PostgreSQL text cannot hold it, and a batch the store
     * cannot take must be refused alone, not fail the transaction it shares with other
     * browsers' batches.
     */
    field: key
      .refine((text) => !text.includes('\u0000'), 'must not contain NUL characters')
      .transform(wellFormed),
    /** How many times this happened that day, in this browser. */
    count: z.number().int().min(1).max(MAX_DAILY_COUNT),
    /**
     * 1 the first time this browser sends this key for this day, else 0: summed by the endpoint,
     * it is the number of distinct contributors to the cell, for k-anonymity.
     */
    contributor: z.union([z.literal(0), z.literal(1)]),
    /** Survey scores summed (mean = scoreSum / count); 0 for other kinds. */
    scoreSum: z
      .number()
      .int()
      .min(0)
      .max(MAX_DAILY_COUNT * 10),
    /** How guidance reached the browser (core/usage.ts); absent from pre-cohort browsers. */
    cohort: z.enum(SIGNAL_COHORTS).default(''),
  })
  .strict()
  .refine((s) => s.scoreSum <= s.count * 10, {
    message: 'is more than 10 points for each time counted',
    path: ['scoreSum'],
  })
  .refine((s) => s.kind !== 'target.strategyFailed' || isStrategyOfStep(s), {
    message: `of a target.strategyFailed counter must name one of the strategies ${TARGET_STRATEGIES.join(', ')}, of a guide step`,
    path: ['field'],
  })
  .superRefine((s, ctx) => {
    if (s.kind === 'task.timed') checkTaskTimed(s, ctx);
    if (s.kind === 'survey.answered') checkSurveyScore(s, ctx);
  });

interface CounterCheck {
  field: string;
  guide: string;
  step: string;
  pageType: string;
  count: number;
  scoreSum: number;
}

/**
 * Time on task travels as a guide's bucket and nothing finer: no step, no page, no sum, and
 * never a time or a duration in `field`.
 */
function checkTaskTimed(s: CounterCheck, ctx: z.RefinementCtx): void {
  const issue = (path: string, message: string) =>
    ctx.addIssue({ code: 'custom', message, path: [path] });
  if (!isTaskTimeBucket(s.field)) {
    issue(
      'field',
      `of a task.timed counter must be one of the time buckets ${TASK_TIME_BUCKETS.join(', ')}`,
    );
  }
  if (s.guide === '') {
    issue('guide', 'of a task.timed counter must name the guide whose task was timed');
  }
  const whole = 'of a task.timed counter must be empty: the time is of the whole task';
  if (s.step !== '') issue('step', whole);
  if (s.pageType !== '') issue('pageType', whole);
  if (s.scoreSum !== 0) issue('scoreSum', 'of a task.timed counter must be 0');
}

/** A survey score as the counter key writes it: a whole number from 0 to 10, plainly. */
const SURVEY_SCORE_TEXT = /^(?:[0-9]|10)$/;

/** Whether a number is a survey score (whole, 0 to 10). */
export function isSurveyScore(score: number): boolean {
  return Number.isInteger(score) && score >= 0 && score <= 10;
}

/**
 * A survey counter carries its score in `field` (one score per counter), so its sum is that score
 * once for each answer; '' is a counter of a browser that predates scores in the key.
 */
function checkSurveyScore(s: CounterCheck, ctx: z.RefinementCtx): void {
  if (s.field === '') return;
  if (!SURVEY_SCORE_TEXT.test(s.field)) {
    ctx.addIssue({
      code: 'custom',
      message: `of a survey.answered counter must be empty or a score from 0 to 10 written plainly (like '7', not '07')`,
      path: ['field'],
    });
    return;
  }
  const score = Number(s.field);
  if (s.scoreSum !== s.count * score) {
    ctx.addIssue({
      code: 'custom',
      message: `of a survey.answered counter of score ${score} must be count × ${score} = ${s.count * score}`,
      path: ['scoreSum'],
    });
  }
}
/** Whether a counter names a target strategy, of a step: no other text may stand in `field`. */
function isStrategyOfStep(s: { field: string; guide: string; step: string }): boolean {
  return (
    (TARGET_STRATEGIES as readonly string[]).includes(s.field) && s.guide !== '' && s.step !== ''
  );
}

/** A signal as validated (cohort filled in). */
export type Signal = z.infer<typeof signalSchema>;
/** A signal as it may arrive: `cohort` may be missing. */
export type SignalInput = z.input<typeof signalSchema>;

export const signalBatchSchema = z
  .object({
    schemaVersion: z.literal(SIGNAL_SCHEMA_VERSION),
    /**
     * Random per batch (idempotency); links nothing to any other batch. Kept lower-case, so one
     * id spelt in two cases is one batch.
     */
    batchId: z.uuid().transform((id) => id.toLowerCase()),
    signals: z.array(signalSchema).min(1).max(500),
  })
  .strict()
  .superRefine(({ signals }, ctx) => {
    // One counter once: a batch repeating a key would add one browser's day many times over,
    // and its contributor flags with it.
    const seen = new Map<string, number>();
    signals.forEach((signal, i) => {
      const key = signalKey(signal);
      const first = seen.get(key);
      if (first === undefined) return void seen.set(key, i);
      ctx.addIssue({
        code: 'custom',
        path: ['signals', i],
        message: `repeats the counter of signals[${first}]; a batch sends each counter once`,
      });
    });
  });
export type SignalBatch = z.infer<typeof signalBatchSchema>;

/** The counter key of a signal, as the endpoint stores it (everything but the numbers). */
export function signalKey(s: Omit<Signal, 'count' | 'contributor' | 'scoreSum'>): string {
  const key = [s.day, s.role, s.crm, s.kind, s.guide, s.version, s.step, s.pageType, s.field];
  // Without a cohort the key is the one browsers kept before cohorts existed (`contributed` in
  // their reported state), so an upgrade mid-day does not flag the same counter twice.
  if (s.cohort) key.push(s.cohort);
  return key.join('|');
}
