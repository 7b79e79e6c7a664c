/**
 * The admin dashboard: sign in with an admin or a trainer token; an admin chooses a period and a
 * baseline, reads the organisation's snapshot and exports it; both read and change the
 * organisation's guides. The token lives in this tab's session storage only and is sent as a
 * header, never in a URL.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { downloadBlob, downloadJson } from '../../platform/download';
import { TEXT } from '../pageText';
import { SnapshotView } from '../snapshot/SnapshotView';
import { formatPeriod } from '../snapshot/format';
import { OpenSectionsContext, type OpenSections } from '../snapshot/parts';
import { lastDays, periodProblem, PeriodPicker } from '../snapshot/PeriodPicker';
import {
  EndpointError,
  fetchGuideLibrary,
  fetchSnapshot,
  messageOf,
  type ServedSnapshot,
  type SnapshotChoice,
} from './api';
import { Overview } from './Overview';
import { filterFromQuery, filterInWords, setFilterQuery, SnapshotFilters } from './SnapshotFilters';
import { GuideLibrary } from './GuideLibrary';
import { StatusLine } from './StatusLine';
import { GuideHealth } from './GuideHealth';

const T = TEXT.dashboard;
const G = TEXT.guideLibrary;
const O = TEXT.overview;
const S = TEXT.snapshot;

const SESSION_KEY = 'waymark.dashboardSession';
const DEFAULT_DAYS = 30;

interface Session {
  token: string;
  /**
   * Whether the token may read snapshots (an admin token) or guides only (a trainer token). Learnt
   * once at sign-in and kept: each refused token costs this browser one of the endpoint's tries
   * against guessed tokens, so the dashboard does not knock again on every load.
   */
  snapshots: boolean;
}

function storedSession(): Session | null {
  try {
    const stored = JSON.parse(sessionStorage.getItem(SESSION_KEY) ?? 'null') as Session | null;
    return typeof stored?.token === 'string' ? stored : null;
  } catch {
    return null;
  }
}

function SignIn({
  onSignedIn,
  notice,
}: {
  onSignedIn: (session: Session) => void;
  notice: string;
}) {
  const [token, setToken] = useState('');
  const [error, setError] = useState(notice);
  const [busy, setBusy] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => input.current?.focus(), []);

  const submit = async () => {
    const trimmed = token.trim();
    if (!trimmed) {
      setError(T.pasteToken);
      input.current?.focus();
      return;
    }
    setBusy(true);
    setError('');
    try {
      // The guides prove the token: admin and trainer tokens read them, others are answered 401.
      await fetchGuideLibrary(trimmed);
      let snapshots = true;
      try {
        // Any small period says whether it is an admin token.
        await fetchSnapshot(trimmed, { period: lastDays(1), baseline: null, filter: {} });
      } catch (e) {
        if (!(e instanceof EndpointError && e.status === 401)) throw e;
        snapshots = false;
      }
      onSignedIn({ token: trimmed, snapshots });
    } catch (e) {
      setError(
        e instanceof EndpointError && e.status === 401 ? T.tokenHint(e.message) : messageOf(e),
      );
      input.current?.focus();
    } finally {
      setBusy(false);
    }
  };

  return (
    <main class="sign-in">
      <h1>{T.signInTitle}</h1>
      <p class="intro">{T.signInIntro}</p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <label for="admin-token">{T.adminToken}</label>
        <input
          id="admin-token"
          ref={input}
          type="password"
          autocomplete="off"
          spellcheck={false}
          value={token}
          aria-invalid={error ? 'true' : undefined}
          aria-describedby={error ? 'sign-in-error' : undefined}
          onInput={(e) => setToken(e.currentTarget.value)}
        />
        <button type="submit" disabled={busy}>
          {busy ? T.signingIn : T.signIn}
        </button>
      </form>
      {error && (
        <p id="sign-in-error" class="error" role="alert">
          {error}
        </p>
      )}
    </main>
  );
}

/**
 * The period, baseline and filters in the address's fragment, so a view can be bookmarked and
 * shared; the token never goes there.
 */
