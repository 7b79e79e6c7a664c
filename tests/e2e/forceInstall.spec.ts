/**
 * A new install that IT pushed (force-installed by policy, as Chromium reports it: "admin") in an
 * observe-only organisation: its first CRM page waits for the browser's first answer about the
 * policy, so guidance never flashes. The force-install policy reaches every Chromium on the
 * machine, so this file runs alone, after the others (the `alone` project).
 */
import type { BrowserContext } from '@playwright/test';
import {
  expect,
  extensionIdOf,
  launchManagedBrowser,
  policyAnswered,
  storedEvents,
  test,
} from './fixtures';
import { forceInstalledCopy } from './managedPolicy';

/** How Chromium says the extension was installed (`management.getSelf().installType`). */
async function installTypeOf(context: BrowserContext): Promise<string> {
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  return worker.evaluate(async () => {
    const { chrome } = globalThis as unknown as {
      chrome: { management: { getSelf(): Promise<{ installType: string }> } };
    };
    return (await chrome.management.getSelf()).installType;
  });
}

test('a new install in an observe-only organisation shows nothing, even before Chrome answers for its policy', async ({
  crm,
}) => {
  test.setTimeout(180_000);
  const install = await forceInstalledCopy('waymark-first-start-');
  let context: BrowserContext | undefined;
  try {
    install.writePolicy({ observeOnly: true, defaultRole: 'rep' });
    context = await launchManagedBrowser();
    // The first CRM page opens as soon as Chromium has installed the extension, before its
    // first answer about the policy (seconds after the start).
    expect(await extensionIdOf(context, 30_000)).toBe(install.id);
    expect(await installTypeOf(context)).toBe('admin');
    const page = context.pages()[0] ?? (await context.newPage());
    // Anything Waymark puts in the page, however briefly, is noted from the first moment.
    await page.addInitScript(() => {
      new MutationObserver((records) => {
        for (const r of records) {
          for (const node of r.addedNodes) {
            if (node.nodeName === 'WAYMARK-LAYER') document.documentElement.dataset.sawWaymark = '';
          }
        }
      }).observe(document, { childList: true, subtree: true });
    });
    // For a guided rep, "Log a call" starts by itself on this page.
    await page.goto(`${crm}/app/opportunities/opp-1001`);
    await expect(page.getByRole('button', { name: 'Log a Call' })).toBeVisible();
    await policyAnswered(context);
    await expect
      .poll(async () => (await storedEvents(context as BrowserContext)).map((e) => e.kind))
      .toContain('page.viewed');
    await page.waitForTimeout(1_000);
    expect(await page.locator('html').getAttribute('data-saw-waymark')).toBeNull();
    const views = (await storedEvents(context)).filter((e) => e.kind === 'page.viewed');
    expect(views[0]).toMatchObject({ pageType: 'opportunity:record', cohort: 'observe' });
  } finally {
    await context?.close();
    await install.remove();
  }
});
