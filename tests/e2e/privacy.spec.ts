import type { BrowserContext } from '@playwright/test';
import { expect, startFromPopup, storedEvents, test, walkLogACall } from './fixtures';

/** Everything the extension keeps: every IndexedDB database and every storage area, as text. */
async function everythingStored(context: BrowserContext): Promise<string> {
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  return worker.evaluate(async () => {
    const dump: Record<string, unknown> = {};
    for (const info of await indexedDB.databases()) {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open(info.name!);
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      for (const store of db.objectStoreNames) {
        dump[`${info.name}/${store}`] = await new Promise((resolve) => {
          const request = db.transaction(store).objectStore(store).getAll();
          request.onsuccess = () => resolve(request.result);
        });
      }
      db.close();
    }
    type Area = { get(keys: null): Promise<Record<string, unknown>> };
    const api = (globalThis as unknown as { chrome: { storage: { local: Area; session: Area } } })
      .chrome;
    dump.local = await api.storage.local.get(null);
    dump.session = await api.storage.session.get(null);
    return JSON.stringify(dump);
  });
}

test('canary values typed into the CRM never reach the extension storage', async ({
  page,
  crm,
  context,
  extensionId,
}) => {
  const id = 'CANARY-ID-7731';
  const created = await page.request.put(`${crm}/api/opportunities/${id}?delay=0`, {
    data: {
      name: 'CANARY-NAME Pinecrest Renewal',
      accountName: 'CANARY-ACCOUNT',
      stage: 'Proposal',
      nextStep: '',
    },
  });
  expect(created.ok()).toBe(true);

  // The auto-launched walkthrough, with a canary typed into the CRM's own dialog.
  await page.goto(`${crm}/app/opportunities/${id}`);
  await walkLogACall(page, 'CANARY-SUBJECT jane.doe.canary@example.com');
  await page.getByLabel('Search Summit').fill('CANARY-SEARCH');

  // Field rules run on save, once empty, once filled with a canary.
  await page.goto(`${crm}/app/opportunities/${id}/edit`);
  await page.getByRole('textbox', { name: 'Next Step' }).fill('');
  await page.locator('[data-anchor="record.save"]').click();
  await expect(page).toHaveURL(new RegExp(`${id}$`));
  await page.goto(`${crm}/app/opportunities/${id}/edit`);
  await page
    .getByRole('textbox', { name: 'Next Step' })
    .fill('CANARY-NEXT-STEP canary@example.com');
  await page.getByRole('textbox', { name: 'Description' }).fill('CANARY-DESCRIPTION');
  await page.locator('[data-anchor="record.save"]').click();
  await expect(page).toHaveURL(new RegExp(`${id}$`));

  // A guide inside the iframe, with a canary display name.
  await page.goto(`${crm}/app/settings`);
  await startFromPopup(context, extensionId, page, 'Set your display name');
  await page
    .frameLocator('iframe[name=settings]')
    .getByLabel('Display name')
    .fill('CANARY-DISPLAY');
  await page
    .frameLocator('iframe[name=settings]')
    .getByRole('button', { name: 'Save settings' })
    .click();

  // The events really were recorded, by page type.
  await expect
    .poll(async () => (await storedEvents(context)).map((e) => e.kind))
    .toEqual(
      expect.arrayContaining(['page.viewed', 'guide.completed', 'field.empty', 'step.shown']),
    );
  await page.close({ runBeforeUnload: true });
  await expect.poll(async () => (await storedEvents(context)).length).toBeGreaterThan(15);

  const stored = await everythingStored(context);
  expect(stored).toContain('opportunity:record');
  expect(stored).not.toMatch(/canary/i);
  expect(stored).not.toContain('@example.com');
  expect(stored).not.toContain('Pinecrest');
  expect(stored).not.toContain('127.0.0.1');
});
