/**
 * The one typed message map for every cross-context call. Names are `domain:verb`; each entry is
 * [request, response]. `ToBackground` is answered by the background; `ToTab` by content scripts.
 */
import type { CrmId } from './adapters/types';
import type { Period, Snapshot } from './snapshot';
import type { FieldCheck } from './fieldRules';
import type { GuideProblem } from './guide/problems';
import type { Guide } from './guide/schema';
import type { PageContext } from './match';
import type { Signal, SignalBatch } from './signals';
import type { RecordedEvent, StoredEvent } from './usage';
import type { GuideRun, RunAction } from './walkthrough';

export interface ActiveRun {
  run: GuideRun;
  guide: Guide;
  /** CSS selector for each CRM anchor the guide uses, from the guide's CRM adapter. */
  anchors: Record<string, string>;
}

export interface PageGuides {
  /** The page as the CRM adapter sees it (the content script ships no adapters). */
  page: PageContext;
  role: string;
  paused: boolean;
  /** The walkthrough in progress for this user, wherever it started. */
  active: ActiveRun | null;
  /** A guide to start now because it auto-launches on this page. */
  autoLaunch: Guide | null;
  /** Field rules of the user's guides that apply on this page. */
  fields: FieldCheck[];
  /** Selector of the controls that save a record here, and of the anchors the rules use. */
  saveSelector: string;
  fieldAnchors: Record<string, string>;
}

export interface RoleOption {
  id: string;
  label: string;
}

export interface ChecklistItem {
  guideId: string;
  title: string;
  status: GuideRun['status'] | 'not-started';
  /** Steps done out of total for a run in progress. */
  stepIndex: number;
  stepCount: number;
}

export interface PopupState {
  role: string;
  roles: RoleOption[];
  paused: boolean;
  /** Null when the active tab is not a CRM page Waymark runs on. */
  page: PageContext | null;
  pageGuides: { id: string; title: string; description?: string }[];
  checklist: ChecklistItem[];
  active: { guideId: string; title: string } | null;
}

export interface GuideProgress {
  guideId: string;
  title: string;
  status: GuideRun['status'];
  stepIndex: number;
  stepCount: number;
  startedAt: number;
  updatedAt: number;
}

/** The rep's own view of their data ("My activity"). */
export interface ActivitySummary {
  role: string;
  progress: GuideProgress[];
  /** The most recent events, newest first. */
  recent: StoredEvent[];
  totalEvents: number;
}

/** Everything Waymark keeps about this user, as the JSON export gives it. */
export interface ActivityExport {
  exportedAt: string;
  role: string;
  runs: GuideRun[];
  events: StoredEvent[];
}

export interface SyncStatus {
  configured: boolean;
  endpointUrl: string | null;
  pendingBatches: number;
  pendingSignals: number;
  attempts: number;
  nextAttemptAt: number | null;
  lastSuccessAt: number | null;
  lastError: string | null;
}

/** The sync section of the options page: status, and exactly what will be sent next. */
export interface SyncView {
  status: SyncStatus;
  tokenSet: boolean;
  queued: SignalBatch[];
  upcoming: Signal[];
}

export interface AuthorContext {
  crm: CrmId;
  pageType: string;
  anchorAttributes: readonly string[];
  roles: RoleOption[];
  /** The trainer's own role: a new guide is written for it until they choose others. */
  role: string;
}

/** One problem of a guide, as `guides:check` words it. */
export interface GuideIssue {
  path: string;
  message: string;
}

/** A guide the extension has, as the options page's guide library lists it. */
export interface LibraryGuide {
  id: string;
  version: number;
  title: string;
  source: 'bundled' | 'imported' | 'endpoint';
  roles: string[];
  crm: string;
  importedAt: number | null;
  /** The version built into this release, when an import took this id's place (it comes back). */
  bundledVersion: number | null;
  /** target.missing events in this browser's log for this version of the guide. */
  targetMissing: number;
  /** The same for the guide's earlier versions. */
  targetMissingEarlier: number;
}

/** Either every guide was imported (`problems` empty) or none was. */
export interface GuideImportResult {
  imported: {
    id: string;
    version: number;
    title: string;
    replaced: { version: number; source: LibraryGuide['source'] } | null;
  }[];
  problems: GuideProblem[];
}

