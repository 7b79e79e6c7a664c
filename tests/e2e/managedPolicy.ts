/**
 * A real managed policy for end-to-end tests: Chromium reads policy files from its managed policy
 * directory (`/etc/chromium/policies/managed/*.json` on Linux). The directory is global, so each
 * test names a copy of the build made for it: an unpacked extension's id comes from its path, so
 * the copy has an id of its own and the policy touches nothing else.
 */
import { execFileSync } from 'node:child_process';
import { createHash, generateKeyPairSync } from 'node:crypto';
import {
  accessSync,
  constants,
  cpSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  realpathSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { freePolicyLock, takePolicyLock } from '../policyLock';
import { CHROMIUM, EXTENSION_DIR } from './fixtures';

/** Debian's Chromium; Google Chrome reads /etc/opt/chrome/policies/managed instead. */
export const POLICY_DIR = process.env.WAYMARK_POLICY_DIR ?? '/etc/chromium/policies/managed';

/** Chromium's extension ids: sha256 of what names the extension, 32 hex digits as a–p. */
const idOf = (name: string | Buffer) =>
  [...createHash('sha256').update(name).digest('hex').slice(0, 32)]
    .map((digit) => String.fromCharCode(97 + parseInt(digit, 16)))
    .join('');

/** Chromium's id for an unpacked extension: named by its absolute path. */
export const extensionIdForPath = (dir: string): string => idOf(dir);

export function assertPolicyDirWritable(): void {
  try {
    mkdirSync(POLICY_DIR, { recursive: true });
    accessSync(POLICY_DIR, constants.W_OK);
  } catch (error) {
    throw new Error(
      `This test writes a real Chromium policy file to ${POLICY_DIR}, which is not writable here ` +
        `(${(error as NodeJS.ErrnoException).code ?? String(error)}). Run it as root, as CI does ` +
        '(or point WAYMARK_POLICY_DIR at the managed policy directory of the Chromium under test).',
      { cause: error },
    );
  }
}

export interface ManagedCopy {
  /** A temporary directory for the test's own files (the copy of the build is inside). */
  work: string;
  extensionDir: string;
  id: string;
  policyFile: string;
  /** Writes (or rewrites) the policy for this copy only. */
  writePolicy(policy: Record<string, unknown>): void;
  /** Removes the policy file and the temporary directory. */
  remove(): void;
}

/** Takes the lock and copies the build to a temporary directory of the test's own. */
async function copyOfBuild(prefix: string): Promise<{ work: string; extensionDir: string }> {
  assertPolicyDirWritable();
  await takePolicyLock();
  const work = realpathSync(mkdtempSync(join(tmpdir(), prefix)));
  const extensionDir = join(work, 'extension');
  cpSync(EXTENSION_DIR, extensionDir, { recursive: true });
  return { work, extensionDir };
}

/** Removes a test's policy file and files, and frees the lock for the next policy test. */
function removeCopy(work: string, policyFile?: string): void {
  if (policyFile) rmSync(policyFile, { force: true });
  rmSync(work, { recursive: true, force: true });
  freePolicyLock();
}

const policyFileOf = (id: string) => join(POLICY_DIR, `waymark-e2e-${id}.json`);
const extensionPolicy = (id: string, policy: Record<string, unknown>) => ({
  '3rdparty': { extensions: { [id]: policy } },
});

/** Copies the build to a path of its own, whose id the policy file names. */
export async function managedCopy(prefix: string): Promise<ManagedCopy> {
  const { work, extensionDir } = await copyOfBuild(prefix);
  const id = extensionIdForPath(extensionDir);
  const policyFile = policyFileOf(id);
  return {
    work,
    extensionDir,
    id,
    policyFile,
    writePolicy: (policy) => writeFileSync(policyFile, JSON.stringify(extensionPolicy(id, policy))),
    remove: () => removeCopy(work, policyFile),
  };
}

export interface ForceInstall {
  id: string;
  /**
   * Writes the policy an organisation deploys: install the extension (from a local update server)
   * and apply `policy` to it. DevTools stay allowed on it, so the test can read its worker;
   * Chromium's default keeps them off force-installed extensions.
   */
  writePolicy(policy: Record<string, unknown>): void;
  remove(): Promise<void>;
}

/**
 * The build packed as IT pushes it: a CRX signed with a throw-away key, served with its update
 * manifest by a local server, and named by `ExtensionInstallForcelist`, so Chromium installs it
 * as "admin". The policy reaches every Chromium on the machine, so a test using it runs alone
 * (the `alone` project in playwright.config.ts).
 */
export async function forceInstalledCopy(prefix: string): Promise<ForceInstall> {
  const { work, extensionDir } = await copyOfBuild(prefix);
  let server: Server | undefined;
  try {
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const keyFile = join(work, 'key.pem');
    writeFileSync(keyFile, privateKey.export({ type: 'pkcs8', format: 'pem' }));
    execFileSync(
      CHROMIUM,
      [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        `--pack-extension=${extensionDir}`,
        `--pack-extension-key=${keyFile}`,
      ],
      { stdio: 'ignore' },
    );
    const crx = readFileSync(`${extensionDir}.crx`);
    const id = idOf(publicKey.export({ type: 'spki', format: 'der' }));
    const { version } = JSON.parse(readFileSync(join(extensionDir, 'manifest.json'), 'utf8')) as {
      version: string;
    };
    const crxServer = createServer((request, response) => {
      if (request.url?.startsWith('/updates.xml')) {
        response.writeHead(200, { 'content-type': 'text/xml' });
        response.end(
          `<?xml version="1.0" encoding="UTF-8"?><gupdate xmlns="http://www.google.com/update2/response" protocol="2.0">` +
            `<app appid="${id}"><updatecheck codebase="${urlOf(crxServer)}/waymark.crx" version="${version}"/></app></gupdate>`,
        );
      } else {
        response.writeHead(200, { 'content-type': 'application/x-chrome-extension' });
        response.end(crx);
      }
    });
    server = crxServer;
    await new Promise<void>((resolve) => crxServer.listen(0, '127.0.0.1', resolve));
    const policyFile = policyFileOf(id);
    return {
      id,
      writePolicy: (policy) =>
        writeFileSync(
          policyFile,
          JSON.stringify({
            ExtensionInstallForcelist: [`${id};${urlOf(crxServer)}/updates.xml`],
            DeveloperToolsAvailability: 1,
            ...extensionPolicy(id, policy),
          }),
        ),
      remove: async () => {
        removeCopy(work, policyFile);
        await new Promise((resolve) => crxServer.close(resolve));
      },
    };
  } catch (error) {
    server?.close();
    removeCopy(work);
    throw error;
  }
}

const urlOf = (server: Server) => `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

/** A message to the background as the options page sends it; errors come back as text. */
export function ask(page: Page, type: string, data: unknown): Promise<unknown> {
  return page.evaluate(
    async ({ type, data }) => {
      const runtime = (
        globalThis as unknown as {
          chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } };
        }
      ).chrome.runtime;
      try {
        const reply = (await runtime.sendMessage({ type, data })) as {
          __mozWebExtensionPolyfillReject__?: boolean;
          message?: string;
        } | null;
        return reply?.__mozWebExtensionPolyfillReject__ ? { error: reply.message } : reply;
      } catch (error) {
        return { error: (error as Error).message };
      }
    },
    { type, data },
  );
}
