/**
 * The admin dashboard in a real Chromium, served by a real endpoint on a SQLite file filled with
 * the demo data. Expected figures are summed here straight from the batches the simulated
 * browsers sent, not through the snapshot code, so the two computations check each other.
 */
import { chromium, type Browser, type Download, type Page, type TestInfo } from '@playwright/test';
import { readFileSync } from 'node:fs';
import type { Signal } from '../../core/signals';
import type { Period } from '../../core/snapshot';
import type { Endpoint } from '../../server';
import type { DemoPlan } from '../../server/seed/demoData';
import { CHROMIUM, expect, test } from './fixtures';
import { expectNoAxeViolations } from '../axe';
import { figuresOf, inPeriod, openDemoEndpoint } from './demoEndpoint';

const ORG = 'demo';
const K = 5;

let endpoint: Endpoint;
let adminToken: string;
let plan: DemoPlan;
let signals: Signal[] = [];
let total: ReturnType<typeof figuresOf>['total'];
let people: ReturnType<typeof figuresOf>['people'];

test.beforeAll(async () => {
  ({ endpoint, adminToken, plan, signals } = await openDemoEndpoint(ORG, K, 7));
  ({ total, people } = figuresOf(signals));
});

test.afterAll(async () => {
  await endpoint.close();
});

// ---- The page ----

const counts = new Intl.NumberFormat('en');
const percents = new Intl.NumberFormat('en', { maximumFractionDigits: 1 });

function shown(period: Period, match: (s: Signal) => boolean): string {
  return people(period, match) < K ? `fewer than ${K}` : counts.format(total(period, match));
}

// ---- The page ----

async function showPeriod(page: Page, period: Period, baseline: Period | null) {
  await page.getByLabel('From').first().fill(period.from);
  await page.getByLabel('To').first().fill(period.to);
  const compare = page.getByRole('checkbox', { name: 'Compare with a baseline' });
  await compare.setChecked(baseline !== null);
  if (baseline) {
    const range = page.getByRole('group', { name: 'Baseline' });
    await range.getByLabel('From').fill(baseline.from);
    await range.getByLabel('To').fill(baseline.to);
  }
  const loaded = page.waitForResponse((r) => r.url().includes('/v1/snapshots?'));
  await page.getByRole('button', { name: 'Show', exact: true }).click();
  expect((await loaded).status()).toBe(200);
  await expect(page.getByRole('status')).toHaveText('Snapshot loaded.');
}

function figure(page: Page, item: string, metric: string, of?: 'now' | 'baseline' | 'delta') {
  // With a baseline, a cell holds the figure, its baseline and its change, each named.
  const cell = `td[data-metric="${metric}"]`;
  const part = of ? ` [data-of="${of}"]` : '';
  return page.locator(`tr[data-item="${item}"] ${cell}${part}`).first();
}

async function screenshot(page: Page, testInfo: TestInfo, name: string) {
  const path = testInfo.outputPath(`${name}.png`);
  await page.screenshot({ path, fullPage: true });
  await testInfo.attach(name, { path, contentType: 'image/png' });
}

async function saved(download: Promise<Download>): Promise<{ name: string; text: string }> {
  const file = await download;
  const path = await file.path();
  return { name: file.suggestedFilename(), text: readFileSync(path, 'utf8') };
}

