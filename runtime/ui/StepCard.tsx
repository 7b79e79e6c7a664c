import type { ComponentChildren } from 'preact';
import type { StepViewProps } from './steps/types';
import { RichText } from './RichText';
import { UI_TEXT } from './uiText';

interface StepCardProps extends StepViewProps {
  /** Blocks the page behind a backdrop (modal and survey steps). */
  modal?: boolean;
  children?: ComponentChildren;
  /** Replaces the usual Back/Next footer (surveys answer instead). */
  footer?: ComponentChildren;
}

/** Links a champion may be reached by: a web page or chat channel, or an e-mail address. */
const SAFE_LINK = /^(https:\/\/|mailto:)/i;

/** The bubble every step kind shares: title, text, progress and the walkthrough controls. */
export function StepCard(props: StepCardProps) {
  const { step, guideTitle, textLang, index, total, on, anchored, modal, children, footer } = props;
  const { champion, autoLaunched } = props;
  const on_ = step.advance?.on ?? 'next';
  const last = index + 1 === total;
  return (
    <div
      class={anchored ? 'wm-card' : 'wm-card wm-centered'}
      role="dialog"
      aria-modal={modal ? 'true' : undefined}
      aria-labelledby={step.title ? 'wm-title' : undefined}
      aria-label={step.title ? undefined : guideTitle}
      aria-describedby={step.body ? 'wm-body' : undefined}
      tabIndex={-1}
      data-floating={anchored ? '' : undefined}
      data-step={step.id}
    >
      {anchored && <div class="wm-arrow" data-arrow />}
      <div class="wm-head">
        <h2 id="wm-title" class="wm-title" lang={textLang.title}>
          {step.title ?? guideTitle}
        </h2>
        <button type="button" class="wm-close" aria-label={UI_TEXT.close} onClick={on.exit}>
          ×
        </button>
      </div>
      {step.body && (
        <div id="wm-body" class="wm-body" lang={textLang.body}>
          <RichText source={step.body} />
        </div>
      )}
      {children}
      {champion && SAFE_LINK.test(champion.link) && (
        <p class="wm-champion">
          <a
            href={champion.link}
            target="_blank"
            rel="noopener noreferrer"
            onClick={on.askChampion}
          >
            {UI_TEXT.askChampion(champion.name)}
          </a>
        </p>
      )}
      {autoLaunched && (
        <div class="wm-later">
          <button type="button" onClick={on.snooze}>
            {UI_TEXT.remindLater}
          </button>
          <button type="button" onClick={on.never}>
            {UI_TEXT.neverAgain}
          </button>
        </div>
      )}
      <div class="wm-foot">
        <span class="wm-progress">{UI_TEXT.progress(index + 1, total)}</span>
        {index > 0 && (
          <button type="button" onClick={on.back}>
            {UI_TEXT.back}
          </button>
        )}
        {footer ??
          (on_ === 'next' ? (
            <button type="button" class="wm-primary" data-primary onClick={on.next}>
              {last ? UI_TEXT.done : UI_TEXT.next}
            </button>
          ) : (
            <>
              <button type="button" onClick={on.skip}>
                {UI_TEXT.skip}
              </button>
              {'target' in step && on_ !== 'visible' && (
                <button type="button" class="wm-primary" data-primary onClick={on.reveal}>
                  {UI_TEXT.reveal}
                </button>
              )}
            </>
          ))}
      </div>
    </div>
  );
}
