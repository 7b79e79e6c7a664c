/**
 * `npm run guides:doctor`: opens a CRM page in Chromium with the built extension and reports, for
 * every guide that matches the page, whether each step's target is still found and how.
 */
import { existsSync, statSync } from 'node:fs';
import type { BrowserContext } from '@playwright/test';
import { pageContextOf } from '../../background/guidance';
import { formatProblem } from '../../core/guide/problems';
import {
  CHROMIUM,
  EXTENSION_DIR,
  extensionIdOf,
  launchBrowser,
  missingExtension,
} from '../chromium';
import { parseArgs, USAGE, type DoctorOptions } from './args';
import { GuideLoadError, loadGuides, type GuideSet } from './guides';
import { probePage } from './page';
import { anchorsOf, guidesForDoctor, planGuide } from './plan';
import { buildReport, formatReport, guideVerdicts, probeKey, type DoctorReport } from './report';
import type { ProbeRequest } from './types';

export interface Output {
  out(text: string): void;
  err(text: string): void;
}

const CONSOLE: Output = {
  out: (text) => console.log(text),
  err: (text) => console.error(text),
};

/** A page that does not load in this long is not one the check can vouch for. */
const NAVIGATION_TIMEOUT_MS = 30_000;
const EXTENSION_START_MS = 15_000;

/** The check could not run: said in one sentence, exit code 2. */
class CannotRun extends Error {}

function firstLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.split('\n')[0]?.trim() ?? text;
}

/** Everything that can be found wrong before a browser starts. */
function setupProblem(options: DoctorOptions): string | null {
  const missing = missingExtension(EXTENSION_DIR);
  if (missing) return missing;
  if (!existsSync(CHROMIUM)) {
    return `No Chromium at ${CHROMIUM}: install it (Debian: apt-get install chromium) or set CHROMIUM_PATH.`;
  }
  const dir = options.userDataDir;
  if (dir !== undefined && !(existsSync(dir) && statSync(dir).isDirectory())) {
    return `--user-data-dir ${dir} is not a directory: name a Chromium profile that is signed in to the CRM.`;
  }
  return null;
}

async function openBrowser(options: DoctorOptions): Promise<BrowserContext> {
  let context: BrowserContext;
  try {
    context = await launchBrowser(options.userDataDir ?? '', EXTENSION_DIR, options.chromiumArgs);
  } catch (error) {
    const hint = options.userDataDir
      ? ' (is another Chromium using that profile? Close it first.)'
      : '';
    throw new CannotRun(`Chromium did not start: ${firstLine(error)}${hint}`);
  }
  try {
    // Guides are the extension's: without it running, the page is not the one reps see.
    await extensionIdOf(context, EXTENSION_START_MS);
  } catch {
    await context.close();
    throw new CannotRun(
      `The extension in ${EXTENSION_DIR} did not start in Chromium: rebuild it with \`npm run build\`.`,
    );
  }
  return context;
}

async function examine(options: DoctorOptions, set: GuideSet): Promise<DoctorReport> {
  const context = await openBrowser(options);
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    try {
      await page.goto(options.url, {
        waitUntil: 'load',
        timeout: Math.max(NAVIGATION_TIMEOUT_MS, options.timeoutMs ?? 0),
      });
    } catch (error) {
      throw new CannotRun(`Could not open ${options.url}: ${firstLine(error)}`);
    }
    const finalUrl = page.url();
    const pageContext = pageContextOf(finalUrl);
    const all = set.guides.map(({ guide }) => guide);
    const matching = guidesForDoctor(all, pageContext);
    const plans = matching.map((guide) =>
      planGuide(guide, pageContext?.pageType ?? '', options.timeoutMs),
    );
    const requests: ProbeRequest[] = plans.flatMap(({ guide, steps }, g) => {
      const anchors = anchorsOf(guide);
      return steps.flatMap((plan, s) =>
        plan.kind === 'check'
          ? [{ key: probeKey(g, s), target: plan.step.target, waitMs: plan.waitMs, anchors }]
          : [],
      );
    });
    let results;
    try {
      results = await probePage(page, requests);
    } catch (error) {
      throw new CannotRun(
        `The page could not be checked (did it navigate away meanwhile?): ${firstLine(error)}`,
      );
    }
    const files = new Map(set.guides.map(({ guide, file }) => [guide.id, file]));
    return buildReport({
      url: options.url,
      finalUrl,
      page: pageContext,
      guides: guideVerdicts(plans, results, (id) => files.get(id)),
      notMatching: all.filter((g) => !matching.includes(g)).map((g) => g.id),
      problems: set.problems,
    });
  } finally {
    await context.close();
  }
}

export async function main(argv: readonly string[], io: Output = CONSOLE): Promise<number> {
  const parsed = parseArgs(argv);
  if (parsed.kind === 'help') {
    io.out(USAGE);
    return 0;
  }
  if (parsed.kind === 'error') {
    io.err(parsed.message);
    return 2;
  }
  const { options } = parsed;
  let set: GuideSet;
  try {
    set = loadGuides(options.files);
  } catch (error) {
    if (!(error instanceof GuideLoadError)) throw error;
    io.err(error.message);
    return error.exitCode;
  }
  const problem = setupProblem(options);
  if (problem) {
    io.err(problem);
    return 2;
  }
  if (!options.json) for (const p of set.problems) io.err(formatProblem(p));
  let report: DoctorReport;
  try {
    report = await examine(options, set);
  } catch (error) {
    if (!(error instanceof CannotRun)) throw error;
    io.err(error.message);
    return 2;
  }
  io.out(options.json ? JSON.stringify(report, null, 2) : formatReport(report));
  return report.exitCode;
}
