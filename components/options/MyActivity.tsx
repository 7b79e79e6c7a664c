import { useRef } from 'preact/hooks';
import { ConfirmDialog } from './ConfirmDialog';
import type { ActivitySummary, GuideProgress } from '../../core/messages';
import type { StoredEvent } from '../../core/usage';
import { formatDateTime, TEXT } from '../pageText';
import { useMyActivity, type MyActivityState } from './useMyActivity';

const T = TEXT.activity;

const STATUS_TEXT: Record<GuideProgress['status'], string> = T.statuses;

function Time({ at }: { at: number }) {
  const date = new Date(at);
  return <time dateTime={date.toISOString()}>{formatDateTime(date)}</time>;
}

/** Score, field and count, when the event has them. */
function details(event: StoredEvent): string {
  const parts: string[] = [];
  if (event.score !== undefined) parts.push(T.score(event.score));
  if (event.field !== undefined) parts.push(T.field(event.field));
  if (event.count !== undefined) parts.push(T.count(event.count));
  return parts.join(', ');
}

function ProgressTable({ progress }: { progress: ActivitySummary['progress'] }) {
  if (progress.length === 0) {
    return <p class="empty">{T.noGuides}</p>;
  }
  return (
    <div class="table-wrap">
      <table>
        <caption>{T.progressCaption}</caption>
        <thead>
          <tr>
            <th scope="col">{T.guide}</th>
            <th scope="col">{T.status}</th>
            <th scope="col">{T.step}</th>
            <th scope="col">{T.lastActivity}</th>
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
                {p.status === 'active' ? T.stepOf(p.stepIndex + 1, p.stepCount) : ''}
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
    return <p class="empty">{T.noEvents}</p>;
  }
  return (
    <>
      <p class="count">
        {recent.length < total ? T.storedLatest(total, recent.length) : T.stored(total)}
      </p>
      <div class="table-wrap">
        <table class="events">
          <caption>{T.eventsCaption}</caption>
          <thead>
            <tr>
              <th scope="col">{T.time}</th>
              <th scope="col">{T.event}</th>
              <th scope="col">{T.pageType}</th>
              <th scope="col">{T.guide}</th>
              <th scope="col">{T.step}</th>
              <th scope="col">{T.details}</th>
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

/** The rep's export and erase of everything, the erase asked about first. */
function YourData({ activity }: { activity: MyActivityState }) {
  const { busy } = activity;
  const opener = useRef<HTMLButtonElement>(null);
  return (
    <>
      <section aria-labelledby="data-heading">
        <h2 id="data-heading">{T.dataHeading}</h2>
        <p>{T.dataIntro}</p>
        <div class="actions">
          <button type="button" disabled={busy} onClick={() => void activity.exportAll()}>
            {T.export}
          </button>
          <button
            type="button"
            class="danger"
            ref={opener}
            disabled={busy}
            onClick={activity.openConfirm}
          >
            {T.eraseAll}
          </button>
        </div>
      </section>

      <ConfirmDialog
        id="erase"
        open={activity.confirming}
        title={T.confirmTitle}
        text={T.confirmText}
        confirmLabel={T.erase}
        cancelLabel={T.cancel}
        busy={busy}
        onConfirm={() => void activity.eraseAll()}
        onClose={activity.closeConfirm}
        returnFocus={opener}
      />
    </>
  );
}

/**
 * "My activity": everything Waymark keeps about this rep, in this browser, with an export and an
 * erase. The data stays in the background's database; this page only asks for it.
 */
export function MyActivity() {
  const activity = useMyActivity();
  const { summary, error } = activity;
  return (
    <main class="activity">
      <h1>{T.title}</h1>
      <p class="intro">{T.intro}</p>

      {error && (
        <p role="alert" class="error">
          {error}
        </p>
      )}
      <p role="status" class="status-message">
        {activity.status}
      </p>

      {!summary ? (
        !error && <p aria-live="polite">{T.loading}</p>
      ) : (
        <>
          <section aria-labelledby="progress-heading">
            <h2 id="progress-heading">{T.progressHeading}</h2>
            <ProgressTable progress={summary.progress} />
          </section>

          <section aria-labelledby="events-heading">
            <h2 id="events-heading">{T.eventsHeading}</h2>
            <EventsTable recent={summary.recent} total={summary.totalEvents} />
          </section>

          <YourData activity={activity} />
        </>
      )}
    </main>
  );
}