export interface ToBackground {
  /** `viewed`: the user navigated here (records page.viewed, by page type only). */
  'page:guides': [{ url: string; viewed?: boolean }, PageGuides];
  /** Injects the guide UI into the sending frame (see runtime/launcher.ts). */
  'ui:load': [Record<string, never>, void];
  'run:start': [{ guideId: string }, ActiveRun | null];
  'run:advance': [{ guideId: string; stepIndex: number; action: RunAction }, ActiveRun | null];
  'popup:state': [{ tabId: number; url: string }, PopupState];
  'popup:launch': [{ tabId: number; guideId: string }, { ok: boolean; error?: string }];
  'settings:update': [{ role?: string; paused?: boolean }, { role: string; paused: boolean }];
  /** A batch of usage events from a content script, in the order they happened. */
  'usage:record': [{ events: RecordedEvent[] }, void];
  'activity:get': [Record<string, never>, ActivitySummary];
  'activity:export': [Record<string, never>, ActivityExport];
  /** This browser's own snapshot, computed from its event log (k = 1: it is the rep's data). */
  'activity:snapshot': [
    { period: Period; baseline: Period | null },
    {
      snapshot: Snapshot;
      labels: { roles: Record<string, string>; guides: Record<string, string> };
    },
  ];
  /** Erases the event log, walkthrough progress and the sync outbox (the role stays). */
  'activity:erase': [Record<string, never>, { erased: number }];
  /** Every guide the extension has, with its local target-missing counts. */
  'guides:list': [Record<string, never>, { guides: LibraryGuide[] }];
  /** Guide texts from the options page (file names, or "pasted text"), checked and stored. */
  'guides:import': [{ files: { name: string; text: string }[] }, GuideImportResult];
  /** Removes an imported guide (a bundled guide with its id comes back). */
  'guides:remove': [{ id: string }, { removed: boolean; restored: number | null }];
  'sync:get': [Record<string, never>, SyncView];
  /** Sets (or with null, removes) the endpoint address and ingest token. */
  'sync:configure': [{ endpointUrl: string; ingestToken: string } | null, SyncStatus];
  'sync:test': [{ endpointUrl: string; ingestToken: string }, { ok: boolean; message: string }];
  /** Delivers now, whatever the backoff says. */
  'sync:now': [Record<string, never>, SyncStatus];
  /** Opens the authoring panel in the tab (trainers). */
  'author:open': [{ tabId: number }, { ok: boolean; error?: string }];
  /** What the panel needs to write targets for this page: the CRM, its page type, its anchors. */
  'author:context': [{ url: string }, AuthorContext | null];
  /** The guide being written, kept while the trainer moves between pages. */
  'author:load': [Record<string, never>, unknown];
  'author:save': [{ draft: unknown }, void];
  /** Runs the draft as a walkthrough in the sending tab, if it is a valid guide; null ends it. */
  'author:preview': [{ guide: unknown }, { ok: boolean; problems: GuideIssue[] }];
}

export interface ToTab {
  /** The page's URL changed without a document load (history API or hash). */
  'tab:route': [{ url: string }, void];
  /** Start this guide now (from the launcher). */
  'tab:launch': [{ guideId: string }, void];
  /** Role, pause or guides changed: ask again what to show. */
  'tab:refresh': [Record<string, never>, void];
}

export type Message<M, K extends keyof M> = {
  type: K;
  data: M[K] extends [infer Req, unknown] ? Req : never;
};
export type Request<M, K extends keyof M> = M[K] extends [infer Req, unknown] ? Req : never;
export type Response<M, K extends keyof M> = M[K] extends [unknown, infer Res] ? Res : never;

export type Handlers<M> = {
  [K in keyof M]: (
    data: Request<M, K>,
    sender: MessageSender,
  ) => Promise<Response<M, K>> | Response<M, K>;
};

export interface MessageSender {
  tab?: { id?: number; url?: string };
  frameId?: number;
  url?: string;
}

export function isMessage<M>(value: unknown, handlers: Handlers<M>): value is Message<M, keyof M> {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { type?: unknown }).type === 'string' &&
    Object.prototype.hasOwnProperty.call(handlers, (value as { type: string }).type)
  );
}
