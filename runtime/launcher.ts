/**
 * What runs on every CRM page: a few hundred bytes that ask the background whether anything is
 * to be shown here (an active walkthrough, an auto-launching guide, a launch from the popup) and,
 * only then, have the background inject the guide UI (Preact, Floating UI, the step components).
 * Pages without guidance never pay for the UI.
 */
import type { startGuidance } from './guidance';
import { answerTabMessages, callBackground } from '../platform/channel';
import { createUsageRecorder, USAGE_RECORDER_GLOBAL } from './usageRecorder';
import { watchRoute } from './watchRoute';

/** Where the injected guide UI leaves its entry point, in the content scripts' own world. */
export const GUIDE_UI_GLOBAL = '__waymarkGuideUi';

export interface GuideUi {
  startGuidance: typeof startGuidance;
}

/**
 * Only the top-most frame of a same-origin stack runs walkthroughs; it reaches into same-origin
 * iframes itself. A frame whose parent is another origin is its own top.
 */
export function isGuideFrame(): boolean {
  if (window === window.top) return true;
  try {
    return !window.parent.document;
  } catch {
    return true;
  }
}

export function startLauncher(signal: AbortSignal): void {
  if (!isGuideFrame()) return;
  (globalThis as Record<string, unknown>)[USAGE_RECORDER_GLOBAL] = createUsageRecorder(signal);
  const watching = new AbortController();
  signal.addEventListener('abort', () => watching.abort(), { once: true });
  let handedOver = false;

  const handOver = async (launchGuideId?: string) => {
    if (handedOver) return;
    handedOver = true;
    watching.abort();
    await callBackground('ui:load', {});
    const ui = (globalThis as Record<string, unknown>)[GUIDE_UI_GLOBAL] as GuideUi | undefined;
    ui?.startGuidance(signal, launchGuideId);
  };

  /** What the page last showed of the user's team and profile (policy role rules). */
  let shown: string | undefined;
  const check = async (viewed: boolean) => {
    if (handedOver) return;
    const state = await callBackground('page:guides', { url: location.href, viewed });
    // Asked for only when the organisation maps CRM teams or profiles to roles.
    const user = state.user;
    if (user) {
      const chip = document.querySelector(user.selector);
      const values = user.attributes.map((name) => (name && chip?.getAttribute(name)) || null);
      if (values.join('\n') !== shown) {
        shown = values.join('\n');
        await callBackground('page:user', { values });
      }
    }
    if (
      !state.paused &&
      (state.active ||
        state.autoLaunch ||
        state.fields.length > 0 ||
        state.launcher ||
        state.announcement)
    ) {
      await handOver();
    }
  };
  // Failures stay in the console: the page is never disturbed.
  const safely = (task: Promise<unknown>) =>
    void task.catch((e: unknown) => console.debug('[waymark]', e));

  const checkRoute = watchRoute(() => safely(check(true)), watching.signal);
  answerTabMessages(
    {
      'tab:route': () => checkRoute(),
      'tab:refresh': () => safely(check(false)),
      'tab:launch': ({ guideId }) => safely(handOver(guideId)),
    },
    watching.signal,
  );
  safely(check(true));
}
