/**
 * The dashboard's first screen, its filters and the steering committee's report, in a real
 * Chromium at 1280 × 800 against a real endpoint filled with the demo data. The overview's
 * figures are checked against sums taken straight from the batches the browsers sent.
 */
import { chromium, type Browser, type Page, type TestInfo } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { Signal } from '../../core/signals';
import { rowsNeeded, periodDays, type Period } from '../../core/snapshot';
import type { Endpoint } from '../../server';
import type { DemoPlan } from '../../server/seed/demoData';
import { CHROMIUM, expect, test } from './fixtures';
import { expectNoAxeViolations } from '../axe';
import { figuresOf, openDemoEndpoint } from './demoEndpoint';

const ORG = 'demo';
const K = 5;
const SCREEN = { width: 1280, height: 800 };
/** The dashboard's session as it keeps it after an admin signed in (components/dashboard). */
const SESSION_KEY = 'waymark.dashboardSession';
const TILES = ['completion', 'weekly-active', 'empty-fields', 'abandoned-steps', 'missing-targets'];

let endpoint: Endpoint;
let adminToken: string;
let plan: DemoPlan;
let figures: ReturnType<typeof figuresOf>;

test.beforeAll(async () => {
  let signals: Signal[];
  ({ endpoint, adminToken, plan, signals } = await openDemoEndpoint(ORG, K, 11));
  figures = figuresOf(signals);
});

test.afterAll(async () => {
  await endpoint.close();
});

let browser: Browser;
test.beforeEach(async () => {
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
});
test.afterEach(async () => {
  await browser.close();
});

const counts = new Intl.NumberFormat('en');

/** The dashboard signed in as an admin, showing the demo's period against its baseline. */
async function openDashboard(extra: Record<string, string> = {}): Promise<Page> {
  const context = await browser.newContext({ viewport: SCREEN, acceptDownloads: true });
  const page = await context.newPage();
  await page.addInitScript(([key, value]) => sessionStorage.setItem(key, value), [
    SESSION_KEY,
    JSON.stringify({ token: adminToken, snapshots: true }),
  ] as const);
  const { period, baseline } = plan.look;
  const view = new URLSearchParams({
    from: period.from,
    to: period.to,
    baselineFrom: baseline.from,
    baselineTo: baseline.to,
    ...extra,
  });
  await page.goto(`${endpoint.url}/dashboard/#${view.toString()}`);
  await expect(page.getByRole('status')).toHaveText('Snapshot loaded.');
  return page;
}

async function screenshot(page: Page, testInfo: TestInfo, name: string) {
  const path = testInfo.outputPath(`${name}.png`);
  await page.screenshot({ path });
  await testInfo.attach(name, { path, contentType: 'image/png' });
}

/** Nothing wider than the window: a table wider than its box scrolls inside a labelled region. */
async function expectNoSidewaysScroll(page: Page) {
  const overflow = await page.evaluate(() => ({
    page: document.documentElement.scrollWidth - document.documentElement.clientWidth,
    tables: [...document.querySelectorAll('table')]
      .filter((table) => {
        const box = table.parentElement?.getBoundingClientRect();
        const inRegion = table.closest('.table-wrap[role="region"][aria-label]') !== null;
        return box !== undefined && table.scrollWidth > Math.ceil(box.width) && !inRegion;
      })
      .map((table) => table.querySelector('caption')?.textContent ?? '(no caption)'),
  }));
  expect(overflow.page, 'the page scrolls sideways').toBeLessThanOrEqual(0);
  expect(overflow.tables, 'tables wider than their box outside a labelled region').toEqual([]);
}

/** Chooses a filter ('' is All) and waits for the snapshot it asks for. */
async function choose(page: Page, label: string, value: string) {
  const loaded = page.waitForResponse((r) => {
    const query = new URL(r.url()).searchParams;
    const name = label.toLowerCase();
    return r.url().includes('/v1/snapshots?') && (query.get(name) ?? '') === value;
  });
  await page.getByLabel(label, { exact: true }).selectOption(value);
  expect((await loaded).status()).toBe(200);
  await expect(page.getByRole('status')).toHaveText('Snapshot loaded.');
  await expect(page.locator('.adoption')).toHaveAttribute('aria-busy', 'false');
}

function tile(page: Page, id: string) {
  return page.locator(`[data-tile="${id}"]`);
}

/** People of a role active in an average ISO week of the period, as the overview defines it. */
function weeklyActive(role: string, period: Period): number {
  const weeks = rowsNeeded(period);
  const of = (s: Signal) => s.kind === 'first.activeWeek' && s.role === role;
  return Math.round((figures.total(weeks, of) / (periodDays(weeks) / 7)) * 10) / 10;
}

