/**
 * Edit / New form: `<wm-record-form>` with its `<wm-input-field>`s (two shadow levels), and Save /
 * Cancel buttons in the light DOM below it. Save PUTs (or POSTs) and opens the record view.
 */
import {
  api,
  INDUSTRIES,
  isAbort,
  NotFoundError,
  STAGES,
  type Account,
  type Kind,
  type Opportunity,
} from './api.js';
import { h, loading, replaceChildren } from './dom.js';
import type { FieldDef, WmRecordForm } from './form-elements.js';
import './form-elements.js';
import { renderRecordNotFound } from './page-not-found.js';
import { navigate, type RouteContext } from './router.js';
import { button, pageHeader, toast } from './ui.js';

export const OPPORTUNITY_FIELDS: readonly FieldDef[] = [
  { apiName: 'name', label: 'Opportunity Name', type: 'text', required: true },
  { apiName: 'accountName', label: 'Account', type: 'text' },
  { apiName: 'stage', label: 'Stage', type: 'select', options: STAGES, required: true },
  { apiName: 'amount', label: 'Amount', type: 'number' },
  { apiName: 'closeDate', label: 'Close Date', type: 'date' },
  {
    apiName: 'nextStep',
    label: 'Next Step',
    type: 'text',
    help: 'What has to happen next to move this deal forward?',
  },
  { apiName: 'description', label: 'Description', type: 'textarea', wide: true },
];

export const ACCOUNT_FIELDS: readonly FieldDef[] = [
  { apiName: 'name', label: 'Account Name', type: 'text', required: true },
  { apiName: 'industry', label: 'Industry', type: 'select', options: INDUSTRIES },
  { apiName: 'phone', label: 'Phone', type: 'tel' },
  { apiName: 'website', label: 'Website', type: 'url' },
  { apiName: 'annualRevenue', label: 'Annual Revenue', type: 'number' },
];

function toStrings(record: object): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(record)) out[key] = value == null ? '' : String(value);
  return out;
}

function toBody(kind: Kind, values: Record<string, string>): Record<string, string | number> {
  const body: Record<string, string | number> = { ...values };
  const numeric = kind === 'opportunities' ? 'amount' : 'annualRevenue';
  const raw = values[numeric]?.trim() ?? '';
  body[numeric] = raw === '' ? 0 : Number(raw);
  return body;
}

export async function renderEdit(ctx: RouteContext, kind: Kind, id: string | null): Promise<void> {
  const { main, signal } = ctx;
  const isOpp = kind === 'opportunities';
  const objectLabel = isOpp ? 'Opportunity' : 'Account';
  const title = h('span', null, id ? 'Loading…' : `New ${objectLabel}`);
  const form = h('wm-record-form', { 'data-anchor': 'record.form' });
  const error = h('p', { class: 'form-error', role: 'alert', hidden: true });
  const cancel = button('Cancel', {
    anchor: 'record.cancel',
    onClick: () => navigate(id ? `/app/${kind}/${encodeURIComponent(id)}` : `/app/${kind}`),
  });
  const save = button('Save', { anchor: 'record.save', variant: 'brand' });
  const body = h('div', { class: 'form-body' }, loading('Loading record…'));

  main.append(
    pageHeader({ icon: isOpp ? 'opportunity' : 'account', kicker: objectLabel, title }),
    h(
      'section',
      { class: 'card edit-card', 'aria-label': `${objectLabel} form` },
      body,
      error,
      h('div', { class: 'form-footer' }, cancel, save),
    ),
  );

  let values: Record<string, string> = isOpp ? { stage: 'Prospecting' } : {};
  if (id) {
    try {
      const record = await api.get<Opportunity | Account>(kind, id, signal);
      values = toStrings(record);
      title.textContent = `Edit ${record.name}`;
      document.title = `Edit ${record.name} | Summit CRM`;
    } catch (e) {
      if (isAbort(e)) return;
      if (e instanceof NotFoundError) {
        replaceChildren(main);
        renderRecordNotFound(main, objectLabel, id);
        return;
      }
      throw e;
    }
    if (signal.aborted) return;
  }

  const recordForm: WmRecordForm = form;
  recordForm.configure(
    `${objectLabel} Information`,
    isOpp ? OPPORTUNITY_FIELDS : ACCOUNT_FIELDS,
    values,
  );
  replaceChildren(body, form);

  save.addEventListener('click', async () => {
    error.hidden = true;
    if (!recordForm.validate()) {
      error.textContent = 'Review the errors on this page.';
      error.hidden = false;
      return;
    }
    save.disabled = true;
    save.textContent = 'Saving…';
    try {
      const payload = toBody(kind, recordForm.values);
      const saved = id
        ? await api.put<{ id: string; name: string }>(kind, id, payload)
        : await api.post<{ id: string; name: string }>(kind, payload);
      toast(`${objectLabel} “${saved.name}” was saved.`);
      navigate(`/app/${kind}/${encodeURIComponent(saved.id)}`);
    } catch (e) {
      error.textContent = e instanceof Error ? e.message : String(e);
      error.hidden = false;
      save.disabled = false;
      save.textContent = 'Save';
    }
  });
}
