/**
 * Field rules in Firefox ESR: the tip beside an empty field while the rep is in it, and the
 * `field.empty` record when the form is saved, without the value.
 */
import type { Page } from 'puppeteer-core';
import { expect, storedEvents, test } from './fixtures';

const NEXT_STEP = 'wm-record-form >>> #input-nextStep';
const TIP = 'waymark-layer >>> [role=note]';

/** Empties a field as a rep does: into it, select all, delete. */
async function emptyField(tab: Page, selector: string): Promise<void> {
  await tab.locator(selector).click();
  await tab.keyboard.down('Control');
  await tab.keyboard.press('a');
  await tab.keyboard.up('Control');
  await tab.keyboard.press('Backspace');
}

const tipText = async (tab: Page) => (await tab.$(TIP))?.evaluate((tip) => tip.textContent) ?? null;

test("a field rule's tip shows while the field is empty, and goes once it is filled", async ({
  tab,
  crm,
}) => {
  await tab.goto(`${crm}/app/opportunities/opp-1005/edit`);
  await emptyField(tab, NEXT_STEP);
  await tab.locator('wm-record-form >>> #input-description').click();
  await expect.poll(() => tipText(tab)).toBeNull();

  await tab.locator(NEXT_STEP).click();
  await expect.poll(() => tipText(tab)).toBe('Deals without a next step stall: add one.');
  await tab.keyboard.type('Demo');
  await expect.poll(() => tipText(tab)).toBeNull();
  await tab.keyboard.press('Backspace');
  await tab.keyboard.press('Backspace');
  await tab.keyboard.press('Backspace');
  await tab.keyboard.press('Backspace');
  await expect.poll(() => tipText(tab)).not.toBeNull();
  await tab.keyboard.press('Tab');
  await expect.poll(() => tipText(tab)).toBeNull();
});

test('an empty field is recorded at save, and a value never is', async ({ firefox, tab, crm }) => {
  const fieldEvents = async () =>
    (await storedEvents(firefox)).filter((e) => String(e.kind).startsWith('field.'));
  await tab.goto(`${crm}/app/opportunities/opp-1004/edit`);
  await emptyField(tab, NEXT_STEP);
  await tab.locator('[data-anchor="record.save"]').click();
  await expect.poll(() => tab.url()).toMatch(/opp-1004$/);
  await expect.poll(fieldEvents).toEqual([
    expect.objectContaining({
      kind: 'field.empty',
      field: 'Next Step',
      guideId: 'demo-update-next-step',
      pageType: 'opportunity:edit',
    }),
  ]);

  // Filled in: nothing more is recorded, and the value is nowhere in the log.
  await tab.goto(`${crm}/app/opportunities/opp-1004/edit`);
  await tab.locator(NEXT_STEP).click();
  await tab.keyboard.type('Call back on Monday');
  await tab.locator('[data-anchor="record.save"]').click();
  await expect.poll(() => tab.url()).toMatch(/opp-1004$/);
  // The page sends what it records a second later (runtime/usageRecorder.ts): past that.
  await new Promise((resolve) => setTimeout(resolve, 1500));
  expect(await fieldEvents()).toHaveLength(1);
  expect(JSON.stringify(await storedEvents(firefox))).not.toContain('Call back on Monday');
});
