/**
 * Attacks from the CRM page itself: its script is hostile. Whatever it dispatches into Waymark's
 * step UI or onto the CRM's controls must not complete steps, answer surveys, finish guides or
 * record field checks; the rep's own clicks still do.
 */
import type { BrowserContext, Page } from '@playwright/test';
import { SHIPPED_DIR } from '../../scripts/chromium';
import {
  chooseRole,
  expect,
  extensionIdOf,
  launchBrowser,
  policyAnswered,
  startFromPopup,
  stepCard,
  storedEvents,
  test,
} from './fixtures';

const kinds = async (context: BrowserContext) =>
  (await storedEvents(context)).map(
    (e) => `${String(e.kind)}${e.stepId ? `:${String(e.stepId)}` : ''}`,
  );

/** Page script, in the page's own world: clicks every button Waymark shows, and presses keys. */
function forgeFromPage(page: Page) {
  return page.evaluate(() => {
    const root = document.querySelector('waymark-layer')?.shadowRoot;
    let clicked = 0;
    for (const button of root?.querySelectorAll('button') ?? []) {
      (button as HTMLButtonElement).click();
      button.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, composed: true }));
      clicked++;
    }
    const dialog = root?.querySelector('[role=dialog]');
    for (const key of ['ArrowRight', 'Enter', 'Escape']) {
      dialog?.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, composed: true }));
    }
    return clicked;
  });
}

test('attack: page script clicking step buttons and a survey score records nothing', async ({
  page,
  crm,
  context,
  extensionId,
}) => {
  await chooseRole(context, extensionId, 'manager');
  await page.goto(`${crm}/app/reports#/pipeline`);
  await startFromPopup(context, extensionId, page, 'Run the weekly pipeline review');
  const card = stepCard(page);
  await expect(card).toContainText('Next');
  // What the page recorded for the step on screen reaches the log up to a second later: the
  // baseline is taken once it has, so only what the forgery adds can differ.
  await expect.poll(() => kinds(context)).toContain('step.shown:stages');
  const before = await kinds(context);
  expect(await forgeFromPage(page)).toBeGreaterThan(0);
  await page.waitForTimeout(500);
  expect(await kinds(context)).toEqual(before);
  await expect(card).toBeVisible();

  // The rep walks to the survey; page script answers it first, with a 1.
  await card.getByRole('button', { name: 'Next' }).click();
  await page.getByRole('button', { name: 'Open tip: More reports' }).click();
  await card.getByRole('button', { name: 'Next' }).click();
  await expect(card.getByRole('button', { name: '4 out of 10' })).toBeVisible();
  await expect.poll(() => kinds(context)).toContain('step.shown:useful');
  const atSurvey = await kinds(context);
  await forgeFromPage(page);
  await page.waitForTimeout(500);
  expect(await kinds(context)).toEqual(atSurvey);

  // The rep's own answer counts, once.
  await card.getByRole('button', { name: '4 out of 10' }).click();
  await expect(card).toHaveCount(0);
  await expect
    .poll(async () => (await storedEvents(context)).filter((e) => e.kind === 'survey.answered'))
    .toEqual([expect.objectContaining({ stepId: 'useful', score: 4 })]);
  const all = await kinds(context);
  expect(all).toContain('guide.completed:useful');
  expect(all.filter((k) => k.startsWith('step.completed'))).toHaveLength(3);
});

test('attack: page script clicking the save control records no field check', async ({
  page,
  crm,
  context,
}) => {
  const edit = async () => {
    await page.goto(`${crm}/app/opportunities/opp-1005/edit`);
    await page.getByRole('textbox', { name: 'Next Step' }).fill('');
    // Time for the page's rules to arrive, as before any save a rep makes.
    await page.waitForTimeout(1000);
  };
  const fieldEvents = async () =>
    (await storedEvents(context)).filter((e) => String(e.kind).startsWith('field.'));

  await edit();
  await page.evaluate(() =>
    document.querySelector<HTMLElement>('[data-anchor="record.save"]')?.click(),
  );
  await page.waitForTimeout(500);
  expect(await fieldEvents()).toEqual([]);

  // The rep's own save of the same empty field is counted.
  await edit();
  await page.locator('[data-anchor="record.save"]').click();
  await expect.poll(async () => (await fieldEvents()).map((e) => e.field)).toContain('Next Step');
});

