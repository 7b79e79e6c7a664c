/**
 * Usage events: what happened with guidance, in full detail, kept only in the user's own
 * browser. Every event carries when, who-as-a-role (never who), which CRM page type, and which
 * guide, version and step. Never field values, record ids, names, emails, URLs or page titles.
 */
import type { CrmId } from './adapters';
import type { TargetStrategy } from './targetStrategies';

/** What Waymark knows of one kind of usage event. */
export interface EventKindInfo {
  /**
   * Who records it: a CRM page's Waymark script (sent with `usage:record`, the only kinds a page
   * may report), or the background itself.
   */
  reportedBy: 'page' | 'background';
  /** Sent as an anonymous daily counter (core/signals.ts); otherwise kept in this browser only. */
  counted: boolean;
  /** What its counter sums beside the count: a survey's score. */
  sums?: 'score';
  /**
   * What the dashboard tallies it under: a guide, one of its steps, a survey, a field, a page,
   * or the time a guide's task took (`task`: a guide's counter whose `field` is a time bucket).
   */
  of: 'guide' | 'step' | 'survey' | 'field' | 'page' | 'task' | 'log';
}

/**
 * Every kind of usage event, once: who reports it and how it is counted. The router (which kinds
 * a page may send), the aggregation (what becomes a counter, what it sums) and the snapshot (what
 * each kind is tallied under) read this table; `npm test` checks the OpenAPI enum against it.
 */
export const EVENT_KIND_TABLE = {
  'guide.started': { reportedBy: 'background', counted: true, of: 'guide' },
  'step.shown': { reportedBy: 'page', counted: true, of: 'step' },
  'step.completed': { reportedBy: 'background', counted: true, of: 'step' },
  'step.skipped': { reportedBy: 'background', counted: true, of: 'step' },
  'guide.completed': { reportedBy: 'background', counted: true, of: 'guide' },
  'guide.dismissed': { reportedBy: 'background', counted: true, of: 'guide' },
  'guide.abandoned': { reportedBy: 'background', counted: true, of: 'guide' },
  /** The rep chose "Remind me later" on a guide that launched by itself. */
  'guide.snoozed': { reportedBy: 'background', counted: true, of: 'guide' },
  'target.missing': { reportedBy: 'page', counted: true, of: 'step' },
  'field.empty': { reportedBy: 'page', counted: true, of: 'field' },
  'field.invalid': { reportedBy: 'page', counted: true, of: 'field' },
  'survey.answered': { reportedBy: 'page', counted: true, sums: 'score', of: 'survey' },
  'page.viewed': { reportedBy: 'background', counted: true, of: 'page' },
  /** The rep followed the "Ask a champion" link of a step (the page) or the popup. */
  'champion.asked': { reportedBy: 'page', counted: true, of: 'page' },
  /**
   * Passive workflow tracking (core/workflow.ts): the user performed a guide's workflow on their
   * own, with no guidance shown — started it, completed it, or abandoned it at a step.
   */
  'workflow.started': { reportedBy: 'background', counted: true, of: 'guide' },
  'workflow.completed': { reportedBy: 'background', counted: true, of: 'guide' },
  'workflow.abandoned': { reportedBy: 'background', counted: true, of: 'guide' },
  /**
   * Time on task: a guide run or a passive workflow completed, and how long it took from its
   * start, as one of the coarse buckets of core/taskTime.ts in `field` (never a time).
   */
  'task.timed': { reportedBy: 'background', counted: true, of: 'task' },
  /**
   * An announcement (core/announcements.ts) was on screen for the first time in this browser
   * (once per version), was dismissed, or its link was followed. Recorded by the background when
   * the page says so, and only for the announcement it gives that page.
   */
  'announcement.shown': { reportedBy: 'background', counted: true, of: 'guide' },
  'announcement.dismissed': { reportedBy: 'background', counted: true, of: 'guide' },
  'announcement.clicked': { reportedBy: 'background', counted: true, of: 'guide' },
  /** The log was trimmed to make room (storage quota); `count` events were dropped. */
  'log.trimmed': { reportedBy: 'background', counted: false, of: 'log' },
} as const satisfies Record<string, EventKindInfo>;

type KindTable = typeof EVENT_KIND_TABLE;
export type EventKind = keyof KindTable;
/** The kinds whose entry has `P`, as a type. */
type KindsWith<P> = { [K in EventKind]: KindTable[K] extends P ? K : never }[EventKind];

function kindsWith<P>(
  has: (info: EventKindInfo) => boolean,
): readonly [KindsWith<P>, ...KindsWith<P>[]] {
  return (Object.keys(EVENT_KIND_TABLE) as EventKind[]).filter((kind) =>
    has(EVENT_KIND_TABLE[kind]),
  ) as unknown as readonly [KindsWith<P>, ...KindsWith<P>[]];
}

/** What a counter of `kind` is tallied under; undefined for the `first.*` flags (core/signals.ts). */
export function tallyOf(kind: string): EventKindInfo['of'] | undefined {
  return (EVENT_KIND_TABLE as Record<string, EventKindInfo>)[kind]?.of;
}

/** What a counter of `kind` sums beside its count, if anything. */
export function sumOf(kind: string): EventKindInfo['sums'] {
  return (EVENT_KIND_TABLE as Record<string, EventKindInfo>)[kind]?.sums;
}

export const EVENT_KINDS = kindsWith<unknown>(() => true);
/** Kinds that are counted in anonymous signals (see core/signals.ts), in the table's order. */
export const COUNTED_EVENT_KINDS = kindsWith<{ counted: true }>((info) => info.counted);
/** The kinds a CRM page may report (`usage:record`); the background records the rest itself. */
export const PAGE_REPORTED_KINDS = kindsWith<{ reportedBy: 'page' }>(
  (info) => info.reportedBy === 'page',
);

/**
 * How guidance reaches this installation, sent with every counter so that effects can be told
 * apart: `guided` (guidance shown), `control` (held back at random, measured only) and
 * `observe` (observe-only: the organisation measures a baseline, nothing is shown).
 */
export const COHORTS = ['guided', 'control', 'observe'] as const;
export type Cohort = (typeof COHORTS)[number];

/** A walkthrough with no progress for this long is abandoned. */
export const ABANDON_AFTER_MS = 30 * 60 * 1000;

export interface UsageEvent {
  /** Milliseconds since the epoch. */
  at: number;
  kind: EventKind;
  role: string;
  crm: CrmId;
  /** Id-free page type from the CRM adapter. */
  pageType: string;
  guideId?: string;
  guideVersion?: number;
  stepId?: string;
  /**
   * A field rule's key (its id or label), never the field's value; of a `task.timed`, the time
   * bucket (core/taskTime.ts).
   */
  field?: string;
  /** A survey score. */
  score?: number;
  /**
   * Of a `target.missing`: the names of the target's strategies that found nothing on the page
   * (each once), never what they looked for.
   */
  failedStrategies?: TargetStrategy[];
  /** The installation's cohort when the event happened (absent in logs written before cohorts). */
  cohort?: Cohort;
  count?: number;
}

/** An event as a content script reports it; the background adds the role. */
export type RecordedEvent = Omit<UsageEvent, 'role' | 'kind'> & {
  kind: (typeof PAGE_REPORTED_KINDS)[number];
};

/** An event as stored: `seq` orders the log. */
export interface StoredEvent extends UsageEvent {
  seq?: number;
}
