import { settlePageLanguage } from '../../components/pageText';
import { callBackground } from '../../platform/channel';
import '../../components/options/options.css';
import '../../components/snapshot/snapshot.css';

// The organisation's language, if its policy sets one, before any section takes its words.
void settlePageLanguage(async () => (await callBackground('settings:get', {})).locale)
  .then(() => import('./sections'))
  .then(({ renderSections }) => renderSections());
