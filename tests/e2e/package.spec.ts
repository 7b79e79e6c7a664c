/**
 * The store packages as `npm run zip` makes them: built into a directory of this test's own (others
 * may be building .output meanwhile), unzipped, and checked the way a store or a browser reads
 * them: every file the manifests name is in the zip, the icons have their declared sizes, Firefox's
 * linter finds nothing, and Chromium loads the Chrome package without a manifest warning or error.
 */
import { chromium, expect, test, type BrowserContext } from '@playwright/test';
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, posix } from 'node:path';
import { promisify } from 'node:util';
import { inflateRawSync } from 'node:zlib';
import { CRM_MATCHES } from '../../core/adapters';
import { ICON_SIZES, TOOLBAR_ICON_SIZES, iconMap, pngSize } from '../../scripts/icons-manifest';
import { CHROMIUM, launchArgs } from './fixtures';

const run = promisify(execFile);

// One build for the whole file: the tests share it, in order, in one worker.
test.describe.configure({ mode: 'serial' });

/** The entries of a zip file by path: enough of the format for what WXT writes (stored, deflate). */
function readZip(zip: Buffer): Map<string, Buffer> {
  let end = zip.length - 22;
  while (end >= 0 && zip.readUInt32LE(end) !== 0x06054b50) end -= 1;
  if (end < 0) throw new Error('not a zip file: no end of central directory');
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const entries = new Map<string, Buffer>();
  for (let i = 0; i < count; i += 1) {
    if (zip.readUInt32LE(at) !== 0x02014b50) throw new Error('broken central directory');
    const method = zip.readUInt16LE(at + 10);
    const size = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const skip = nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
    const local = zip.readUInt32LE(at + 42);
    const name = zip.toString('utf8', at + 46, at + 46 + nameLength);
    at += 46 + skip;
    if (name.endsWith('/')) continue;
    if (name.startsWith('/') || name.split('/').includes('..')) throw new Error(`unsafe ${name}`);
    const data = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const raw = zip.subarray(data, data + size);
    if (method !== 0 && method !== 8) throw new Error(`${name}: compression ${method}`);
    entries.set(name, method === 8 ? inflateRawSync(raw) : Buffer.from(raw));
  }
  return entries;
}

function unzipTo(entries: Map<string, Buffer>, dir: string): string {
  for (const [name, bytes] of entries) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), bytes);
  }
  return dir;
}

type Manifest = Record<string, unknown> & { icons?: Record<string, string> };

function iconValues(icon: unknown): string[] {
  if (typeof icon === 'string') return [icon];
  return icon && typeof icon === 'object' ? Object.values(icon as Record<string, string>) : [];
}

/** Every package file the manifest names, as paths inside the zip. */
function manifestFiles(manifest: Manifest): string[] {
  const m = manifest as {
    icons?: Record<string, string>;
    action?: { default_icon?: unknown; default_popup?: string };
    browser_action?: { default_icon?: unknown; default_popup?: string };
    options_ui?: { page?: string };
    options_page?: string;
    background?: { service_worker?: string; scripts?: string[]; page?: string };
    content_scripts?: { js?: string[]; css?: string[] }[];
    storage?: { managed_schema?: string };
  };
  const action = m.action ?? m.browser_action;
  return [
    ...iconValues(m.icons),
    ...iconValues(action?.default_icon),
    action?.default_popup,
    m.options_ui?.page,
    m.options_page,
    m.background?.service_worker,
    ...(m.background?.scripts ?? []),
    m.background?.page,
    ...(m.content_scripts ?? []).flatMap((script) => [...(script.js ?? []), ...(script.css ?? [])]),
    m.storage?.managed_schema,
  ]
    .filter((file): file is string => typeof file === 'string')
    .map((file) => file.replace(/^\//, ''));
}

/** Files a page, script or the background loads from the package itself, resolved from `from`. */
function loadedFiles(from: string, text: string): string[] {
  const patterns = [
    /\b(?:src|href)="([^":#?]+)"/g, // pages: scripts, module preloads, styles
    /(?:\bfrom|\bimport\(?)\s*"(\.{1,2}\/[^"]+)"/g, // chunks importing chunks
    /\bfiles:\[([^\]]*)\]/g, // scripts the background injects into CRM pages
  ];
  return patterns.flatMap((pattern) =>
    [...text.matchAll(pattern)].flatMap((match) =>
      (match[1] ?? '').split(',').flatMap((quoted) => {
        const file = quoted.trim().replace(/^"|"$/g, '');
        // A template's placeholder (a dynamic import of a computed name) names no file.
        if (!file || file.includes('${')) return [];
        return file.startsWith('/') ? file.slice(1) : posix.join(posix.dirname(from), file);
      }),
    ),
  );
}

