import { StepCard } from '../StepCard';
import { UI_TEXT } from '../uiText';
import type { StepKindView } from './types';

const SCALES = { '1-5': [1, 5], '0-10': [0, 10] } as const;

export const surveyView: StepKindView<'survey'> = {
  kind: 'survey',
  arrowKeysAdvance: false,
  render: (props) => {
    const [min, max] = SCALES[props.step.scale];
    const scores = Array.from({ length: max - min + 1 }, (_, i) => min + i);
    return (
      <div class="wm-backdrop">
        <StepCard
          {...props}
          anchored={false}
          modal
          footer={
            <button type="button" onClick={props.on.skip}>
              {UI_TEXT.skip}
            </button>
          }
        >
          <p class="wm-question" id="wm-question" lang={props.textLang.own}>
            {props.step.question}
          </p>
          <div class="wm-scale" role="group" aria-labelledby="wm-question">
            {scores.map((n) => (
              <button
                type="button"
                aria-label={UI_TEXT.score(n, max)}
                data-primary={n === min ? '' : undefined}
                onClick={() => props.on.answer(n)}
              >
                {n}
              </button>
            ))}
          </div>
        </StepCard>
      </div>
    );
  },
};
