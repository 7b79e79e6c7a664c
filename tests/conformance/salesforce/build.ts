/**
 * Builds the Salesforce Lightning conformance page: the components in ./modules compiled with
 * Salesforce's own LWC compiler and lightning-base-components, twice:
 *
 * - `native/`: no synthetic shadow, so every LWC shadow root is a real (open) shadow root;
 * - `synthetic/`: `@lwc/synthetic-shadow` loaded first, as Lightning Experience runs today.
 *
 * CLI: `npx tsx tests/conformance/salesforce/build.ts [outDir]`
 * (default `.output/conformance/salesforce`).
 */
import { copyFile, mkdir, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import lwc from '@lwc/rollup-plugin';
import { rollup, type Plugin, type RollupCache } from 'rollup';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const MODULES_DIR = path.join(HERE, 'modules');
const DEFAULT_OUT_DIR = '.output/conformance/salesforce';
const require = createRequire(import.meta.url);

export const BUNDLES = ['native', 'synthetic'] as const;
export type BundleName = (typeof BUNDLES)[number];

/**
 * The icons the page and the base components it uses can draw. lightning-primitive-icon imports a
 * whole category of SVG templates (thousands of them, megabytes of LWC templates) on first use;
 * compiling those would take most of the build, so each category is cut down to these. An icon
 * left out renders as an empty `<svg><use href="">`, as it does while Lightning loads the set.
 */
const ICONS: Readonly<Record<string, readonly string[]>> = {
  utility: [
    'check',
    'clear',
    'close',
    'down',
    'error',
    'event',
    'info',
    'left',
    'right',
    'search',
    'success',
  ],
  standard: ['log_a_call', 'opportunity', 'task'],
};
const ICON_CATEGORIES = ['Utility', 'Action', 'Standard', 'Doctype', 'Custom'];
const ICON_LIBRARY = new RegExp(`^lightning/iconSvgTemplates(${ICON_CATEGORIES.join('|')})(Rtl)?$`);
const ICON_PREFIX = '\0slds-icons:';

function iconSubset(): Plugin {
  return {
    name: 'slds-icon-subset',
    resolveId(source) {
      const match = ICON_LIBRARY.exec(source);
      return match ? `${ICON_PREFIX}${match[1]}${match[2] ?? ''}` : null;
    },
    load(id) {
      if (!id.startsWith(ICON_PREFIX)) return null;
      const library = id.slice(ICON_PREFIX.length);
      const category = library.replace(/Rtl$/, '').toLowerCase();
      const dir = path.dirname(
        require.resolve(
          `lightning-base-components/src/lightning/iconSvgTemplates${library}/buildTemplates/templates.js`,
        ),
      );
      const names = ICONS[category] ?? [];
      const imports = names.map(
        (name) =>
          `import ${category}_${name} from ${JSON.stringify(path.join(dir, category, `${name}.html`))};`,
      );
      const entries = names.map((name) => `${category}_${name}`).join(', ');
      return `${imports.join('\n')}\nexport default { ${entries} };\n`;
    },
  };
}

/** What a bundler's `define` does: the engine's dev checks and LBC's SSR branches drop out. */
function productionDefines(): Plugin {
  return {
    name: 'production-defines',
    transform(code) {
      if (!code.includes('process.env.NODE_ENV') && !code.includes('import.meta.env.SSR')) {
        return null;
      }
      return {
        code: code
          .replaceAll('process.env.NODE_ENV', '"production"')
          .replaceAll('import.meta.env.SSR', 'false'),
        map: null,
      };
    },
  };
}

const ENTRY_PREFIX = path.join(MODULES_DIR, '.entry-');

/**
 * The entry module, one per bundle. It lives (virtually) inside the modules directory so the LWC
 * module resolver finds `c/*` and `lightning/*` from it.
 */
function entry(bundle: BundleName): Plugin {
  const id = `${ENTRY_PREFIX}${bundle}.js`;
  return {
    name: 'conformance-entry',
    resolveId: (source) => (source === id ? id : null),
    load(loaded) {
      if (loaded !== id) return null;
      return [
        // Synthetic shadow patches the DOM, so it must run before the engine and any component.
        bundle === 'synthetic' ? "import '@lwc/synthetic-shadow';" : '',
        "import { createElement } from 'lwc';",
        "import App from 'c/app';",
        "const app = createElement('c-app', { is: App });",
        `app.setAttribute('data-shadow-mode', '${bundle}');`,
        "document.getElementById('app').appendChild(app);",
      ].join('\n');
    },
  };
}

const INDEX_HTML = `<!doctype html>
<html lang="en" dir="ltr">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>Lightning Experience | Salesforce</title>
    <link rel="icon" href="data:," />
    <link rel="stylesheet" href="/slds.css" />
    <link rel="stylesheet" href="/page.css" />
    <script type="module" src="/app.js"></script>
  </head>
  <body class="desktop">
    <div id="app"></div>
  </body>
</html>
`;

/** The few page-level rules Lightning's one.app shell adds around SLDS. */
const PAGE_CSS = `html,
body {
  background: #eef1f6;
  margin: 0;
}
.oneContent {
  padding: 0.75rem 0.75rem 5rem;
}
.oneContent .slds-card + .slds-card {
  margin-top: 0.75rem;
}
`;

async function buildBundle(
  bundle: BundleName,
  outDir: string,
  cache: RollupCache | undefined,
): Promise<RollupCache | undefined> {
  const warnings: string[] = [];
  const build = await rollup({
    input: `${ENTRY_PREFIX}${bundle}.js`,
    cache,
    treeshake: true,
    onwarn(warning) {
      // Circular imports inside the engine and lightning-base-components are by design, and the
      // LWC compiler has template remarks on lightning-base-components (duplicate slots in
      // lightning-card…) that Salesforce ships as is. Remarks on our own modules fail the build.
      if (warning.code === 'CIRCULAR_DEPENDENCY') return;
      if (warning.loc?.file?.includes(`${path.sep}lightning-base-components${path.sep}`)) return;
      warnings.push(warning.message);
    },
    plugins: [
      entry(bundle),
      iconSubset(),
      productionDefines(),
      lwc({
        rootDir: MODULES_DIR,
        modules: [{ dir: MODULES_DIR }, { npm: 'lightning-base-components' }],
        // lightning-combobox calls attachInternals(), which synthetic shadow refuses unless the
        // component was compiled with this (as the platform compiles base components).
        enableSyntheticElementInternals: true,
      }),
    ],
  });
  const dir = path.join(outDir, bundle);
  await mkdir(dir, { recursive: true });
  await build.write({
    file: path.join(dir, 'app.js'),
    format: 'es',
    inlineDynamicImports: true,
  });
  await build.close();
  if (warnings.length > 0) {
    throw new Error(`${bundle} bundle: ${warnings.length} warning(s)\n${warnings.join('\n')}`);
  }
  await Promise.all([
    writeFile(path.join(dir, 'index.html'), INDEX_HTML),
    writeFile(path.join(dir, 'page.css'), PAGE_CSS),
    copyFile(
      require.resolve('@salesforce-ux/design-system/assets/styles/salesforce-lightning-design-system.min.css'),
      path.join(dir, 'slds.css'),
    ),
  ]);
  return build.cache;
}

/** Builds `outDir/native/` and `outDir/synthetic/`. */
export async function buildSalesforcePages(outDir: string): Promise<void> {
  await Promise.all(
    BUNDLES.map((bundle) => rm(path.join(outDir, bundle), { recursive: true, force: true })),
  );
  // The second build reuses the first one's compiled modules: only the entry differs.
  const cache = await buildBundle('native', outDir, undefined);
  await buildBundle('synthetic', outDir, cache);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const outDir = path.resolve(process.argv[2] ?? DEFAULT_OUT_DIR);
  const started = performance.now();
  buildSalesforcePages(outDir).then(
    () => {
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      console.log(`Salesforce conformance pages built in ${outDir} (${seconds} s)`);
    },
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
