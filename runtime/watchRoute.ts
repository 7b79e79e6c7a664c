/**
 * Notices SPA navigation without polling: the Navigation API reports history.pushState and
 * replaceState made by the page's own scripts, popstate and hashchange cover the rest, and the
 * background forwards webNavigation history events for browsers without the Navigation API.
 * Returns the check, so those forwarded reports go through the same de-duplication.
 */
export function watchRoute(onChange: (url: string) => void, signal: AbortSignal): () => void {
  let last = location.href;
  const check = () => {
    if (location.href === last) return;
    last = location.href;
    onChange(last);
  };
  const navigation = (globalThis as { navigation?: EventTarget }).navigation;
  navigation?.addEventListener('currententrychange', check, { signal });
  addEventListener('popstate', check, { signal });
  addEventListener('hashchange', check, { signal });
  return check;
}
