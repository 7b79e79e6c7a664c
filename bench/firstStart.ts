/**
 * The first guide on a new install: from the first CRM page's navigation to the first step
 * visible, on a fresh profile, and on the same profile started again (the policy read once is
 * kept, so pages are answered at once). The unpacked build, like a store install, is no
 * organisation's deployment, so its first page does not wait for Chrome's first answer about the
 * managed policy; only a force-installed ("admin") or side-loaded one does, so that an
 * observe-only organisation never sees guidance flash.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { INSPECTABLE_DIR, launchBrowser } from '../scripts/chromium';

export interface FirstStartResult {
  /** Per run: navigation → first step, on a fresh profile. */
  freshMs: number[];
  /** Per run: the same, after a restart of that profile. */
  restartMs: number[];
}

async function openFirstGuide(profile: string, crm: string): Promise<number> {
  const context = await launchBrowser(profile, INSPECTABLE_DIR);
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    const started = Date.now();
    await page.goto(`${crm}/app/opportunities/opp-1001?delay=0`);
    await page.locator('waymark-layer [role=dialog]').waitFor({ timeout: 30_000 });
    return Date.now() - started;
  } finally {
    await context.close();
  }
}

export async function firstStart(crm: string, runs: number): Promise<FirstStartResult> {
  const result: FirstStartResult = { freshMs: [], restartMs: [] };
  for (let i = 0; i < runs; i++) {
    const profile = mkdtempSync(join(tmpdir(), 'waymark-bench-first-'));
    try {
      result.freshMs.push(await openFirstGuide(profile, crm));
      result.restartMs.push(await openFirstGuide(profile, crm));
    } finally {
      rmSync(profile, { recursive: true, force: true });
    }
  }
  return result;
}
