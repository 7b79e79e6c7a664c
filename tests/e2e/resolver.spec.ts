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
        // The control a step acts on, beside the element it is drawn against.
        'window.resolveControl = (t) => { const { element, control } = resolveTarget(t, anchors, document); const name = (e) => e ? e.id || e.tagName : null; return [name(element), name(control)]; };' +
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

/** Label markup as the common UI libraries render a field's label. */
const LABEL_FORMS = `
  <label for="mui">First name<span aria-hidden="true" class="MuiFormLabel-asterisk"> *</span></label>
  <input id="mui">
  <label for="fluent">Topic<span aria-hidden="true" class="fui-Label__required">*</span></label>
  <input id="fluent">
  <label for="slds"><abbr class="slds-required" title="required">* </abbr>Close Date</label>
  <input id="slds">
  <label for="colon">Phone:</label><input id="colon">
  <label for="both">Last name: *</label><input id="both">
  <span id="company-label">Company name</span><span id="company-star" aria-hidden="true">*</span>
  <input id="company" aria-labelledby="company-label company-star">
  <label id="wrapping">Stage <select id="stage"><option>Prospecting</option><option>Closed</option></select></label>
  <input id="zip" aria-label="Zip code *">
  <label for="ant" class="ant-form-item-required" title="City">City</label><input id="ant">
  <label for="spaced">  Next
     Step  </label><input id="spaced">`;

test.describe('labels as people read them', () => {
  test.beforeEach(async ({ page }) => {
    await page.setContent(LABEL_FORMS);
    await page.addScriptTag({ content: bundle });
  });

  const cases: [string, string][] = [
    ['First name', 'mui'],
    ['Topic', 'fluent'],
    ['Close Date', 'slds'],
    ['Phone', 'colon'],
    ['Last name', 'both'],
    ['Company name', 'company'],
    ['Stage', 'stage'],
    ['Zip code', 'zip'],
    ['City', 'ant'],
    ['next step', 'spaced'],
    ['FIRST NAME', 'mui'],
    ['First name *', 'mui'],
    ['Phone:', 'colon'],
  ];
  for (const [label, id] of cases) {
    test(`"${label}" finds #${id} by label and by role and name`, async ({ page }) => {
      expect(await resolve(page, { label })).toBe(id);
      const role = id === 'stage' ? 'combobox' : 'textbox';
      expect(await resolve(page, { role, name: label })).toBe(id);
    });
  }

  test('a label is not matched by a part of it or by what a wrapped select offers', async ({
    page,
  }) => {
    expect(await resolve(page, { label: 'First' })).toBeNull();
    expect(await resolve(page, { label: 'Stage Prospecting' })).toBeNull();
    expect(await resolve(page, { label: 'Company' })).toBeNull();
  });
});

/** Lightning's shape: the anchor on a wrapper, the control two shadow roots inside it. */
const WRAPPED = `
  <div id="item" data-anchor="sfdc:RecordField.Opportunity.NextStep"><wm-host id="outer"></wm-host></div>
  <div id="action" data-anchor="sfdc:QuickAction.Opportunity.LogACall"><span id="renderer"></span></div>
  <div id="address" data-anchor="sfdc:RecordField.Account.BillingAddress">
    <label for="street">Street</label><input id="street"><label for="city">City</label><input id="city">
  </div>
  <script>
  {
    // A block: the file's first fixture already declared its names in this page's global scope.
    const outer = document.getElementById('outer').attachShadow({ mode: 'open' });
    const input = document.createElement('wm-input');
    input.id = 'lightning-input';
    outer.append(input);
    input.attachShadow({ mode: 'open' }).innerHTML =
      '<label for="ns"><abbr class="slds-required" title="required">*</abbr>Next Step</label><input id="ns"><button id="clear" hidden>x</button>';
    document.getElementById('renderer').attachShadow({ mode: 'open' }).innerHTML =
      '<button id="log-call">Log a Call</button>';
  }
  </script>`;

test.describe('targets reach the control', () => {
  test.beforeEach(async ({ page }) => {
    await page.setContent(WRAPPED);
    await page.addScriptTag({ content: bundle });
  });
  const resolveControl = (page: import('@playwright/test').Page, target: object) =>
    page.evaluate(
      (t) =>
        (window as unknown as { resolveControl(t: object): [string, string] }).resolveControl(t),
      target,
    );

  test('an anchored wrapper is drawn; the one input inside it is acted on', async ({ page }) => {
    expect(await resolveControl(page, { anchor: 'sfdc:RecordField.Opportunity.NextStep' })).toEqual(
      ['item', 'ns'],
    );
    // The anchor and the label name one field: they agree rather than compete.
    expect(
      await resolveControl(page, {
        anchor: 'sfdc:RecordField.Opportunity.NextStep',
        label: 'Next Step',
        role: 'textbox',
        name: 'Next Step',
      }),
    ).toEqual(['item', 'ns']);
    expect(await resolveControl(page, { anchor: 'sfdc:QuickAction.Opportunity.LogACall' })).toEqual(
      ['action', 'log-call'],
    );
    // A label alone finds the input itself, which is its own control.
    expect(await resolveControl(page, { label: 'Next Step' })).toEqual(['ns', 'ns']);
  });

  test('a wrapper holding several fields has no single control', async ({ page }) => {
    expect(
      await resolveControl(page, { anchor: 'sfdc:RecordField.Account.BillingAddress' }),
    ).toEqual(['address', null]);
    // Naming one of them picks it.
    expect(
      await resolveControl(page, {
        anchor: 'sfdc:RecordField.Account.BillingAddress',
        label: 'City',
      }),
    ).toEqual(['address', 'city']);
  });
});
