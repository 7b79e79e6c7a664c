// Injected by the background into a CRM frame where a workflow step could be performed: watches,
// without any UI, for the user doing the steps of workflows not being shown (core/workflow.ts).
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { callBackground } from '../platform/channel';
import { observeWorkflows } from '../runtime/observeWorkflows';

/** Where the running observer leaves its controller, so an injection replaces the one before. */
const OBSERVER_GLOBAL = '__waymarkObserver';

export default defineUnlistedScript(() => {
  const global = globalThis as Record<string, unknown>;
  (global[OBSERVER_GLOBAL] as AbortController | undefined)?.abort();
  const control = new AbortController();
  global[OBSERVER_GLOBAL] = control;
  // Typing reports its step once, not per keystroke; the next different step clears it.
  let last = '';
  void callBackground('workflow:watch', {})
    .then(({ steps, anchors }) => {
      if (control.signal.aborted) return;
      observeWorkflows(
        document,
        steps,
        (anchor) => anchors[anchor] ?? '',
        ({ guideId, stepId }) => {
          const key = `${guideId}\n${stepId}`;
          if (key === last) return;
          last = key;
          try {
            void callBackground('workflow:step', { guideId, stepId }).catch((e: unknown) =>
              console.debug('[waymark]', e),
            );
          } catch {
            // The extension was updated or removed: this observer speaks for nobody now.
            control.abort();
          }
        },
        control.signal,
      );
    })
    .catch((e: unknown) => console.debug('[waymark]', e));
});
