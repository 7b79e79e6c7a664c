import { defineContentScript } from 'wxt/utils/define-content-script';
import { startLauncher } from '../runtime/launcher';

export default defineContentScript({
  // Every adapter's hosts, set in the manifest by wxt.config.ts (core/adapters/index.ts).
  matches: ['https://waymark.invalid/*'],
  allFrames: true,
  runAt: 'document_idle',
  main(ctx) {
    startLauncher(ctx.signal);
  },
});
