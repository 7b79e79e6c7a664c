import { LightningElement } from 'lwc';
import { LIST_URL, currentRoute, isBrowserClick, navigate, subscribe } from 'c/router';

/**
 * The one.app shell: the navigation bar and the page area, which follows the URL. Rendered in
 * light DOM, like the page components under it, so SLDS (a global stylesheet) styles it in both
 * shadow modes; the record-level components keep their own shadow roots.
 */
export default class App extends LightningElement {
  static renderMode = 'light';

  route = currentRoute();
  listUrl = LIST_URL;

  connectedCallback() {
    this.unsubscribe = subscribe((route) => {
      this.route = route;
      window.scrollTo(0, 0);
    });
  }

  disconnectedCallback() {
    this.unsubscribe?.();
  }

  get isList() {
    return this.route.name === 'list';
  }

  get isRecord() {
    return this.route.name === 'record';
  }

  get isNotFound() {
    return this.route.name === 'notFound';
  }

  get recordId() {
    return this.route.recordId;
  }

  get opportunitiesTabClass() {
    return this.isNotFound ? 'slds-context-bar__item' : 'slds-context-bar__item slds-is-active';
  }

  handleLink(event) {
    if (isBrowserClick(event)) return;
    event.preventDefault();
    navigate(event.currentTarget.getAttribute('href'));
  }
}
