import { chromium, type BrowserContext } from '@playwright/test';
import { CHROMIUM, launchArgs, policyAnswered } from '../tests/e2e/fixtures';

/** Chromium with or without the built extension, as a rep would run it. */
export async function launch(withExtension: boolean): Promise<BrowserContext> {
  const args = withExtension ? launchArgs() : launchArgs().filter((a) => !a.includes('extension'));
  const context = await chromium.launchPersistentContext('', {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1280, height: 800 },
    args,
  });
  // A new install answers pages once Chrome has answered for its policy: measure after that.
  if (withExtension) await policyAnswered(context);
  return context;
}
