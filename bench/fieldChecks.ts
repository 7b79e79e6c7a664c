/**
 * The time one field check takes on a CRM page's main thread: the built formats engine
 * (field-formats.js, RE2) in Chromium, on the catastrophic patterns a hostile guide could bring
 * and on the presets, against 10 kB values made to hurt. Each pattern and value is checked
 * REPEATS times: the figure held to the goal is the worst median (what a rep's every save pays),
 * and the worst single call (a first call's allocation, the engine's compilation by the JIT, a
 * garbage collection) is printed beside it. The baseline is the browser's own RegExp running a
 * harmless preset on the same values.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { CHROMIUM, EXTENSION_DIR } from '../scripts/chromium';
import { FORMAT_PRESETS } from '../core/guide/formatPresets';

export interface FieldCheckResult {
  /** The largest median over patterns and values. */
  worstMedianMs: number;
  worstPattern: string;
  /** The largest single call. */
  worstCallMs: number;
  checks: number;
  nativeBaselineMs: number;
}

const REPEATS = 9;

const HOSTILE = ['^(a+)+$', '(a|aa)+$', '(.*a){25}', '^(\\w+\\s?)*$', '^(a|a?)+$'];

/** Runs in the page: plain JavaScript, timed there. */
const IN_PAGE = `({ patterns, values, preset, repeats }) => {
  const matches = globalThis.__waymarkFieldFormats;
  let worstMedian = 0, worstPattern = '', worstCall = 0, checks = 0;
  for (const pattern of patterns) {
    for (const value of values) {
      const times = [];
      for (let i = 0; i < repeats; i++) {
        const started = performance.now();
        matches(pattern, value);
        times.push(performance.now() - started);
        checks++;
      }
      times.sort((a, b) => a - b);
      const median = times[Math.floor(times.length / 2)];
      worstCall = Math.max(worstCall, times[times.length - 1]);
      if (median > worstMedian) { worstMedian = median; worstPattern = pattern; }
    }
  }
  let native = 0;
  const re = new RegExp(preset);
  for (const value of values) {
    const started = performance.now();
    re.test(value);
    native = Math.max(native, performance.now() - started);
  }
  return { worstMedianMs: worstMedian, worstPattern, worstCallMs: worstCall, checks, nativeBaselineMs: native };
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
    const half = 'a'.repeat(4_999);
    const values = [`${long}!`, long, `${'word '.repeat(2000)}!`, `${half}@${half}.`];
    const patterns = [...HOSTILE, ...Object.values(FORMAT_PRESETS)];
    // The first call compiles a pattern: warm every one once, as a page's first save would.
    await page.evaluate(
      `(${IN_PAGE})(${JSON.stringify({ patterns, values: ['x'], preset: 'x', repeats: 1 })})`,
    );
    return (await page.evaluate(
      `(${IN_PAGE})(${JSON.stringify({ patterns, values, preset: FORMAT_PRESETS.email, repeats: REPEATS })})`,
    )) as FieldCheckResult;
  } finally {
    await browser.close();
  }
}
