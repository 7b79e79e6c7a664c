/**
 * Lightning-like form components: `<wm-record-form>` (open shadow root) holding
 * `<wm-input-field>` elements (each with its own open shadow root holding a `<label for>` and the
 * control). Fields therefore sit two shadow levels below the document.
 */

export type FieldType = 'text' | 'textarea' | 'select' | 'date' | 'number' | 'tel' | 'url';

export interface FieldDef {
  apiName: string;
  label: string;
  type: FieldType;
  required?: boolean;
  options?: readonly string[];
  help?: string;
  /** Spans both columns. */
  wide?: boolean;
}

const FIELD_CSS = `
:host { display: block; }
:host([hidden]) { display: none; }
.wrap { display: flex; flex-direction: column; gap: 4px; }
label { font-size: 13px; color: #3e3e3c; }
.req { color: #ba0517; margin-right: 2px; text-decoration: none; border: 0; }
input, select, textarea {
  font: inherit; font-size: 14px; color: #181818; background: #fff;
  border: 1px solid #c9c9c9; border-radius: 4px; padding: 7px 10px; min-height: 36px;
  width: 100%; box-sizing: border-box;
}
textarea { min-height: 88px; resize: vertical; }
input:focus, select:focus, textarea:focus {
  outline: none; border-color: #0176d3; box-shadow: 0 0 0 2px #0176d333;
}
[aria-invalid="true"] { border-color: #ba0517; box-shadow: 0 0 0 1px #ba0517 inset; }
.help { font-size: 12px; color: #5c6575; margin: 0; }
.error { font-size: 12px; color: #ba0517; margin: 0; }
`;

const FORM_CSS = `
:host { display: block; }
h2 {
  font-size: 15px; font-weight: normal; margin: 0 0 12px; padding: 8px 12px;
  background: #f3f3f3; border-radius: 4px; color: #181818;
}
.grid { display: grid; grid-template-columns: 1fr 1fr; gap: 16px 32px; padding: 4px 12px 8px; }
.wide { grid-column: 1 / -1; }
@media (max-width: 720px) { .grid { grid-template-columns: 1fr; } }
`;

function style(text: string): HTMLStyleElement {
  const el = document.createElement('style');
  el.textContent = text;
  return el;
}

export class WmInputField extends HTMLElement {
  #control: HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement | null = null;
  #error: HTMLElement | null = null;
  #def: FieldDef | null = null;
  #pending = '';

  constructor() {
    super();
    this.attachShadow({ mode: 'open', delegatesFocus: true });
  }