interface Packages {
  out: string;
  chrome: Map<string, Buffer>;
  firefox: Map<string, Buffer>;
  sources: Map<string, Buffer>;
}

let packages: Packages;

test.beforeAll(async () => {
  test.setTimeout(180_000);
  const out = mkdtempSync(join(tmpdir(), 'waymark-zip-'));
  // Exactly what a release does, with the output somewhere of this test's own.
  await run('npm', ['run', 'zip'], {
    env: { ...process.env, WAYMARK_OUT_DIR: out },
    maxBuffer: 64 * 1024 * 1024,
  });
  const zip = (suffix: string) => {
    const name = readdirSync(out).find((file) => file.endsWith(`-${suffix}.zip`));
    if (!name) throw new Error(`npm run zip made no *-${suffix}.zip in ${out}`);
    return readZip(readFileSync(join(out, name)));
  };
  packages = { out, chrome: zip('chrome'), firefox: zip('firefox'), sources: zip('sources') };
});

test.afterAll(() => {
  if (packages) rmSync(packages.out, { recursive: true, force: true });
});

function manifestOf(entries: Map<string, Buffer>): Manifest {
  const bytes = entries.get('manifest.json');
  if (!bytes) throw new Error('no manifest.json in the zip');
  return JSON.parse(bytes.toString('utf8')) as Manifest;
}

for (const browser of ['chrome', 'firefox'] as const) {
  test(`the ${browser} zip holds every file its manifest and pages name`, () => {
    const entries = packages[browser];
    const manifest = manifestOf(entries);
    const named = manifestFiles(manifest);
    expect(named).toEqual(
      expect.arrayContaining(['managed_schema.json', 'popup.html', 'options.html']),
    );
    const loaded = [...entries.keys()]
      .filter((file) => /\.(html|js)$/.test(file))
      .flatMap((file) => loadedFiles(file, entries.get(file)?.toString('utf8') ?? ''));
    expect(loaded).toEqual(expect.arrayContaining(['guide-ui.js', 'authoring.js']));
    const missing = [...new Set([...named, ...loaded])].filter((file) => !entries.has(file));
    expect(missing, 'files named but not in the zip').toEqual([]);
  });

  test(`the ${browser} icons are PNGs of their declared sizes`, () => {
    const entries = packages[browser];
    const manifest = manifestOf(entries) as {
      icons?: Record<string, string>;
      action?: { default_icon?: Record<string, string> };
      browser_action?: { default_icon?: Record<string, string> };
    };
    expect(manifest.icons).toEqual(iconMap(ICON_SIZES));
    const toolbar = (manifest.action ?? manifest.browser_action)?.default_icon;
    expect(toolbar).toEqual(iconMap(TOOLBAR_ICON_SIZES));
    for (const [size, file] of Object.entries({ ...manifest.icons, ...toolbar })) {
      const bytes = entries.get(file);
      expect(bytes, file).toBeDefined();
      expect(pngSize(bytes ?? new Uint8Array()), file).toEqual({
        width: Number(size),
        height: Number(size),
      });
    }
  });

  test(`the ${browser} launcher runs on exactly the adapters' hosts`, () => {
    const manifest = manifestOf(packages[browser]) as {
      content_scripts?: { matches?: string[]; js?: string[] }[];
      host_permissions?: string[];
      permissions?: string[];
    };
    const launcher = manifest.content_scripts?.find((s) =>
      s.js?.includes('content-scripts/content.js'),
    );
    expect(launcher?.matches).toEqual([...CRM_MATCHES]);
    // MV3 names hosts apart; MV2 lists them among the permissions.
    const hosts =
      manifest.host_permissions ?? manifest.permissions?.filter((p) => p.includes('://'));
    expect(hosts).toEqual(expect.arrayContaining([...CRM_MATCHES]));
  });
}

test('the sources zip holds what a rebuild needs and no local data', () => {
  const files = [...packages.sources.keys()];
  expect(files).toEqual(
    expect.arrayContaining([
      'package.json',
      'package-lock.json',
      'wxt.config.ts',
      'assets/icon.svg',
      'public/managed_schema.json',
      ...ICON_SIZES.map((size) => `public/icon/${size}.png`),
    ]),
  );
  const local = /^(\.output|node_modules|server\/data|test-results|playwright-report|\.bench)\//;
  expect(files.filter((file) => local.test(file))).toEqual([]);
});

