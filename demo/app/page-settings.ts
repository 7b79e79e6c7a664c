/** `/app/settings`: the settings form lives in a same-origin iframe, as in Dynamics 365. */
import { h } from './dom.js';
import type { RouteContext } from './router.js';
import { card, pageHeader } from './ui.js';
import { contactCard } from './contact-card.js';

export function renderSettings({ main }: RouteContext): void {
  main.append(
    pageHeader({
      icon: 'settings',
      kicker: 'Setup',
      title: 'Settings',
      meta: h('p', { class: 'page-header-meta' }, 'Personal preferences for Jordan Rivera'),
    }),
    card(
      'User options',
      h('iframe', {
        src: '/frames/settings.html',
        title: 'Settings',
        name: 'settings',
        class: 'settings-frame',
        'data-anchor': 'settings.frame',
      }),
      { anchor: 'settings.card' },
    ),
    contactCard(),
  );
}
