/**
 * Guide health, as an admin meets it: a CRM release broke what a step looks for, its browsers
 * sent the misses with the names of the strategies that found nothing, and the dashboard's first
 * screen says which step, how much worse than the week before, and the doctor's command to run.
 */
import { chromium, type Browser } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addDays } from '../../core/snapshot/days';
import { utcDay } from '../../core/days';
import { createToken } from '../../server/tokens';
import { startAcmeEndpoint } from '../acmeEndpoint';
import { expectNoAxeViolations } from '../axe';
import { batch, post, stepBrokenByRelease } from '../unit/server/helpers';
import { CHROMIUM, expect, test } from './fixtures';

let browser: Browser;
test.beforeAll(async () => {
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
});
test.afterAll(async () => {
  await browser.close();
});

test('a step whose target went missing after a CRM release is flagged first, with what failed', async () => {
  const work = mkdtempSync(join(tmpdir(), 'waymark-health-'));
  const { endpoint, token } = await startAcmeEndpoint(work, {
    guidesDir: join(import.meta.dirname, '../../guides'),
  });
  try {
    const admin = (await createToken(endpoint.store, 'acme', 'admin')).token;
    // The browsers' days around a CRM release that broke the Log a call guide's first step.
    for (const signals of stepBrokenByRelease(addDays(utcDay(Date.now()), -1))) {
      expect((await post(endpoint.url, token, batch(signals))).status).toBe(200);
    }

    const page = await (
      await browser.newContext({ viewport: { width: 1280, height: 800 } })
    ).newPage();
    await page.goto(endpoint.url);
    await page.getByLabel('Admin or trainer token').fill(admin);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('status')).toHaveText('Snapshot loaded.');
    const health = page.getByRole('region', { name: 'Guide steps losing their target' });
    await expect(health).toBeInViewport();
    const flagged = health.getByRole('listitem');
    await expect(flagged).toHaveCount(1);
    await expect(flagged.getByRole('heading')).toHaveText(
      'Log a call on an opportunity, version 1, step “open”',
    );
    await expect(flagged).toContainText(/: 33(\.3)? ?% of 30 runs, against 0 ?% of 280 runs/);
    await expect(flagged).toContainText('Found nothing: anchor (10×), text (5×).');
    await expect(flagged).toContainText('Page type: opportunity:record.');
    await expect(flagged.locator('code')).toHaveText(
      'npm run guides:doctor -- --url URL-OF-THAT-PAGE',
    );
    await expectNoAxeViolations(page);
  } finally {
    await endpoint.close();
    rmSync(work, { recursive: true, force: true });
  }
});
