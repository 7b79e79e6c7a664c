/**
 * Record view for opportunities and accounts: header with actions (rendered at once), details after
 * the API delay, Related after an extra ~1 s, and a long activity timeline so the window scrolls.
 */
import {
  api,
  isAbort,
  NotFoundError,
  secondaryDelayMs,
  STAGES,
  type Account,
  type Kind,
  type Opportunity,
} from './api.js';
import { append, h, hashString, loading, replaceChildren, type Child } from './dom.js';
import { seededRandom as prng } from '../../core/random';
import { date, money } from './format.js';
import { openModal } from './modal.js';
import { renderRecordNotFound } from './page-not-found.js';
import { navigate, type RouteContext } from './router.js';
import { logCall, renderTimeline } from './timeline.js';
import { button, card, pageHeader, stageBadge, toast } from './ui.js';

const CALL_RESULTS = ['Connected', 'Left Voicemail', 'No Answer', 'Wrong Number'] as const;
const CONTACTS = [
  ['Avery Chen', 'VP Operations'],
  ['Marcus Bell', 'IT Director'],
  ['Sofia Alvarez', 'Procurement Manager'],
  ['Noah Williams', 'CFO'],
  ['Hannah Kim', 'Project Lead'],
  ['Diego Santos', 'Head of Security'],
] as const;

function field(apiName: string, label: string, value: Child): HTMLElement {
  return h(
    'div',
    { class: 'field', 'data-field': apiName },
    h('dt', null, label),
    h('dd', null, value === '' || value === null || value === undefined ? '—' : value),
  );
}

function recordLink(kind: Kind, id: string, text: string): HTMLElement {
  return h('a', { href: `/app/${kind}/${encodeURIComponent(id)}` }, text);
}

function wait(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => clearTimeout(timer), { once: true });
  });
}

function openLogCall(recordId: string, timeline: HTMLElement, signal: AbortSignal): void {
  const subject = h('input', {
    id: 'call-subject',
    name: 'subject',
    type: 'text',
    value: 'Call',
    'data-anchor': 'call.subject',
  });
  const comments = h('textarea', {
    id: 'call-comments',
    name: 'comments',
    rows: 4,
    'data-anchor': 'call.comments',
  });
  const result = h(
    'select',
    { id: 'call-result', name: 'callResult', 'data-anchor': 'call.result' },
    h('option', { value: '' }, '--None--'),
    ...CALL_RESULTS.map((r) => h('option', { value: r }, r)),
  );
  const save = h(
    'button',
    { type: 'button', class: 'btn btn-brand', 'data-anchor': 'call.save' },
    'Save',
  );
  const cancel = h(
    'button',
    { type: 'button', class: 'btn btn-neutral', 'data-anchor': 'call.cancel' },
    'Cancel',
  );
  const modal = openModal({
    title: 'Log a Call',
    anchor: 'call.dialog',
    body: [
      h('div', { class: 'form-row' }, h('label', { for: 'call-subject' }, 'Subject'), subject),
      h('div', { class: 'form-row' }, h('label', { for: 'call-comments' }, 'Comments'), comments),
      h('div', { class: 'form-row' }, h('label', { for: 'call-result' }, 'Call Result'), result),
    ],
    footer: [cancel, save],
    initialFocus: subject,
  });
  const onAbort = () => modal.close();
  signal.addEventListener('abort', onAbort, { once: true });
  cancel.addEventListener('click', () => modal.close());
  save.addEventListener('click', () => {
    logCall(recordId, subject.value.trim(), comments.value.trim(), result.value);
    renderTimeline(timeline, recordId);
    signal.removeEventListener('abort', onAbort);
    modal.close();
    toast(`Call “${subject.value.trim() || 'Call'}” was logged.`);
  });
}

