/** Publish to the organisation: as a draft or a pilot with its rollout, and how it went. */
import { T } from './panelText';
import { Problems } from './Problems';
import { RolloutFields } from './RolloutFields';
import type { Publish, PublishState } from './usePublish';

export function PublishGuide({ publish }: { publish: Publish }) {
  const { state, pilot, outcome } = publish;
  return (
    <details class="wm-author-more">
      <summary>{T.publish}</summary>
      <fieldset class="wm-author-roles">
        <legend>{T.publishAs}</legend>
        {(['draft', 'pilot'] as PublishState[]).map((choice) => (
          <label key={choice}>
            <input
              type="radio"
              name="wm-publish-state"
              value={choice}
              checked={state === choice}
              onChange={() => publish.setState(choice)}
            />{' '}
            {T.publishState[choice]}
          </label>
        ))}
      </fieldset>
      <p class="wm-author-note">{T.publishHelp[state]}</p>
      {state === 'pilot' && (
        <RolloutFields
          idPrefix="wm-pilot"
          rollout={pilot}
          onChange={(change) => publish.setPilot({ ...pilot, ...change })}
        />
      )}
      <button
        type="button"
        class="wm-primary"
        disabled={publish.busy}
        onClick={() => void publish.publish()}
      >
        {T.publishButton[state]}
      </button>
      {outcome &&
        (outcome.ok ? (
          <p class="wm-author-note">{outcome.text}</p>
        ) : (
          <>
            <p class="wm-author-problem" role="alert">
              {outcome.text}
            </p>
            <Problems problems={outcome.problems} />
          </>
        ))}
    </details>
  );
}
