import { useEffect, useState } from 'preact/hooks';
import { browser } from '../../platform/browser';
import type { PopupState } from '../../core/messages';
import { callBackground } from '../../platform/channel';
import { TEXT, withParts } from '../pageText';
import { Checklist, PageGuides, RoleAndPause } from './sections';

const T = TEXT.popup;

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

  return (
    <main class="popup">
      <h1>Waymark</h1>
      <RoleAndPause state={state} onChange={(change) => void update(change)} />
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

      <PageGuides state={state} missing={missing} onStart={(id) => void launch(id)} />

      <Checklist items={state.checklist} />

      <footer class="footer">
        <button type="button" class="link" onClick={() => void openActivity()}>
          {T.myActivity}
        </button>
      </footer>
    </main>
  );
}
