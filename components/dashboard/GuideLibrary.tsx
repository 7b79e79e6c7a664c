/**
 * The organisation's guides in the dashboard, for admin and trainer tokens alike: each guide's
 * live version, pilot and drafts; every version with who published it and when (a token's label,
 * never a person); who changed what; two versions compared in words; promote and roll back after
 * a confirmation, the endpoint's own sentence when it refuses, and the list read again after.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { GuideVersionView, GuideView } from '../../core/guide/lifecycle';
import type { Rollout } from '../../core/guide/schema';
import { formatDateTime, TEXT } from '../pageText';
import { changeGuide, EndpointError, fetchGuideLibrary, messageOf, type GuideAction } from './api';
import { VersionComparison } from './VersionComparison';
import { StatusLine } from './StatusLine';

const G = TEXT.guideLibrary;

function rolloutInWords(rollout: Rollout | null): string {
  if (!rollout) return G.rollout.percent(100);
  const { percent, cohorts, from, until } = rollout;
  return [
    G.rollout.percent(percent),
    ...(cohorts ? [G.rollout.cohorts(cohorts.join(', '))] : []),
    ...(from ? [G.rollout.from(from)] : []),
    ...(until ? [G.rollout.until(until)] : []),
  ].join(', ');
}

/** What a version offers: a draft or pilot can be promoted, a retired one rolled back to. */
function actionOf(version: GuideVersionView): GuideAction | null {
  if (version.state === 'draft' || version.state === 'pilot') return 'promote';
  return version.state === 'retired' ? 'rollback' : null;
}

const actionLabel = (action: GuideAction, version: number) =>
  action === 'promote' ? G.promote(version) : G.rollBack(version);

interface PendingChange {
  guide: GuideView;
  action: GuideAction;
  version: number;
  /** The button that asked: focus goes back to it when the change is cancelled. */
  opener: HTMLElement | null;
}

function ConfirmChange({
  change,
  busy,
  onConfirm,
  onCancel,
}: {
  change: PendingChange;
  busy: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => dialog.current?.showModal(), []);
  const { guide, action, version } = change;
  const next = Math.max(...guide.versions.map((v) => v.number)) + 1;
  // Closed first: while the dialog is modal, nothing outside it can take the focus back.
  const cancel = () => {
    dialog.current?.close();
    onCancel();
  };
  return (
    <dialog
      ref={dialog}
      class="confirm-change"
      aria-labelledby="confirm-change-title"
      aria-describedby="confirm-change-text"
      onCancel={(e) => {
        // Esc: the dialog goes with the pending change, once nothing is being sent.
        e.preventDefault();
        if (!busy) cancel();
      }}
    >
      <h2 id="confirm-change-title">{actionLabel(action, version)}</h2>
      <p id="confirm-change-text">
        {action === 'promote'
          ? G.confirmPromote(version, guide.title)
          : G.confirmRollBack(version, guide.title, next)}
      </p>
      <div class="actions">
        <button type="button" disabled={busy} onClick={onConfirm}>
          {busy ? G.working : G.confirm}
        </button>
        {/* Cancel has the focus first: confirming is a deliberate second step. */}
        <button type="button" class="secondary" autofocus disabled={busy} onClick={cancel}>
          {G.cancel}
        </button>
      </div>
    </dialog>
  );
}

function changeInWords(change: GuideView['changes'][number]): string {
  switch (change.action) {
    case 'publish':
      return change.state === 'pilot'
        ? G.changes.publishPilot(change.number)
        : G.changes.publishDraft(change.number);
    case 'promote':
      return G.changes.promote(change.number);
    case 'rollback':
      return G.changes.rollback(change.number);
    case 'retire':
      return G.changes.retire(change.number);
  }
}

const when = (at: string) => <time dateTime={at}>{formatDateTime(new Date(at))}</time>;

