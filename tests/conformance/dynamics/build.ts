/**
 * Builds the Dynamics 365 conformance page: `app.js` (one minified bundle) and `index.html`,
 * which the test server returns for every extension-less path (`/main.aspx?...`).
 *
 *   npx tsx tests/conformance/dynamics/build.ts [outDir]   (default .output/conformance/dynamics)
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const HERE = fileURLToPath(new URL('.', import.meta.url));
const DEFAULT_OUT_DIR = '.output/conformance/dynamics';

/** No inline script, root-absolute paths: `/main.aspx` and `/x/y` both load `/app.js`. */
const INDEX_HTML = `<!doctype html>
<html lang="en" dir="ltr">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>Dynamics 365</title>
    <link rel="icon" href="data:," />
    <script type="module" src="/app.js"></script>
  </head>
  <body>
    <div id="root"></div>
  </body>
</html>
`;

export async function buildDynamicsPage(outDir: string): Promise<void> {
  await mkdir(outDir, { recursive: true });
  await build({
    entryPoints: [join(HERE, 'app.tsx')],
    outfile: join(outDir, 'app.js'),
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    jsx: 'automatic',
    jsxImportSource: 'react',
    // The repository's tsconfig is Preact's; this page is React's.
    tsconfigRaw: { compilerOptions: { jsx: 'react-jsx', jsxImportSource: 'react' } },
    define: { 'process.env.NODE_ENV': '"production"' },
    // Pure ASCII: the record names hold em dashes, and a server that sends app.js without a
    // charset would otherwise have the browser guess its encoding.
    charset: 'ascii',
    legalComments: 'none',
    logLevel: 'warning',
  });
  await writeFile(join(outDir, 'index.html'), INDEX_HTML);
}

const invokedDirectly =
  process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href;

if (invokedDirectly) {
  const outDir = resolve(process.argv[2] ?? DEFAULT_OUT_DIR);
  const started = performance.now();
  buildDynamicsPage(outDir).then(
    () => {
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      console.log(
        `Dynamics conformance page built in ${relative(process.cwd(), outDir) || '.'} (${seconds} s)`,
      );
    },
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
