import { useEffect, useState } from 'preact/hooks';
import { browser } from '../../platform/browser';
import type { ChecklistItem, PopupState } from '../../core/messages';
import { callBackground } from '../../platform/channel';
import { roleName, TEXT, withParts } from '../pageText';

const T = TEXT.popup;

const STATUS_TEXT: Record<ChecklistItem['status'], string> = T.statuses;

function statusText(item: ChecklistItem): string {
  return item.status === 'active'
    ? T.activeStep(item.stepIndex + 1, item.stepCount)
    : STATUS_TEXT[item.status];
}

/** The rep's launcher: role, the guides for this page, their checklist, and a pause switch. */
export function Popup() {
  const [tab, setTab] = useState<{ id: number; url: string } | null>(null);
  const [state, setState] = useState<PopupState | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [missing, setMissing] = useState<Record<string, number>>({});

  const load = async (current = tab) => {
    if (!current) return;
    setState(await callBackground('popup:state', { tabId: current.id, url: current.url }));
  };

  useEffect(() => {
    void (async () => {
      const [active] = await browser.tabs.query({ active: true, currentWindow: true });
      const current = { id: active?.id ?? -1, url: active?.url ?? '' };
      setTab(current);
      await load(current);
    })().catch((e: unknown) => setError(T.loadFailed(String(e))));
  }, []);

  // Counted over the whole event log, so asked for apart: the list never waits for it.
  useEffect(() => {
    callBackground('guides:list', {})
      .then(({ guides }) =>
        setMissing(Object.fromEntries(guides.map((g) => [g.id, g.targetMissing]))),
      )
      // Only a note for trainers; the popup works without it.
      .catch(() => undefined);
  }, []);

  if (!state) {
    return (
      <main class="popup">
        <h1>Waymark</h1>
        {error ? <p role="alert">{error}</p> : <p aria-live="polite">{T.loading}</p>}
      </main>
    );
  }

  const update = async (change: { role?: string; paused?: boolean }) => {
    setError(null);
    try {
      await callBackground('settings:update', change);
      await load();
    } catch (e) {
      setError(T.saveFailed(String(e)));
    }
  };

  const launch = async (guideId: string) => {
    setError(null);
    const result = await callBackground('popup:launch', { tabId: tab?.id ?? -1, guideId });
    if (result.ok) window.close();
    else setError(result.error ?? T.launchFailed);
  };

  const openAuthoring = async () => {
    setError(null);
    const result = await callBackground('author:open', { tabId: tab?.id ?? -1 });
    if (result.ok) window.close();
    else setError(result.error ?? T.authoringFailed);
  };

  const openActivity = async () => {
    setError(null);
    try {
      await browser.runtime.openOptionsPage();
      window.close();
    } catch (e) {
      setError(T.activityFailed(String(e)));
    }
  };

  const done = state.checklist.filter((i) => i.status === 'completed').length;
  const roleLabel = roleName(state.role, state.roles.find((r) => r.id === state.role)?.label);

  return (
    <main class="popup">
      <h1>Waymark</h1>
      <div class="row">
        <label for="role">{T.role}</label>
        <select
          id="role"
          value={state.role}
          // The organisation maps this user's CRM team or profile to a role, or allows only one.
          disabled={state.roleLocked}
          aria-describedby={state.roleLocked ? 'role-locked' : undefined}
          onChange={(e) => void update({ role: (e.currentTarget as HTMLSelectElement).value })}
        >
          {state.roles.map((r) => (
            <option value={r.id}>{roleName(r.id, r.label)}</option>
          ))}
          {!state.roles.some((r) => r.id === state.role) && (
            <option value={state.role}>{roleName(state.role)}</option>
          )}
        </select>
      </div>
      {state.roleLocked && (
        <p class="locked-note" id="role-locked">
          {TEXT.managed.setByOrg}
        </p>
      )}
      <div class="row">
        <label>
          <input
            type="checkbox"
            checked={state.paused}
            onChange={(e) => void update({ paused: (e.currentTarget as HTMLInputElement).checked })}
          />{' '}
          {T.pause}
        </label>
      </div>
      {error && (
        <p role="alert" class="error">
          {error}
        </p>
      )}
      {state.active && (
        <p class="active" aria-live="polite">
          {withParts(T.active, { title: <strong>{state.active.title}</strong> })}
        </p>
      )}
      {state.cohort !== undefined && state.cohort !== 'guided' && (
        // Observe-only or control group: measured without guidance, so nothing is offered here.
        <p class="quiet" data-cohort={state.cohort}>
          {T.notGuided}
        </p>
      )}

      {state.role === 'trainer' && state.page && (
        <section aria-labelledby="author-heading">
          <h2 id="author-heading">{T.authoringHeading}</h2>
          <button type="button" onClick={() => void openAuthoring()}>
            {T.writeGuide}
          </button>
        </section>
      )}

      {state.champion && /^(https:\/\/|mailto:)/i.test(state.champion.link) && (
        <p class="champion">
          <a
            href={state.champion.link}
            target="_blank"
            rel="noopener noreferrer"
            onClick={() => void callBackground('champion:asked', { url: tab?.url ?? '' })}
          >
            {T.askChampion(state.champion.name)}
          </a>
        </p>
      )}

      <section aria-labelledby="page-heading">
        <h2 id="page-heading">{T.pageHeading}</h2>
        {!state.page ? (
          <p class="empty">{T.notHere}</p>
        ) : state.pageGuides.length === 0 ? (
          <p class="empty">{T.noGuides(roleLabel)}</p>
        ) : (
          <ul class="guides">
            {state.pageGuides.map((g) => (
              <li>
                <div>
                  <span class="title">{g.title}</span>
                  {g.description && <span class="desc">{g.description}</span>}
                  {(missing[g.id] ?? 0) > 0 && (
                    <span class="note">{T.targetMissing(missing[g.id] ?? 0)}</span>
                  )}
                </div>
                <button
                  type="button"
                  disabled={state.paused}
                  aria-label={T.startGuide(g.title)}
                  onClick={() => void launch(g.id)}
                >
                  {T.start}
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="checklist-heading">
        <h2 id="checklist-heading">{T.checklistHeading}</h2>
        <p>
          <progress max={state.checklist.length} value={done} aria-label={T.checklistProgress} />{' '}
          {T.checklistDone(done, state.checklist.length)}
        </p>
        <ul class="checklist">
          {state.checklist.map((item) => (
            <li data-status={item.status}>
              <span aria-hidden="true">{item.status === 'completed' ? '✓' : '○'}</span>{' '}
              <span class="title">{item.title}</span> — <span>{statusText(item)}</span>
            </li>
          ))}
        </ul>
      </section>

      <footer class="footer">
        <button type="button" class="link" onClick={() => void openActivity()}>
          {T.myActivity}
        </button>
      </footer>
    </main>
  );
}
