import { defineContentScript } from 'wxt/utils/define-content-script';
import { CRM_MATCHES } from '../core/adapters/hosts';
import { startGuidance } from '../runtime/runner';

export default defineContentScript({
  matches: CRM_MATCHES,
  allFrames: true,
  runAt: 'document_idle',
  main(ctx) {
    startGuidance(ctx.signal);
  },
});
