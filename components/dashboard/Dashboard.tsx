/**
 * The admin dashboard: sign in with an admin token, choose a period and a baseline, read the
 * organisation's snapshot, export it. The token lives in this tab's session storage only and is
 * sent as a header, never in a URL.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { downloadBlob, downloadJson } from '../../platform/download';
import { TEXT } from '../pageText';
import { SnapshotView } from '../snapshot/SnapshotView';
import { lastDays, periodProblem, PeriodPicker, type PeriodChoice } from '../snapshot/PeriodPicker';
import { EndpointError, fetchSnapshot, type ServedSnapshot } from './api';
import { GuideHealth } from './GuideHealth';

const T = TEXT.dashboard;

const TOKEN_KEY = 'waymark.adminToken';
const DEFAULT_DAYS = 30;

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function SignIn({ onSignedIn, notice }: { onSignedIn: (token: string) => void; notice: string }) {
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
      // Any small period proves the token: the endpoint answers 401 unless it is an admin token.
      await fetchSnapshot(trimmed, { period: lastDays(1), baseline: null });
      onSignedIn(trimmed);
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
 * The period (and baseline) in the address's fragment, so a view can be bookmarked and shared;
 * the token never goes there.
 */
export function choiceFromHash(hash: string): PeriodChoice | null {
  const query = new URLSearchParams(hash.replace(/^#/, ''));
  const period = { from: query.get('from') ?? '', to: query.get('to') ?? '' };
  if (periodProblem(period, 'period')) return null;
  const baseline = { from: query.get('baselineFrom') ?? '', to: query.get('baselineTo') ?? '' };
  return { period, baseline: periodProblem(baseline, 'baseline') ? null : baseline };
}

function hashOf({ period, baseline }: PeriodChoice): string {
  const query = new URLSearchParams({ from: period.from, to: period.to });
  if (baseline) {
    query.set('baselineFrom', baseline.from);
    query.set('baselineTo', baseline.to);
  }
  return `#${query.toString()}`;
}

function fileBase(snapshot: ServedSnapshot): string {
  const { period, baseline } = snapshot;
  const base = `waymark-${snapshot.org}-${period.from}-${period.to}`;
  return baseline ? `${base}-vs-${baseline.from}-${baseline.to}` : base;
}

function Snapshots({ token, onSignOut }: { token: string; onSignOut: (notice?: string) => void }) {
  const [choice, setChoice] = useState<PeriodChoice>(
    () =>
      choiceFromHash(location.hash) ?? {
        period: lastDays(DEFAULT_DAYS),
        baseline: null,
      },
  );
  const [snapshot, setSnapshot] = useState<ServedSnapshot | null>(null);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(true);
  const [status, setStatus] = useState('');
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);

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
        setStatus(T.loaded);
      })
      .catch((e: unknown) => {
        if (!current || refused(e)) return;
        setError(messageOf(e));
        setStatus('');
      })
      .finally(() => current && setBusy(false));
    return () => {
      current = false;
    };
    // A new choice or token is a new snapshot; `refused` only reads props.
  }, [token, choice]);

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

  return (
    <main class="dashboard" aria-busy={busy ? 'true' : 'false'}>
      <header class="dashboard-header">
        <h1 ref={heading} tabIndex={-1}>
          {snapshot ? T.titleOf(snapshot.org) : T.title}
        </h1>
        <button type="button" class="secondary" onClick={() => onSignOut()}>
          {T.signOut}
        </button>
      </header>
      {snapshot && <GuideHealth snapshot={snapshot} />}
      <PeriodPicker value={choice} onChange={setChoice} busy={busy} />
      <div class="actions export">
        <button type="button" disabled={!snapshot || busy} onClick={() => void exportCsv()}>
          {T.downloadCsv}
        </button>
        <button
          type="button"
          disabled={!snapshot || busy}
          onClick={() => {
            if (!snapshot) return;
            downloadJson(snapshot, `${fileBase(snapshot)}.json`);
            setStatus(T.jsonDownloaded);
          }}
        >
          {T.downloadJson}
        </button>
      </div>
      <p class="status-message" role="status">
        {status}
      </p>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      {snapshot && <SnapshotView snapshot={snapshot} labels={snapshot.labels} />}
    </main>
  );
}

export function Dashboard() {
  const [token, setToken] = useState(() => sessionStorage.getItem(TOKEN_KEY));
  const [notice, setNotice] = useState('');
  if (!token) {
    return (
      <SignIn
        notice={notice}
        onSignedIn={(t) => {
          sessionStorage.setItem(TOKEN_KEY, t);
          setNotice('');
          setToken(t);
        }}
      />
    );
  }
  return (
    <Snapshots
      token={token}
      onSignOut={(message) => {
        sessionStorage.removeItem(TOKEN_KEY);
        setNotice(message ?? '');
        setToken(null);
      }}
    />
  );
}
