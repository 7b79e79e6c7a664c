import { LightningElement } from 'lwc';
import { isBrowserClick, navigate, recordUrl } from 'c/router';
import { listRecords } from 'c/store';

const CURRENCY = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' });
const DATE = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeZone: 'UTC' });

/** The Opportunities object home: list view header and the records table. */
export default class ListView extends LightningElement {
  static renderMode = 'light';

  rows = listRecords().map((record) => ({
    ...record,
    url: recordUrl(record.Id),
    amountText: record.Amount ? CURRENCY.format(Number(record.Amount)) : '',
    closeDateText: record.CloseDate ? DATE.format(new Date(record.CloseDate)) : '',
  }));

  get countText() {
    const count = this.rows.length;
    return `${count} item${count === 1 ? '' : 's'} • Sorted by Opportunity Name`;
  }

  connectedCallback() {
    document.title = 'All Opportunities | Opportunities | Salesforce';
  }

  handleOpen(event) {
    if (isBrowserClick(event)) return;
    event.preventDefault();
    navigate(event.currentTarget.getAttribute('href'));
  }
}
