// @vitest-environment happy-dom
/** Authoring: targets proposed for a picked element. */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  checkProposal,
  meaningfulElement,
  proposeTarget,
} from '../../../../runtime/authoring/proposeTarget';

const anchors = ['data-anchor'];

/** Test markup, written here: not guide text. */
function fill(root: Element | ShadowRoot, markup: string): void {
  // eslint-disable-next-line no-restricted-properties -- fixture markup from this file only
  root.innerHTML = markup;
}
const anchorSelector = (a: string) => `[data-anchor="${a}"]`;

describe('proposeTarget', () => {
  it('names a button by its anchor, test id, role and name, text and a CSS path', () => {
    fill(
      document.body,
      `
      <div class="toolbar"><button data-anchor="opportunity.logCall" data-testid="log-call"><span>Log a Call</span></button>
      <button>Other</button></div>`,
    );
    const icon = document.querySelector('span') as Element;
    const button = meaningfulElement(icon, anchors);
    expect(button.tagName).toBe('BUTTON');
    const target = proposeTarget(button, anchors, document);
    expect(target).toMatchObject({
      anchor: 'opportunity.logCall',
      testId: 'log-call',
      role: 'button',
      name: 'Log a Call',
      text: 'Log a Call',
    });
    expect(document.querySelectorAll(target.css ?? 'nothing')).toHaveLength(1);
  });

  it('names a field inside a shadow root by its label, with a CSS path unique in that root', () => {
    fill(document.body, '<div id="host"></div>');
    const host = document.getElementById('host') as HTMLElement;
    const root = host.attachShadow({ mode: 'open' });
    fill(
      root,
      '<label for="next">Next Step</label><input id="next" type="text"><input id="other" type="text">',
    );
    const field = root.getElementById('next') as Element;
    const target = proposeTarget(field, anchors, document);
    expect(target).toMatchObject({ role: 'textbox', label: 'Next Step' });
    expect(target.text).toBeUndefined();
    expect(root.querySelectorAll(target.css ?? 'nothing')).toHaveLength(1);
  });

  it('proposes labels as people read them: no required marker, no colon', () => {
    fill(
      document.body,
      `<label for="a">Mobile phone<span aria-hidden="true"> *</span></label><input id="a">
       <label for="b"><abbr class="slds-required" title="required">*</abbr>Job title</label><input id="b">
       <label for="c">Office:</label><input id="c">`,
    );
    const label = (id: string) =>
      proposeTarget(document.getElementById(id) as Element, anchors, document).label;
    expect([label('a'), label('b'), label('c')]).toEqual(['Mobile phone', 'Job title', 'Office']);
    const named = proposeTarget(document.getElementById('a') as Element, anchors, document);
    expect(named).toMatchObject({ role: 'textbox', name: 'Mobile phone' });
  });

  it("takes the anchor of the wrapper a picked input is the one control of (Lightning's shape)", () => {
    fill(
      document.body,
      '<div data-anchor="sfdc:RecordField.Opportunity.NextStep" id="item"></div>',
    );
    const item = document.getElementById('item') as HTMLElement;
    const root = item.attachShadow({ mode: 'open' });
    fill(root, '<label for="ns">Next Step</label><input id="ns">');
    const input = root.getElementById('ns') as Element;
    // happy-dom lays nothing out: every element counts as shown here.
    vi.spyOn(HTMLElement.prototype, 'getBoundingClientRect').mockReturnValue(
      new DOMRect(0, 0, 100, 20),
    );
    const target = proposeTarget(input, anchors, document);
    expect(target).toMatchObject({
      anchor: 'sfdc:RecordField.Opportunity.NextStep',
      label: 'Next Step',
    });
    vi.restoreAllMocks();
  });

  it('leaves long texts out: they are content, not names', () => {
    fill(document.body, `<p>${'A long paragraph of content. '.repeat(5)}</p>`);
    const target = proposeTarget(document.querySelector('p') as Element, anchors, document);
    expect(target.text).toBeUndefined();
  });
});

describe('checkProposal', () => {
  // happy-dom lays nothing out: give every element a box, as a browser would.
  beforeAll(() => {
    vi.spyOn(Element.prototype, 'getBoundingClientRect').mockReturnValue(new DOMRect(0, 0, 80, 20));
  });
  afterAll(() => vi.restoreAllMocks());

  it('counts what each strategy matches alone and whether together they find the element', () => {
    fill(
      document.body,
      `
      <button data-anchor="save">Save</button>
      <button>Save</button>`,
    );
    const picked = document.querySelector('[data-anchor]') as Element;
    const check = checkProposal(
      { anchor: 'save', role: 'button', name: 'Save' },
      picked,
      anchorSelector,
      document,
    );
    expect(check.strategies).toEqual([
      { strategy: 'anchor', value: 'save', matches: 1, findsPicked: true },
      { strategy: 'role', value: 'button Save', matches: 2, findsPicked: true },
    ]);
    expect(check.resolvesToPicked).toBe(true);
    // The role alone picks the first "Save" button; for the second it would not find it.
    const second = document.querySelectorAll('button')[1] as Element;
    expect(
      checkProposal({ role: 'button', name: 'Save' }, second, anchorSelector, document)
        .resolvesToPicked,
    ).toBe(false);
  });
});
