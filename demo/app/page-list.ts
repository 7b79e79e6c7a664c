/** List views: all records in a fixed-height scroll container, rows rendering late. */
import { api, isAbort, type Account, type Opportunity } from './api.js';
import { h, loading, replaceChildren } from './dom.js';
import { date, money } from './format.js';
import { navigate, type RouteContext } from './router.js';
import { button, pageHeader, stageBadge } from './ui.js';

interface Column<T> {
  label: string;
  cell(row: T): Node | string;
  num?: boolean;
}

function link(href: string, text: string): HTMLElement {
  return h('a', { href }, text);
}

async function renderList<T extends { id: string; name: string }>(
  ctx: RouteContext,
  opts: {
    kind: 'opportunities' | 'accounts';
    title: string;
    icon: 'opportunity' | 'account';
    anchorPrefix: string;
    columns: Column<T>[];
    search(row: T): string;
  },
): Promise<void> {
  const { main, signal, url } = ctx;
  const q = (url.searchParams.get('q') ?? '').trim().toLowerCase();
  const count = h('p', { class: 'page-header-meta', 'aria-live': 'polite' }, 'Loading…');
  const scroll = h(
    'div',
    {
      class: 'list-scroll',
      'data-anchor': `${opts.anchorPrefix}.listScroll`,
      tabindex: '0',
      role: 'region',
      'aria-label': `${opts.title} list`,
    },
    loading(`Loading ${opts.title.toLowerCase()}…`),
  );
  const newPath = `/app/${opts.kind}/new`;
  main.append(
    pageHeader({
      icon: opts.icon,
      kicker: opts.title,
      title: q ? `Search results for “${q}”` : `All ${opts.title}`,
      actions: [
        button('New', {
          anchor: `${opts.anchorPrefix}.new`,
          onClick: () => navigate(newPath),
        }),
        button('Import', { anchor: `${opts.anchorPrefix}.import` }),
      ],
      meta: count,
      anchor: `${opts.anchorPrefix}.listHeader`,
    }),
    h('section', { class: 'card list-card' }, scroll),
  );

  let rows: T[];
  try {
    rows = await api.list<T>(opts.kind, signal);
  } catch (error) {
    if (isAbort(error)) return;
    throw error;
  }
  if (signal.aborted) return;
  rows = rows.filter((r) => !q || opts.search(r).toLowerCase().includes(q));
  count.textContent = `${rows.length} items · Sorted by Created Date`;

  const table = h(
    'table',
    { class: 'data-table', 'data-anchor': `${opts.anchorPrefix}.list` },
    h('caption', { class: 'visually-hidden' }, `All ${opts.title}`),
    h(
      'thead',
      null,
      h(
        'tr',
        null,
        h('th', { scope: 'col', class: 'row-num' }, h('span', { class: 'visually-hidden' }, 'Row')),
        ...opts.columns.map((c) => h('th', { scope: 'col', class: c.num ? 'num' : null }, c.label)),
      ),
    ),
    h(
      'tbody',
      null,
      ...rows.map((row, i) =>
        h(
          'tr',
          { 'data-row-id': row.id },
          h('td', { class: 'row-num' }, String(i + 1)),
          ...opts.columns.map((c, ci) =>
            h(
              ci === 0 ? 'th' : 'td',
              { scope: ci === 0 ? 'row' : null, class: c.num ? 'num' : null },
              c.cell(row),
            ),
          ),
        ),
      ),
    ),
  );
  replaceChildren(scroll, rows.length ? table : h('p', { class: 'empty' }, 'No items to display.'));
}

export function renderOpportunityList(ctx: RouteContext): Promise<void> {
  return renderList<Opportunity>(ctx, {
    kind: 'opportunities',
    title: 'Opportunities',
    icon: 'opportunity',
    anchorPrefix: 'opportunity',
    columns: [
      {
        label: 'Opportunity Name',
        cell: (o) => link(`/app/opportunities/${encodeURIComponent(o.id)}`, o.name),
      },
      {
        label: 'Account Name',
        cell: (o) =>
          o.accountId
            ? link(`/app/accounts/${encodeURIComponent(o.accountId)}`, o.accountName)
            : o.accountName,
      },
      { label: 'Stage', cell: (o) => stageBadge(o.stage) },
      { label: 'Amount', cell: (o) => money(o.amount), num: true },
      { label: 'Close Date', cell: (o) => date(o.closeDate) },
      { label: 'Opportunity Owner', cell: (o) => o.owner },
    ],
    search: (o) => `${o.name} ${o.accountName} ${o.stage}`,
  });
}

export function renderAccountList(ctx: RouteContext): Promise<void> {
  return renderList<Account>(ctx, {
    kind: 'accounts',
    title: 'Accounts',
    icon: 'account',
    anchorPrefix: 'account',
    columns: [
      {
        label: 'Account Name',
        cell: (a) => link(`/app/accounts/${encodeURIComponent(a.id)}`, a.name),
      },
      { label: 'Industry', cell: (a) => a.industry },
      { label: 'Phone', cell: (a) => a.phone },
      { label: 'Billing City', cell: (a) => a.billingCity },
      { label: 'Annual Revenue', cell: (a) => money(a.annualRevenue), num: true },
      { label: 'Account Owner', cell: (a) => a.owner },
    ],
    search: (a) => `${a.name} ${a.industry} ${a.billingCity}`,
  });
}
