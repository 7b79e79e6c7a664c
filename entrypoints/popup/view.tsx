/** The popup itself, loaded once its language is settled (see main.tsx). */
import { render } from 'preact';
import { Popup } from '../../components/popup/Popup';
import { applyPageLocale } from '../../components/pageText';

export function renderPopup(): void {
  // The title stays "Waymark" (the toolbar button's name, from index.html): only `lang` follows.
  applyPageLocale(document);
  render(<Popup />, document.getElementById('app') as HTMLElement);
}
