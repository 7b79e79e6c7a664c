/** Summit CRM: global chrome (sticky header, nav, search) and the route table. */
import { h } from './dom.js';
import { navigate, onRouteChange, startRouter, type Route } from './router.js';
import { renderHome } from './page-home.js';
import { renderAccountList, renderOpportunityList } from './page-list.js';
import { renderRecord } from './page-record.js';
import { renderEdit } from './page-edit.js';
import { renderReports } from './page-reports.js';
import { renderSettings } from './page-settings.js';
import { renderNotFound } from './page-not-found.js';
import './form-elements.js';

const NAV = [
  { section: 'home', label: 'Home', href: '/app/home' },
  { section: 'opportunities', label: 'Opportunities', href: '/app/opportunities' },
  { section: 'accounts', label: 'Accounts', href: '/app/accounts' },
  { section: 'reports', label: 'Reports', href: '/app/reports' },
  { section: 'settings', label: 'Settings', href: '/app/settings' },
] as const;

const ROUTES: Route[] = [
  { pattern: /^\/app(?:\/home)?$/, title: 'Home', section: 'home', render: renderHome },
  {
    pattern: /^\/app\/opportunities$/,
    title: 'Opportunities',
    section: 'opportunities',
    render: renderOpportunityList,
  },
  {
    pattern: /^\/app\/opportunities\/new$/,
    title: 'New Opportunity',
    section: 'opportunities',
    render: (ctx) => renderEdit(ctx, 'opportunities', null),
  },
  {
    pattern: /^\/app\/opportunities\/([^/]+)\/edit$/,
    title: 'Edit Opportunity',
    section: 'opportunities',
    render: (ctx) => renderEdit(ctx, 'opportunities', ctx.params[0] ?? ''),
  },
  {
    pattern: /^\/app\/opportunities\/([^/]+)$/,
    title: 'Opportunity',
    section: 'opportunities',
    render: (ctx) => renderRecord(ctx, 'opportunities', ctx.params[0] ?? ''),
  },
  {
    pattern: /^\/app\/accounts$/,
    title: 'Accounts',
    section: 'accounts',
    render: renderAccountList,
  },
  {
    pattern: /^\/app\/accounts\/new$/,
    title: 'New Account',
    section: 'accounts',
    render: (ctx) => renderEdit(ctx, 'accounts', null),
  },
  {
    pattern: /^\/app\/accounts\/([^/]+)\/edit$/,
    title: 'Edit Account',
    section: 'accounts',
    render: (ctx) => renderEdit(ctx, 'accounts', ctx.params[0] ?? ''),
  },
  {
    pattern: /^\/app\/accounts\/([^/]+)$/,
    title: 'Account',
    section: 'accounts',
    render: (ctx) => renderRecord(ctx, 'accounts', ctx.params[0] ?? ''),
  },
  { pattern: /^\/app\/reports$/, title: 'Reports', section: 'reports', render: renderReports },
  { pattern: /^\/app\/settings$/, title: 'Settings', section: 'settings', render: renderSettings },
];

const NOT_FOUND: Route = { pattern: /$^/, title: 'Page not found', render: renderNotFound };

function header(): HTMLElement {
  const search = h('input', {
    id: 'global-search',
    class: 'global-search-input',
    type: 'search',
    name: 'q',
    placeholder: 'Search Summit…',
    autocomplete: 'off',
    'data-anchor': 'global.search',
  });
  const searchForm = h(
    'form',
    {
      class: 'global-search',
      role: 'search',
      onsubmit: (event: Event) => {
        event.preventDefault();
        const q = search.value.trim();
        navigate(q ? `/app/opportunities?q=${encodeURIComponent(q)}` : '/app/opportunities');
      },
    },
    h('label', { for: 'global-search', class: 'visually-hidden' }, 'Search Summit'),
    h('span', { class: 'search-icon', 'aria-hidden': 'true' }, '⌕'),
    search,
  );

  const links = NAV.map((item) =>
    h(
      'li',
      null,
      h(
        'a',
        { href: item.href, class: 'nav-link', 'data-anchor': `nav.${item.section}` },
        item.label,
      ),
    ),
  );
  onRouteChange((route, url) => {
    NAV.forEach((item, i) => {
      const a = links[i]?.firstElementChild;
      if (!a) return;
      if (route.section === item.section) a.setAttribute('aria-current', 'page');
      else a.removeAttribute('aria-current');
    });
    search.value = url.pathname === '/app/opportunities' ? (url.searchParams.get('q') ?? '') : '';
  });

  return h(
    'header',
    { class: 'global-header' },
    h(
      'a',
      { class: 'brand', href: '/app/home', 'aria-label': 'Summit CRM home' },
      h('span', { class: 'brand-mark', 'aria-hidden': 'true' }, '▲'),
      h('span', { class: 'brand-name' }, 'Summit CRM'),
    ),
    h('nav', { class: 'global-nav', 'aria-label': 'Main' }, h('ul', null, ...links)),
    searchForm,
    h(
      'div',
      {
        class: 'user-chip',
        title: 'Jordan Rivera (Sales)',
        // What a CRM may show of the user's team and profile (Waymark's policy role rules).
        'data-user-team': 'Sales',
        'data-user-profile': 'Sales Manager',
      },
      h('span', { class: 'avatar', 'aria-hidden': 'true' }, 'JR'),
      h('span', { class: 'visually-hidden' }, 'Signed in as Jordan Rivera'),
    ),
  );
}

function boot(): void {
  const root = document.getElementById('app');
  if (!root) throw new Error('#app missing');
  const main = h('main', { id: 'main', class: 'app-main', tabindex: '-1' });
  root.append(
    h(
      'a',
      {
        class: 'skip-link',
        href: '#main',
        // Not a fragment navigation: the reports area owns the hash.
        onclick: (event: Event) => {
          event.preventDefault();
          main.focus();
        },
      },
      'Skip to content',
    ),
    header(),
    main,
    h(
      'footer',
      { class: 'app-footer' },
      'Summit CRM demo · data is fictional and resets on restart',
    ),
  );
  startRouter(main, ROUTES, NOT_FOUND);
}

boot();
