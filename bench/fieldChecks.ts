/**
 * The worst time one field check takes on a CRM page's main thread: the built formats engine
 * (field-formats.js, RE2) in Chromium, on the catastrophic patterns a hostile guide could bring
 * and on the presets, against 10 kB values made to hurt. The baseline is the browser's own
 * RegExp running a harmless preset on the same values.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { CHROMIUM, EXTENSION_DIR } from '../scripts/chromium';
import { FORMAT_PRESETS } from '../core/guide/formatPresets';

export interface FieldCheckResult {
  worstMs: number;
  worstPattern: string;
  checks: number;
  nativeBaselineMs: number;
}

const HOSTILE = ['^(a+)+$', '(a|aa)+$', '(.*a){25}', '^(\\w+\\s?)*$', '^(a|a?)+$'];

/** Runs in the page: plain JavaScript, timed there. */
const IN_PAGE = `({ patterns, values, preset }) => {
  const matches = globalThis.__waymarkFieldFormats;
  let worst = 0, worstPattern = '', checks = 0;
  for (const pattern of patterns) {
    for (const value of values) {
      const started = performance.now();
      matches(pattern, value);
      const took = performance.now() - started;
      checks++;
      if (took > worst) { worst = took; worstPattern = pattern; }
    }
  }
  let native = 0;
  const re = new RegExp(preset);
  for (const value of values) {
    const started = performance.now();
    re.test(value);
    native = Math.max(native, performance.now() - started);
  }
  return { worstMs: worst, worstPattern, checks, nativeBaselineMs: native };
}`;

export async function fieldCheckWorst(): Promise<FieldCheckResult> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu'],
  });
  try {
    const page = await browser.newPage();
    await page.setContent('<p>formats</p>');
    await page.addScriptTag({
      content: readFileSync(join(EXTENSION_DIR, 'field-formats.js'), 'utf8'),
    });
    const long = 'a'.repeat(10_000);
    const values = [`${long}!`, long, `${'word '.repeat(2000)}!`, `${long}@${long}.`];
    const patterns = [...HOSTILE, ...Object.values(FORMAT_PRESETS)];
    // The first call compiles a pattern: warm every one once, as a page's first save would.
    await page.evaluate(
      `(${IN_PAGE})(${JSON.stringify({ patterns, values: ['x'], preset: 'x' })})`,
    );
    return (await page.evaluate(
      `(${IN_PAGE})(${JSON.stringify({ patterns, values, preset: FORMAT_PRESETS.email })})`,
    )) as FieldCheckResult;
  } finally {
    await browser.close();
  }
}
