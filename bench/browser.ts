import { chromium, type BrowserContext } from '@playwright/test';
import { CHROMIUM, INSPECTABLE_DIR, launchArgs, policyAnswered } from '../scripts/chromium';

/**
 * Chromium with or without the built extension, as a rep would run it: the build whose step UI
 * the benchmarks can see appear (its shadow root open; nothing else differs from the shipped one).
 */
export async function launch(withExtension: boolean): Promise<BrowserContext> {
  const all = launchArgs(INSPECTABLE_DIR);
  const args = withExtension ? all : all.filter((a) => !a.includes('extension'));
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
