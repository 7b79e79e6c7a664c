/** Unknown routes and unknown record ids. */
import { h } from './dom.js';
import type { RouteContext } from './router.js';
import { card, linkButton, pageHeader } from './ui.js';

export function renderNotFound({ main, url }: RouteContext): void {
  main.append(
    pageHeader({
      icon: 'error',
      kicker: 'Error',
      title: 'Page not found',
      anchor: 'page.notFound',
    }),
    card('What happened?', [
      h('p', null, 'There is no page at ', h('code', null, url.pathname), '.'),
      h('p', null, linkButton('Go to Home', '/app/home', undefined, true)),
    ]),
  );
}

export function renderRecordNotFound(main: HTMLElement, objectLabel: string, id: string): void {
  document.title = 'Record not found | Summit CRM';
  main.append(
    pageHeader({
      icon: 'error',
      kicker: objectLabel,
      title: 'Record not found',
      anchor: 'page.notFound',
    }),
    card('What happened?', [
      h(
        'p',
        null,
        `No ${objectLabel.toLowerCase()} with id `,
        h('code', null, id),
        ' exists. It may have been deleted.',
      ),
      h('p', null, linkButton('Go to Home', '/app/home', undefined, true)),
    ]),
  );
}
