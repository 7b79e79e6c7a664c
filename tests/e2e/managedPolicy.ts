/**
 * A real managed policy for end-to-end tests: Chromium reads policy files from its managed policy
 * directory (`/etc/chromium/policies/managed/*.json` on Linux). The directory is global, so each
 * test names a copy of the build made for it: an unpacked extension's id comes from its path, so
 * the copy has an id of its own and the policy touches nothing else.
 */
import { createHash } from 'node:crypto';
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
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { EXTENSION_DIR } from './fixtures';

/** Debian's Chromium; Google Chrome reads /etc/opt/chrome/policies/managed instead. */
export const POLICY_DIR = process.env.WAYMARK_POLICY_DIR ?? '/etc/chromium/policies/managed';

/** Chromium's id for an unpacked extension: sha256 of its absolute path, 32 hex digits as a–p. */
export function extensionIdForPath(dir: string): string {
  const hex = createHash('sha256').update(dir).digest('hex').slice(0, 32);
  return [...hex].map((digit) => String.fromCharCode(97 + parseInt(digit, 16))).join('');
}

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

/**
 * One policy test at a time, across test workers: Chromium reloads the managed policy whenever a
 * file in that directory changes, and of several files naming the same top-level policy
 * ("3rdparty") only one is used — so two tests writing their files at once would take each
 * other's policy away mid-test. A directory made atomically is the lock; one left by a test
 * process that is gone is taken over.
 */
const LOCK = join(tmpdir(), 'waymark-e2e-policy.lock');
const LOCK_WAIT_MS = 180_000;

function holderAlive(): boolean {
  try {
    const pid = Number(readFileSync(join(LOCK, 'pid'), 'utf8'));
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function takePolicyLock(): Promise<void> {
  const until = Date.now() + LOCK_WAIT_MS;
  for (;;) {
    try {
      mkdirSync(LOCK);
      writeFileSync(join(LOCK, 'pid'), String(process.pid));
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      if (!holderAlive()) {
        rmSync(LOCK, { recursive: true, force: true });
        continue;
      }
      if (Date.now() > until) {
        throw new Error(`Another policy test held ${LOCK} for too long`, { cause: error });
      }
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
}

/** Copies the build to a path of its own, whose id the policy file names. */
export async function managedCopy(prefix: string): Promise<ManagedCopy> {
  assertPolicyDirWritable();
  await takePolicyLock();
  const work = realpathSync(mkdtempSync(join(tmpdir(), prefix)));
  const extensionDir = join(work, 'extension');
  cpSync(EXTENSION_DIR, extensionDir, { recursive: true });
  const id = extensionIdForPath(extensionDir);
  const policyFile = join(POLICY_DIR, `waymark-e2e-${id}.json`);
  return {
    work,
    extensionDir,
    id,
    policyFile,
    writePolicy: (policy) =>
      writeFileSync(policyFile, JSON.stringify({ '3rdparty': { extensions: { [id]: policy } } })),
    remove: () => {
      rmSync(policyFile, { force: true });
      rmSync(work, { recursive: true, force: true });
      rmSync(LOCK, { recursive: true, force: true });
    },
  };
}

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
