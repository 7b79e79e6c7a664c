// The target resolver in a real browser page (no extension needed): voting, shadow roots,
// iframes, hidden candidates.
import { build } from 'esbuild';
import { expect, test } from '@playwright/test';
import { CHROMIUM } from './fixtures';

test.use({ launchOptions: { executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu'] } });

let bundle = '';
test.beforeAll(async () => {
  const result = await build({
    stdin: {
      contents:
        "import { pathMayHoldTarget, resolveTarget } from './runtime/resolveTarget';" +
        'const anchors = (a) => `[data-anchor="${a}"]`;' +
        'window.resolve = (t) => { const e = resolveTarget(t, anchors, document).element; return e ? e.id || e.tagName : null; };' +
        // For each element, in tree order through shadow roots and iframes: whether the target
        // resolves to it, and whether a click on it passes the observer's first check.
        'window.screen_ = (t) => { const resolved = resolveTarget(t, anchors, document); const out = []; const visit = (root) => { for (const el of root.querySelectorAll("*")) { out.push({ id: el.id || el.tagName, resolved: el === resolved.element, mayHold: pathMayHoldTarget([el], t, anchors) }); if (el.shadowRoot) visit(el.shadowRoot); if (el.contentDocument) visit(el.contentDocument); } }; visit(document); return out; };',
      resolveDir: '.',
      loader: 'ts',
    },
    bundle: true,
    format: 'iife',
    write: false,
  });
  bundle = result.outputFiles[0]?.text ?? '';
});

const FIXTURE = `
  <button id="log" data-anchor="logCall">Log a Call</button>
  <button id="decoy" class="primary">Log a Call</button>
  <button id="hidden" style="display:none" data-anchor="hiddenOne">Save</button>
  <button id="save-1">Save</button>
  <button id="save-2">Save</button>
  <div id="host"></div>
  <iframe name="settings" srcdoc="<label for='n'>Display name</label><input id='n'>"></iframe>
  <script>
    const outer = document.getElementById('host').attachShadow({ mode: 'open' });
    const inner = document.createElement('wm-field');
    outer.append(inner);
    inner.attachShadow({ mode: 'open' }).innerHTML =
      '<label for="ns">Next Step</label><input id="ns">';
  </script>`;

test.beforeEach(async ({ page }) => {
  await page.setContent(FIXTURE);
  await page.waitForFunction(() =>
    document.querySelector('iframe')?.contentDocument?.getElementById('n'),
  );
  await page.addScriptTag({ content: bundle });
});

const resolve = (page: import('@playwright/test').Page, target: object) =>
  page.evaluate(
    (t) => (window as unknown as { resolve(t: object): string | null }).resolve(t),
    target,
  );

test('strategies vote: the element most of them agree on wins', async ({ page }) => {
  expect(await resolve(page, { anchor: 'logCall', role: 'button', text: 'Log a Call' })).toBe(
    'log',
  );
  // The CSS class moved to another button: one vote against three.
  expect(
    await resolve(page, { anchor: 'logCall', css: '.primary', role: 'button', text: 'Log a Call' }),
  ).toBe('log');
  // A broken or invalid selector costs a vote, never the target, and never throws.
  expect(await resolve(page, { anchor: 'logCall', css: '#renamed' })).toBe('log');
  expect(await resolve(page, { css: '[[[', text: 'Log a Call', anchor: 'logCall' })).toBe('log');
});

test('hidden candidates never win; nth picks among equals in page order', async ({ page }) => {
  expect(await resolve(page, { anchor: 'hiddenOne' })).toBeNull();
  expect(await resolve(page, { anchor: 'hiddenOne', text: 'Save' })).toBe('save-1');
  expect(await resolve(page, { role: 'button', name: 'Save', nth: 1 })).toBe('save-2');
  expect(await resolve(page, { text: 'Save', nth: 5 })).toBeNull();
});

test('labels are found two shadow roots deep and inside same-origin iframes', async ({ page }) => {
  expect(await resolve(page, { label: 'Next Step' })).toBe('ns');
  expect(await resolve(page, { role: 'textbox', name: 'Next Step' })).toBe('ns');
  expect(await resolve(page, { frame: 'iframe[name=settings]', label: 'Display name' })).toBe('n');
  expect(await resolve(page, { frame: 'iframe[name=other]', label: 'Display name' })).toBeNull();
  expect(await resolve(page, { label: 'Display name' })).toBe('n');
});

test('a click on an element is ruled out only when the target cannot resolve to it', async ({
  page,
}) => {
  const screen = (target: object) =>
    page.evaluate(
      (t) =>
        (
          window as unknown as {
            screen_(t: object): { id: string; resolved: boolean; mayHold: boolean }[];
          }
        ).screen_(t),
      target,
    );
  const targets = [
    { anchor: 'logCall', role: 'button', text: 'Log a Call' },
    { css: '.primary', text: 'Log a Call' },
    { role: 'button', name: 'Save', nth: 1 },
    { text: 'Save' },
    { label: 'Next Step' },
    { role: 'textbox', name: 'Next Step' },
    { frame: 'iframe[name=settings]', label: 'Display name' },
    { testId: 'absent', text: 'Log a Call' },
  ];
  for (const target of targets) {
    const elements = await screen(target);
    const resolved = elements.filter((e) => e.resolved);
    expect(resolved, JSON.stringify(target)).toHaveLength(1);
    for (const e of resolved) expect(e.mayHold, `${e.id} for ${JSON.stringify(target)}`).toBe(true);
    // What passes is a few elements, never the page around them.
    const passing = elements.filter((e) => e.mayHold).map((e) => e.id);
    expect(passing.length, JSON.stringify(target)).toBeLessThanOrEqual(3);
    for (const container of ['HTML', 'BODY', 'host', 'IFRAME']) {
      expect(passing, JSON.stringify(target)).not.toContain(container);
    }
  }
  // Text is compared whole: a container holding it among other text is not the target.
  const save = await screen({ text: 'Save' });
  expect(save.filter((e) => e.mayHold).map((e) => e.id)).toEqual(['hidden', 'save-1', 'save-2']);
});
