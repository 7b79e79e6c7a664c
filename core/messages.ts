/**
 * The one typed message map for every cross-context call. Names are `domain:verb`; each entry is
 * [request, response]. `ToBackground` is answered by the background; `ToTab` by content scripts.
 */
import type { CustomCrm, RouteTemplate } from './adapters/routes';
import type { CrmId } from './adapters/types';
import type { Period, Snapshot } from './snapshot';
import type { FieldCheck } from './fieldRules';
import type { GuideProblem } from './guide/problems';
import type { Guide } from './guide/schema';
import type { PageContext } from './match';
import type { Policy } from './policy';
import type { RoleOption } from './org';
import type { PolicyProblem } from './policyRules';
import type { Signal, SignalBatch } from './signals';
import type { Cohort, RecordedEvent, StoredEvent } from './usage';
import type { Target } from './guide/schema';
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
  /** Who this user's role or team asks when stuck (the organisation's champion), if anyone. */
  champion: { name: string; link: string } | null;
  /**
   * This installation is measured without guidance (observe-only or control cohort): no run UI,
   * no field tips; field rules are still checked on save.
   */
  quiet?: boolean;
  /**
   * Only when the policy has role rules and the CRM shows who is signed in: where the page names
   * the user's team and profile (attributes in that order, '' when the CRM has none), for the
   * launcher to report with `page:user`.
   */
  user?: { selector: string; attributes: [team: string, profile: string] };
}

/** One of the organisation's own CRMs, as the options page shows it. */
export interface CustomCrmView {
  host: string;
  routes: RouteTemplate[];
  /** The match pattern the browser is asked for. */
  origin: string;
  setBy: 'policy' | 'options';
  /** Whether the browser lets Waymark run there. */
  granted: boolean;
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
  /** The organisation set the role (a policy role rule, or the only role it allows). */
  roleLocked: boolean;
  roles: RoleOption[];
  paused: boolean;
  /** Null when the active tab is not a CRM page Waymark runs on. */
  page: PageContext | null;
  pageGuides: { id: string; title: string; description?: string }[];
  checklist: ChecklistItem[];
  active: { guideId: string; title: string } | null;
  /** Who to ask when stuck, for this user's role or team; null when the organisation named none. */
  champion: { name: string; link: string } | null;
  /** `observe` and `control` see no guidance: the popup lists no guides then. */
  cohort?: Cohort;
}

/** A workflow step whose action the page can show, watched without UI (runtime/observeWorkflows). */
export interface WatchedStepInfo {
  guideId: string;
  stepId: string;
  on: 'click' | 'input' | 'change';
  target: Target;
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
  /** The endpoint's origin when Waymark still needs the user's permission to reach it. */
  permissionNeeded: string | null;
  /** Why sync is not running although the organisation turned it on, e.g. no token yet. */
  incomplete: string | null;
}

/** What the organisation's policy decides about sync; null: the user decides. */
export interface SyncLocks {
  endpointUrl: string | null;
  /** The token is set by policy (its value never leaves the background). */
  ingestToken: boolean;
  syncEnabled: boolean | null;
  intervalMinutes: number | null;
}

/** The sync section of the options page: status, and exactly what will be sent next. */
export interface SyncView {
  status: SyncStatus;
  tokenSet: boolean;
  queued: SignalBatch[];
  upcoming: Signal[];
  locks: SyncLocks;
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
  source: 'bundled' | 'imported' | 'remote';
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

/** The organisation's guide pack: where it comes from, and how the last fetches went. */
export interface RemotePackStatus {
  /** Where the pack is fetched from now; null when no endpoint or pack address is set. */
  url: string | null;
  /** Where the kept pack came from, and how many guides it has. */
  from: string | null;
  guides: number;
  /** When the kept pack was downloaded. */
  updatedAt: number | null;
  /** When the source last confirmed it (a download, or 304 Not Modified). */
  checkedAt: number | null;
  lastAttemptAt: number | null;
  /** The last attempt's failure; the last good pack stays in use. */
  lastError: { at: number; reason: string } | null;
  /** The source's origin when Waymark still needs the user's permission to reach it. */
  permissionNeeded: string | null;
}

/** The managed policy as the options page lists it. */
export interface PolicyView {
  /** Every value that applies; the ingest token only as "set", never its value. */
  values: Omit<Policy, 'ingestToken'> & { ingestToken?: 'set' };
  /** Values that are ignored, and why. */
  problems: PolicyProblem[];
  readError: string | null;
  /** The language of Waymark's own text: the policy's, else the browser's. */
  locale: string;
}

/** The user's settings as they apply (policy over the user's choices). */
export interface EffectiveSettings {
  role: string;
  roleLocked: boolean;
  paused: boolean;
  /** Waymark's language: the policy's `locale`, else the browser's. */
  locale: string;
  localeSetBy: 'policy' | 'browser';
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
  /** Injects the field formats' engine (RE2) into the asking frame. */
  'ui:formats': [Record<string, never>, void];
  /** The injected workflow observer asks which steps to watch on its page, and their anchors. */
  'workflow:watch': [
    Record<string, never>,
    { steps: WatchedStepInfo[]; anchors: Record<string, string> },
  ];
  /** The user performed a watched workflow step on this page. */
  'workflow:step': [{ guideId: string; stepId: string }, void];
  'run:start': [{ guideId: string }, ActiveRun | null];
  'run:advance': [{ guideId: string; stepIndex: number; action: RunAction }, ActiveRun | null];
  'popup:state': [{ tabId: number; url: string }, PopupState];
  'popup:launch': [{ tabId: number; guideId: string }, { ok: boolean; error?: string }];
  /** The rep followed the popup's "Ask a champion" link on the tab at `url` (counted, no more). */
  'champion:asked': [{ url: string }, void];
  'settings:update': [{ role?: string; paused?: boolean }, { role: string; paused: boolean }];
  'settings:get': [Record<string, never>, EffectiveSettings];
  /** The managed policy that applies, for the options page. */
  'policy:get': [Record<string, never>, PolicyView];
  /** What the CRM page shows about the signed-in user, in the order `PageGuides.user` asked. */
  'page:user': [{ values: (string | null)[] }, void];
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
  'guides:list': [Record<string, never>, { guides: LibraryGuide[]; pack: RemotePackStatus }];
  /** Fetches the organisation's guide pack now (the options page's "Check for new guides"). */
  'guides:fetch': [Record<string, never>, RemotePackStatus];
  /** Guide texts from the options page (file names, or "pasted text"), checked and stored. */
  'guides:import': [{ files: { name: string; text: string }[] }, GuideImportResult];
  /** Removes an imported guide (the organisation's or the built-in guide with its id comes back). */
  'guides:remove': [
    { id: string },
    { removed: boolean; restored: number | null; restoredFrom: 'bundled' | 'remote' | null },
  ];
  'sync:get': [Record<string, never>, SyncView];
  /** Sets (or with null, removes) the endpoint address and ingest token. */
  'sync:configure': [{ endpointUrl: string; ingestToken: string } | null, SyncStatus];
  'sync:test': [{ endpointUrl: string; ingestToken: string }, { ok: boolean; message: string }];
  /** Delivers now, whatever the backoff says. */
  'sync:now': [Record<string, never>, SyncStatus];
  /** The organisation's own CRMs (policy and options page), and whether each may be run on. */
  'crms:get': [Record<string, never>, CustomCrmView[]];
  /** A trainer's list of self-hosted CRMs, replacing the last one; refused whole when wrong. */
  'crms:save': [{ crms: CustomCrm[] }, { ok: true } | { ok: false; problem: string }];
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
