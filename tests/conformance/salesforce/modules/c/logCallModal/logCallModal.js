import { LightningElement } from 'lwc';

/**
 * The "Log a Call" quick action in its modal: SLDS modal markup with the action's layout (Subject,
 * Comments) and its own Save/Cancel. Fires `save` ({ subject, comments }) or `close`.
 */
export default class LogCallModal extends LightningElement {
  static renderMode = 'light';

  subject = '';
  comments = '';
  focused = false;

  connectedCallback() {
    this.onKeyDown = (event) => {
      if (event.key === 'Escape') {
        event.preventDefault();
        this.close();
      }
    };
    document.addEventListener('keydown', this.onKeyDown);
  }

  disconnectedCallback() {
    document.removeEventListener('keydown', this.onKeyDown);
  }

  renderedCallback() {
    if (this.focused) return;
    const subject = this.querySelector(
      '[data-target-selection-name="sfdc:RecordField.Task.Subject"]',
    );
    if (subject) {
      this.focused = true;
      // Lightning moves focus into the panel once it has opened.
      requestAnimationFrame(() => subject.focus());
    }
  }

  handleValue(event) {
    const { fieldName, value } = event.detail;
    if (fieldName === 'Subject') this.subject = value ?? '';
    if (fieldName === 'Description') this.comments = value ?? '';
  }

  handleAction(event) {
    if (event.detail.apiName === 'SaveCall') this.save();
    else this.close();
  }

  save() {
    const fields = [...this.querySelectorAll('c-record-layout-item')];
    const valid = fields.map((field) => field.reportValidity()).every(Boolean);
    if (!valid) return;
    this.dispatchEvent(
      new CustomEvent('save', {
        detail: { subject: this.subject.trim(), comments: this.comments.trim() },
      }),
    );
  }

  close() {
    this.dispatchEvent(new CustomEvent('close'));
  }
}
