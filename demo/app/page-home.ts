/** `/app/home`: KPI tiles, "My open opportunities" (late), quick actions, today's tasks. */
import { api, CURRENT_USER, isAbort, isClosed, type Opportunity } from './api.js';
import { h, loading, replaceChildren } from './dom.js';
import { compactMoney, currentQuarter, date, money } from './format.js';
import type { RouteContext } from './router.js';
import { callsLogged } from './timeline.js';
import { card, linkButton, pageHeader, stageBadge } from './ui.js';

const TASKS = [
  ['Call back Priya at Helios Solar about the revised quote', 'Today'],
  ['Send MSA redlines to Granite Peak Capital legal', 'Today'],
  ['Prepare QBR deck for Acme Logistics', 'Tomorrow'],
  ['Update close dates on Q1 pipeline', 'Nov 18, 2026'],
  ['Confirm onsite demo logistics with Lumen Analytics', 'Nov 19, 2026'],
  ['Review security questionnaire from Ironclad Security', 'Nov 20, 2026'],
] as const;

function kpi(
  label: string,
  anchor: string,
): { tile: HTMLElement; value: HTMLElement; note: HTMLElement } {
  const value = h('p', { class: 'kpi-value' }, '—');
  const note = h('p', { class: 'kpi-note' }, 'Loading…');
  const tile = h(
    'div',
    { class: 'kpi', 'data-anchor': anchor },
    h('p', { class: 'kpi-label' }, label),
    value,
    note,
  );
  return { tile, value, note };
}

export async function renderHome({ main, signal }: RouteContext): Promise<void> {
  const pipeline = kpi('Open pipeline', 'home.kpi.pipeline');
  const won = kpi('Won this quarter', 'home.kpi.won');
  const calls = kpi('Calls logged', 'home.kpi.calls');
  calls.value.textContent = String(callsLogged());
  calls.note.textContent = 'This month';

  const myOpps = h('div', { class: 'table-wrap' }, loading('Loading your opportunities…'));

  main.append(
    pageHeader({
      icon: 'home',
      kicker: 'Home',
      title: 'Welcome back, Jordan',
      meta: h('p', { class: 'page-header-meta' }, 'Sales · North America · Q4 FY2026'),
    }),
    h(
      'section',
      { class: 'kpi-row', 'aria-label': 'Key metrics', 'data-anchor': 'home.kpis' },
      pipeline.tile,
      won.tile,
      calls.tile,
    ),
    h(
      'div',
      { class: 'columns' },
      h(
        'div',
        { class: 'col-main' },
        card('My open opportunities', myOpps, {
          anchor: 'home.myOpportunities',
          extra: h('a', { href: '/app/opportunities', class: 'card-link' }, 'View all'),
        }),
        card(
          "Today's tasks",
          h(
            'ul',
            { class: 'task-list' },
            ...TASKS.map(([text, due], i) =>
              h(
                'li',
                null,
                h('input', { type: 'checkbox', id: `task-${i}` }),
                h('label', { for: `task-${i}` }, text),
                h('span', { class: 'muted' }, due),
              ),
            ),
          ),
          { anchor: 'home.tasks' },
        ),
      ),
      h(
        'div',
        { class: 'col-side' },
        card(
          'Quick actions',
          h(
            'div',
            { class: 'quick-actions' },
            linkButton('New Opportunity', '/app/opportunities/new', 'home.newOpportunity', true),
            linkButton('New Account', '/app/accounts/new', 'home.newAccount'),
            linkButton('Pipeline report', '/app/reports#/pipeline', 'home.pipelineReport'),
            linkButton('Settings', '/app/settings', 'home.settings'),
          ),
          { anchor: 'home.quickActions' },
        ),
        card(
          'Announcements',
          [
            h('p', null, 'Q4 pricing is live: multi-year subscriptions get 8% off list.'),
            h('p', { class: 'muted' }, 'Posted by Sales Ops · Nov 10, 2026'),
          ],
          { anchor: 'home.announcements' },
        ),
      ),
    ),
  );

  let opps: Opportunity[];
  try {
    opps = await api.list<Opportunity>('opportunities', signal);
  } catch (error) {
    if (isAbort(error)) return;
    throw error;
  }
  if (signal.aborted) return;

  const open = opps.filter((o) => !isClosed(o.stage) && o.owner === CURRENT_USER);
  pipeline.value.textContent = compactMoney(open.reduce((sum, o) => sum + o.amount, 0));
  pipeline.note.textContent = `${open.length} open opportunities`;
  const [qStart, qEnd] = currentQuarter();
  const wonQ = opps.filter(
    (o) => o.stage === 'Closed Won' && o.closeDate >= qStart && o.closeDate < qEnd,
  );
  won.value.textContent = compactMoney(wonQ.reduce((sum, o) => sum + o.amount, 0));
  won.note.textContent = `${wonQ.length} deals closed`;

  const rows = open
    .slice()
    .sort((a, b) => a.closeDate.localeCompare(b.closeDate))
    .map((o) =>
      h(
        'tr',
        { 'data-row-id': o.id },
        h(
          'th',
          { scope: 'row' },
          h('a', { href: `/app/opportunities/${encodeURIComponent(o.id)}` }, o.name),
        ),
        h('td', null, o.accountName),
        h('td', null, stageBadge(o.stage)),
        h('td', { class: 'num' }, money(o.amount)),
        h('td', null, date(o.closeDate)),
      ),
    );
  replaceChildren(
    myOpps,
    h(
      'table',
      { class: 'data-table', 'data-anchor': 'home.myOpportunitiesTable' },
      h('caption', { class: 'visually-hidden' }, 'My open opportunities'),
      h(
        'thead',
        null,
        h(
          'tr',
          null,
          ...['Opportunity Name', 'Account Name', 'Stage', 'Amount', 'Close Date'].map((c) =>
            h('th', { scope: 'col', class: c === 'Amount' ? 'num' : null }, c),
          ),
        ),
      ),
      h('tbody', null, ...rows),
    ),
  );
}
