/**
 * The options page's sections. Loaded only once the page's language is settled (see main.tsx):
 * each section takes its words when its module loads.
 */
import { render } from 'preact';
import { CustomCrms } from '../../components/options/CustomCrms';
import { GuideLibrary } from '../../components/options/GuideLibrary';
import { LocalSnapshot } from '../../components/options/LocalSnapshot';
import { ManagedPolicy } from '../../components/options/ManagedPolicy';
import { MyActivity } from '../../components/options/MyActivity';
import { SyncSettings } from '../../components/options/SyncSettings';
import { applyPageLocale, TEXT } from '../../components/pageText';

export function renderSections(): void {
  applyPageLocale(document, TEXT.options.documentTitle);
  render(<ManagedPolicy />, document.getElementById('managed') as HTMLElement);
  render(<MyActivity />, document.getElementById('app') as HTMLElement);
  render(<SyncSettings />, document.getElementById('sync') as HTMLElement);
  render(<LocalSnapshot />, document.getElementById('figures') as HTMLElement);
  render(<GuideLibrary />, document.getElementById('guides') as HTMLElement);
  render(<CustomCrms />, document.getElementById('crms') as HTMLElement);
}
