// Injected by the background the first time the rep opens the help panel on a CRM page.
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { openHelpPanel } from '../runtime/help/openHelpPanel';
import { HELP_PANEL_GLOBAL, type HelpPanelEntry } from '../runtime/help/panelEntry';

export default defineUnlistedScript(() => {
  const entry: HelpPanelEntry = { open: openHelpPanel };
  (globalThis as Record<string, unknown>)[HELP_PANEL_GLOBAL] = entry;
});
