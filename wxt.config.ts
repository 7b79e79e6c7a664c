import preact from '@preact/preset-vite';
import type { Plugin } from 'vite';
import { defineConfig } from 'wxt';
import { CRM_MATCHES } from './core/adapters';
import { ICON_SIZES, TOOLBAR_ICON_SIZES, iconMap } from './scripts/icons-manifest';

/**
 * Preact writes `innerHTML` only for an element given `dangerouslySetInnerHTML`, which Waymark
 * never renders: eslint forbids it in JSX, and this plugin fails the build when any other bundled
 * module names it. Its one assignment becomes a throw, so the HTML sink is gone from the package
 * (add-on linters flag it) and stays unreachable even for props spread from data.
 */
function preactWithoutHtmlSink(): Plugin {
  const PREACT = /\/node_modules\/preact\/dist\/preact\.mjs$/;
  const SINK = /\((\w+)\.innerHTML=(\w+)\.__html\)/g;
  const SCRIPT = /\.[cm]?[jt]sx?(?:\?|$)/;
  return {
    name: 'waymark:preact-without-html-sink',
    // Packages only: the dev server pre-bundles Preact elsewhere, and nothing of it is shipped.
    apply: 'build',
    transform(code, id) {
      if (PREACT.test(id)) {
        const sinks = code.match(SINK)?.length ?? 0;
        if (sinks !== 1) this.error(`expected 1 innerHTML assignment in Preact, found ${sinks}`);
        const gone = '(()=>{throw Error("dangerouslySetInnerHTML is not supported")})()';
        return { code: code.replace(SINK, gone), map: null };
      }
      if (SCRIPT.test(id) && code.includes('dangerouslySetInnerHTML')) {
        this.error(`${id} names dangerouslySetInnerHTML, which this build removes from Preact`);
      }
      return null;
    },
  };
}

export default defineConfig({
  // Explicit imports everywhere: files read the same in the extension, in Node tests and scripts.
  imports: false,
  // A build of one's own (tests/e2e/package.spec.ts) while others build into .output.
  outDir: process.env.WAYMARK_OUT_DIR ?? '.output',
  manifest: ({ browser, manifestVersion }) => ({
    name: 'Waymark',
    description:
      'Role-specific walkthroughs, tooltips and field tips inside your CRM. Usage stays in your browser.',
    // Each one is justified in the README's "Permissions" section.
    permissions: ['storage', 'webNavigation', 'scripting', 'alarms'],
    // What IT may set through browser policy (core/policy.ts, npm run policy:schema).
    storage: { managed_schema: 'managed_schema.json' },
    host_permissions: CRM_MATCHES,
    // The sync endpoint is wherever the organisation runs it; asked for when it is set. Plain
    // http is only for this machine, which the host permissions already cover.
    optional_host_permissions: ['https://*/*'],
    // PNGs rendered from assets/icon.svg by `npm run icons`.
    icons: iconMap(ICON_SIZES),
    ...(manifestVersion === 2
      ? {
          browser_action: { default_icon: iconMap(TOOLBAR_ICON_SIZES) },
          // MV2 has no optional_host_permissions: origins to ask for later are listed here.
          optional_permissions: ['https://*/*'],
        }
      : { action: { default_icon: iconMap(TOOLBAR_ICON_SIZES) } }),
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'waymark@waymark.dev',
              // data_collection_permissions needs Firefox 140 (the ESR) and Android 142.
              strict_min_version: '140.0',
              // Nothing is needed to use Waymark. Sync, off until the rep or the policy turns it
              // on, sends counters of pages opened and guides used on the CRM (websiteActivity)
              // and of Waymark's own use (technicalAndInteraction): asked for when the rep turns
              // it on (platform/dataCollection.ts).
              data_collection_permissions: {
                required: ['none'],
                optional: ['websiteActivity', 'technicalAndInteraction'],
              },
            },
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
  hooks: {
    // The launcher runs on every adapter's hosts. Named here rather than in its entry, where the
    // expression would bundle every adapter into the script each CRM page loads.
    'build:manifestGenerated': (_wxt, manifest) => {
      for (const script of manifest.content_scripts ?? []) {
        if (script.js?.includes('content-scripts/content.js')) script.matches = [...CRM_MATCHES];
      }
    },
  },
  vite: () => ({
    plugins: [preact(), preactWithoutHtmlSink()],
    // Chrome rejects the whole extension when a bundle holds a raw U+FFFF (minified Dexie does).
    esbuild: { charset: 'ascii' },
  }),
  zip: {
    // The sources zip ignores .gitignore: local data, reports and builds are left out here.
    excludeSources: [
      '.output/**',
      'test-results/**',
      'playwright-report/**',
      '.bench/**',
      'coverage/**',
      'server/data/**',
      '**/*.log',
    ],
  },
});
