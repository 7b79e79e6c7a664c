/** History-API router: intercepts in-app links, handles popstate, leaves hash-only changes alone. */

export interface RouteContext {
  /** The page container, already emptied. */
  main: HTMLElement;
  /** Regex captures from the route pattern (decoded). */
  params: string[];
  /** Aborted when the user navigates away; pages stop rendering late content then. */
  signal: AbortSignal;
  url: URL;
}

export interface Route {
  pattern: RegExp;
  title: string;
  /** Which top-level nav item is current. */
  section?: string;
  render(ctx: RouteContext): void | Promise<void>;
}

let routes: Route[] = [];
let fallback: Route;
let mainEl: HTMLElement;
let controller: AbortController | null = null;
let renderedKey = '';
const listeners = new Set<(route: Route, url: URL) => void>();

export function onRouteChange(fn: (route: Route, url: URL) => void): void {
  listeners.add(fn);
}

export function startRouter(main: HTMLElement, table: Route[], notFound: Route): void {
  mainEl = main;
  routes = table;
  fallback = notFound;
  document.addEventListener('click', interceptLinks);
  window.addEventListener('popstate', () => {
    // Fragment-only changes (the reports area) are handled by the page's own hashchange listener.
    if (keyOf(location) !== renderedKey) void render();
  });
  void render();
}

export function navigate(path: string, opts: { replace?: boolean } = {}): void {
  const url = new URL(path, location.href);
  if (opts.replace) history.replaceState(null, '', url);
  else history.pushState(null, '', url);
  void render();
  window.scrollTo(0, 0);
}

function keyOf(loc: { pathname: string; search: string }): string {
  return loc.pathname + loc.search;
}

function interceptLinks(event: MouseEvent): void {
  if (event.defaultPrevented || event.button !== 0) return;
  if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  const anchor = event
    .composedPath()
    .find((node): node is HTMLAnchorElement => node instanceof HTMLAnchorElement);
  if (!anchor || !anchor.hasAttribute('href') || anchor.target || anchor.hasAttribute('download')) {
    return;
  }
  const url = new URL(anchor.href);
  if (url.origin !== location.origin || !/^\/app(\/|$)/.test(url.pathname)) return;
  if (keyOf(url) === keyOf(location) && url.hash !== '') return; // hash link: browser handles it
  event.preventDefault();
  navigate(url.pathname + url.search + url.hash);
}

async function render(): Promise<void> {
  controller?.abort();
  const current = new AbortController();
  controller = current;
  renderedKey = keyOf(location);
  const url = new URL(location.href);
  let params: string[] = [];
  const route =
    routes.find((r) => {
      const m = r.pattern.exec(url.pathname.replace(/\/+$/, '') || '/');
      if (m) params = m.slice(1).map((p) => safeDecode(p ?? ''));
      return m !== null;
    }) ?? fallback;
  document.title = `${route.title} | Summit CRM`;
  while (mainEl.firstChild) mainEl.removeChild(mainEl.firstChild);
  for (const fn of listeners) fn(route, url);
  try {
    await route.render({ main: mainEl, params, signal: current.signal, url });
  } catch (error) {
    if (current.signal.aborted) return;
    console.error(error);
    const p = document.createElement('p');
    p.className = 'page-error';
    p.setAttribute('role', 'alert');
    p.textContent = `Something went wrong: ${error instanceof Error ? error.message : String(error)}`;
    mainEl.appendChild(p);
  }
}

function safeDecode(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}