  /** Build the field. Called by `<wm-record-form>`, or by hand with a definition. */
  configure(def: FieldDef): void {
    this.#def = def;
    this.dataset.field = def.apiName;
    const root = this.shadowRoot;
    if (!root) return;
    while (root.firstChild) root.removeChild(root.firstChild);

    const id = `input-${def.apiName}`;
    const label = document.createElement('label');
    label.htmlFor = id;
    if (def.required) {
      const star = document.createElement('abbr');
      star.className = 'req';
      star.title = 'required';
      star.textContent = '*';
      label.append(star);
    }
    label.append(def.label);

    let control: HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;
    if (def.type === 'select') {
      const select = document.createElement('select');
      const none = document.createElement('option');
      none.value = '';
      none.textContent = '--None--';
      select.append(none);
      for (const option of def.options ?? []) {
        const el = document.createElement('option');
        el.value = option;
        el.textContent = option;
        select.append(el);
      }
      control = select;
    } else if (def.type === 'textarea') {
      control = document.createElement('textarea');
      control.rows = 4;
    } else {
      const input = document.createElement('input');
      input.type = def.type;
      if (def.type === 'number') input.step = 'any';
      control = input;
    }
    control.id = id;
    control.name = def.apiName;
    control.required = Boolean(def.required);
    control.value = this.#pending;

    const wrap = document.createElement('div');
    wrap.className = 'wrap';
    wrap.setAttribute('part', 'field');
    wrap.append(label, control);
    const describedBy: string[] = [];
    if (def.help) {
      const help = document.createElement('p');
      help.className = 'help';
      help.id = `help-${def.apiName}`;
      help.textContent = def.help;
      wrap.append(help);
      describedBy.push(help.id);
    }
    const error = document.createElement('p');
    error.className = 'error';
    error.id = `error-${def.apiName}`;
    error.hidden = true;
    wrap.append(error);
    describedBy.push(error.id);
    control.setAttribute('aria-describedby', describedBy.join(' '));
    control.addEventListener('input', () => this.#clearError());
    control.addEventListener('change', () => {
      this.#clearError();
      // Native `change` is not composed; re-announce it from the host (as Lightning's inputs do)
      // so that listeners outside both shadow roots see it. `input` is composed natively.
      this.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
    });

    root.append(style(FIELD_CSS), wrap);
    this.#control = control;
    this.#error = error;
  }

  get apiName(): string {
    return this.#def?.apiName ?? this.dataset.field ?? '';
  }

  get label(): string {
    return this.#def?.label ?? '';
  }

  get value(): string {
    return this.#control ? this.#control.value : this.#pending;
  }

  set value(next: string) {
    this.#pending = next;
    if (this.#control) this.#control.value = next;
  }

  /** The inner control, for code that needs it (tests, benchmarks). */
  get control(): HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement | null {
    return this.#control;
  }

  validate(): boolean {
    if (this.#def?.required && this.value.trim() === '') {
      this.#showError('Complete this field.');
      return false;
    }
    if (this.#control && !this.#control.checkValidity()) {
      this.#showError(this.#control.validationMessage || 'Enter a valid value.');
      return false;
    }
    this.#clearError();
    return true;
  }

  override focus(options?: FocusOptions): void {
    this.#control?.focus(options);
  }

  #showError(message: string): void {
    if (!this.#error || !this.#control) return;
    this.#error.textContent = message;
    this.#error.hidden = false;
    this.#control.setAttribute('aria-invalid', 'true');
  }

  #clearError(): void {
    if (!this.#error || !this.#control) return;
    this.#error.hidden = true;
    this.#error.textContent = '';
    this.#control.removeAttribute('aria-invalid');
  }
}

export class WmRecordForm extends HTMLElement {
  #fields: WmInputField[] = [];

  constructor() {
    super();
    this.attachShadow({ mode: 'open' });
  }

  /** Render the given fields (replacing any previous ones). */
  configure(heading: string, defs: readonly FieldDef[], values: Record<string, string> = {}): void {
    const root = this.shadowRoot;
    if (!root) return;
    while (root.firstChild) root.removeChild(root.firstChild);
    const h2 = document.createElement('h2');
    h2.textContent = heading;
    const grid = document.createElement('div');
    grid.className = 'grid';
    this.#fields = defs.map((def) => {
      const field = document.createElement('wm-input-field') as WmInputField;
      field.setAttribute('data-field', def.apiName);
      if (def.wide) field.className = 'wide';
      field.value = values[def.apiName] ?? '';
      field.configure(def);
      grid.append(field);
      return field;
    });
    root.append(style(FORM_CSS), h2, grid);
  }

  get fields(): readonly WmInputField[] {
    return this.#fields;
  }

  /** Current values keyed by api name, read through each `<wm-input-field>`. */
  get values(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const field of this.#fields) out[field.apiName] = field.value;
    return out;
  }

  /** Validates every field; focuses the first invalid one. */
  validate(): boolean {
    const invalid = this.#fields.filter((f) => !f.validate());
    invalid[0]?.focus();
    return invalid.length === 0;
  }
}

if (!customElements.get('wm-input-field')) customElements.define('wm-input-field', WmInputField);
if (!customElements.get('wm-record-form')) customElements.define('wm-record-form', WmRecordForm);

declare global {
  interface HTMLElementTagNameMap {
    'wm-input-field': WmInputField;
    'wm-record-form': WmRecordForm;
  }
}
