/**
 * npm start — the whole local set-up in one command: builds the extension and the dashboard,
 * serves the demo CRM and the sync endpoint (SQLite, with demo data the first time) on 127.0.0.1
 * and, where there is a display, opens Chromium with the extension loaded.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startDemoServer } from '../demo/server';
import { startEndpoint } from '../server';
import { addDays } from '../core/snapshot';
import { seedDemo } from '../server/seed/command';
import { DEMO_DEFAULTS } from '../server/seed/demoData';
import { utcDay } from '../core/days';
import { createToken } from '../server/tokens';
import { guideLifecycle, importGuides } from '../server/guideLifecycle';

const DEMO_ORG = 'demo';

const EXTENSION_DIR = resolve('.output/chrome-mv3');
const GUIDES_DIR = resolve('guides');
const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

function findChromium(): string | undefined {
  const named = process.env.CHROMIUM_PATH;
  if (named) return existsSync(named) ? named : undefined;
  return CANDIDATES.find((path) => existsSync(path));
}

function hasDisplay(): boolean {
  if (process.platform === 'darwin' || process.platform === 'win32') return true;
  return Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
}

for (const [what, script] of [
  ['extension', 'build'],
  ['dashboard', 'build:dashboard'],
] as const) {
  const build = spawnSync('npm', ['run', '--silent', script], { stdio: 'inherit' });
  if (build.status !== 0) {
    console.error(`The ${what} did not build; see the messages above.`);
    process.exit(1);
  }
}

const port = Number(process.env.PORT ?? 5178);
const server = await startDemoServer({ port }).catch((error: NodeJS.ErrnoException) => {
  console.error(
    error.code === 'EADDRINUSE'
      ? `Port ${port} is already in use (another npm start?). Stop it, or choose one: PORT=5180 npm start`
      : `The demo CRM did not start: ${error.message}`,
  );
  process.exit(1);
});
const home = `${server.url}/app/home`;
console.log(`\nDemo CRM running at ${home}`);

// The sync endpoint on its SQLite default, with fresh tokens for the demo organisation.
const endpointPort = Number(process.env.ENDPOINT_PORT ?? 8787);
const endpoint = await startEndpoint({ port: endpointPort }).catch((error: Error) => {
  console.error(`The endpoint did not start on port ${endpointPort}: ${error.message}`);
  process.exit(1);
});
const ingest = await createToken(endpoint.store, DEMO_ORG, 'ingest');
const admin = await createToken(endpoint.store, DEMO_ORG, 'admin');
const trainer = await createToken(endpoint.store, DEMO_ORG, 'trainer', new Date(), 'Demo trainer');
// The organisation's guides, to publish new versions of from the authoring panel: the guides
// directory, imported once (a later start keeps what was published since).
if ((await guideLifecycle(endpoint.store, DEMO_ORG).list()).length === 0) {
  await importGuides(endpoint.store, DEMO_ORG, GUIDES_DIR, { label: 'import of guides/' });
}
// Adoption figures to look at from the first minute: generated usage of 200 people over 60 days.
const seeded = await seedDemo(
  endpoint.store,
  { org: DEMO_ORG, ...DEMO_DEFAULTS, replace: false },
  { lastDay: addDays(utcDay(Date.now()), -1), io: { out: () => undefined, err: () => undefined } },
);
const look = seeded?.plan.look;
const dashboard =
  endpoint.dashboardUrl &&
  (look
    ? `${endpoint.dashboardUrl}#from=${look.period.from}&to=${look.period.to}&baselineFrom=${look.baseline.from}&baselineTo=${look.baseline.to}`
    : endpoint.dashboardUrl);
console.log(
  [
    `Endpoint running at ${endpoint.url} (${endpoint.store.kind}).`,
    `  To sync, open the extension's options ("My activity" in the popup) and set`,
    `    endpoint address: ${endpoint.url}`,
    `    ingest token:     ${ingest.token}`,
    `  To publish guides from the authoring panel (role Trainer), set in the options' Guides section`,
    `    trainer token:    ${trainer.token}`,
    '',
    `Adoption dashboard: ${dashboard}`,
    `  Sign in with the admin token: ${admin.token} (or the trainer token, for the Guides view only)`,
    seeded
      ? `  Demo data: ${seeded.plan.users} people in four roles over ${seeded.plan.days} days, roll-out on ${seeded.plan.rollout} (the link compares the weeks after it with those before).`
      : `  The "${DEMO_ORG}" organisation already has data; fresh demo data: npm run seed:demo -- --replace`,
  ].join('\n'),
);

const chromium = findChromium();
let browser: ReturnType<typeof spawn> | undefined;
if (chromium && hasDisplay()) {
  const profile = mkdtempSync(join(tmpdir(), 'waymark-profile-'));
  browser = spawn(
    chromium,
    [
      `--user-data-dir=${profile}`,
      `--disable-extensions-except=${EXTENSION_DIR}`,
      `--load-extension=${EXTENSION_DIR}`,
      '--no-first-run',
      '--no-default-browser-check',
      // Chromium refuses to start as root inside its sandbox (containers, CI machines).
      ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
      home,
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let errors = '';
  browser.stderr?.on(
    'data',
    (chunk: Buffer) => (errors = (errors + chunk.toString()).slice(-4000)),
  );
  browser.on('exit', (code) => {
    if (code) console.error(`Chromium stopped (exit code ${code}):\n${errors.trim()}`);
  });
  console.log(`Chromium opened with Waymark loaded (fresh profile in ${profile}).`);
} else {
  console.log(
    [
      chromium
        ? 'No display found, so no browser was opened.'
        : 'No Chromium found (set CHROMIUM_PATH).',
      'To try Waymark in your own Chrome or Chromium:',
      '  1. open chrome://extensions and switch on "Developer mode"',
      `  2. click "Load unpacked" and choose ${EXTENSION_DIR}`,
      `  3. open ${home}`,
    ].join('\n'),
  );
}
console.log('Press Ctrl+C to stop.');

const stop = () => {
  browser?.kill();
  void Promise.all([server.close(), endpoint.close()]).then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