function GuideCard({
  guide,
  refusal,
  busy,
  onAction,
}: {
  guide: GuideView;
  refusal: string | undefined;
  busy: boolean;
  onAction: (action: GuideAction, version: number, opener: HTMLElement) => void;
}) {
  const headingId = `guide-${guide.guideId}`;
  const versions = [...guide.versions].sort((a, b) => b.number - a.number);
  const pilot = versions.find((v) => v.number === guide.pilot);
  const drafts = versions.filter((v) => v.state === 'draft').map((v) => v.number);
  return (
    <section class="guide-card" aria-labelledby={headingId} data-guide={guide.guideId}>
      <h3 id={headingId} tabIndex={-1}>
        {guide.title}
      </h3>
      <p class="guide-id">
        <code>{guide.guideId}</code>
      </p>
      <ul class="guide-states">
        <li data-state="live">{guide.live !== null ? G.live(guide.live) : G.noLive}</li>
        {pilot && (
          <li data-state="pilot">{G.pilot(pilot.number, rolloutInWords(pilot.rollout))}</li>
        )}
        {drafts.length > 0 && <li data-state="draft">{G.drafts(drafts.reverse().join(', '))}</li>}
      </ul>
      {refusal && (
        <p class="error" role="alert">
          {refusal}
        </p>
      )}
      <table class="guide-versions">
        <caption>{G.versions}</caption>
        <thead>
          <tr>
            <th scope="col">{G.version}</th>
            <th scope="col">{G.state}</th>
            <th scope="col">{G.publishedBy}</th>
            <th scope="col">{G.publishedAt}</th>
            <th scope="col">{G.actions}</th>
          </tr>
        </thead>
        <tbody>
          {versions.map((version) => {
            const action = actionOf(version);
            return (
              <tr key={version.number} data-version={version.number} data-state={version.state}>
                <th scope="row">{version.number}</th>
                <td>
                  {version.state === 'pilot'
                    ? G.pilotState(rolloutInWords(version.rollout))
                    : G.states[version.state]}
                </td>
                <td>{version.publishedBy}</td>
                <td>{when(version.publishedAt)}</td>
                <td>
                  {action && (
                    <button
                      type="button"
                      class="secondary"
                      disabled={busy}
                      onClick={(e) => onAction(action, version.number, e.currentTarget)}
                    >
                      {actionLabel(action, version.number)}
                    </button>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <details class="guide-history">
        <summary>{G.history}</summary>
        <table>
          <thead>
            <tr>
              <th scope="col">{G.when}</th>
              <th scope="col">{G.who}</th>
              <th scope="col">{G.what}</th>
            </tr>
          </thead>
          <tbody>
            {[...guide.changes].reverse().map((change) => (
              <tr key={change.seq}>
                <td>{when(change.at)}</td>
                <td>{change.by}</td>
                <td>{changeInWords(change)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
      {guide.versions.length > 1 && <VersionComparison guide={guide} />}
    </section>
  );
}

export function GuideLibrary({
  token,
  onSignOut,
}: {
  token: string;
  onSignOut: (notice: string) => void;
}) {
  const [guides, setGuides] = useState<GuideView[] | null>(null);
  const [status, setStatus] = useState(G.loading);
  const [error, setError] = useState('');
  /** The endpoint's sentence for a refused change, shown with its guide. */
  const [refusals, setRefusals] = useState<Record<string, string>>({});
  const [pending, setPending] = useState<PendingChange | null>(null);
  const [busy, setBusy] = useState(false);
  const [reads, setReads] = useState(0);
  /** What to say, and which guide's heading takes focus, once the list is read again. */
  const afterRead = useRef<{ status: string; focus: string } | null>(null);

  const refused = (e: unknown) => {
    if (e instanceof EndpointError && e.status === 401) {
      onSignOut(TEXT.dashboard.signInAgain(e.message));
      return true;
    }
    return false;
  };

  useEffect(() => {
    let current = true;
    fetchGuideLibrary(token)
      .then((list) => {
        if (!current) return;
        setGuides(list);
        setError('');
        const then = afterRead.current;
        afterRead.current = null;
        setStatus(then?.status || G.loaded(list.length));
        if (then)
          requestAnimationFrame(() => document.getElementById(`guide-${then.focus}`)?.focus());
      })
      .catch((e: unknown) => {
        if (!current || refused(e)) return;
        setError(messageOf(e));
        setStatus('');
      });
    return () => {
      current = false;
    };
    // A new token or a change made is a new read; `refused` only reads props.
  }, [token, reads]);

  const change = async () => {
    if (!pending) return;
    const { guide, action, version } = pending;
    setBusy(true);
    let said = '';
    try {
      const view = await changeGuide(token, guide.guideId, action, version);
      said =
        action === 'promote'
          ? G.promoted(version, guide.title)
          : G.rolledBack(version, guide.title, view.live ?? version);
      setRefusals((all) =>
        Object.fromEntries(Object.entries(all).filter(([id]) => id !== guide.guideId)),
      );
    } catch (e) {
      if (refused(e)) return;
      setRefusals((others) => ({ ...others, [guide.guideId]: messageOf(e) }));
    } finally {
      setBusy(false);
      setPending(null);
    }
    // Refused or not, the list is read again: a 409 means someone else changed the guide.
    afterRead.current = { status: said, focus: guide.guideId };
    setReads((n) => n + 1);
  };

  return (
    <section class="guide-library" aria-labelledby="guide-library-heading">
      <h2 id="guide-library-heading">{G.heading}</h2>
      <p class="intro">{G.intro}</p>
      <StatusLine status={status} error={error} />
      {guides?.length === 0 && <p>{G.none}</p>}
      {guides?.map((guide) => (
        <GuideCard
          key={guide.guideId}
          guide={guide}
          refusal={refusals[guide.guideId]}
          busy={busy}
          onAction={(action, version, opener) => setPending({ guide, action, version, opener })}
        />
      ))}
      {pending && (
        <ConfirmChange
          change={pending}
          busy={busy}
          onConfirm={() => void change()}
          onCancel={() => {
            pending.opener?.focus();
            setPending(null);
          }}
        />
      )}
    </section>
  );
}
