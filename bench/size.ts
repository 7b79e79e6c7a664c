/** Content script weight: what every CRM page downloads, against the budget and Shepherd. */
import { build } from 'esbuild';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/** What every CRM page pays, guidance or not: the content script alone. */
export const CONTENT_BUDGET_BYTES = 3 * 1024;

const gz = (data: Uint8Array | string) => gzipSync(data, { level: 9 }).length;

/** gzip size of the content script(s) every CRM page loads, JS and CSS together. */
export function contentScriptBytes(outputDir = '.output/chrome-mv3'): number {
  const dir = join(outputDir, 'content-scripts');
  const files = readdirSync(dir).filter((f) => f.endsWith('.js') || f.endsWith('.css'));
  return gz(Buffer.concat(files.map((f) => readFileSync(join(dir, f)))));
}

/**
 * gzip size of an injected script: `guide-ui` (pages with guidance or the help button) or
 * `help-panel` (once the rep opens the panel).
 */
export function injectedBytes(
  name: 'guide-ui' | 'help-panel',
  outputDir = '.output/chrome-mv3',
): number {
  return gz(readFileSync(join(outputDir, `${name}.js`)));
}

/** Shepherd (the closest open-source tour library), minified by the same tool, with its CSS. */
export async function shepherdBytes(): Promise<number> {
  const result = await build({
    stdin: {
      contents: "import Shepherd from 'shepherd.js'; globalThis.Shepherd = Shepherd;",
      resolveDir: '.',
    },
    bundle: true,
    minify: true,
    write: false,
    format: 'iife',
    logLevel: 'silent',
  });
  const css = await build({
    entryPoints: ['node_modules/shepherd.js/dist/css/shepherd.css'],
    minify: true,
    write: false,
    logLevel: 'silent',
  });
  const js = result.outputFiles[0]?.contents ?? new Uint8Array();
  const sheet = css.outputFiles[0]?.contents ?? new Uint8Array();
  return gz(Buffer.concat([js, sheet]));
}
