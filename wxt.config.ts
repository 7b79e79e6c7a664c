import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';
import { CRM_MATCHES } from './core/adapters/hosts';

export default defineConfig({
  // Explicit imports everywhere: files read the same in the extension, in Node tests and scripts.
  imports: false,
  manifest: ({ browser }) => ({
    name: 'Waymark',
    description:
      'Role-specific walkthroughs, tooltips and field tips inside your CRM. Usage stays in your browser.',
    permissions: ['storage', 'webNavigation', 'scripting', 'alarms'],
    // What IT may set through browser policy (core/policy.ts, npm run policy:schema).
    storage: { managed_schema: 'managed_schema.json' },
    host_permissions: CRM_MATCHES,
    // The sync endpoint is wherever the organisation runs it; asked for when it is set.
    optional_host_permissions: ['https://*/*', 'http://*/*'],
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'waymark@waymark.dev',
              strict_min_version: '128.0',
              // Nothing leaves the browser yet; the Firefox add-on store asks extensions to say so.
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
  vite: () => ({
    plugins: [preact()],
    // Chrome rejects the whole extension when a bundle holds a raw U+FFFF (minified Dexie does).
    esbuild: { charset: 'ascii' },
  }),
  zip: {
    excludeSources: ['.output/**', 'test-results/**', 'playwright-report/**', '.bench/**'],
  },
});
