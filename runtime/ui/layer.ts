/**
 * The only kind of element Waymark adds to a CRM page: a host whose closed shadow root holds its
 * UI (a step, the help button, the help panel). It is shown as a manual popover so it sits in the top layer, above any z-index the CRM uses,
 * and it keeps key events from reaching the page's own shortcut handlers.
 */
import { render } from 'preact';
import { browserLanguage, resolveLocale } from '../../core/i18n/locales';
import { LAYER_CSS } from './styles';

export interface Layer {
  root: ShadowRoot;
  container: HTMLElement;
  /**
   * Tells screen readers about a step that appeared without taking focus. `lang` is the text's
   * language when it is guide text, which need not be that of Waymark's own words.
   */
  announce(text: string, lang?: string): void;
}

/**
 * The events through which a person acts on step UI: presses and keys. Typing into and choosing
 * in Waymark's own forms (the authoring panel) records nothing, so `input` and `change` pass.
 */
const UI_EVENTS = [
  'click',
  'auxclick',
  'dblclick',
  'pointerdown',
  'pointerup',
  'mousedown',
  'mouseup',
  'keydown',
  'keyup',
  'keypress',
  'submit',
] as const;

/**
 * Closed, so page script cannot find, read or press the step UI (`host.shadowRoot` is null to
 * it). The end-to-end test build (`npm run build:e2e`) opens it, as Playwright's locators cannot
 * enter a closed root; every shipped build is closed, and an attack test drives the shipped one.
 */
const SHADOW_MODE: ShadowRootMode = import.meta.env.MODE === 'e2e' ? 'open' : 'closed';

/**
 * `tag` names the host: steps are drawn in `waymark-layer`s, the help button and panel in
 * `waymark-help`, so that each is found (by people and tests) without the other.
 */
export function mountLayer(
  doc: Document,
  signal: AbortSignal,
  tag: 'waymark-layer' | 'waymark-help' = 'waymark-layer',
): Layer {
  const host = doc.createElement(tag);
  const root = host.attachShadow({ mode: SHADOW_MODE });
  const style = doc.createElement('style');
  style.textContent = LAYER_CSS;
  // Waymark's own words are in the browser's language, whatever the CRM page declares.
  const lang = resolveLocale(browserLanguage());
  const container = doc.createElement('div');
  container.className = 'wm-root';
  container.lang = lang;
  const status = doc.createElement('div');
  status.className = 'wm-status';
  status.setAttribute('role', 'status');
  status.lang = lang;
  root.append(style, container, status);
  host.setAttribute('popover', 'manual');
  doc.documentElement.append(host);
  try {
    host.showPopover();
  } catch {
    // No popover support: the host's maximum z-index is the fallback.
  }
  for (const type of ['keydown', 'keyup', 'keypress'] as const) {
    host.addEventListener(type, (event) => event.stopPropagation(), { signal });
  }
  // Page script is hostile: a click or key it dispatches into the step UI (at the host, or inside
  // should the root ever be reachable) must not complete a step, answer a survey or end a run.
  // Stopped on the way down, before any of Waymark's own handlers sees it.
  for (const type of UI_EVENTS) {
    root.addEventListener(
      type,
      (event) => {
        if (event.isTrusted) return;
        event.stopImmediatePropagation();
        event.preventDefault();
      },
      { capture: true, signal },
    );
  }
  signal.addEventListener(
    'abort',
    () => {
      render(null, container);
      host.remove();
    },
    { once: true },
  );
  return {
    root,
    container,
    announce: (text, textLang = lang) => {
      status.lang = textLang;
      status.textContent = text;
    },
  };
}
