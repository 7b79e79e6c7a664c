/**
 * Accessibility checks with axe-core on a real page: every violation is listed with its rule and
 * the elements it names, so a failure says what to fix.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/** No axe violation in the page, or only within `include` (a CSS selector) when given. */
export async function expectNoAxeViolations(page: Page, include?: string): Promise<void> {
  let builder = new AxeBuilder({ page });
  if (include) builder = builder.include(include);
  const { violations, passes } = await builder.analyze();
  // A selector that matched nothing would pass every rule unseen.
  expect(
    passes.flatMap((rule) => rule.nodes).length,
    `axe found nothing at ${include}`,
  ).toBeGreaterThan(20);
  expect(
    violations.map(
      (v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
    ),
  ).toEqual([]);
}
