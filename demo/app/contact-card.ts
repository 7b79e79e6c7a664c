/**
 * The rep's contact card on the settings page. Each field's label is marked up the way a common
 * UI library renders a label, so guides are tried against labels as real CRMs write them:
 * MUI / react-admin (an aria-hidden asterisk after the name), SLDS (`<abbr title="required">*`
 * before it), a trailing colon, `aria-labelledby` naming a heading and an asterisk, and a label
 * wrapping its select.
 */
import { h } from './dom.js';
import { button, card } from './ui.js';

const star = () => h('span', { 'aria-hidden': 'true', class: 'required-star' }, ' *');

export function contactCard(): HTMLElement {
  const saved = h('p', { role: 'status', class: 'form-status' });
  const form = h(
    'form',
    {
      class: 'contact-card',
      onsubmit: (event: Event) => {
        event.preventDefault();
        saved.textContent = 'Contact card saved.';
      },
    },
    // MUI, react-admin, shadcn.
    h('label', { for: 'contact-mobile' }, 'Mobile phone', star()),
    h('input', { id: 'contact-mobile', name: 'mobile', type: 'tel', required: true }),
    // SLDS.
    h(
      'label',
      { for: 'contact-title' },
      h('abbr', { class: 'slds-required', title: 'required' }, '*'),
      'Job title',
    ),
    h('input', { id: 'contact-title', name: 'title', required: true }),
    // Plain forms with a colon.
    h('label', { for: 'contact-office' }, 'Office:'),
    h('input', { id: 'contact-office', name: 'office' }),
    // A label wrapping its control.
    h(
      'label',
      { class: 'wrapping' },
      'Time zone ',
      h(
        'select',
        { name: 'timezone' },
        h('option', { value: '' }, '--None--'),
        h('option', { value: 'Europe/Berlin' }, 'Europe/Berlin'),
        h('option', { value: 'America/New_York' }, 'America/New_York'),
      ),
    ),
    // aria-labelledby over a heading and an aria-hidden asterisk.
    h('span', { id: 'contact-signature-label', class: 'label' }, 'Email signature'),
    h('span', { id: 'contact-signature-star', 'aria-hidden': 'true' }, '*'),
    h('textarea', {
      name: 'signature',
      rows: 3,
      'aria-labelledby': 'contact-signature-label contact-signature-star',
    }),
    h(
      'div',
      { class: 'form-actions' },
      button('Save contact card', { anchor: 'record.save', variant: 'brand', type: 'submit' }),
    ),
    saved,
  );
  return card('Contact card', form, { anchor: 'settings.contact' });
}