export function choiceFromHash(hash: string): SnapshotChoice | null {
  const query = new URLSearchParams(hash.replace(/^#/, ''));
  const period = { from: query.get('from') ?? '', to: query.get('to') ?? '' };
  if (periodProblem(period, 'period')) return null;
  const baseline = { from: query.get('baselineFrom') ?? '', to: query.get('baselineTo') ?? '' };
  return {
    period,
    baseline: periodProblem(baseline, 'baseline') ? null : baseline,
    filter: filterFromQuery(query),
  };
}

function hashOf({ period, baseline, filter }: SnapshotChoice): string {
  const query = new URLSearchParams({ from: period.from, to: period.to });
  if (baseline) {
    query.set('baselineFrom', baseline.from);
    query.set('baselineTo', baseline.to);
  }
  setFilterQuery(query, filter);
  return `#${query.toString()}`;
}

function fileBase(snapshot: ServedSnapshot): string {
  const { period, baseline } = snapshot;
  const base = `waymark-${snapshot.org}-${period.from}-${period.to}`;
  return baseline ? `${base}-vs-${baseline.from}-${baseline.to}` : base;
}

/** The sections the admin closed; the rest are open, and the report prints the open ones. */
function useOpenSections(): OpenSections {
  const [closed, setClosed] = useState<ReadonlySet<string>>(new Set());
  return {
    isOpen: (id) => !closed.has(id),
    setOpen: (id, open) =>
      setClosed((before) => {
        const next = new Set(before);
        if (open) next.delete(id);
        else next.add(id);
        return next;
      }),
  };
}

/** What the snapshot covers, in words: on screen above the sections, and atop the report. */
function Statement({ snapshot }: { snapshot: ServedSnapshot }) {
  return (
    <p class="snapshot-statement" data-statement>
      <strong>{S.periodLabel}</strong> {formatPeriod(snapshot.period)}
      {' · '}
      <strong>{S.baselineLabel}</strong>{' '}
      {snapshot.baseline ? formatPeriod(snapshot.baseline) : O.noFilter}
      {' · '}
      <strong>{O.filtersLabel}</strong> {filterInWords(snapshot.filter, snapshot.choices)}
      {' · '}
      {O.reportKept(snapshot.k)}
    </p>
  );
}

function Snapshots({
  token,
  onSignOut,
  onOrg,
}: {
  token: string;
  onSignOut: (notice?: string) => void;
  onOrg: (org: string) => void;
}) {
  const [choice, setChoice] = useState<SnapshotChoice>(
    () =>
      choiceFromHash(location.hash) ?? {
        period: lastDays(DEFAULT_DAYS),
        baseline: null,
        filter: {},
      },
  );
  const [snapshot, setSnapshot] = useState<ServedSnapshot | null>(null);
  /** The snapshot the sections below the overview show: the latest, one frame after it. */
  const [sections, setSections] = useState<ServedSnapshot | null>(null);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(true);
  const [status, setStatus] = useState('');
  const openSections = useOpenSections();

  const refused = (e: unknown) => {
    if (e instanceof EndpointError && e.status === 401) {
      onSignOut(T.signInAgain(e.message));
      return true;
    }
    return false;
  };

  useEffect(() => {
    history.replaceState(null, '', hashOf(choice));
    let current = true;
    setBusy(true);
    setError('');
    setStatus(T.loading);
    fetchSnapshot(token, choice)
      .then((r) => r.json() as Promise<ServedSnapshot>)
      .then((s) => {
        if (!current) return;
        setSnapshot(s);
        onOrg(s.org);
      })
      .catch((e: unknown) => {
        if (!current || refused(e)) return;
        setError(messageOf(e));
        setStatus('');
        setBusy(false);
      });
    return () => {
      current = false;
    };
    // A new choice or token is a new snapshot; `refused` and `onOrg` only read props.
  }, [token, choice]);

  // The overview is the answer: it paints first, and the sections with their tables and charts
  // in a task after that frame; the snapshot counts as loaded once they are there.
  useEffect(() => {
    if (!snapshot) return;
    let task = 0;
    const frame = requestAnimationFrame(() => {
      task = window.setTimeout(() => {
        setSections(snapshot);
        setStatus(T.loaded);
        setBusy(false);
      });
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(task);
    };
  }, [snapshot]);

  const exportCsv = async () => {
    if (!snapshot) return;
    try {
      const response = await fetchSnapshot(token, choice, 'csv');
      downloadBlob(await response.blob(), `${fileBase(snapshot)}.csv`);
      setStatus(T.csvDownloaded);
    } catch (e) {
      if (!refused(e)) setError(messageOf(e));
    }
  };

  const versions = snapshot
    ? [
        ...new Set([
          ...snapshot.guides.filter((g) => g.guide === choice.filter.guide).map((g) => g.version),
          ...(choice.filter.version ? [choice.filter.version] : []),
        ]),
      ].sort((a, b) => a - b)
    : [];

  return (
    <div class="adoption" aria-busy={busy ? 'true' : 'false'}>
      <div class="snapshot-controls">
        <PeriodPicker
          value={choice}
          onChange={(period) => setChoice({ ...period, filter: choice.filter })}
          busy={busy}
        />
        <SnapshotFilters
          value={choice.filter}
          choices={{
            // A role typed into the address stays selectable, named by its id.
            roles: {
              ...(choice.filter.role ? { [choice.filter.role]: choice.filter.role } : {}),
              ...snapshot?.choices.roles,
            },
            guides: snapshot?.choices.guides ?? {},
            versions,
          }}
          busy={busy}
          onChange={(filter) => setChoice({ ...choice, filter })}
        />
        <div class="actions export">
          <button
            type="button"
            disabled={!snapshot || busy}
            aria-describedby="report-hint"
            title={O.reportHint}
            onClick={() => window.print()}
          >
            {O.report}
          </button>
          <button
            type="button"
            class="secondary"
            disabled={!snapshot || busy}
            onClick={() => void exportCsv()}
          >
            {T.downloadCsv}
          </button>
          <button
            type="button"
            class="secondary"
            disabled={!snapshot || busy}
            onClick={() => {
              if (!snapshot) return;
              downloadJson(snapshot, `${fileBase(snapshot)}.json`);
              setStatus(T.jsonDownloaded);
            }}
          >
            {T.downloadJson}
          </button>
          <span id="report-hint" class="visually-hidden">
            {O.reportHint}
          </span>
          <StatusLine status={status} error={error} />
        </div>
      </div>
      {snapshot && (
        <OpenSectionsContext.Provider value={openSections}>
          <Statement snapshot={snapshot} />
          <Overview
            overview={snapshot.overview}
            k={snapshot.k}
            withBaseline={snapshot.baseline !== null}
            labels={snapshot.labels}
          />
          {sections && (
            <>
              <GuideHealth snapshot={sections} />
              <SnapshotView snapshot={sections} labels={sections.labels} statement={false} />
            </>
          )}
        </OpenSectionsContext.Provider>
      )}
    </div>
  );
}

type View = 'adoption' | 'guides';

/**
 * The signed-in dashboard: with an admin token, the adoption snapshot and the guides, one view at a
 * time (both stay loaded); with a trainer token, the guides and why there is no snapshot.
 */
function SignedIn({
  session,
  onSignOut,
}: {
  session: Session;
  onSignOut: (notice?: string) => void;
}) {
  const [view, setView] = useState<View>(session.snapshots ? 'adoption' : 'guides');
  const [org, setOrg] = useState('');
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const viewButton = (name: View, label: string) => (
    <button
      type="button"
      class={view === name ? undefined : 'secondary'}
      aria-current={view === name ? 'page' : undefined}
      onClick={() => setView(name)}
    >
      {label}
    </button>
  );

  return (
    <main class="dashboard">
      <header class="dashboard-header">
        <h1 ref={heading} tabIndex={-1}>
          {org ? T.titleOf(org) : T.title}
        </h1>
        {session.snapshots && (
          <nav class="dashboard-views" aria-label={G.views}>
            {viewButton('adoption', G.adoptionView)}
            {viewButton('guides', G.guidesView)}
          </nav>
        )}
        <button type="button" class="secondary" onClick={() => onSignOut()}>
          {T.signOut}
        </button>
      </header>
      {!session.snapshots && <p class="notice">{G.snapshotsNeedAdmin}</p>}
      {session.snapshots && (
        <div hidden={view !== 'adoption'}>
          <Snapshots token={session.token} onSignOut={onSignOut} onOrg={setOrg} />
        </div>
      )}
      <div hidden={view !== 'guides'}>
        <GuideLibrary token={session.token} onSignOut={onSignOut} />
      </div>
    </main>
  );
}

export function Dashboard() {
  const [session, setSession] = useState(storedSession);
  const [notice, setNotice] = useState('');
  if (!session) {
    return (
      <SignIn
        notice={notice}
        onSignedIn={(signedIn) => {
          sessionStorage.setItem(SESSION_KEY, JSON.stringify(signedIn));
          setNotice('');
          setSession(signedIn);
        }}
      />
    );
  }
  return (
    <SignedIn
      session={session}
      onSignOut={(message) => {
        sessionStorage.removeItem(SESSION_KEY);
        setNotice(message ?? '');
        setSession(null);
      }}
    />
  );
}
