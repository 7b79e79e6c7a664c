import { LightningElement, api } from 'lwc';

/**
 * Lightning's `runtime_platform_actions-action-renderer`: the host carries the action's
 * `data-target-selection-name` (set by the page) and `apiname`; the button lives in its shadow.
 */
export default class ActionRenderer extends LightningElement {
  @api apiName;
  @api label;
  @api variant = 'neutral';
  @api disabled = false;

  connectedCallback() {
    this.setAttribute('apiname', this.apiName);
    this.setAttribute('title', this.label);
  }

  @api
  focus() {
    this.template.querySelector('lightning-button')?.focus();
  }

  handleClick() {
    this.dispatchEvent(new CustomEvent('action', { detail: { apiName: this.apiName } }));
  }
}
