/**
 * Usage events: what happened with guidance, in full detail, kept only in the user's own
 * browser. Every event carries when, who-as-a-role (never who), which CRM page type, and which
 * guide, version and step. Never field values, record ids, names, emails, URLs or page titles.
 */
import type { CrmId } from './adapters';

/** Kinds that are counted in anonymous signals (see core/signals.ts). */
export const COUNTED_EVENT_KINDS = [
  'guide.started',
  'step.shown',
  'step.completed',
  'step.skipped',
  'guide.completed',
  'guide.dismissed',
  'guide.abandoned',
  'target.missing',
  'field.empty',
  'field.invalid',
  'survey.answered',
  'page.viewed',
  /** The rep followed the "Ask a champion" link of a step or the popup. */
  'champion.asked',
  /**
   * Passive workflow tracking (core/workflow.ts): the user performed a guide's workflow on their
   * own, with no guidance shown — started it, completed it, or abandoned it at a step.
   */
  'workflow.started',
  'workflow.completed',
  'workflow.abandoned',
] as const;

/**
 * How guidance reaches this installation, sent with every counter so that effects can be told
 * apart: `guided` (guidance shown), `control` (held back at random, measured only) and
 * `observe` (observe-only: the organisation measures a baseline, nothing is shown).
 */
export const COHORTS = ['guided', 'control', 'observe'] as const;
export type Cohort = (typeof COHORTS)[number];

export const EVENT_KINDS = [
  ...COUNTED_EVENT_KINDS,
  /** The log was trimmed to make room (storage quota); `count` events were dropped. */
  'log.trimmed',
] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

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
  /** A field rule's key (its id or label), never the field's value. */
  field?: string;
  /** A survey score. */
  score?: number;
  /** The installation's cohort when the event happened (absent in logs written before cohorts). */
  cohort?: Cohort;
  count?: number;
}

/**
 * The kinds a CRM page may report (`usage:record`). The rest (guide.*, step.completed,
 * page.viewed, workflow.*) the background records itself, so a page cannot claim them.
 */
export const PAGE_REPORTED_KINDS = [
  'step.shown',
  'target.missing',
  'field.empty',
  'field.invalid',
  'survey.answered',
  'champion.asked',
] as const satisfies readonly EventKind[];

/** An event as a content script reports it; the background adds the role. */
export type RecordedEvent = Omit<UsageEvent, 'role' | 'kind'> & {
  kind: (typeof PAGE_REPORTED_KINDS)[number];
};

/** An event as stored: `seq` orders the log. */
export interface StoredEvent extends UsageEvent {
  seq?: number;
}
