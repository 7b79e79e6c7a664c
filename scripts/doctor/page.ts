/**
 * Runs the probe in a live CRM page. The probe is the runtime's own resolver, bundled on the fly,
 * and it is evaluated over the DevTools protocol in an isolated world, as a content script runs:
 * the page's Content-Security-Policy does not apply there, and page scripts that patch globals
 * cannot change the answer.
 */
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import type { CDPSession, Page } from '@playwright/test';
import type { ProbeRequest, ProbeResult } from './types';

const PROBE_ENTRY = fileURLToPath(new URL('./probe.ts', import.meta.url));
const GLOBAL = '__waymarkDoctor';

/** The probe as one classic script that defines `__waymarkDoctor.probe`. */
export async function probeScript(): Promise<string> {
  const result = await build({
    entryPoints: [PROBE_ENTRY],
    bundle: true,
    write: false,
    format: 'iife',
    globalName: GLOBAL,
    platform: 'browser',
    target: 'chrome120',
    // Same as the extension build: no raw non-ASCII characters in what the browser parses.
    charset: 'ascii',
    logLevel: 'silent',
  });
  const [file] = result.outputFiles;
  if (!file) throw new Error('The page probe did not bundle.');
  return file.text;
}

async function isolatedWorld(cdp: CDPSession): Promise<number> {
  const { frameTree } = await cdp.send('Page.getFrameTree');
  const { executionContextId } = await cdp.send('Page.createIsolatedWorld', {
    frameId: frameTree.frame.id,
    worldName: 'waymark-guides-doctor',
  });
  return executionContextId;
}

/** Waits for and explains every requested target in the page's top document. */
export async function probePage(
  page: Page,
  requests: readonly ProbeRequest[],
): Promise<ProbeResult[]> {
  if (requests.length === 0) return [];
  const script = await probeScript();
  const cdp = await page.context().newCDPSession(page);
  try {
    const contextId = await isolatedWorld(cdp);
    const { result, exceptionDetails } = await cdp.send('Runtime.evaluate', {
      expression: `${script}\n;${GLOBAL}.probe(${JSON.stringify(requests)})`,
      contextId,
      awaitPromise: true,
      returnByValue: true,
    });
    if (exceptionDetails) {
      const reason = exceptionDetails.exception?.description ?? exceptionDetails.text;
      throw new Error(`The check failed inside the page: ${reason}`);
    }
    return result.value as ProbeResult[];
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}
