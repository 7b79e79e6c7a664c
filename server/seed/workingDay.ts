/**
 * A simulated person's working day under way: its clock, the page they are on, what the browser
 * records, and the forms they save. Everything a person does moves the clock on by a draw from
 * their own stream, so the order in which they do things is the order of the draws.
 */
import { DAY_MS } from '../../core/days';
import { inRollout } from '../../core/match';
import type { Cohort, UsageEvent } from '../../core/usage';
import { between, type Browser } from './browsers';
import type { FieldPlan, GuidePlan } from './demoPack';
import type { Guide } from '../../core/guide/schema';
import { seeAnnouncement } from './announcementActivity';

export const MINUTE = 60_000;
export const SECOND = 1000;

/** Days over which people discover the guides once they have them. */
const RAMP_DAYS = 14;

/** Base chance that a save leaves a field with a pattern wrong (empty ones: demoPack.ts). */
const INVALID_RATE = 0.05;

export interface DayContext {
  day: string;
  week: string;
  dayIndex: number;
  /** Day index of the roll-out: before it every browser is observe-only. */
  rollout: number;
  /** Day index of the CRM release that breaks a step (guideActivity.ts); past the end for none. */
  release: number;
  start: number;
  weekend: boolean;
  monday: boolean;
  guides: readonly GuidePlan[];
  fields: readonly FieldPlan[];
  /** The announcement guides of the pack. */
  announcements: readonly Guide[];
}

export const isEdit = (page: string) => page.endsWith(':edit');

/** A usage event as the simulation reports it; the browser adds its role and CRM. */
export type SimEvent = Omit<UsageEvent, 'role' | 'crm' | 'at'>;

/** Where a browser's events go: its event log, or straight into its day's counters. */
export type EventSink = (event: SimEvent, at: number) => void;

/** How guidance reaches the simulated browser that day, as its rollout wave says (core/usage.ts). */
function cohortOnDay(b: Browser, ctx: DayContext): Cohort {
  if (ctx.dayIndex < ctx.rollout) return 'observe';
  if (b.control) return 'control';
  // Until its wave has the guides, a browser still only measures.
  return ctx.dayIndex >= b.enabled ? 'guided' : 'observe';
}

export class WorkingDay {
  /** When the person's next move happens. */
  at: number;
  page = 'home';
  readonly cohort: Cohort;
  /** The guides the browser shows this person today: none outside the guided cohort. */
  readonly guides: readonly GuidePlan[];
  /** The announcements the browser shows this person today: none outside the guided cohort. */
  readonly announcements: readonly Guide[];
  /** 0 before this browser's wave, rising to 1 as its person discovers the guides. */
  readonly ramp: number;
  private readonly end: number;

  constructor(
    readonly person: Browser,
    readonly ctx: DayContext,
    private readonly record: EventSink,
  ) {
    this.end = ctx.start + DAY_MS - 1;
    this.at = ctx.start + 7 * 60 * MINUTE + person.random() * 150 * MINUTE;
    this.cohort = cohortOnDay(person, ctx);
    const audience = { role: person.role, cohorts: [], seed: person.installSeed, today: ctx.day };
    this.guides =
      this.cohort === 'guided' ? ctx.guides.filter((g) => inRollout(g.guide, audience)) : [];
    this.announcements = this.cohort === 'guided' ? ctx.announcements : [];
    const since = ctx.dayIndex - person.enabled;
    this.ramp = since >= 0 ? Math.min(1, (since + 1) / RAMP_DAYS) : 0;
  }

  push(event: SimEvent, when = this.at): void {
    this.record({ ...event, cohort: this.cohort }, Math.min(when, this.end));
  }

  /** The person takes from `low` to `high` (in `unit`) before their next move. */
  wait(low: number, high: number, unit: number): void {
    this.at += between(this.person.random, low, high) * unit;
  }

  /**
   * When the background's sweep records what is left idle now: a run or a workflow counts as
   * given up only once it has sat idle long enough.
   */
  sweptAt(): number {
    return this.at + between(this.person.random, 31, 90) * MINUTE;
  }

  view(pageType: string): void {
    this.page = pageType;
    this.push({ kind: 'page.viewed', pageType });
    seeAnnouncement(this, this.person, pageType);
  }

  /**
   * Saving a form checks its field rules; `guided` fields were just filled with a guide's tip,
   * at the walkthrough's `pace` (guideActivity.ts).
   */
  save(pageType: string, guided?: string, pace = 1): void {
    const { random, role, carelessness, runs } = this.person;
    this.wait(1 * pace, 5 * pace, MINUTE);
    // People learn: fewer fields are left empty as the guides sink in.
    const trend = 1 - 0.6 * this.ramp;
    for (const field of this.ctx.fields) {
      if (!field.roles.has(role) || !field.pages.includes(pageType)) continue;
      const learned = runs.get(field.guideId)?.status === 'completed' ? 0.4 : 1;
      const helped = guided === field.guideId ? 0.1 : 1;
      const empty = field.emptyRate * carelessness * trend * learned * helped;
      const problem =
        field.required && random() < empty
          ? 'field.empty'
          : field.pattern && random() < INVALID_RATE * carelessness * trend
            ? 'field.invalid'
            : null;
      if (problem) {
        this.push({
          kind: problem,
          pageType,
          guideId: field.guideId,
          guideVersion: field.guideVersion,
          field: field.key,
        });
      }
    }
  }
}
