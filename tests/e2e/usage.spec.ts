import {
  chooseRole,
  eventKinds,
  expect,
  startFromPopup,
  stepCard,
  storedEvents,
  test,
  walkLogACall,
  openRecordWithLogACall,
} from './fixtures';

test('a walkthrough records its events in order, with context and nothing else', async ({
  page,
  crm,
  context,
}) => {
  await page.goto(`${crm}/app/opportunities/opp-1001`);
  await walkLogACall(page, 'Pricing');
  await expect
    .poll(() => eventKinds(context, 'demo-log-call'))
    .toEqual([
      'guide.started:open',
      'step.shown:open',
      'step.completed:open',
      'step.shown:subject',
      'step.completed:subject',
      'step.shown:save',
      'step.completed:save',
      'step.shown:done',
      'step.completed:done',
      'guide.completed:done',
      // Time on task: the guide's bucket alone, with no step.
      'task.timed',
    ]);
  const events = await storedEvents(context);
  for (const event of events) {
    expect(Object.keys(event).sort()).toEqual(
      expect.arrayContaining(['at', 'crm', 'kind', 'pageType', 'role']),
    );
    expect(event).toMatchObject({ role: 'rep', crm: 'demo' });
  }
  expect(events.filter((e) => e.kind === 'page.viewed').map((e) => e.pageType)).toEqual([
    'opportunity:record',
  ]);
  const started = events.find((e) => e.kind === 'guide.started');
  expect(started).toMatchObject({
    guideId: 'demo-log-call',
    guideVersion: 1,
    pageType: 'opportunity:record',
  });
});

test('page views follow SPA navigation; dismissals, missing targets and survey scores are recorded', async ({
  page,
  crm,
  context,
  extensionId,
}) => {
  await chooseRole(context, extensionId, 'manager');
  await page.goto(`${crm}/app/reports#/pipeline`);
  await page.locator('[data-anchor="nav.opportunities"]').click();
  await page.locator('[data-anchor="nav.reports"]').click();
  await expect
    .poll(async () =>
      (await storedEvents(context)).filter((e) => e.kind === 'page.viewed').map((e) => e.pageType),
    )
    .toEqual(['report:pipeline', 'opportunity:list', 'report:home']);

  await page.goto(`${crm}/app/reports#/pipeline`);
  await startFromPopup(context, extensionId, page, 'Run the weekly pipeline review');
  const card = stepCard(page);
  await card.getByRole('button', { name: 'Next' }).click();
  await page.getByRole('button', { name: 'Open tip: More reports' }).click();
  await card.getByRole('button', { name: 'Next' }).click();
  await card.getByRole('button', { name: '4 out of 10' }).click();
  await expect(card).toHaveCount(0);
  await expect
    .poll(async () => (await storedEvents(context)).find((e) => e.kind === 'survey.answered'))
    .toMatchObject({ guideId: 'demo-pipeline-review', stepId: 'useful', score: 4 });

  await page.goto(`${crm}/app/home?delay=14000`);
  await startFromPopup(context, extensionId, page, 'Welcome to Summit CRM');
  await card.getByRole('button', { name: 'Next' }).click();
  const missing = page.getByRole('alertdialog');
  await expect(missing).toBeVisible({ timeout: 8000 });
  await missing.getByRole('button', { name: 'Exit guide' }).click();
  await expect
    .poll(() => eventKinds(context, 'demo-welcome'))
    .toEqual([
      'guide.started:hello',
      'step.shown:hello',
      'step.completed:hello',
      'target.missing:my-deals',
      'guide.dismissed:my-deals',
    ]);
});

test('a tab closed right after an action still delivers its events', async ({
  page,
  crm,
  context,
}) => {
  await page.goto(`${crm}/app/opportunities/opp-1002`);
  await expect(stepCard(page)).toContainText('Log the call');
  // step.shown sits in the page's queue (sent at most a second later): close now.
  await page.close({ runBeforeUnload: true });
  await expect
    .poll(() => eventKinds(context, 'demo-log-call'))
    .toEqual(['guide.started:open', 'step.shown:open']);
});

test('the same walkthrough in two tabs is counted once, and both tabs follow its progress', async ({
  page,
  crm,
  context,
}) => {
  const card = await openRecordWithLogACall(page, crm, 'opp-1003');
  const second = await context.newPage();
  await second.goto(`${crm}/app/opportunities/opp-1003`);
  const secondCard = stepCard(second);
  await expect(secondCard).toContainText('Log the call');
  // Skipped in the first tab: the second tab follows without a reload.
  await page.bringToFront();
  await card.getByRole('button', { name: 'Skip', exact: true }).click();
  await expect(card).not.toContainText('Log the call');
  await expect(secondCard).not.toContainText('Log the call');
  // One run: started once, the step skipped once, though two tabs showed it.
  await expect
    .poll(async () =>
      (await eventKinds(context, 'demo-log-call')).filter(
        (k) => !k.startsWith('step.shown') && !k.startsWith('target.missing'),
      ),
    )
    .toEqual(['guide.started:open', 'step.skipped:open']);
  expect(
    (await eventKinds(context, 'demo-log-call')).filter((k) => k === 'step.shown:open'),
  ).toHaveLength(2);
});

test('field rules are checked on save: empty and invalid fields are recorded, values never', async ({
  page,
  crm,
  context,
}) => {
  await page.goto(`${crm}/app/opportunities/opp-1004/edit`);
  const nextStep = page.getByRole('textbox', { name: 'Next Step' });
  await nextStep.fill('');
  await page.locator('[data-anchor="record.save"]').click();
  await expect(page).toHaveURL(/opp-1004$/);
  await expect
    .poll(async () =>
      (await storedEvents(context)).filter((e) => String(e.kind).startsWith('field.')),
    )
    .toEqual([
      expect.objectContaining({
        kind: 'field.empty',
        field: 'Next Step',
        guideId: 'demo-update-next-step',
        pageType: 'opportunity:edit',
      }),
    ]);
  // Filled in: nothing more is recorded.
  await page.goto(`${crm}/app/opportunities/opp-1004/edit`);
  await nextStep.fill('Call back on Monday');
  await page.locator('[data-anchor="record.save"]').click();
  await expect(page).toHaveURL(/opp-1004$/);
  await page.waitForTimeout(1500);
  const fieldEvents = (await storedEvents(context)).filter((e) =>
    String(e.kind).startsWith('field.'),
  );
  expect(fieldEvents).toHaveLength(1);
  expect(JSON.stringify(await storedEvents(context))).not.toContain('Call back on Monday');
});
