import { defineConfig } from '@playwright/test';

// The Firefox suite: Playwright Test runs it, puppeteer-core drives Firefox ESR over WebDriver
// BiDi (tests/firefox/fixtures.ts). Each test starts its own Firefox; two at a time suit 2 cores.
export default defineConfig({
  testDir: 'tests/firefox',
  workers: process.env.CI ? 2 : undefined,
  fullyParallel: true,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
});
