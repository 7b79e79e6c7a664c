import { defineConfig } from '@playwright/test';

// Tests read the step UI, so they load the build whose shadow root is open (scripts/chromium.ts);
// the attack on the closed root loads the shipped build by name.
process.env.WAYMARK_EXTENSION_DIR ??= '.output/chrome-mv3-e2e';

export default defineConfig({
  testDir: 'tests/e2e',
  // Each test starts its own browser with the extension; two at a time suits a 2-core machine.
  workers: process.env.CI ? 2 : undefined,
  fullyParallel: true,
  retries: 0,
  // Each test starts its own Chromium (and some an endpoint); on a loaded 2-core machine the
  // first start of a browser alone can take seconds, so a test gets a minute before it fails.
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
  use: { trace: 'retain-on-failure' },
  projects: [
    { name: 'chromium', testIgnore: /forceInstall\.spec\.ts/ },
    // A force-install policy reaches every Chromium on the machine: these tests wait until the
    // others are done, so no other test's browser installs their extension beside its own.
    { name: 'alone', testMatch: /forceInstall\.spec\.ts/, dependencies: ['chromium'] },
  ],
});