export async function renderRecord(ctx: RouteContext, kind: Kind, id: string): Promise<void> {
  const { main, signal } = ctx;
  const isOpp = kind === 'opportunities';
  const objectLabel = isOpp ? 'Opportunity' : 'Account';
  const title = h('span', { class: 'record-name' }, 'Loading…');
  let following = false;
  const follow = button('Follow', { anchor: 'record.follow' });
  follow.setAttribute('aria-pressed', 'false');
  follow.addEventListener('click', () => {
    following = !following;
    follow.textContent = following ? 'Following' : 'Follow';
    follow.setAttribute('aria-pressed', String(following));
  });
  const timeline = h('ol', { class: 'timeline', 'data-anchor': 'record.timeline' });
  renderTimeline(timeline, id);
  const actions: HTMLElement[] = [follow];
  if (isOpp) {
    actions.push(
      button('Log a Call', {
        anchor: 'opportunity.logCall',
        onClick: () => openLogCall(id, timeline, signal),
      }),
    );
  }
  actions.push(
    button('Edit', {
      anchor: 'record.edit',
      onClick: () => navigate(`/app/${kind}/${encodeURIComponent(id)}/edit`),
    }),
  );

  const highlights = h('dl', { class: 'highlights', 'data-anchor': 'record.highlights' });
  const path = h('ol', { class: 'stage-path', 'aria-label': 'Stage path' });
  const details = h('div', { class: 'details' }, loading('Loading details…'));
  const related = h('div', { class: 'related' }, loading('Loading related lists…'));

  append(
    main,
    pageHeader({
      icon: isOpp ? 'opportunity' : 'account',
      kicker: objectLabel,
      title,
      actions,
      meta: highlights,
      anchor: 'record.header',
    }),
    isOpp ? h('section', { class: 'card path-card', 'aria-label': 'Stage' }, path) : null,
    h(
      'div',
      { class: 'columns' },
      h(
        'div',
        { class: 'col-main' },
        card('Details', details, { anchor: 'record.details' }),
        card('Activity', timeline, {
          anchor: 'record.activity',
          extra: h('span', { class: 'muted' }, 'Past activity · newest first'),
        }),
      ),
      h('div', { class: 'col-side' }, card('Related', related, { anchor: 'record.related' })),
    ),
  );

  let record: Opportunity | Account;
  try {
    record = await api.get<Opportunity | Account>(kind, id, signal);
  } catch (error) {
    if (isAbort(error)) return;
    if (error instanceof NotFoundError) {
      replaceChildren(main);
      renderRecordNotFound(main, objectLabel, id);
      return;
    }
    throw error;
  }
  if (signal.aborted) return;
  title.textContent = record.name;
  document.title = `${record.name} | ${objectLabel} | Summit CRM`;

  if (isOpp) {
    const opp = record as Opportunity;
    const account = opp.accountId
      ? recordLink('accounts', opp.accountId, opp.accountName)
      : opp.accountName;
    replaceChildren(
      highlights,
      field('accountName', 'Account Name', account),
      field('closeDate', 'Close Date', date(opp.closeDate)),
      field('amount', 'Amount', money(opp.amount)),
      field('owner', 'Opportunity Owner', opp.owner),
    );
    const steps: readonly string[] = STAGES;
    const current = steps.indexOf(opp.stage);
    const lastStep = opp.stage === 'Closed Lost' ? 'Closed Lost' : 'Closed Won';
    replaceChildren(
      path,
      ...[...STAGES.slice(0, 4), lastStep].map((s) => {
        const state =
          s === opp.stage ? 'current' : steps.indexOf(s) < current ? 'complete' : 'incomplete';
        return h(
          'li',
          { class: `stage-step ${state}`, 'aria-current': state === 'current' ? 'step' : null },
          s,
        );
      }),
    );
    replaceChildren(
      details,
      h(
        'dl',
        { class: 'field-grid' },
        field('name', 'Opportunity Name', opp.name),
        field(
          'accountName',
          'Account',
          account instanceof Node ? account.cloneNode(true) : account,
        ),
        field('stage', 'Stage', stageBadge(opp.stage)),
        field('amount', 'Amount', money(opp.amount)),
        field('closeDate', 'Close Date', date(opp.closeDate)),
        field('probability', 'Probability (%)', `${opp.probability}%`),
        field('nextStep', 'Next Step', opp.nextStep),
        field('owner', 'Opportunity Owner', opp.owner),
        h(
          'div',
          { class: 'field wide', 'data-field': 'description' },
          h('dt', null, 'Description'),
          h('dd', null, opp.description || '—'),
        ),
      ),
    );
  } else {
    const acc = record as Account;
    const site = acc.website
      ? h('a', { href: acc.website, target: '_blank', rel: 'noopener noreferrer' }, acc.website)
      : '';
    replaceChildren(
      highlights,
      field('industry', 'Industry', acc.industry),
      field('phone', 'Phone', acc.phone),
      field('website', 'Website', site),
      field('owner', 'Account Owner', acc.owner),
    );
    replaceChildren(
      details,
      h(
        'dl',
        { class: 'field-grid' },
        field('name', 'Account Name', acc.name),
        field('industry', 'Industry', acc.industry),
        field('phone', 'Phone', acc.phone),
        field('website', 'Website', site instanceof Node ? site.cloneNode(true) : site),
        field('annualRevenue', 'Annual Revenue', money(acc.annualRevenue)),
        field('billingCity', 'Billing City', acc.billingCity),
        field('owner', 'Account Owner', acc.owner),
      ),
    );
  }

  await wait(secondaryDelayMs(), signal);
  if (signal.aborted) return;
  const rand = prng(hashString(id));
  const contacts = CONTACTS.filter(() => rand() < 0.5).slice(0, 4);
  const contactList = h(
    'ul',
    { class: 'related-list' },
    ...(contacts.length ? contacts : CONTACTS.slice(0, 2)).map(([name, role]) =>
      h('li', null, h('strong', null, name), h('span', { class: 'muted' }, role)),
    ),
  );
  if (isOpp) {
    const opp = record as Opportunity;
    replaceChildren(
      related,
      h('h3', { class: 'related-title' }, `Contact Roles (${contactList.children.length})`),
      contactList,
      h('h3', { class: 'related-title' }, 'Products (2)'),
      h(
        'ul',
        { class: 'related-list' },
        h(
          'li',
          null,
          h('strong', null, 'Summit Sales Cloud'),
          h('span', { class: 'muted' }, `${money(Math.round(opp.amount * 0.7))} · 1 year`),
        ),
        h(
          'li',
          null,
          h('strong', null, 'Premier Success Plan'),
          h('span', { class: 'muted' }, `${money(Math.round(opp.amount * 0.3))} · 1 year`),
        ),
      ),
      h('h3', { class: 'related-title' }, 'Notes & Attachments (0)'),
      h('p', { class: 'muted' }, 'No notes yet.'),
    );
  } else {
    let opps: Opportunity[];
    try {
      opps = (await api.list<Opportunity>('opportunities', signal)).filter(
        (o) => o.accountId === id,
      );
    } catch (error) {
      if (isAbort(error)) return;
      throw error;
    }
    if (signal.aborted) return;
    replaceChildren(
      related,
      h('h3', { class: 'related-title' }, `Opportunities (${opps.length})`),
      h(
        'ul',
        { class: 'related-list' },
        ...opps.map((o) =>
          h(
            'li',
            null,
            recordLink('opportunities', o.id, o.name),
            h('span', { class: 'muted' }, `${o.stage} · ${money(o.amount)}`),
          ),
        ),
      ),
      h('h3', { class: 'related-title' }, `Contacts (${contactList.children.length})`),
      contactList,
    );
  }
}
