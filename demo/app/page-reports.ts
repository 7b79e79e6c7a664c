/**
 * `/app/reports`: a hash-routed area inside the history-routed app (`#/`, `#/pipeline`,
 * `#/activity`), switched with `location.hash` and `hashchange`.
 */
import { api, isAbort, isClosed, STAGES, type Opportunity } from './api.js';
import { h, loading, replaceChildren } from './dom.js';
import { seededRandom as prng } from '../../core/random';
import { dateOf, daysBefore, money } from './format.js';
import type { RouteContext } from './router.js';
import { card, pageHeader } from './ui.js';

const REPORTS = [
  {
    hash: '#/pipeline',
    title: 'Pipeline by Stage',
    description: 'Count, total and weighted amount of opportunities in each stage.',
  },
  {
    hash: '#/activity',
    title: 'Recent Activity',
    description: 'Calls, emails and meetings logged by the team in the last two weeks.',
  },
] as const;

function reportIndex(): HTMLElement {
  return card(
    'All reports',
    h(
      'ul',
      { class: 'report-list' },
      ...REPORTS.map((r) =>
        h(
          'li',
          null,
          h('a', { href: r.hash, 'data-anchor': `reports.link.${r.hash.slice(2)}` }, r.title),
          h('p', { class: 'muted' }, r.description),
        ),
      ),
    ),
    { anchor: 'reports.index' },
  );
}

async function pipelineReport(container: HTMLElement, signal: AbortSignal): Promise<void> {
  const body = h('div', { class: 'table-wrap' }, loading('Running report…'));
  container.append(card('Pipeline by Stage', body, { anchor: 'reports.pipeline' }));
  let opps: Opportunity[];
  try {
    opps = await api.list<Opportunity>('opportunities', signal);
  } catch (error) {
    if (isAbort(error)) return;
    throw error;
  }
  if (signal.aborted) return;
  const rows = STAGES.map((stage) => {
    const inStage = opps.filter((o) => o.stage === stage);
    const total = inStage.reduce((sum, o) => sum + o.amount, 0);
    const weighted = inStage.reduce((sum, o) => sum + (o.amount * o.probability) / 100, 0);
    return { stage, count: inStage.length, total, weighted };
  });
  const open = opps.filter((o) => !isClosed(o.stage));
  replaceChildren(
    body,
    h(
      'table',
      { class: 'data-table', 'data-anchor': 'reports.pipelineTable' },
      h('caption', { class: 'visually-hidden' }, 'Pipeline by stage'),
      h(
        'thead',
        null,
        h(
          'tr',
          null,
          h('th', { scope: 'col' }, 'Stage'),
          h('th', { scope: 'col', class: 'num' }, 'Opportunities'),
          h('th', { scope: 'col', class: 'num' }, 'Total Amount'),
          h('th', { scope: 'col', class: 'num' }, 'Weighted Amount'),
        ),
      ),
      h(
        'tbody',
        null,
        ...rows.map((r) =>
          h(
            'tr',
            { 'data-stage': r.stage },
            h('th', { scope: 'row' }, r.stage),
            h('td', { class: 'num' }, String(r.count)),
            h('td', { class: 'num' }, money(r.total)),
            h('td', { class: 'num' }, money(Math.round(r.weighted))),
          ),
        ),
      ),
      h(
        'tfoot',
        null,
        h(
          'tr',
          null,
          h('th', { scope: 'row' }, 'Open pipeline'),
          h('td', { class: 'num' }, String(open.length)),
          h('td', { class: 'num' }, money(open.reduce((s, o) => s + o.amount, 0))),
          h(
            'td',
            { class: 'num' },
            money(Math.round(open.reduce((s, o) => s + (o.amount * o.probability) / 100, 0))),
          ),
        ),
      ),
    ),
  );
}

const PEOPLE = ['Jordan Rivera', 'Priya Natarajan', 'Sam Okafor', 'Elena Petrova'] as const;
const ACTIONS = [
  'logged a call with',
  'sent an email to',
  'held a meeting with',
  'updated the stage for',
] as const;
const COMPANIES = [
  'Acme Logistics',
  'Helios Solar',
  'Lumen Analytics',
  'Granite Peak Capital',
  'Nimbus Cloud Systems',
  'Crescent Hotels',
  'Orchid Biotech',
] as const;

function activityReport(container: HTMLElement): void {
  const rand = prng(42);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)] as T;
  let day = 0;
  const items = Array.from({ length: 30 }, () => {
    day += rand() < 0.5 ? 0 : 1;
    return h(
      'li',
      null,
      h('strong', null, pick(PEOPLE)),
      ` ${pick(ACTIONS)} `,
      h('strong', null, pick(COMPANIES)),
      h('span', { class: 'muted' }, ` · ${dateOf(daysBefore(day))}`),
    );
  });
  container.append(
    card('Recent Activity', h('ol', { class: 'activity-list' }, ...items), {
      anchor: 'reports.activity',
    }),
  );
}

export function renderReports({ main, signal }: RouteContext): void {
  const tabs = h('nav', { class: 'report-tabs', 'aria-label': 'Reports' });
  const view = h('div', { class: 'report-view' });
  main.append(
    pageHeader({
      icon: 'report',
      kicker: 'Reports',
      title: 'Reports',
      meta: h('p', { class: 'page-header-meta' }, 'Sales analytics for your team'),
    }),
    tabs,
    view,
  );

  let inner: AbortController | null = null;
  const show = (): void => {
    inner?.abort();
    inner = new AbortController();
    const hash = location.hash === '' ? '#/' : location.hash;
    replaceChildren(
      tabs,
      ...[{ hash: '#/', title: 'All Reports' }, ...REPORTS].map((r) =>
        h(
          'a',
          { href: r.hash, class: 'report-tab', 'aria-current': r.hash === hash ? 'page' : null },
          r.title,
        ),
      ),
    );
    replaceChildren(view);
    if (hash === '#/pipeline') {
      void pipelineReport(view, AbortSignal.any([signal, inner.signal])).catch((error: unknown) => {
        if (!isAbort(error)) console.error(error);
      });
    } else if (hash === '#/activity') {
      activityReport(view);
    } else if (hash === '#/') {
      view.append(reportIndex());
    } else {
      view.append(
        card('Report not found', [
          h('p', null, 'There is no report at this address. '),
          h('a', { href: '#/' }, 'Back to all reports'),
        ]),
      );
    }
  };
  window.addEventListener('hashchange', show);
  signal.addEventListener('abort', () => {
    window.removeEventListener('hashchange', show);
    inner?.abort();
  });
  show();
}
