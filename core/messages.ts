/**
 * The shapes that cross between contexts: what the background answers (its messages are declared
 * by domain in background/messages/), and `ToTab`, the messages content scripts answer. Names are
 * `domain:verb`; each map entry is [request, response].
 */
import type { RouteTemplate } from './adapters/routes';
import type { CrmId } from './adapters';
import type { Snapshot } from './snapshot';
import type { FieldCheck } from './fieldRules';
import type { GuideProblem } from './guide/problems';
import type { Guide } from './guide/schema';
import type { PageContext } from './match';
import type { LauncherCorner, Policy } from './policy';
import type { RoleOption } from './org';
import type { PolicyProblem } from './policyRules';
import type { Signal, SignalBatch } from './signals';
import type { Cohort, StoredEvent } from './usage';
import type { Target } from './guide/schema';
import type { GuideRun } from './guideRun';

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
  /**
   * The in-page help button, where the organisation shows it and the user's role has guides on
   * this CRM; absent otherwise.
   */
  launcher?: { corner: LauncherCorner };
  /** The announcement bar this page shows, in the user's language; absent when there is none. */
  announcement?: PageAnnouncement;
}

/** An announcement as the page draws it (core/announcements.ts). */
export interface PageAnnouncement {
  guideId: string;
  version: number;
  /** One line in the guide's markdown subset, drawn as text. */
  text: string;
  /** A page to open (https: or a path in the CRM) or a guide to start. */
  link?: { label: string; url?: string; guide?: string };
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

/** Where a guide starts, as the help panel tells the rep. */
export interface GuideStart {
  /** It fits the page the rep is on. */
  here: boolean;
  /** The page types it starts on (its match), for "Starts on: …"; empty when only an address. */
  pages: string[];
  /** Starting it from elsewhere opens its start page first (the guide's `startUrl`). */
  opens: boolean;
}

/** A guide as the help panel lists it. */
export interface HelpGuide {
  guideId: string;
  title: string;
  description?: string;
  start: GuideStart;
}

/** What the in-page help panel shows, in the language of the page's guide text. */
export interface HelpState {
  paused: boolean;
  pageGuides: HelpGuide[];
  checklist: (ChecklistItem & { start: GuideStart })[];
  champion: { name: string; link: string } | null;
}

/** A guide the help panel's search found, with the words around the first match. */
export interface HelpSearchHit extends HelpGuide {
  excerpt?: string;
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

/** What the options page shows of publishing: whether a trainer token is kept, and where to. */
export interface TrainerView {
  tokenSet: boolean;
  endpointUrl: string | null;
}

/** How a publish from the authoring panel went: the version stored, or why not. */
export type PublishResult =
  | { ok: true; version: number; state: 'draft' | 'pilot' }
  | { ok: false; error: string; problems: GuideIssue[] };

/** A guide the authoring panel can open: every guide the browser has, with where it came from. */
export interface OpenableGuide {
  id: string;
  version: number;
  title: string;
  crm: string;
  source: LibraryGuide['source'];
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
export interface OrgGuidePackStatus {
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

/** This browser's own snapshot (k = 1: it is the rep's data) and the names of what it shows. */
export interface LocalSnapshot {
  snapshot: Snapshot;
  labels: { roles: Record<string, string>; guides: Record<string, string> };
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
