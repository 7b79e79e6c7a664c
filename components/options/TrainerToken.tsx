/**
 * "Publishing guides": the trainer token the authoring panel publishes with. It is kept in the
 * extension and sent only to the organisation's endpoint; the page shows only whether one is set.
 */
import { useEffect, useState } from 'preact/hooks';
import type { TrainerView } from '../../core/messages';
import { callBackground } from '../../platform/channel';
import { TEXT } from '../pageText';
import { SectionStatus } from './SectionStatus';
import { useSectionAction } from './useSectionAction';

const T = TEXT.library;

export function TrainerToken() {
  const [view, setView] = useState<TrainerView | null>(null);
  const [typed, setTyped] = useState('');
  const load = async () => setView(await callBackground('trainer:get', {}));
  const { message, busy, act } = useSectionAction(load);
  useEffect(() => void load(), []);

  const keep = (token: string | null, said: string) =>
    act(async () => {
      setView(await callBackground('trainer:set', { token }));
      setTyped('');
      return { ok: true, text: said };
    });

  return (
    // Read again on entering the section: the endpoint may have been set under Sync meanwhile.
    <section aria-labelledby="trainer-heading" onFocusIn={() => void load()}>
      <h2 id="trainer-heading">{T.trainerHeading}</h2>
      <p class="intro">
        {view?.endpointUrl ? T.trainerIntro(view.endpointUrl) : T.trainerNoEndpoint}
      </p>
      <form
        class="sync-form"
        onSubmit={(e) => {
          e.preventDefault();
          void keep(typed, T.trainerSaved);
        }}
      >
        <label for="trainer-token">{T.trainerToken}</label>
        <input
          id="trainer-token"
          type="password"
          autocomplete="off"
          required
          placeholder={view?.tokenSet ? T.trainerTokenSet : ''}
          value={typed}
          onInput={(e) => setTyped((e.currentTarget as HTMLInputElement).value)}
        />
        <div class="actions">
          <button type="submit" disabled={busy || !typed.trim()}>
            {T.trainerSave}
          </button>
          {view?.tokenSet && (
            <button
              type="button"
              class="secondary"
              disabled={busy}
              onClick={() => void keep(null, T.trainerForgotten)}
            >
              {T.trainerForget}
            </button>
          )}
        </div>
      </form>
      <SectionStatus message={message} />
    </section>
  );
}
