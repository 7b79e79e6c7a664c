import { LightningElement, api } from 'lwc';
import { LIST_URL, isBrowserClick, navigate } from 'c/router';
import { STAGES, addActivity, getRecord, listActivities, loadRecord, saveRecord } from 'c/store';

const CURRENCY = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' });
const DATE = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeZone: 'UTC' });

/** How long the record detail takes to arrive after the highlights panel, as in Lightning. */
const DETAIL_DELAY_MS = 300;
const TOAST_MS = 6000;

/**
 * The Opportunity record page: highlights panel (title, actions), the record detail in edit mode
 * with its docked Save/Cancel footer, an activity timeline and the Log a Call quick action.
 */
export default class RecordPage extends LightningElement {
  static renderMode = 'light';

  listUrl = LIST_URL;
  stageOptions = STAGES.map((stage) => ({ label: stage, value: stage }));

  record = {};
  draft = {};
  loaded = false;
  activities = [];
  showLogCall = false;
  toast = null;
  _recordId;
  toastTimer;

  @api
  get recordId() {
    return this._recordId;
  }
  set recordId(value) {
    if (value === this._recordId) return;
    this._recordId = value;
    this.load();
  }

  load() {
    const recordId = this._recordId;
    this.record = getRecord(recordId);
    this.draft = { ...this.record };
    this.activities = listActivities(recordId);
    this.loaded = false;
    this.showLogCall = false;
    this.hideToast();
    this.updateTitle();
    loadRecord(recordId, DETAIL_DELAY_MS).then((record) => {
      if (recordId !== this._recordId) return;
      this.record = record;
      this.draft = { ...record };
      this.loaded = true;
    });
  }

  disconnectedCallback() {
    clearTimeout(this.toastTimer);
  }

  updateTitle() {
    document.title = `${this.record.Name} | Opportunity | Salesforce`;
  }

  get amountText() {
    return this.record.Amount ? CURRENCY.format(Number(this.record.Amount)) : '';
  }

  get closeDateText() {
    return this.record.CloseDate ? DATE.format(new Date(this.record.CloseDate)) : '';
  }

  get hasToast() {
    return this.toast !== null;
  }

  get toastClass() {
    return `slds-notify slds-notify_toast slds-theme_${this.toast.variant}`;
  }

  get toastIcon() {
    return `utility:${this.toast.variant}`;
  }

  handleBreadcrumb(event) {
    if (isBrowserClick(event)) return;
    event.preventDefault();
    navigate(LIST_URL);
  }

  handleAction(event) {
    switch (event.detail.apiName) {
      case 'Edit':
        this.querySelector(
          '[data-target-selection-name="sfdc:RecordField.Opportunity.Name"]',
        )?.focus();
        break;
      case 'LogACall':
        this.showLogCall = true;
        break;
      case 'NewTask':
        this.showToast('info', 'New Task is not part of this page.');
        break;
      case 'CancelEdit':
        this.draft = { ...this.record };
        break;
      case 'SaveEdit':
        this.save();
        break;
      default:
        break;
    }
  }

  handleValue(event) {
    const { fieldName, value } = event.detail;
    this.draft = { ...this.draft, [fieldName]: value ?? '' };
  }

  save() {
    const fields = [...this.querySelectorAll('.slds-form c-record-layout-item')];
    const valid = fields.map((field) => field.reportValidity()).every(Boolean);
    if (!valid) {
      this.showToast('error', 'We hit a snag. Review the errors on this page.');
      return;
    }
    this.record = { ...this.draft };
    saveRecord(this.record);
    this.updateTitle();
    this.showToast('success', 'Opportunity saved');
  }

  handleCallSave(event) {
    const { subject, comments } = event.detail;
    this.activities = addActivity(this._recordId, subject, comments);
    this.showLogCall = false;
    this.showToast('success', `Task "${subject}" was created.`);
    this.focusAction('LogACall');
  }

  handleCallClose() {
    this.showLogCall = false;
    this.focusAction('LogACall');
  }

  focusAction(apiName) {
    Promise.resolve().then(() =>
      this.querySelector(`c-action-renderer[apiname="${apiName}"]`)?.focus(),
    );
  }

  showToast(variant, message) {
    clearTimeout(this.toastTimer);
    this.toast = { variant, message };
    this.toastTimer = setTimeout(() => this.hideToast(), TOAST_MS);
  }

  hideToast() {
    clearTimeout(this.toastTimer);
    this.toast = null;
  }
}
