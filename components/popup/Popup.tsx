import { TEXT, withParts } from '../pageText';
import { Authoring, Checklist, PageGuides, RoleAndPause } from './sections';
import { usePopupState } from './usePopupState';

const T = TEXT.popup;

/** The rep's launcher: role, the guides for this page, their checklist, and a pause switch. */
export function Popup() {
  const popup = usePopupState();
  const { state, error } = popup;

  if (!state) {
    return (
      <main class="popup">
        <h1>Waymark</h1>
        {error ? <p role="alert">{error}</p> : <p aria-live="polite">{T.loading}</p>}
      </main>
    );
  }

  return (
    <main class="popup">
      <h1>Waymark</h1>
      <RoleAndPause state={state} onChange={(change) => void popup.update(change)} />
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
        <Authoring onOpen={() => void popup.openAuthoring()} />
      )}

      {state.champion && /^(https:\/\/|mailto:)/i.test(state.champion.link) && (
        <p class="champion">
          <a
            href={state.champion.link}
            target="_blank"
            rel="noopener noreferrer"
            onClick={() => void popup.reportChampionAsked()}
          >
            {T.askChampion(state.champion.name)}
          </a>
        </p>
      )}

      <PageGuides state={state} missing={popup.missing} onStart={(id) => void popup.launch(id)} />

      <Checklist items={state.checklist} />

      <footer class="footer">
        <button type="button" class="link" onClick={() => void popup.openActivity()}>
          {T.myActivity}
        </button>
      </footer>
    </main>
  );
}
