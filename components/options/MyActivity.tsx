import { useEffect, useRef, useState } from 'preact/hooks';
import type { ActivitySummary, GuideProgress } from '../../core/messages';
import type { StoredEvent } from '../../core/usage';
import { callBackground } from '../../runtime/channel';
import { downloadJson } from '../download';

const STATUS_TEXT: Record<GuideProgress['status'], string> = {
  active: 'In progress',
  completed: 'Done',
  dismissed: 'Closed',
  abandoned: 'Left unfinished',
};

function reason(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** `YYYY-MM-DD` in the rep's own time zone, for the export's file name. */
function localDate(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

function Time({ at }: { at: number }) {
  const date = new Date(at);
  return <time dateTime={date.toISOString()}>{date.toLocaleString()}</time>;
}

/** Score, field and count, when the event has them. */
function details(event: StoredEvent): string {
  const parts: string[] = [];
  if (event.score !== undefined) parts.push(`score ${event.score}`);
  if (event.field !== undefined) parts.push(`field ${event.field}`);
  if (event.count !== undefined) parts.push(`count ${event.count}`);
  return parts.join(', ');
}

function ProgressTable({ progress }: { progress: ActivitySummary['progress'] }) {
  if (progress.length === 0) {
    return <p class="empty">You have not started any guides yet.</p>;
  }
  return (
    <div class="table-wrap">
      <table>
        <caption>Guides you have started, most recent first</caption>
        <thead>
          <tr>
            <th scope="col">Guide</th>
            <th scope="col">Status</th>
            <th scope="col">Step</th>
            <th scope="col">Last activity</th>
          </tr>
        </thead>
        <tbody>
          {progress.map((p) => (
            <tr key={p.guideId} data-status={p.status}>
              <th scope="row">{p.title}</th>
              <td>
                <span class="status">{STATUS_TEXT[p.status]}</span>
              </td>
              <td class="step">
                {p.status === 'active' ? `step ${p.stepIndex + 1} of ${p.stepCount}` : ''}
              </td>
              <td>
                <Time at={p.updatedAt} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function EventsTable({ recent, total }: { recent: StoredEvent[]; total: number }) {
  if (total === 0 && recent.length === 0) {
    return <p class="empty">No events stored.</p>;
  }
  return (
    <>
      <p class="count">
        {plural(total, 'event')} stored
        {recent.length < total ? `; the latest ${recent.length} are shown here.` : '.'}
      </p>
      <div class="table-wrap">
        <table class="events">
          <caption>Recent events, newest first</caption>
          <thead>
            <tr>
              <th scope="col">Time</th>
              <th scope="col">Event</th>
              <th scope="col">Page type</th>
              <th scope="col">Guide</th>
              <th scope="col">Step</th>
              <th scope="col">Details</th>
            </tr>
          </thead>
          <tbody>
            {recent.map((e, i) => (
              <tr key={e.seq ?? `${e.at}-${i}`}>
                <td>
                  <Time at={e.at} />
                </td>
                <td>
                  <code>{e.kind}</code>
                </td>
                <td>
                  <code>{e.pageType}</code>
                </td>
                <td>{e.guideId ?? ''}</td>
                <td>{e.stepId ?? ''}</td>
                <td>{details(e)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

/**
 * "My activity": everything Waymark keeps about this rep, in this browser, with an export and an
 * erase. The data stays in the background's database; this page only asks for it.
 */
export function MyActivity() {
  const [summary, setSummary] = useState<ActivitySummary | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);
  const dialog = useRef<HTMLDialogElement>(null);
  const opener = useRef<HTMLButtonElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);

  const load = async () => setSummary(await callBackground('activity:get', {}));

  useEffect(() => {
    load().catch((e: unknown) =>
      setError(`Your activity could not be loaded. Reload the page to try again. (${reason(e)})`),
    );
  }, []);

  const exportAll = async () => {
    setError(null);
    setStatus('');
    setBusy(true);
    try {
      const data = await callBackground('activity:export', {});
      downloadJson(data, `waymark-activity-${localDate(new Date())}.json`);
      setStatus(`Exported ${plural(data.events.length, 'event')}.`);
    } catch (e) {
      setError(`The export did not work; nothing was changed. Try again. (${reason(e)})`);
    } finally {
      setBusy(false);
    }
  };

  const openConfirm = () => {
    setError(null);
    setStatus('');
    dialog.current?.showModal();
    // Start on the safe choice.
    cancel.current?.focus();
  };

  const closeConfirm = () => dialog.current?.close();

  const eraseAll = async () => {
    setBusy(true);
    let erased: number;
    try {
      ({ erased } = await callBackground('activity:erase', {}));
    } catch (e) {
      closeConfirm();
      setError(`Your activity could not be erased; nothing was removed. Try again. (${reason(e)})`);
      return;
    } finally {
      setBusy(false);
    }
    closeConfirm();
    setStatus(`Erased ${plural(erased, 'event')}.`);
    try {
      await load();
    } catch (e) {
      setError(`Your activity was erased, but this page could not refresh. (${reason(e)})`);
    }
  };

  return (
    <main class="activity">
      <h1>My activity</h1>
      <p class="intro">
        This data stays in this browser. Waymark keeps your progress through guides and usage events
        by page type (which guide step was shown, completed or skipped, and on what kind of CRM
        page). It never keeps field values, record ids, names or addresses.
      </p>

      {error && (
        <p role="alert" class="error">
          {error}
        </p>
      )}
      <p role="status" class="status-message">
        {status}
      </p>

      {!summary ? (
        !error && <p aria-live="polite">Loading…</p>
      ) : (
        <>
          <section aria-labelledby="progress-heading">
            <h2 id="progress-heading">Guide progress</h2>
            <ProgressTable progress={summary.progress} />
          </section>

          <section aria-labelledby="events-heading">
            <h2 id="events-heading">Recent events</h2>
            <EventsTable recent={summary.recent} total={summary.totalEvents} />
          </section>

          <section aria-labelledby="data-heading">
            <h2 id="data-heading">Your data</h2>
            <p>
              Export saves everything Waymark keeps about you as a JSON file. Erase removes it from
              this browser.
            </p>
            <div class="actions">
              <button type="button" disabled={busy} onClick={() => void exportAll()}>
                Export
              </button>
              <button
                type="button"
                class="danger"
                ref={opener}
                disabled={busy}
                onClick={openConfirm}
              >
                Erase everything…
              </button>
            </div>
          </section>

          <dialog
            ref={dialog}
            aria-labelledby="erase-heading"
            aria-describedby="erase-text"
            // Esc, Cancel or Erase: focus goes back to the button that opened the dialog.
            onClose={() => opener.current?.focus()}
          >
            <h2 id="erase-heading">Erase all your activity?</h2>
            <p id="erase-text">
              This erases the event log, your guide progress and anything waiting to be synced, from
              this browser. It cannot be undone. Your chosen role stays.
            </p>
            <div class="actions">
              <button
                type="button"
                class="danger-solid"
                disabled={busy}
                onClick={() => void eraseAll()}
              >
                Erase
              </button>
              <button
                type="button"
                class="secondary"
                ref={cancel}
                disabled={busy}
                onClick={closeConfirm}
              >
                Cancel
              </button>
            </div>
          </dialog>
        </>
      )}
    </main>
  );
}