test('the Firefox package passes web-ext lint with nothing to report', async () => {
  test.setTimeout(120_000);
  const dir = unzipTo(packages.firefox, join(packages.out, 'firefox-unzipped'));
  const lint = await run('npx', ['web-ext', 'lint', '--source-dir', dir, '--output', 'json'], {
    maxBuffer: 64 * 1024 * 1024,
  }).catch((error: { stdout?: string }) => ({ stdout: error.stdout ?? '' }));
  const report = JSON.parse(lint.stdout) as {
    summary: { errors: number; warnings: number; notices: number };
    errors: { code: string; message: string; file?: string }[];
    warnings: { code: string; message: string; file?: string }[];
    notices: { code: string; message: string; file?: string }[];
  };
  const found = [...report.errors, ...report.warnings, ...report.notices].map(
    (m) => `${m.code} ${m.file ?? ''}: ${m.message}`,
  );
  expect(found).toEqual([]);
  expect(report.summary).toEqual({ errors: 0, warnings: 0, notices: 0 });
});

interface LoadReport {
  manifestErrors: string[];
  runtimeErrors: string[];
  installWarnings: string[];
  /** The card's "Errors"/"Warnings" button on chrome://extensions. */
  errorsButton: boolean;
}

/**
 * Loads an unpacked extension in Chromium and reads what chrome://extensions reports about it.
 * An extension loaded from the command line has error collection off, so it is turned on and the
 * extension reloaded from the same directory: its manifest is read again, and each warning lands
 * in the error console that the "Warnings" button shows in developer mode.
 */
async function loadAndReport(dir: string): Promise<LoadReport> {
  const context: BrowserContext = await chromium.launchPersistentContext('', {
    executablePath: CHROMIUM,
    headless: true,
    args: launchArgs(dir),
  });
  try {
    const worker =
      context.serviceWorkers()[0] ??
      (await context.waitForEvent('serviceworker', { timeout: 10_000 }));
    const id = new URL(worker.url()).host;
    const page = await context.newPage();
    await page.goto('chrome://extensions');
    const restarted = context.waitForEvent('serviceworker', { timeout: 10_000 });
    await page.evaluate(async (extensionId) => {
      type DeveloperPrivate = {
        updateProfileConfiguration(update: { inDeveloperMode: boolean }): Promise<void>;
        updateExtensionConfiguration(update: {
          extensionId: string;
          errorCollection: boolean;
        }): Promise<void>;
        reload(id: string, options: { failQuietly: boolean }): Promise<unknown>;
      };
      const api = (globalThis as unknown as { chrome: { developerPrivate: DeveloperPrivate } })
        .chrome.developerPrivate;
      await api.updateProfileConfiguration({ inDeveloperMode: true });
      await api.updateExtensionConfiguration({ extensionId, errorCollection: true });
      await api.reload(extensionId, { failQuietly: true });
    }, id);
    await restarted;
    // Its own pages too: an error they throw on opening is reported alongside.
    for (const view of ['popup.html', 'options.html']) {
      const opened = await context.newPage();
      await opened.goto(`chrome-extension://${id}/${view}`);
      await opened.waitForLoadState('networkidle');
    }
    await page.reload();
    const item = page.locator(`extensions-item#${id}`);
    await expect(item).toBeVisible();
    const info = await page.evaluate(async (extensionId) => {
      type Message = { message: string };
      type Info = {
        manifestErrors: Message[];
        runtimeErrors: Message[];
        installWarnings: string[];
        errorCollection: { isActive: boolean };
      };
      const api = (
        globalThis as unknown as {
          chrome: { developerPrivate: { getExtensionInfo(id: string): Promise<Info> } };
        }
      ).chrome.developerPrivate;
      return api.getExtensionInfo(extensionId);
    }, id);
    expect(info.errorCollection.isActive, 'error collection is on').toBe(true);
    return {
      manifestErrors: info.manifestErrors.map((e) => e.message),
      runtimeErrors: info.runtimeErrors.map((e) => e.message),
      installWarnings: info.installWarnings,
      errorsButton: await item.locator('#errors-button').isVisible(),
    };
  } finally {
    await context.close();
  }
}

test('Chromium loads the Chrome package with no manifest warning or error', async () => {
  test.setTimeout(60_000);
  const dir = unzipTo(packages.chrome, join(packages.out, 'chrome-unzipped'));
  expect(await loadAndReport(dir)).toEqual({
    manifestErrors: [],
    runtimeErrors: [],
    installWarnings: [],
    errorsButton: false,
  });

  // The same check on a copy given an unknown permission must see it, or its silence means nothing.
  const broken = unzipTo(packages.chrome, join(packages.out, 'chrome-broken'));
  const manifest = manifestOf(packages.chrome) as { permissions: string[] };
  manifest.permissions = [...manifest.permissions, 'notARealPermission'];
  writeFileSync(join(broken, 'manifest.json'), JSON.stringify(manifest));
  const report = await loadAndReport(broken);
  expect(report.manifestErrors).toEqual([expect.stringContaining("'notARealPermission'")]);
  expect(report.errorsButton).toBe(true);
});
