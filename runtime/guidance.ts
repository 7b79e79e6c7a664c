/**
 * Guidance in one CRM frame: asks the background what to show on this page, finds
 * each step's target, shows the step and turns what the user does into run actions. The run itself
 * lives in the background, so it survives navigation and reloads. Every step owns one
 * AbortController: moving on is one abort(), which removes its UI, observers and listeners.
 */
import { answerTabMessages } from '../platform/channel';
import { RunState } from './run/runState';
import { watchRoute } from './watchRoute';

/**
 * Runs guidance in this frame until `signal` aborts. `launchGuideId` starts that guide at once
 * (the rep asked for it in the launcher); otherwise the background says what fits the page.
 */
export function startGuidance(
  signal: AbortSignal,
  launchGuideId?: string,
  doc: Document = document,
): void {
  const run = new RunState(signal, doc);

  function onRoute(): void {
    // The CRM may have re-rendered everything: the step finds its target again.
    run.enqueue(() => {
      run.endStep();
      return run.refresh(true);
    });
  }

  const checkRoute = watchRoute(onRoute, signal);
  answerTabMessages(
    {
      'tab:route': () => checkRoute(),
      'tab:launch': ({ guideId }) => run.enqueue(() => run.start(guideId)),
      'tab:refresh': () => run.enqueue(() => run.refresh()),
    },
    signal,
  );
  signal.addEventListener('abort', () => run.endStep(), { once: true });
  if (launchGuideId) {
    run.enqueue(() => run.refresh(false, false));
    run.enqueue(() => run.start(launchGuideId));
  } else {
    run.enqueue(() => run.refresh());
  }
}
