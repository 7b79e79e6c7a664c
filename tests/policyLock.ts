/**
 * One holder of the machine's browser policy at a time, across test workers. Policy files are
 * global: Chromium reloads its managed policy whenever a file in its directory changes, and of
 * several files naming the same top-level policy ("3rdparty") only one is used; Firefox reads its
 * one `policies.json` when it starts. Two tests writing at once would take each other's policy
 * away, or hand it to a browser that was not meant to have one. A directory made atomically is
 * the lock; one left by a test process that is gone is taken over.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

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

export async function takePolicyLock(): Promise<void> {
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

export function freePolicyLock(): void {
  rmSync(LOCK, { recursive: true, force: true });
}

/** Runs `work` holding the lock. */
export async function withPolicyLock<T>(work: () => Promise<T>): Promise<T> {
  await takePolicyLock();
  try {
    return await work();
  } finally {
    freePolicyLock();
  }
}
