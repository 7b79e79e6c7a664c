// Injected by the background into a CRM frame's content-script world when guidance is needed.
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { GUIDE_UI_GLOBAL, type GuideUi } from '../runtime/launcher';
import { startGuidance } from '../runtime/guidance';

export default defineUnlistedScript(() => {
  const ui: GuideUi = { startGuidance };
  (globalThis as Record<string, unknown>)[GUIDE_UI_GLOBAL] = ui;
});
