import { settlePageLanguage } from '../../components/pageText';
import { callBackground } from '../../platform/channel';
import '../../components/popup/popup.css';

// The organisation's language, if its policy sets one, before the popup takes its words.
void settlePageLanguage(async () => (await callBackground('settings:get', {})).locale)
  .then(() => import('./view'))
  .then(({ renderPopup }) => renderPopup());
