import { defineContentScript } from 'wxt/utils/define-content-script';
import { CRM_MATCHES } from '../core/adapters/hosts';
import { startLauncher } from '../runtime/launcher';

export default defineContentScript({
  matches: CRM_MATCHES,
  allFrames: true,
  runAt: 'document_idle',
  main(ctx) {
    startLauncher(ctx.signal);
  },
});
