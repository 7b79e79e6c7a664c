import { LightningElement, api } from 'lwc';

/**
 * Lightning's `records-record-layout-item` in edit mode: the host carries the field's
 * `data-target-selection-name` (set by the page) and `field-label`; the base component that
 * edits the value lives in its shadow, with the real `<input>` in that component's own shadow.
 */
export default class RecordLayoutItem extends LightningElement {
  @api fieldLabel;
  @api fieldName;
  /** text, date, currency, picklist or textarea. */
  @api type = 'text';
  @api value;
  @api required = false;
  @api options = [];

  connectedCallback() {
    this.setAttribute('field-label', this.fieldLabel);
  }

  get isPicklist() {
    return this.type === 'picklist';
  }

  get isTextarea() {
    return this.type === 'textarea';
  }

  get isDate() {
    return this.type === 'date';
  }

  get isCurrency() {
    return this.type === 'currency';
  }

  get control() {
    return this.template.querySelector('lightning-input, lightning-combobox, lightning-textarea');
  }

  @api
  focus() {
    this.control?.focus();
  }

  /** Shows the control's own error ("Complete this field.") and says whether the value is valid. */
  @api
  reportValidity() {
    return this.control ? this.control.reportValidity() : true;
  }

  handleChange(event) {
    const value = event.detail ? event.detail.value : event.target.value;
    this.dispatchEvent(
      new CustomEvent('valuechange', { detail: { fieldName: this.fieldName, value } }),
    );
  }
}