/** A CSV line's cells (the export quotes every text cell; numbers and empty cells go bare). */
function csvCells(line: string): string[] {
  return [...line.matchAll(/("(?:[^"]|"")*"|[^,]*)(,|$)/g)]
    .slice(0, -1)
    .map((m) => (m[1] ?? '').replace(/^"|"$/g, '').replace(/""/g, '"'));
}

let browser: Browser;
test.beforeEach(async () => {
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
});
test.afterEach(async () => {
  await browser.close();
});

test('an admin signs in, reads the figures, compares with the baseline and exports them', async () => {
  const testInfo = test.info();
  // A page of its own context: axe opens its frames through the page's context.
  const page = await (
    await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true })
  ).newPage();
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(e.message));
  page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));

  await page.goto(endpoint.url);
  await expect(page).toHaveURL(/\/dashboard\/$/);
  await expect(page.getByLabel('Admin or trainer token')).toBeFocused();

  // A wrong token gets a sentence saying so, and the field keeps focus for another try.
  await page.getByLabel('Admin or trainer token').fill('wm_not-a-token');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert')).toContainText('token create');
  await expect(page.getByLabel('Admin or trainer token')).toBeFocused();
  problems.length = 0; // the refused request is logged by the browser, as it should be

  await page.getByLabel('Admin or trainer token').fill(adminToken);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Adoption dashboard · ${ORG}`);

  // The period after the roll-out, without baseline.
  const { period, baseline } = plan.look;
  await showPeriod(page, period, null);
  const { guide, version, step } = plan.dropOff;
  const runs = `${guide}@${version}`;
  const ofGuide = (kind: string) => (s: Signal) =>
    s.kind === kind && s.guide === guide && s.version === version;
  const started = total(period, ofGuide('guide.started'));
  const completed = total(period, ofGuide('guide.completed'));
  expect(started).toBeGreaterThan(0);
  await expect(figure(page, runs, 'started')).toHaveText(counts.format(started));
  await expect(figure(page, runs, 'completed')).toHaveText(counts.format(completed));
  await expect(figure(page, runs, 'completionRate')).toHaveText(
    `${percents.format(Math.round((completed / started) * 10_000) / 100)}%`,
  );
  // The drop-off hotspot's step, shown as often as the browsers said.
  const stepShown = (s: Signal) => ofGuide('step.shown')(s) && s.step === step;
  await expect(
    page.locator(`[data-guide="${runs}"] tr[data-item="${step}"] td[data-metric="shown"]`).first(),
  ).toHaveText(shown(period, stepShown));

  // Guided vs control: completions of the drop-off guide's workflow per cohort. Guided counts
  // the guide's own runs and the workflows guided browsers did without it; control only the
  // latter. Below k (busiest day of either kind) the cell reads "fewer than k".
  const workflowCell = (cohort: string, kinds: string[]) => {
    const of = (kind: string) => (s: Signal) =>
      s.kind === kind && s.guide === guide && s.cohort === cohort;
    const sum = kinds.reduce((n, kind) => n + total(period, of(kind)), 0);
    const most = Math.max(...kinds.map((kind) => people(period, of(kind))));
    return { sum, text: most < K ? `fewer than ${K}` : counts.format(sum) };
  };
  const guidedDone = workflowCell('guided', ['guide.completed', 'workflow.completed']);
  const controlDone = workflowCell('control', ['workflow.completed']);
  expect(guidedDone.sum).toBeGreaterThan(0);
  expect(controlDone.sum).toBeGreaterThan(0);
  const workflowCard = page.locator(`[data-section="workflows"] [data-guide="${guide}"]`).first();
  await expect(workflowCard.getByRole('heading', { level: 3 })).toBeVisible();
  for (const [cohort, done] of [
    ['guided', guidedDone],
    ['control', controlDone],
  ] as const) {
    await expect(
      workflowCard.locator(`tr[data-cohort="${cohort}"] td[data-metric="completed"]`).first(),
    ).toHaveText(done.text);
  }
  await expect(workflowCard.locator('[data-difference="guided-control"]').first()).toContainText(
    /likely a real effect|could be noise|no difference yet/i,
  );
  await expectNoAxeViolations(page);

  // Active users per day and role, suppressed below k: the admins are few.
  const admins = (day: string) => (s: Signal) =>
    s.kind === 'first.activeDay' && s.role === 'admin' && s.day === day;
  const days = [...new Set(signals.filter((s) => inPeriod(s, period)).map((s) => s.day))];
  const suppressedDay = days.find((d) => people(period, admins(d)) < K);
  expect(suppressedDay, 'a day with fewer than k active admins').toBeDefined();
  await page.getByText('Daily figures').first().click();
  await expect(
    page
      .locator(
        `[data-section="active-users"] tr[data-item="${suppressedDay}"] td[data-metric="admin"]`,
      )
      .first(),
  ).toHaveText(`fewer than ${K}`);

  // The often-empty field leads its page type's ranking.
  const fields = page.locator('[data-section="fields"]');
  await expect(fields.locator('tbody tr').first().locator('th')).toHaveText(plan.emptyField.field);
  await screenshot(page, testInfo, 'dashboard-period');

  // With the baseline before the roll-out: the figure, its baseline and the change.
  await showPeriod(page, period, baseline);
  const emptyOf = (s: Signal) =>
    s.kind === 'field.empty' &&
    s.pageType === plan.emptyField.pageType &&
    s.field === plan.emptyField.field;
  const item = `${plan.emptyField.pageType}/${plan.emptyField.field}`;
  const now = total(period, emptyOf);
  const before = total(baseline, emptyOf);
  await expect(figure(page, item, 'empty', 'now')).toHaveText(counts.format(now));
  await expect(figure(page, item, 'empty', 'baseline')).toHaveText(counts.format(before));
  const change = now - before;
  await expect(figure(page, item, 'empty', 'delta')).toHaveText(
    `${change > 0 ? '+' : change < 0 ? '\u2212' : '\u00b1'}${counts.format(Math.abs(change))}`,
  );
  // The switch from observe-only to guided is dated: the first day with k guided installations.
  const guidedByDay = new Map<string, number>();
  for (const s of signals) {
    if (s.kind === 'first.activeDay' && s.cohort === 'guided') {
      guidedByDay.set(s.day, (guidedByDay.get(s.day) ?? 0) + s.contributor);
    }
  }
  const guidanceStarted = [...guidedByDay]
    .filter(([, n]) => n >= K)
    .map(([day]) => day)
    .sort()[0];
  expect(guidanceStarted, 'a day with k guided installations').toBeDefined();
  await expect(page.locator('.guidance-started')).toHaveAttribute(
    'data-day',
    guidanceStarted ?? '',
  );
  await screenshot(page, testInfo, 'dashboard-baseline');

  // CSV export: the same figures as on screen, the same suppression.
  const [csv] = await Promise.all([
    saved(page.waitForEvent('download')),
    page.getByRole('button', { name: 'Download CSV' }).click(),
  ]);
  expect(csv.name).toBe(
    `waymark-${ORG}-${period.from}-${period.to}-vs-${baseline.from}-${baseline.to}.csv`,
  );
  const [header = '', ...lines] = csv.text.trimEnd().split('\r\n');
  const columns = csvCells(header);
  const rows = lines.map((line) => {
    const cells = csvCells(line);
    return Object.fromEntries(columns.map((c, i) => [c, cells[i] ?? '']));
  });
  const emptyRow = rows.find(
    (r) =>
      r.section === 'fields' &&
      r.pageType === plan.emptyField.pageType &&
      r.field === plan.emptyField.field &&
      r.metric === 'empty',
  );
  expect(emptyRow).toMatchObject({
    value: String(now),
    baseline: String(before),
    delta: String(change),
  });
  const startedRow = rows.find(
    (r) =>
      r.section === 'guides' &&
      r.guide === guide &&
      r.version === String(version) &&
      r.metric === 'started',
  );
  expect(startedRow?.value).toBe(String(started));
  const adminDay = rows.find(
    (r) => r.section === 'activeUsersDaily' && r.role === 'admin' && r.day === suppressedDay,
  );
  expect(adminDay?.value).toBe('fewer than k');

  // JSON export: exactly the snapshot the endpoint serves for this choice.
  const [json] = await Promise.all([
    saved(page.waitForEvent('download')),
    page.getByRole('button', { name: 'Download JSON' }).click(),
  ]);
  const query = new URLSearchParams({
    from: period.from,
    to: period.to,
    baselineFrom: baseline.from,
    baselineTo: baseline.to,
  });
  const served = await fetch(`${endpoint.url}/v1/snapshots?${query.toString()}`, {
    headers: { Authorization: `Bearer ${adminToken}` },
  });
  expect(JSON.parse(json.text)).toEqual(await served.json());

  // Signing out forgets the token.
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByLabel('Admin or trainer token')).toBeFocused();
  expect(await page.evaluate(() => sessionStorage.length)).toBe(0);
  expect(problems).toEqual([]);
});