test('the first screen answers at 1280 × 800: tiles against the baseline, links to the evidence', async () => {
  const testInfo = test.info();
  const page = await openDashboard();
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(e.message));

  // Every tile is on the first screen, whole, without scrolling.
  for (const id of TILES) await expect(tile(page, id)).toBeInViewport({ ratio: 1 });
  expect(await page.evaluate(() => window.scrollY)).toBe(0);
  await screenshot(page, testInfo, 'overview-1280x800');
  await expectNoSidewaysScroll(page);

  // People active per week, each role against the baseline.
  const { period, baseline } = plan.look;
  const reps = tile(page, 'weekly-active').locator('li[data-item="rep"]');
  const now = weeklyActive('rep', period);
  const before = weeklyActive('rep', baseline);
  expect(now).toBeGreaterThan(0);
  await expect(reps).toContainText(`${counts.format(now)} a week`);
  await expect(reps).toContainText(`vs baseline (${counts.format(before)})`);

  // The field left empty most leads its tile, with its count and the baseline's.
  const emptyOf = (s: Signal) =>
    s.kind === 'field.empty' &&
    s.pageType === plan.emptyField.pageType &&
    s.field === plan.emptyField.field;
  const first = tile(page, 'empty-fields').locator('li').first();
  await expect(first).toHaveAttribute(
    'data-item',
    `${plan.emptyField.pageType}/${plan.emptyField.field}`,
  );
  await expect(first).toContainText(`${counts.format(figures.total(period, emptyOf))}× empty`);
  await expect(first).toContainText(`(${counts.format(figures.total(baseline, emptyOf))})`);

  // Guided vs control: a verdict in words, and the difference with its interval.
  await expect(tile(page, 'completion').locator('.verdict')).toHaveAttribute(
    'data-verdict',
    /^(better|worse|unclear)$/,
  );
  await expect(tile(page, 'completion').locator('[data-difference]')).toContainText(
    /Difference [+−±][\d.]+ pts \(95% interval [+−±][\d.]+ pts to [+−±][\d.]+ pts\)/,
  );
  // The drop-off hotspot's step is among the most abandoned.
  await expect(tile(page, 'abandoned-steps').locator('li').first()).toContainText(
    plan.dropOff.step,
  );

  // A tile's link opens its section, closed or not, and moves focus to its heading; the address
  // keeps the period.
  const toggle = page.getByRole('button', { name: 'Guided vs control', exact: true });
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await expect(page.locator('#workflows-body')).toBeHidden();
  const hash = new URL(page.url()).hash;
  await tile(page, 'completion').getByRole('link', { name: 'See Guided vs control' }).click();
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  await expect(page.locator('#workflows-title')).toBeFocused();
  await expect(page.locator('#workflows-body')).toBeInViewport();
  expect(new URL(page.url()).hash).toBe(hash);
  // The keyboard folds it again.
  await toggle.focus();
  await page.keyboard.press('Enter');
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');

  // The new sections are there: time on task per cohort, what goes unused, survey scores.
  await expect(page.locator('[data-section="task-time"] table').first()).toBeAttached();
  await expect(page.locator('[data-section="unused-pages"]')).toBeAttached();
  await expectNoSidewaysScroll(page);
  await expectNoAxeViolations(page);
  expect(problems).toEqual([]);
});

test('filters narrow every section, stay in the address and go into the exports', async () => {
  const testInfo = test.info();
  const page = await openDashboard();

  await choose(page, 'Role', 'rep');
  expect(new URL(page.url()).hash).toContain('role=rep');
  await expect(tile(page, 'weekly-active').locator('li')).toHaveCount(1);
  await expect(tile(page, 'weekly-active').locator('li[data-item="rep"]')).toBeVisible();
  await expect(page.locator('[data-statement]')).toContainText('Role: Sales rep');
  await screenshot(page, testInfo, 'overview-role-filter');

  // The address is the view: a reload (or a bookmark) shows the same.
  await page.reload();
  await expect(page.getByRole('status')).toHaveText('Snapshot loaded.');
  await expect(page.getByLabel('Role', { exact: true })).toHaveValue('rep');
  await expect(tile(page, 'weekly-active').locator('li')).toHaveCount(1);

  // The CSV holds the same narrowing: no other role, and the filter stated.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download CSV' }).click(),
  ]);
  const csv = readFileSync(await download.path(), 'utf8');
  const [header = '', ...lines] = csv.trimEnd().split('\r\n');
  const roleColumn = header.split(',').indexOf('role');
  expect(roleColumn).toBeGreaterThan(-1);
  const roles = new Set(lines.map((line) => line.split(',')[roleColumn]).filter(Boolean));
  expect([...roles]).toEqual(['"rep"']);
  expect(csv).toMatch(/^"filter",[^\r\n]*"role","rep"/m);

  // A cohort shown no guidance has no guided runs: nothing to compare, said in words.
  await choose(page, 'Cohort', 'control');
  await expect(tile(page, 'completion').locator('.verdict')).toHaveAttribute(
    'data-verdict',
    'unknown',
  );

  // A version belongs to a guide: chosen after it, cleared with it.
  await choose(page, 'Cohort', '');
  await expect(page.getByLabel('Version', { exact: true })).toBeDisabled();
  await choose(page, 'Guide', plan.dropOff.guide);
  await choose(page, 'Version', String(plan.dropOff.version));
  expect(new URL(page.url()).hash).toContain(`version=${plan.dropOff.version}`);
  await expect(page.locator('[data-section="guides"] [data-guide]')).toHaveCount(1);
  await choose(page, 'Guide', '');
  expect(new URL(page.url()).hash).not.toContain('version=');
  await choose(page, 'Role', 'manager');
  const cleared = page.waitForResponse((r) => r.url().includes('/v1/snapshots?'));
  await page.getByRole('button', { name: 'Clear filters' }).click();
  expect((await cleared).status()).toBe(200);
  await expect(page.getByRole('status')).toHaveText('Snapshot loaded.');
  expect(new URL(page.url()).hash).not.toMatch(/role=|cohort=|guide=|version=/);
  await expectNoSidewaysScroll(page);
  await expectNoAxeViolations(page);
});

