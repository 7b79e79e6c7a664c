// Injected by the background into a CRM tab when a trainer opens the authoring mode.
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { startAuthoring } from '../runtime/authoring/index';

export default defineUnlistedScript(() => {
  void startAuthoring().catch((error: unknown) => console.debug('[waymark]', error));
});
