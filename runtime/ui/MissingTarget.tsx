import { UI_TEXT } from './uiText';

interface MissingTargetProps {
  guideTitle: string;
  onRetry(): void;
  onSkip(): void;
  onExit(): void;
}

/** Shown when a step's target never appeared: it says so plainly and never blocks the page. */
export function MissingTarget({ guideTitle, onRetry, onSkip, onExit }: MissingTargetProps) {
  return (
    <div
      class="wm-card wm-missing"
      role="alertdialog"
      aria-labelledby="wm-title"
      aria-describedby="wm-body"
      tabIndex={-1}
    >
      <div class="wm-head">
        <h2 id="wm-title" class="wm-title">
          {UI_TEXT.missingTitle}
        </h2>
      </div>
      <p id="wm-body" class="wm-body">
        {UI_TEXT.missingBody(guideTitle)}
      </p>
      <div class="wm-foot">
        <button type="button" class="wm-primary" data-primary onClick={onRetry}>
          {UI_TEXT.retry}
        </button>
        <button type="button" onClick={onSkip}>
          {UI_TEXT.skipStep}
        </button>
        <button type="button" onClick={onExit}>
          {UI_TEXT.exit}
        </button>
      </div>
    </div>
  );
}
