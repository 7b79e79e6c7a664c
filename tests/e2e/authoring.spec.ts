/**
 * A trainer writes a guide on the live demo CRM with the element picker (one target two shadow
 * roots deep), previews it, downloads it as a file that passes the same checks as
 * `npm run guides:check`, and a rep then completes it.
 */
import { readFileSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { checkGuideFiles } from '../../core/guide/checkGuides';
import { expectNoAxeViolations } from '../axe';
import {
  chooseRole,
  clickClosing,
  expect,
  openPopup,
  startFromPopup,
  stepCard,
  storedEvents,
  test,
} from './fixtures';

function panelOf(page: Page): Locator {
  return page.locator('waymark-layer section.wm-author');
}

/** Adds a step through the panel; `pick` is the element to point at, if the kind has one. */
async function addStep(
  page: Page,
  step: {
    kind: string;
    title: string;
    body: string;
    advance: string;
    pick?: Locator;
    /** Looks at the strategies proposed for the picked element. */
    check?: (strategies: Locator) => Promise<void>;
  },
) {
  const panel = panelOf(page);
  await panel.getByRole('button', { name: 'Add a step' }).click();
  await panel.getByLabel('Kind').selectOption(step.kind);
  if (step.pick) {
    await panel.getByRole('button', { name: 'Pick the element' }).click();
    await expect(page.locator('waymark-layer .wm-author-bar')).toContainText('Esc cancels');
    await step.pick.hover();
    await expect(page.locator('waymark-layer .wm-pick-outline')).toBeVisible();
    await step.pick.click();
    await expect(panel.getByText(/Together they find the picked element/)).toBeVisible();
  }
  await panel.getByLabel('Title', { exact: true }).fill(step.title);
  await panel.getByLabel('Step text').fill(step.body);
  await panel.getByLabel('Done when').selectOption(step.advance);
  await step.check?.(panel.locator('.wm-author-strategies'));
  await panel.getByRole('button', { name: 'Save step' }).click();
}

test('a trainer writes, previews and exports a guide with the picker; a rep completes it', async ({
  page,
  crm,
  context,
  extensionId,
}) => {
  test.setTimeout(60_000);
  const edit = `${crm}/app/opportunities/opp-1001/edit`;
  await chooseRole(context, extensionId, 'trainer');
  await page.goto(edit);
  const nextStep = page.getByRole('textbox', { name: 'Next Step' });
  await expect(nextStep).toBeVisible();

  const popup = await openPopup(context, extensionId, page);
  await clickClosing(popup, popup.getByRole('button', { name: 'Write a guide on this page' }));
  const panel = panelOf(page);
  await expect(panel.getByRole('heading', { name: 'Write a guide' })).toBeFocused();
  await panel.getByLabel('Guide title').fill('Update the next step');
  await expect(panel.getByLabel('Guide id')).toHaveValue('update-the-next-step');
  await panel.getByRole('checkbox', { name: 'Sales rep' }).check();

  // Escape leaves the picker without picking anything.
  await panel.getByRole('button', { name: 'Add a step' }).click();
  await panel.getByRole('button', { name: 'Pick the element' }).click();
  await page.keyboard.press('Escape');
  await expect(panel.getByRole('button', { name: 'Pick the element' })).toBeFocused();
  await panel.getByRole('button', { name: 'Cancel' }).click();

  // Picking the form's Save button must not save: the page never sees the picking click.
  const save = page.locator('[data-anchor="record.save"]');
  await addStep(page, {
    kind: 'tooltip',
    title: 'Your deal',
    body: 'Everything about the deal is on this form.',
    advance: 'next',
    pick: save,
  });
  await expect(page).toHaveURL(/\/edit$/);
  // The field two shadow roots deep: found by its label and role, counted on this page.
  await addStep(page, {
    kind: 'fieldTip',
    title: 'Next step',
    body: 'Write the next concrete action.',
    advance: 'input',
    pick: nextStep,
    check: async (strategies) => {
      // Each strategy with how many elements it matches on this page.
      for (const strategy of ['role', 'label']) {
        await expect(
          strategies.locator(`tr[data-strategy="${strategy}"] td[data-matches]`),
        ).toHaveText('1');
      }
      await expect(strategies.getByRole('checkbox', { name: 'Use Label' })).toBeChecked();
    },
  });
  await addStep(page, {
    kind: 'modal',
    title: 'Done',
    body: 'Save when you are ready.',
    advance: 'next',
  });
  await expect(panel.getByRole('list', { name: 'Steps' }).getByRole('listitem')).toHaveCount(3);
  const shot = test.info().outputPath('authoring-panel.png');
  await page.screenshot({ path: shot });
  await test.info().attach('authoring panel', { path: shot, contentType: 'image/png' });

  // Reorder: move the last step up and back down again, by keyboard-reachable buttons.
  await panel.getByRole('button', { name: 'Move step 3 up' }).click();
  await expect(panel.getByRole('listitem').nth(1)).toContainText('modal: Done');
  await panel.getByRole('button', { name: 'Move step 2 down' }).click();
  await expect(panel.getByRole('listitem').nth(2)).toContainText('modal: Done');

  // Preview runs the draft as a real walkthrough on this page.
  await panel.getByRole('button', { name: 'Preview' }).click();
  const card = stepCard(page);
  await expect(card).toContainText('Your deal');
  await expect(card).toContainText('Step 1 of 3');
  await card.getByRole('button', { name: 'Next' }).click();
  await expect(card).toContainText('Write the next concrete action.');
  await card.getByRole('button', { name: 'Close guide' }).click();
  await page.locator('waymark-layer').getByRole('button', { name: 'Back to editing' }).click();

  // The download is a guide file that passes the same checks as npm run guides:check.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    panel.getByRole('button', { name: 'Download JSON' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('update-the-next-step.json');
  const text = readFileSync(await download.path(), 'utf8');
  const checked = checkGuideFiles([{ file: 'guides/update-the-next-step.json', text }]);
  expect(checked.problems).toEqual([]);
  const guide = checked.guides[0]?.guide;
  expect(guide?.steps.map((s) => s.kind)).toEqual(['tooltip', 'fieldTip', 'modal']);
  const field = guide?.steps[1];
  expect(field && 'target' in field ? field.target : null).toMatchObject({
    role: 'textbox',
    label: 'Next Step',
  });
  expect(guide?.roles).toEqual(['trainer', 'rep']);

  // The rest of the format from the panel: a language, a survey step with its translation, a
  // field rule picked on the page; the check follows as the trainer types.
  await panel.getByText('Languages', { exact: true }).click();
  await panel.getByLabel('Add a language').fill('german');
  await panel.getByRole('button', { name: 'Add', exact: true }).click();
  await expect(panel.getByRole('alert')).toHaveText('Type a locale tag such as fr or pt-BR.');
  await panel.getByLabel('Add a language').fill('de');
  await panel.getByLabel('Add a language').press('Enter');
  await expect(panel.getByRole('list', { name: 'Languages' })).toContainText('German (de)');
  await panel.locator('#wm-guide-de-title').fill('Den nächsten Schritt festhalten');
  await panel.getByRole('button', { name: 'Add a step' }).click();
  await panel.getByLabel('Kind').selectOption('survey');
  await expect(panel.getByRole('button', { name: 'Pick the element' })).toHaveCount(0);
  await panel.getByRole('button', { name: 'Save step' }).click();
  await expect(panel.getByRole('alert')).toContainText('Give the survey its question.');
  await panel.getByLabel('Question').fill('How clear was this?');
  await panel.getByLabel('Scale').selectOption('0-10');
  await panel.getByLabel('Title', { exact: true }).fill('One question');
  await panel.getByLabel('Title in German').last().fill('Eine Frage');
  await panel.getByLabel('Step text').fill('Thanks for telling us.');
  await panel.getByRole('button', { name: 'Save step' }).click();
  await panel.getByText('Field rules', { exact: true }).click();
  await panel.getByRole('button', { name: 'Add a field rule' }).click();
  await panel.getByRole('button', { name: 'Pick the field' }).click();
  await nextStep.click();
  await expect(panel.getByRole('button', { name: 'Pick again' })).toBeFocused();
  await panel.getByLabel('Tip while empty or wrong').fill('Say what happens next, and when.');
  await panel.getByRole('button', { name: 'Save rule' }).click();
  await expect(panel.getByRole('list', { name: 'Field rules' })).toContainText('Next Step');
  await panel.getByLabel('Guide id').fill('Not An Id');
  await expect(panel.getByRole('region', { name: /1 thing to fix/ })).toContainText('id:');
  await panel.getByLabel('Guide id').fill('update-the-next-step');
  await expect(
    panel.getByRole('heading', { name: 'The guide passes the guide check.' }),
  ).toBeVisible();
  await panel.getByText('Where, when and for whom').click();
  await panel.getByText('Publish to the organisation').click();
  await expectNoAxeViolations(page, 'waymark-layer');
  const [full] = await Promise.all([
    page.waitForEvent('download'),
    panel.getByRole('button', { name: 'Download JSON' }).click(),
  ]);
  const fullGuide = checkGuideFiles([
    { file: 'guides/update-the-next-step.json', text: readFileSync(await full.path(), 'utf8') },
  ]);
  expect(fullGuide.problems).toEqual([]);
  expect(fullGuide.guides[0]?.guide).toMatchObject({
    locales: { de: { title: 'Den nächsten Schritt festhalten' } },
    fields: [{ target: { label: 'Next Step' }, page: 'opportunity:edit', required: true }],
  });
  expect(fullGuide.guides[0]?.guide.steps[3]).toMatchObject({
    kind: 'survey',
    question: 'How clear was this?',
    scale: '0-10',
    locales: { de: { title: 'Eine Frage' } },
  });

  // Imported in the options page, the file runs for a rep, who completes it.
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  const library = options.getByRole('region', { name: 'Guides', exact: true });
  await library.getByLabel('Guide files (.json)').setInputFiles(await download.path());
  await expect(library.getByRole('status')).toHaveText(
    'Imported “Update the next step” (version 1).',
  );
  await options.close();
  await chooseRole(context, extensionId, 'rep');
  await page.goto(edit);
  await startFromPopup(context, extensionId, page, 'Update the next step');
  await expect(card).toContainText('Everything about the deal is on this form.');
  await card.getByRole('button', { name: 'Next' }).click();
  await expect(card).toContainText('Write the next concrete action.');
  await nextStep.fill('Call the buyer on Monday');
  await expect(card).toContainText('Save when you are ready.');
  await card.getByRole('button', { name: 'Done' }).click();
  await expect(card).toHaveCount(0);
  await expect
    .poll(async () =>
      (await storedEvents(context)).map((e) => `${String(e.kind)}:${String(e.guideId)}`),
    )
    .toContain('guide.completed:update-the-next-step');
  // The trainer's preview left nothing in the usage log: only the rep's run is there.
  const starts = (await storedEvents(context)).filter(
    (e) => e.kind === 'guide.started' && e.guideId === 'update-the-next-step',
  );
  expect(starts.map((e) => e.role)).toEqual(['rep']);
});