test('the report for the steering committee: the overview and the open sections, with period, baseline, filters and k', async () => {
  const testInfo = test.info();
  const page = await openDashboard({ role: 'manager' });
  await page.evaluate(() => {
    // The print dialog cannot be driven: the button's call is counted, and the PDF is made
    // from the same print layout by Chromium's own printing.
    const counted = window as unknown as { printed: number };
    counted.printed = 0;
    window.print = () => void (counted.printed += 1);
  });
  // A closed section stays out of the report.
  await page.getByRole('button', { name: 'Announcements', exact: true }).click();
  await page.getByRole('button', { name: 'Report for the steering committee' }).click();
  expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);

  // In print every table fits the page (A4 landscape, 10 mm margins: 277 mm, 1047 px): a report
  // cannot scroll sideways.
  await page.emulateMedia({ media: 'print' });
  await page.setViewportSize({ width: 1047, height: 740 });
  await expect(page.locator('.snapshot-controls')).toBeHidden();
  const clipped = await page.evaluate(() =>
    [...document.querySelectorAll('table')]
      .filter((t) => t.getBoundingClientRect().width > 0 && t.scrollWidth > 1047)
      .map((t) => t.querySelector('caption')?.textContent ?? '(no caption)'),
  );
  expect(clipped, 'tables wider than the printed page').toEqual([]);
  const pdf = await page.pdf({ format: 'A4', printBackground: true });
  const path = testInfo.outputPath('steering-committee-report.pdf');
  await testInfo.attach('steering-committee-report', { body: pdf, contentType: 'application/pdf' });
  expect(path).toContain('.pdf');

  const text = await pdfText(pdf);
  const { period, baseline } = plan.look;
  const day = new Intl.DateTimeFormat('en', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  });
  const formatted = (iso: string) => day.format(new Date(`${iso}T00:00:00Z`));
  expect(text).toContain(`Period: ${formatted(period.from)} – ${formatted(period.to)}`);
  expect(text).toContain(`Baseline: ${formatted(baseline.from)} – ${formatted(baseline.to)}`);
  expect(text).toContain('Filters: Role: Sales manager');
  expect(text).toContain(`Figures from fewer than ${K} people are never shown.`);
  for (const title of [
    'Workflow completion, guided vs control',
    'People active per week, by role',
    'Fields most often left empty',
    'Steps most abandoned',
    'Guides whose targets went missing',
  ]) {
    expect(text, title).toContain(title);
  }
  // Section headings are set in capitals by the style sheet.
  for (const section of ['Guided vs control', 'Time on task', 'What goes unused']) {
    expect(text, section).toContain(section.toUpperCase());
  }
  // Whole tables, their last columns too, each figure with its baseline and change.
  expect(text).toContain('(each figure: this period, then the baseline · the change)');
  expect(text).toMatch(/Mean score \S/);
  // Nothing to click, and not the section that was closed.
  expect(text).not.toContain('Download CSV');
  expect(text).not.toContain('Clear filters');
  expect(text).not.toContain('saw each announcement');
  expect(text).not.toContain('ANNOUNCEMENTS');
});

/** The text of a PDF, page after page, its runs of white space made one. */
async function pdfText(pdf: Buffer): Promise<string> {
  const document = await getDocument({ data: new Uint8Array(pdf) }).promise;
  const pages: string[] = [];
  for (let n = 1; n <= document.numPages; n++) {
    const content = await (await document.getPage(n)).getTextContent();
    pages.push(content.items.map((item) => ('str' in item ? item.str : '')).join(' '));
  }
  return pages.join(' ').replace(/\s+/g, ' ');
}