interface DomNode {
  nodeName: string;
  nodeType: number;
  nodeValue: string;
  backendNodeId: number;
  shadowRootType?: string;
  children?: DomNode[];
  shadowRoots?: DomNode[];
}

/**
 * The step UI as the browser itself holds it, closed shadow root included, read through the
 * DevTools protocol as no page script can: its root's mode, its text, and a real mouse click on
 * one of its buttons (a trusted event, as the rep's own).
 */
async function closedStepUi(page: Page) {
  const cdp = await page.context().newCDPSession(page);
  const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as {
    root: DomNode;
  };
  const inside = (node: DomNode) => [...(node.children ?? []), ...(node.shadowRoots ?? [])];
  const find = (node: DomNode): DomNode | undefined =>
    node.nodeName === 'WAYMARK-LAYER' ? node : inside(node).map(find).find(Boolean);
  const textOf = (node: DomNode): string =>
    node.nodeType === 3 ? node.nodeValue : inside(node).map(textOf).join('');
  const shadow = find(root)?.shadowRoots?.[0];
  const buttons = new Map<string, number>();
  const collect = (node: DomNode) => {
    if (node.nodeName === 'BUTTON') buttons.set(textOf(node).trim(), node.backendNodeId);
    inside(node).forEach(collect);
  };
  if (shadow) collect(shadow);
  return {
    mode: shadow?.shadowRootType,
    text: shadow ? textOf(shadow) : '',
    async click(name: string) {
      const backendNodeId = buttons.get(name);
      if (!backendNodeId) throw new Error(`no button "${name}" in ${[...buttons.keys()]}`);
      const { model } = (await cdp.send('DOM.getBoxModel', { backendNodeId })) as {
        model: { content: number[] };
      };
      const [x1 = 0, y1 = 0, , , x3 = 0, y3 = 0] = model.content;
      await page.mouse.click((x1 + x3) / 2, (y1 + y3) / 2);
    },
  };
}

test('attack: the shipped build closes its step UI to page script; the rep still walks it', async ({
  crm,
}) => {
  const context = await launchBrowser('', SHIPPED_DIR);
  try {
    const extensionId = await extensionIdOf(context);
    await policyAnswered(context);
    const page = await context.newPage();
    await page.goto(`${crm}/app/home`);
    await startFromPopup(context, extensionId, page, 'Welcome to Summit CRM');
    await expect
      .poll(async () => (await closedStepUi(page)).text)
      .toContain('This tour shows where your day starts');
    expect((await closedStepUi(page)).mode).toBe('closed');

    // Page script sees the host and nothing in it: no root, no text, no button to press.
    const seen = await page.evaluate(() => {
      const host = document.querySelector<HTMLElement>('waymark-layer');
      host?.click();
      host?.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
      return {
        host: Boolean(host),
        root: host?.shadowRoot ?? null,
        text: document.documentElement.innerText.includes('This tour shows'),
        buttons: document.querySelectorAll('waymark-layer button').length,
      };
    });
    expect(seen).toEqual({ host: true, root: null, text: false, buttons: 0 });
    await page.waitForTimeout(500);
    expect(await kinds(context)).not.toContain('step.completed:hello');

    // The rep's own click on Next moves the tour on, and is recorded.
    await (await closedStepUi(page)).click('Next');
    await expect.poll(async () => (await closedStepUi(page)).text).toContain('Your open deals');
    await expect.poll(() => kinds(context)).toContain('step.completed:hello');
  } finally {
    await context.close();
  }
});
