import { useEffect, useState } from 'preact/hooks';
import { browser } from '../../platform/browser';
import type { ChecklistItem, PopupState } from '../../core/messages';
import { callBackground } from '../../runtime/channel';

const STATUS_TEXT: Record<ChecklistItem['status'], string> = {
  'not-started': 'Not started',
  active: 'In progress',
  completed: 'Done',
  dismissed: 'Closed',
  abandoned: 'Left unfinished',
};

function statusText(item: ChecklistItem): string {
  return item.status === 'active'
    ? `In progress, step ${item.stepIndex + 1} of ${item.stepCount}`
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
    })().catch((e: unknown) => setError(`Waymark could not load: ${String(e)}`));
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
        {error ? <p role="alert">{error}</p> : <p aria-live="polite">Loading…</p>}
      </main>
    );
  }

  const update = async (change: { role?: string; paused?: boolean }) => {
    setError(null);
    try {
      await callBackground('settings:update', change);
      await load();
    } catch (e) {
      setError(`Could not save: ${String(e)}`);
    }
  };

  const launch = async (guideId: string) => {
    setError(null);
    const result = await callBackground('popup:launch', { tabId: tab?.id ?? -1, guideId });
    if (result.ok) window.close();
    else setError(result.error ?? 'The guide could not start.');
  };

  const openAuthoring = async () => {
    setError(null);
    const result = await callBackground('author:open', { tabId: tab?.id ?? -1 });
    if (result.ok) window.close();
    else setError(result.error ?? 'The authoring panel could not open.');
  };

  const openActivity = async () => {
    setError(null);
    try {
      await browser.runtime.openOptionsPage();
      window.close();
    } catch (e) {
      setError(`Could not open My activity: ${String(e)}`);
    }
  };

  const done = state.checklist.filter((i) => i.status === 'completed').length;
  const roleLabel = state.roles.find((r) => r.id === state.role)?.label ?? state.role;

  return (
    <main class="popup">
      <h1>Waymark</h1>
      <div class="row">
        <label for="role">Your role</label>
        <select
          id="role"
          value={state.role}
          onChange={(e) => void update({ role: (e.currentTarget as HTMLSelectElement).value })}
        >
          {state.roles.map((r) => (
            <option value={r.id}>{r.label}</option>
          ))}
        </select>
      </div>
      <div class="row">
        <label>
          <input
            type="checkbox"
            checked={state.paused}
            onChange={(e) => void update({ paused: (e.currentTarget as HTMLInputElement).checked })}
          />{' '}
          Pause guidance
        </label>
      </div>
      {error && (
        <p role="alert" class="error">
          {error}
        </p>
      )}
      {state.active && (
        <p class="active" aria-live="polite">
          In progress: <strong>{state.active.title}</strong>
        </p>
      )}

      {state.role === 'trainer' && state.page && (
        <section aria-labelledby="author-heading">
          <h2 id="author-heading">Authoring</h2>
          <button type="button" onClick={() => void openAuthoring()}>
            Write a guide on this page
          </button>
        </section>
      )}

      <section aria-labelledby="page-heading">
        <h2 id="page-heading">On this page</h2>
        {!state.page ? (
          <p class="empty">Waymark does not run on this page.</p>
        ) : state.pageGuides.length === 0 ? (
          <p class="empty">No guides for {roleLabel} on this page.</p>
        ) : (
          <ul class="guides">
            {state.pageGuides.map((g) => (
              <li>
                <div>
                  <span class="title">{g.title}</span>
                  {g.description && <span class="desc">{g.description}</span>}
                  {(missing[g.id] ?? 0) > 0 && (
                    <span class="note">target missing {missing[g.id]}× here</span>
                  )}
                </div>
                <button
                  type="button"
                  disabled={state.paused}
                  aria-label={`Start ${g.title}`}
                  onClick={() => void launch(g.id)}
                >
                  Start
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="checklist-heading">
        <h2 id="checklist-heading">Your onboarding checklist</h2>
        <p>
          <progress max={state.checklist.length} value={done} aria-label="Checklist progress" />{' '}
          {done} of {state.checklist.length} done
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
          My activity
        </button>
      </footer>
    </main>
  );
}
