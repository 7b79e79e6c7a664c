import type { Page } from '@playwright/test';
import {
  chooseRole,
  expect,
  startFromPopup,
  stepCard,
  test,
  openRecordWithLogACall,
} from './fixtures';

const PROPS = [
  'font-family',
  'font-size',
  'line-height',
  'letter-spacing',
  'color',
  'background-color',
  'border-radius',
  'padding-top',
  'width',
  'height',
  'display',
];

/** Computed styles of every element inside the step bubble. */
function bubbleStyles(page: Page): Promise<string[][]> {
  return page.evaluate((props) => {
    const host = document.querySelector('waymark-layer');
    const card = host?.shadowRoot?.querySelector('[role=dialog]');
    if (!card) return [];
    return [card, ...card.querySelectorAll('*')].map((el) => {
      const style = getComputedStyle(el);
      return [el.tagName, ...props.map((p) => style.getPropertyValue(p))];
    });
  }, PROPS);
}

test("the CRM's hostile CSS does not reach the bubble, and the bubble sits above everything", async ({
  page,
  crm,
}) => {
  const card = await openRecordWithLogACall(page, crm, 'opp-1004');
  // The demo CRM sets Georgia !important on *, colours on every div/button, hides [role=dialog]…
  const hostileFont = await page.evaluate(() => getComputedStyle(document.body).fontFamily);
  expect(hostileFont).toContain('Georgia');
  const withHostileCss = await bubbleStyles(page);
  expect(withHostileCss.length).toBeGreaterThan(3);
  expect(withHostileCss.every(([, font]) => !font?.includes('Georgia'))).toBe(true);

  // The same bubble with the CRM's stylesheet removed computes exactly the same styles.
  await page.evaluate(() =>
    document.querySelectorAll('link[rel=stylesheet]').forEach((l) => l.remove()),
  );
  await expect
    .poll(() => page.evaluate(() => getComputedStyle(document.body).fontFamily))
    .not.toContain('Georgia');
  expect(await bubbleStyles(page)).toEqual(withHostileCss);

  // Top layer: at the bubble's centre, hit testing finds our layer, whatever z-index the CRM uses.
  const box = await card.boundingBox();
  const hit = await page.evaluate(
    ([x, y]) => document.elementFromPoint(x!, y!)?.tagName,
    [(box?.x ?? 0) + (box?.width ?? 0) / 2, (box?.y ?? 0) + (box?.height ?? 0) / 2],
  );
  expect(hit).toBe('WAYMARK-LAYER');
});

test('our styles do not leak into the CRM page', async ({ page, crm }) => {
  await page.goto(`${crm}/app/opportunities/opp-1005`);
  const snapshot = () =>
    page.evaluate(() => {
      const button = document.querySelector('[data-anchor="record.edit"]');
      return {
        sheets: document.styleSheets.length,
        button: button ? getComputedStyle(button).backgroundColor : null,
        body: getComputedStyle(document.body).fontFamily,
      };
    });
  await expect(page.locator('[data-anchor="record.edit"]')).toBeVisible();
  const before = await snapshot();
  await expect(stepCard(page)).toContainText('Log the call');
  expect(await snapshot()).toEqual(before);
});

test('HTML in guide text is shown as text and never runs', async ({
  page,
  crm,
  context,
  extensionId,
}) => {
  await chooseRole(context, extensionId, 'admin');
  await page.goto(`${crm}/app/home`);
  const title = await page.title();
  await startFromPopup(context, extensionId, page, 'How guide text is shown');
  const card = stepCard(page);
  await expect(card.locator('strong')).toHaveText('bold');
  await expect(card.locator('a')).toHaveAttribute('href', 'https://example.com/help');
  await expect(card.locator('a')).toHaveAttribute('rel', 'noopener noreferrer');
  await card.getByRole('button', { name: 'Next' }).click();
  await expect(card).toContainText(`<img src=x onerror="document.title='pwned'"> <b>not bold</b>`);
  await expect(card).toContainText('[click](javascript:alert(1))');
  await expect(card.locator('img, b, a, script')).toHaveCount(0);
  await page.waitForTimeout(300);
  expect(await page.title()).toBe(title);
});
